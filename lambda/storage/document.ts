import type { RequestEnvelope } from 'ask-sdk-model';
import { userIdOf } from '../envelope';

/**
 * What every store keeps per user, through ask-sdk's PersistenceAdapter:
 * the guide state (parsed as untrusted on the way back in), when it was
 * saved, and a revision that only ever grows. A store writes revision N only
 * over revision N-1 (or over nothing, for N = 1): a session holding an old
 * revision can never overwrite newer progress.
 */
export interface SavedDocument {
  readonly state: unknown;
  readonly savedAt: number;
  readonly revision: number;
}

/** Set on a loaded document when the stored one was unreadable and has been set aside. */
export const RECOVERED = 'recovered';

/** A conditional write lost: someone saved a newer revision first. */
export class StaleRevisionError extends Error {
  constructor(readonly stored?: number) {
    super(stored === undefined ? 'a newer revision is already saved' : `a newer revision (${stored}) is already saved`);
    this.name = 'StaleRevisionError';
  }
}

export function isStaleRevision(error: unknown): error is StaleRevisionError {
  return error instanceof StaleRevisionError;
}

/** The Alexa user id a store keys documents by: a request without one cannot be stored. */
export function requireUserId(envelope: RequestEnvelope): string {
  const id = userIdOf(envelope);
  if (id === null) throw new Error('the request carries no user id');
  return id;
}

/** A stable, non-reversible name for a user: file names and logs never hold the id in clear. */
export function userKey(userId: string): string {
  // Loaded on first use: a Lambda with no file store never needs it, and loading it costs cold start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(userId).digest('hex').slice(0, 32);
}

/** The revision a document claims, or 0 for none or nonsense. */
export function revisionOf(document: unknown): number {
  const revision = (document as { revision?: unknown } | null)?.revision;
  return typeof revision === 'number' && Number.isSafeInteger(revision) && revision > 0 ? revision : 0;
}
