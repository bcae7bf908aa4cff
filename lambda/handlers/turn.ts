import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Command } from '../guide/commands';
import { reduce } from '../guide/reduce';
import { parseState, type GuideState } from '../guide/state';
import { voiceFor } from '../voice/i18n';
import { renderSpeech } from '../voice/speech';

/** All of the guide's state lives under this one session attribute. */
export const STATE_KEY = 'guide';

export function loadState(input: HandlerInput): GuideState {
  return parseState(input.attributesManager.getSessionAttributes()[STATE_KEY]);
}

function requestLocale(input: HandlerInput): string | undefined {
  const locale: unknown = input.requestEnvelope?.request?.locale;
  return typeof locale === 'string' ? locale : undefined;
}

export function voiceOf(input: HandlerInput) {
  return voiceFor(requestLocale(input));
}

/**
 * The one path every answered request takes:
 * state → reduce(command) → messages → words → response.
 */
export function respond(input: HandlerInput, command: Command): Response {
  const voice = voiceOf(input);
  const reply = reduce(loadState(input), command);
  const { speech, reprompt } = renderSpeech(reply.say, reply.ask, voice);

  input.attributesManager.setSessionAttributes({ ...input.attributesManager.getSessionAttributes(), [STATE_KEY]: reply.state });
  const builder = input.responseBuilder.speak(speech);
  if (reprompt !== null) builder.reprompt(reprompt);
  else builder.withShouldEndSession(true);
  return builder.getResponse();
}
