import { getSupportedInterfaces, type HandlerInput } from 'ask-sdk-core';
import type { Response, SupportedInterfaces } from 'ask-sdk-model';
import { isWaiting, type Message } from '../guide/messages';
import type { Reply } from '../guide/reduce';
import { localeOf } from '../envelope';
import { renderDisplay } from './display';
import { voiceFor, type Voice } from './i18n';
import { APL_TOKEN, aplDocument } from './screen';
import { renderSpeech } from './speech';

/** The voice of a request's locale (any locale we don't speak gets the nearest one we do). */
export function voiceOf(input: HandlerInput): Voice {
  return voiceFor(localeOf(input.requestEnvelope) ?? undefined);
}

/** Only a device that says it renders APL gets a screen; every device gets the card. */
function supportsApl(input: HandlerInput): boolean {
  try {
    // A forged request's device may list no interfaces at all, whatever the type says.
    const interfaces = getSupportedInterfaces(input.requestEnvelope) as SupportedInterfaces | undefined;
    return Boolean(interfaces?.['Alexa.Presentation.APL']);
  } catch {
    return false;
  }
}

/**
 * A reply in words, card and screen: `notices` (about the user's progress)
 * first, then what the guide says, then its question. Whether the session
 * stays open follows from the question.
 */
export function composeResponse(input: HandlerInput, reply: Reply, notices: readonly Message[]): Response {
  const voice = voiceOf(input);
  const screen = supportsApl(input);
  const { speech, reprompt } = renderSpeech([...notices, ...reply.say], reply.ask, voice, reply.state.prefs.pace, { screen });
  const { card, data } = renderDisplay(reply, voice);
  const builder = input.responseBuilder.speak(speech).withStandardCard(card.title, card.text);
  if (screen) {
    builder.addDirective({
      type: 'Alexa.Presentation.APL.RenderDocument',
      token: APL_TOKEN,
      document: aplDocument(voice.locale),
      datasources: { guide: { type: 'object', properties: data } },
    });
  }
  if (screen && isWaiting(reply.ask)) {
    // A step on screen with nothing counted: shouldEndSession left unset keeps the session open
    // with the microphone closed, so "Alexa, next" reaches us; the screen's keep-alive extends it.
  } else if (reprompt !== null) builder.reprompt(reprompt);
  else builder.withShouldEndSession(true);
  return builder.getResponse();
}
