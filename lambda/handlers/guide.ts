import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';
import { intentCommand } from './intents';
import { keepAliveHandler } from './keepAlive';
import { touchHandler } from './touch';
import { respond, type TurnDeps } from './turn';
import { voiceOf } from '../voice/response';

/** The request handlers, bound to the skill's store, clock and log. */
export function guideHandlers(deps: TurnDeps): RequestHandler[] {
  /** Opening the skill with no request ("Alexa, open foot massage guide"). */
  const launch: RequestHandler = {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
    handle: (input) => respond(input, { type: 'launch' }, deps),
  };

  /** Every intent, in a session or one-shot: the intent table decides the command. */
  const intent: RequestHandler = {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'IntentRequest',
    handle: (input) => respond(input, intentCommand(input.requestEnvelope.request as IntentRequest, voiceOf(input)), deps),
  };

  /**
   * Alexa tells us the session is over; progress was saved on the turn that
   * made it, so nothing is owed, and nothing the request carried is handed back.
   */
  const sessionEnded: RequestHandler = {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'SessionEndedRequest',
    handle: (input) => {
      input.attributesManager.setSessionAttributes({});
      return input.responseBuilder.getResponse();
    },
  };

  return [launch, intent, keepAliveHandler(deps.now), touchHandler(deps), sessionEnded];
}
