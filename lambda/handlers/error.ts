import type { ErrorHandler } from 'ask-sdk-core';
import { errorText, requestIdOf } from '../envelope';
import { escape } from '../voice/speech';
import { respond, type TurnDeps } from './turn';
import { voiceOf } from '../voice/response';

/**
 * Anything that went wrong: say so kindly, keep the user's place (the state
 * is only replaced by a successful turn), and log what helps debugging
 * without the envelope, user id or tokens.
 */
export function guideErrorHandler(deps: TurnDeps): ErrorHandler {
  return {
    canHandle: () => true,
    handle: async (input, error) => {
      deps.log({ level: 'error', event: 'request-failed', requestId: requestIdOf(input.requestEnvelope), error: errorText(error) });
      try {
        return await respond(input, { type: 'error' }, deps);
      } catch {
        // The guide itself failed: answer with the plainest words we have, and hand back no state.
        try {
          input.attributesManager.setSessionAttributes({});
        } catch {
          // out of session: there are no attributes to clear
        }
        const { t } = voiceOf(input);
        return input.responseBuilder
          .speak(escape(t('msg.error')))
          .reprompt(escape(t('msg.notUnderstood')))
          .getResponse();
      }
    },
  };
}
