import { applicationIdOf, requestIdOf, userIdOf } from '../envelope';
import { isRecord } from '../json';
import { userKey } from '../storage/document';
import { NOBODY, Refusal, type Who } from './errors';
import { SKILL_EVENT_TOLERANCE_MS, TIMESTAMP_TOLERANCE_MS } from './limits';

/**
 * Our own checks on a request, all cheap and all made before any certificate
 * is downloaded: the body is an Alexa envelope, the certificate URL is one
 * Amazon would use, the timestamp is now, and the request is for this skill.
 * Each failure is a Refusal (400) with a short reason.
 */

type Json = Record<string, unknown>;

/** The body as an envelope: a JSON object whose `request` is an object with a type. Anything else is malformed. */
export function parseEnvelope(text: string): Json {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Refusal(400, 'malformed request');
  }
  if (!isRecord(parsed) || !isRecord(parsed.request) || typeof parsed.request.type !== 'string' || parsed.request.type === '') {
    throw new Refusal(400, 'malformed request');
  }
  return parsed;
}

/** Alexa's request ids are short and plain; anything else is not echoed back or logged. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,200}$/;

/** Who sent the envelope, for answers and logs: the request id if it looks like one, the user only as a hash. */
export function whoSent(envelope: unknown): Who {
  if (!isRecord(envelope)) return NOBODY;
  const id = requestIdOf(envelope);
  const user = userIdOf(envelope);
  return { requestId: id !== null && REQUEST_ID.test(id) ? id : null, user: user === null ? null : userKey(user) };
}

const CERTIFICATE_HOST = 's3.amazonaws.com';
const CERTIFICATE_PATH = '/echo.api/';

/**
 * Amazon's rules for SignatureCertChainUrl, on the normalised URL: https,
 * host s3.amazonaws.com (any case), port 443 if one is given, path starting
 * /echo.api/ (case-sensitive). Stricter than normalising alone: a path with
 * a `.` or `..` segment, plainly or percent-encoded (once or more), with a
 * backslash or a control character, is refused outright; Alexa never sends one.
 * Returns the normalised URL, the one to fetch and to cache by.
 */
export function certificateUrl(raw: string): string {
  const refuse = (): never => {
    throw new Refusal(400, 'bad certificate url');
  };
  if (raw.length > 2048 || /[\s\\\u0000-\u001f\u007f]/.test(raw)) refuse();
  const path = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(raw)?.[1];
  if (path === undefined || dotSegments(path)) refuse();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse();
  }
  // WHATWG URL lowercases the scheme and host, and drops :443 for https.
  if (url.protocol !== 'https:' || url.hostname !== CERTIFICATE_HOST || url.port !== '' || url.username !== '' || url.password !== '') refuse();
  if (!url.pathname.startsWith(CERTIFICATE_PATH)) refuse();
  url.hash = '';
  return url.href;
}

/** Whether a path holds a `.` or `..` segment, after undoing percent-encoding as many times as it was applied. */
function dotSegments(path: string): boolean {
  let current = path;
  for (let round = 0; round < 4; round += 1) {
    if (current.split(/[/\\]/).some((segment) => segment === '.' || segment === '..')) return true;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return true; // broken percent-encoding: not a URL Amazon would send
    }
    if (decoded === current) return false;
    current = decoded;
  }
  return true; // encoded more deeply than any real URL
}

/** ISO 8601 as Alexa writes it (2024-05-13T12:34:56Z, optional fraction and offset): nothing looser. */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The request's timestamp is readable and within 150 s of now, either side.
 * Skill events (AlexaSkillEvent.*) may also be up to an hour old, as Amazon
 * delivers them late; never early.
 */
export function checkTimestamp(envelope: Json, now: number): void {
  const request = envelope.request as Json;
  const stamp = request.timestamp;
  const at = typeof stamp === 'string' && ISO_TIMESTAMP.test(stamp) ? Date.parse(stamp) : Number.NaN;
  if (!Number.isFinite(at)) throw new Refusal(400, 'unreadable timestamp');
  if (at - now > TIMESTAMP_TOLERANCE_MS) throw new Refusal(400, 'timestamp in the future');
  const age = now - at;
  const event = typeof request.type === 'string' && request.type.startsWith('AlexaSkillEvent.');
  if (age > (event ? SKILL_EVENT_TOLERANCE_MS : TIMESTAMP_TOLERANCE_MS)) throw new Refusal(400, 'stale timestamp');
}

/** With SKILL_ID set, only requests addressed to it are answered. */
export function checkSkillId(envelope: Json, skillId: string | undefined): void {
  if (skillId && applicationIdOf(envelope) !== skillId) throw new Refusal(400, 'request is for another skill');
}
