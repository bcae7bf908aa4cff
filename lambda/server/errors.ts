import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorText } from '../envelope';

/**
 * Our one error path: every refusal, on every route and at every stage (body
 * reading included), answers a status and `{ "error": <short reason>,
 * "requestId": <Alexa's id or null> }`. No stack, no exception text, no path:
 * a client learns what it did wrong, never how the server is built.
 */

/** A request we decline, with the status and the short reason the client is told. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    /** More for our log only (which check failed and how); never sent to the client. */
    readonly detail?: string,
  ) {
    super(reason);
    this.name = 'Refusal';
  }
}

/** Who a refused request was, as far as it could be read: never the raw user id. */
export interface Who {
  readonly requestId: string | null;
  /** userKey() of the Alexa user id: a hash. */
  readonly user: string | null;
}

/** The client went away before it could be answered: nothing to say, nothing refused. */
export class ClientGone extends Error {
  constructor() {
    super('the client went away');
    this.name = 'ClientGone';
  }
}

export const NOBODY: Who = { requestId: null, user: null };

export type LogLine = (line: string) => void;

/** Writes a JSON answer unless the client is already gone or has been answered. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJsonText(res, status, JSON.stringify(body), headers);
}

/** sendJson for a body already written as JSON text. */
export function sendJsonText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed || !res.writable) return;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Logs one JSON line for a refused request: the reason, never the envelope. */
function logRefusal(log: LogLine, status: number, reason: string, who: Who, detail?: string): void {
  log(JSON.stringify({ level: 'warn', event: 'request-refused', reason, status, requestId: who.requestId, user: who.user, ...(detail ? { detail } : {}) }));
}

/**
 * Answers a failed request. A Refusal says its own status and reason; anything
 * else is our fault: 500 with a fixed text, and the message (not the stack)
 * goes to the log only.
 */
export function answerError(req: IncomingMessage, res: ServerResponse, error: unknown, who: Who, log: LogLine, headers: Record<string, string> = {}): void {
  if (error instanceof ClientGone) return;
  if (error instanceof Refusal) {
    refuse(req, res, error.status, error.reason, who, log, headers, error.detail);
    return;
  }
  log(JSON.stringify({ level: 'error', event: 'request-failed', requestId: who.requestId, user: who.user, error: errorText(error).slice(0, 300) }));
  sendJson(res, 500, { error: 'internal error', requestId: who.requestId }, { connection: 'close' });
}

/**
 * Answers a refusal in the short JSON form and logs it. A body still arriving
 * is read and dropped first, for at most DISCARD_MS: answering and closing
 * with data unread makes the kernel reset the connection, and a reset can
 * destroy our answer before the client reads it. A client still sending after
 * that gets the answer with the connection closed behind it.
 */
export function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  reason: string,
  who: Who,
  log: LogLine,
  headers: Record<string, string> = {},
  detail?: string,
): void {
  logRefusal(log, status, reason, who, detail);
  const answer = (extra: Record<string, string>): void => sendJson(res, status, { error: reason, requestId: who.requestId }, { ...headers, ...extra });
  if (req.complete) answer({});
  else void discardRest(req).then((ended) => answer(ended ? {} : { connection: 'close' }));
}

/** How long a refused body may keep arriving before the answer goes anyway. */
const DISCARD_MS = 1_000;

/** Reads and drops the rest of a body; true if it ended within DISCARD_MS. */
function discardRest(req: IncomingMessage): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const done = (ended: boolean): void => {
      clearTimeout(timer);
      req.off('end', onEnd);
      req.off('close', onClose);
      resolve(ended);
    };
    const onEnd = (): void => done(true);
    const onClose = (): void => done(req.complete);
    const timer = setTimeout(() => done(false), DISCARD_MS);
    req.removeAllListeners('data');
    req.once('end', onEnd);
    req.once('close', onClose);
    req.resume();
  });
}

/**
 * Errors the HTTP parser raises before a request exists (malformed HTTP, too
 * many header bytes, a client too slow to send its headers or body): the same
 * short JSON, written to the socket, then the connection closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex, log: LogLine): void {
  // The client already left: nobody to answer, nothing refused.
  if (error.code === 'ECONNRESET' || error.code === 'EPIPE') {
    socket.destroy();
    return;
  }
  const [status, reason] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request timed out']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers too large']
        : [400, 'bad request'];
  logRefusal(log, status, reason, NOBODY);
  // bytesWritten: a request already being answered must not get a second status line.
  if (socket.writable && (socket as Duplex & { bytesWritten?: number }).bytesWritten === 0) {
    const body = JSON.stringify({ error: reason, requestId: null });
    socket.end(
      `HTTP/1.1 ${status} ${statusText(status)}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    // end() lets the answer go out first; a client that never closes its side is cut after the grace.
    const cut = setTimeout(() => socket.destroy(), DISCARD_MS);
    cut.unref();
    socket.once('close', () => clearTimeout(cut));
  } else {
    socket.destroy();
  }
}

function statusText(status: number): string {
  return status === 408 ? 'Request Timeout' : status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
}
