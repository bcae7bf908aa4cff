import { isRecord } from './json';

/**
 * Total readers of an Alexa request envelope, in the spirit of ask-sdk-core's
 * RequestEnvelopeUtils but safe on anything: a forged, truncated or
 * mistyped envelope gives null, never an exception. Every place that needs
 * a request's id, locale, skill or user reads it here.
 */

function at(value: unknown, ...path: string[]): unknown {
  let here = value;
  for (const key of path) {
    if (!isRecord(here)) return undefined;
    here = here[key];
  }
  return here;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/** Alexa's id for the request, for logs. */
export function requestIdOf(envelope: unknown): string | null {
  return text(at(envelope, 'request', 'requestId'));
}

/** The locale the request is spoken in, as sent (not yet matched to one we speak). */
export function localeOf(envelope: unknown): string | null {
  return text(at(envelope, 'request', 'locale'));
}

/** The skill the request is addressed to, where ask-sdk-core reads it (the context). */
export function applicationIdOf(envelope: unknown): string | null {
  return text(at(envelope, 'context', 'System', 'application', 'applicationId'));
}

/** The Alexa user id: context first (every request has it), else the session's. */
export function userIdOf(envelope: unknown): string | null {
  return text(at(envelope, 'context', 'System', 'user', 'userId')) ?? text(at(envelope, 'session', 'user', 'userId'));
}

/** What an error says, for a log line: its message, or the thing itself. */
export function errorText(error: unknown): string {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return String(message ?? error);
}
