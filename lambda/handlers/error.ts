import type { ErrorHandler } from 'ask-sdk-core';
import { respond, voiceOf } from './turn';
import { escape } from '../voice/speech';

/**
 * Anything that went wrong: say so kindly, keep the user's place (the state
 * is only replaced by a successful turn), and log what helps debugging
 * without the envelope, user id or tokens.
 */
export const GuideErrorHandler: ErrorHandler = {
  canHandle: () => true,
  handle: (input, error) => {
    const requestId: unknown = input.requestEnvelope?.request?.requestId;
    console.error(JSON.stringify({ level: 'error', requestId: typeof requestId === 'string' ? requestId : null, error: String(error?.message ?? error) }));
    try {
      return respond(input, { type: 'error' });
    } catch {
      // The guide itself failed: answer with the plainest words we have.
      const t = voiceOf(input).t;
      return input.responseBuilder.speak(escape(t('msg.error'))).reprompt(escape(t('msg.notUnderstood'))).getResponse();
    }
  },
};
