import type { IncomingMessage } from 'node:http';
import { ClientGone, Refusal } from './errors';

/**
 * Reads a request body ourselves, as raw bytes, under one limit for plain and
 * chunked bodies alike. Alexa sends UTF-8 JSON, uncompressed: a body in any
 * other content encoding or charset is refused (415) before it is read, so
 * no decoder we did not choose ever runs on it. The signature is checked over
 * these exact bytes.
 */
export interface Body {
  readonly raw: Buffer;
  readonly text: string;
}

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Body> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') throw new Refusal(415, 'unsupported content encoding');
  const charset = charsetOf(req.headers['content-type']);
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') throw new Refusal(415, 'unsupported charset');
  const declared = req.headers['content-length'];
  // Refused from its declared length, before anything is read.
  if (declared !== undefined && Number(declared) > limitBytes) throw new Refusal(413, 'body too large');

  const raw = await collect(req, limitBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new Refusal(400, 'body is not UTF-8');
  }
  return { raw, text };
}

/** The charset parameter of a Content-Type, lowercased and unquoted; null when there is none. */
function charsetOf(contentType: string | undefined): string | null {
  if (!contentType) return null;
  for (const parameter of contentType.split(';').slice(1)) {
    const [name, ...value] = parameter.split('=');
    if (name.trim().toLowerCase() === 'charset')
      return value
        .join('=')
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase();
  }
  return null;
}

function collect(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      outcome();
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      // Counted as it arrives: a chunked body is stopped at the limit, not after it has all been held.
      if (size > limitBytes) {
        req.pause();
        settle(() => reject(new Refusal(413, 'body too large')));
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => settle(() => resolve(Buffer.concat(chunks, size))));
    req.once('error', () => settle(() => reject(new ClientGone())));
    req.once('close', () => settle(() => (req.complete ? resolve(Buffer.concat(chunks, size)) : reject(new ClientGone()))));
  });
}
