/**
 * Guards for values that arrive as JSON from outside: request envelopes,
 * session attributes, saved documents, files. One home, so every reader
 * agrees on what counts as an object.
 */

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
