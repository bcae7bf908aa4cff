import { SkillBuilders } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';

/**
 * The benchmark's baseline: the smallest useful ask-sdk-core skill, one
 * LaunchRequest handler, bundled exactly like ours. Every other request gets
 * the same answer, so both requests of a cold start are answered.
 */
const skill = SkillBuilders.custom()
  .addRequestHandlers({
    // The launch handler takes every request, so the intent in a cold start is answered too.
    canHandle: () => true,
    handle: (input) => input.responseBuilder.speak('Welcome.').reprompt('Welcome.').getResponse(),
  })
  .create();

export const handler = (event: RequestEnvelope): Promise<ResponseEnvelope> => skill.invoke(event);
