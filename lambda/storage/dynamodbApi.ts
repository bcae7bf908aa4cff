import type { Agent, IncomingMessage } from 'node:http';
import { sign } from 'aws4';

/**
 * DynamoDB's JSON API, for the three calls the store makes (GetItem, PutItem,
 * DeleteItem): a signed POST over node's own http(s) with keep-alive.
 *
 * Why not @aws-sdk/client-dynamodb: loading it took 63–87 ms of every cold
 * start here and its first call another 25–35 ms, on a skill whose whole
 * answer takes about 50 ms. This is a few KB. Requests are signed with
 * Signature Version 4 by aws4 (tests/storage/dynamodbSigning.test.ts holds it
 * to the SDK's own signer, @smithy/signature-v4); credentials come from the
 * environment, where Lambda puts its role's (AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN).
 */

export type Operation = 'GetItem' | 'PutItem' | 'DeleteItem';

export interface DynamoApiOptions {
  readonly region: string;
  /** http(s)://host[:port]; https://dynamodb.<region>.amazonaws.com when unset. */
  readonly endpoint?: string;
  /** Where credentials are read, on every call (the SDK's fromEnv reads the same names). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Alexa waits 8 s for the whole answer: fail fast and answer without saving. */
  readonly connectTimeoutMs?: number;
  /** The whole of one attempt, from sending to the last byte of the answer. */
  readonly requestTimeoutMs?: number;
  /** Tries per call, the first included (the SDK's maxAttempts). */
  readonly attempts?: number;
}

/** The same limits the store had with the SDK: connection 1 s, request 2 s, 2 attempts. */
const CONNECT_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 2_000;
const ATTEMPTS = 2;

/** A call DynamoDB refused; `name` is its error type, e.g. ConditionalCheckFailedException. */
export class DynamoApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status: number,
  ) {
    super(`${type}: ${message}`);
    this.name = type;
  }
}

/** Error types DynamoDB asks callers to retry (besides any 5xx), as the SDK's standard retry does. */
const THROTTLING: ReadonlySet<string> = new Set([
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ThrottlingException',
  'LimitExceededException',
]);

/** The public endpoint of DynamoDB in a region (China's regions live under amazonaws.com.cn). */
export function endpointFor(region: string): string {
  return `https://dynamodb.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

function credentialsFrom(env: Readonly<Record<string, string | undefined>>): Credentials {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error('no AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY): Lambda sets them; elsewhere export them');
  }
  return { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) };
}

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** A failure before DynamoDB answered (refused, reset, timed out): worth one more try. */
class TransportError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'DynamoDBTransportError';
  }
}

export class DynamoApi {
  readonly endpoint: URL;
  private readonly region: string;
  private readonly env: Readonly<Record<string, string | undefined>>;
  private readonly connectTimeoutMs: number;
  private readonly requestTimeoutMs: number;
  private readonly attempts: number;
  private transport?: { request: typeof import('node:http').request; agent: Agent };

  constructor(options: DynamoApiOptions) {
    this.region = options.region;
    this.endpoint = new URL(options.endpoint ?? endpointFor(options.region));
    if (this.endpoint.protocol !== 'https:' && this.endpoint.protocol !== 'http:') {
      throw new Error(`DynamoDB endpoint ${options.endpoint} is neither http nor https`);
    }
    this.env = options.env ?? process.env;
    this.connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
    this.requestTimeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
    this.attempts = Math.max(1, options.attempts ?? ATTEMPTS);
  }

  /** Calls `operation` with `input` (DynamoDB's JSON shapes) and returns DynamoDB's JSON answer. */
  async call(operation: Operation, input: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>> {
    const body = JSON.stringify(input);
    for (let attempt = 1; ; attempt++) {
      try {
        return parseAnswer(await this.post(operation, body));
      } catch (error) {
        if (attempt >= this.attempts || !retryable(error)) throw error;
        // A little jitter, so two devices that failed together do not retry together.
        await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
      }
    }
  }

  /** Loaded on first use, and only the one the endpoint needs: https (with TLS) costs a cold start more than http. */
  private connection(): { request: typeof import('node:http').request; agent: Agent } {
    if (!this.transport) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const http = (this.endpoint.protocol === 'https:' ? require('node:https') : require('node:http')) as typeof import('node:http');
      // Keep-alive: a warm Lambda reuses its connection (and TLS session) instead of opening one per call.
      this.transport = { request: http.request, agent: new http.Agent({ keepAlive: true, maxSockets: 50 }) };
    }
    return this.transport;
  }

  /** One signed attempt; resolves with whatever DynamoDB answered, rejects only when it did not. */
  private post(operation: Operation, body: string): Promise<Answer> {
    const { request, agent } = this.connection();
    const url = this.endpoint;
    const signed = sign(
      {
        service: 'dynamodb',
        region: this.region,
        method: 'POST',
        path: '/',
        // Host as the server will see it: with the port when it is not the default, brackets for IPv6.
        headers: { Host: url.host, 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `DynamoDB_20120810.${operation}` },
        body,
      },
      credentialsFrom(this.env),
    );
    return new Promise<Answer>((resolve, reject) => {
      let settled = false;
      let connectTimer: NodeJS.Timeout | undefined;
      const finish = (error: Error | null, answer?: Answer): void => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        clearTimeout(connectTimer);
        if (error) {
          req.destroy();
          reject(error);
        } else resolve(answer as Answer);
      };
      const req = request(
        {
          protocol: url.protocol,
          hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
          port: url.port || undefined,
          method: 'POST',
          path: '/',
          headers: signed.headers,
          agent,
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => finish(null, { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', (error: NodeJS.ErrnoException) => finish(new TransportError(`DynamoDB's answer broke off: ${error.message}`, error.code)));
          res.on('close', () => {
            if (!res.complete) finish(new TransportError("DynamoDB's answer broke off"));
          });
        },
      );
      const deadline = setTimeout(
        () => finish(new TransportError(`DynamoDB did not answer within ${this.requestTimeoutMs} ms`, 'ETIMEDOUT')),
        this.requestTimeoutMs,
      );
      req.on('socket', (socket) => {
        // Only a new connection can hang while connecting; a kept-alive one is already there.
        if (!socket.connecting) return;
        connectTimer = setTimeout(
          () => finish(new TransportError(`could not connect to DynamoDB within ${this.connectTimeoutMs} ms`, 'ETIMEDOUT')),
          this.connectTimeoutMs,
        );
        socket.once('connect', () => clearTimeout(connectTimer));
      });
      req.on('error', (error: NodeJS.ErrnoException) => finish(new TransportError(`DynamoDB request failed: ${error.message}`, error.code)));
      req.end(body);
    });
  }
}

function parseAnswer({ status, body }: Answer): Record<string, unknown> {
  let json: unknown;
  try {
    json = body === '' ? {} : JSON.parse(body);
  } catch {
    json = undefined;
  }
  const record = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  if (status === 200 && record) return record;
  // Errors come as {"__type": "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", "message": "..."}.
  const type = typeof record?.__type === 'string' ? record.__type.slice(record.__type.lastIndexOf('#') + 1) : `HTTP${status}`;
  const message = record?.message ?? record?.Message;
  throw new DynamoApiError(type, typeof message === 'string' ? message : `DynamoDB answered ${status}`, status);
}

function retryable(error: unknown): boolean {
  if (error instanceof TransportError) return true;
  if (error instanceof DynamoApiError) return error.status >= 500 || THROTTLING.has(error.type);
  return false;
}
