import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Command } from '../guide/commands';
import { reduce } from '../guide/reduce';
import { Progress, SAVE_ATTEMPTS, type ProgressDeps } from '../storage/progress';
import { composeResponse } from '../voice/response';

export type TurnDeps = ProgressDeps;

/**
 * The one path every answered request takes:
 * state → reduce(command) → save → messages → words → response.
 */
export async function respond(input: HandlerInput, command: Command, deps: TurnDeps): Promise<Response> {
  const progress = new Progress(input, deps);
  let base = await progress.load();
  let reply = reduce(base.state, command);
  let saved = await progress.save(reply.state, base.revision);
  for (let attempt = 1; saved === 'stale' && attempt < SAVE_ATTEMPTS; attempt++) {
    // Another session saved newer progress: answer from that, never over it.
    base = await progress.loadSaved();
    reply = reduce(base.state, command);
    saved = await progress.save(reply.state, base.revision);
  }
  // Still raced after every attempt: the answer comes from the newest saved progress, and says
  // (once a session) that this turn could not be saved, never silently.
  if (saved === 'stale') progress.couldNotSave();
  if (progress.inSession) input.attributesManager.setSessionAttributes(progress.sessionAfter(reply.state, typeof saved === 'number' ? saved : base.revision));
  return composeResponse(input, reply, progress.notices);
}
