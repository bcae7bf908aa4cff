import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';
import { intentCommand } from './intents';
import { respond, voiceOf } from './turn';

/** Opening the skill with no request ("Alexa, open foot massage guide"). */
export const LaunchHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
  handle: (input) => respond(input, { type: 'launch' }),
};

/** Every intent, in a session or one-shot: the intent table decides the command. */
export const IntentHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'IntentRequest',
  handle: (input) => respond(input, intentCommand(input.requestEnvelope.request as IntentRequest, voiceOf(input))),
};

/** Alexa tells us the session is over; it expects no speech back. */
export const SessionEndedHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'SessionEndedRequest',
  handle: (input) => input.responseBuilder.getResponse(),
};
