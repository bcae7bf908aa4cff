import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { interfaces } from 'ask-sdk-model';
import { isRecord } from '../json';
import { KEEP_ALIVE_EVENT, KEEP_ALIVE_MS } from '../voice/screen';
import { QUIET_SINCE_KEY } from '../storage/progress';

/**
 * The screen's silent keep-alive (voice/screen.ts): while a step waits for the
 * user, it keeps the session open, answered without a word and without touching
 * the saved progress. After KEEP_ALIVE_MS with no spoken or touched command the
 * session ends quietly; the place is already saved, and "Alexa, ask foot massage
 * guide to continue" picks it up.
 */
export function keepAliveHandler(now: () => number): RequestHandler {
  return {
    canHandle: (input) => {
      if (getRequestType(input.requestEnvelope) !== 'Alexa.Presentation.APL.UserEvent') return false;
      const args: unknown = (input.requestEnvelope.request as interfaces.alexa.presentation.apl.UserEvent).arguments;
      return Array.isArray(args) && args[0] === KEEP_ALIVE_EVENT;
    },
    handle: (input) => {
      const attributes: unknown = input.attributesManager.getSessionAttributes();
      const session = isRecord(attributes) ? attributes : {};
      const quietSince = session[QUIET_SINCE_KEY];
      const fresh = typeof quietSince === 'number' && Number.isFinite(quietSince) && now() - quietSince < KEEP_ALIVE_MS;
      if (!fresh) {
        input.attributesManager.setSessionAttributes({});
        return input.responseBuilder.withShouldEndSession(true).getResponse();
      }
      // The same attributes go back unchanged: the session carries on exactly as it was.
      input.attributesManager.setSessionAttributes(session);
      return input.responseBuilder.getResponse();
    },
  };
}
