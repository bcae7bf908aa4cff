import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { answerAlways, buildSkill } from '../skill';
import { chooseStore } from '../storage/config';
import { answerAlexa, type AnswerOptions } from './answer';
import { SigningCertificates, type CertificateOptions } from './certificates';
import { answerClientError, answerError, NOBODY, refuse, sendJson, type LogLine } from './errors';
import { LIMITS, type Limits } from './limits';

/**
 * `npm run serve`: the skill as an HTTPS endpoint web service, for operators
 * who host it themselves (behind a TLS-terminating proxy or load balancer).
 *
 * node:http with no framework: every byte of every answer, refusals included,
 * is written by this folder (answer.ts for POST /, errors.ts for every
 * failure). Alexa's signature and timestamp are checked by our own code
 * (verify.ts, signature.ts, certificates.ts); `--insecure-local` turns both
 * off for local testing only. With SKILL_ID set, requests for any other skill
 * are refused before the skill runs.
 */

/** The project root: this file is in lambda/server/, and its bundle in build/<folder>/. */
const PROJECT_ROOT = join(__dirname, '..', '..');

export interface ServerOptions {
  readonly port: number;
  readonly host?: string;
  readonly verifySignature: boolean;
  readonly verifyTimestamp: boolean;
  readonly skillId?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Start-up lines and one JSON line per refused request. */
  readonly log?: LogLine;
  /** Tests shorten the bounds; production keeps LIMITS. */
  readonly limits?: Partial<Limits>;
  /** Tests inject a fetcher and trust roots; production downloads from Amazon and trusts node's roots. */
  readonly certificates?: CertificateOptions;
  readonly now?: () => number;
}

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  /**
   * Stops accepting connections, lets in-flight requests finish for at most
   * the drain bound, then cuts whatever is left. Resolves once every
   * connection is closed, with how many had to be cut.
   */
  close(): Promise<{ readonly cut: number }>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const env = options.env ?? process.env;
  const limits: Limits = { ...LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const storage = chooseStore(env, PROJECT_ROOT);
  if (storage.warning) log(`warning: ${storage.warning}`);
  if (!options.skillId) log('warning: SKILL_ID is not set: requests for any skill id will be answered.');
  if (!options.verifySignature || !options.verifyTimestamp) {
    log('WARNING: --insecure-local: Alexa request signatures and timestamps are NOT verified. Never expose this server to the internet.');
  }

  const certificates = options.verifySignature
    ? new SigningCertificates({ fetchTimeoutMs: limits.certificateFetchMs, failureTtlMs: limits.certificateFailureMs, now, ...options.certificates })
    : null;
  const alexa: AnswerOptions = {
    // The Lambda handler's path: whatever the envelope, a kind answer, never an exception.
    answer: answerAlways(buildSkill({ store: storage.store, skillId: options.skillId }), { skillId: options.skillId }),
    certificates,
    verifyTimestamp: options.verifyTimestamp,
    skillId: options.skillId,
    bodyLimitBytes: limits.bodyLimitBytes,
    now,
    log,
  };

  let draining = false;
  // While draining, every answer closes its connection: a keep-alive client must not send another request.
  const closing = (): Record<string, string> => (draining ? { connection: 'close' } : {});

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = pathOf(req.url);
    if (path === '/' && req.method === 'POST') return answerAlexa(req, res, alexa, closing());
    if (path === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      // Draining: a load balancer stops sending here before the connections go.
      sendJson(res, draining ? 503 : 200, { status: draining ? 'draining' : 'ok' }, closing());
      return;
    }
    const known = path === '/' || path === '/health';
    if (known) refuse(req, res, 405, 'method not allowed', NOBODY, log, { allow: path === '/' ? 'POST' : 'GET, HEAD', ...closing() });
    else refuse(req, res, 404, 'not found', NOBODY, log, closing());
  };

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveMs,
      // Node looks for expired requests this often (30 s by default, which would stretch every bound above).
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    (req, res) => {
      route(req, res).catch((error: unknown) => answerError(req, res, error, NOBODY, log));
    },
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => answerClientError(error, socket, log));
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address}:${port}`;
  log(`Foot Massage Guide listening on ${url} (progress: ${storage.description})`);

  let closed: Promise<{ cut: number }> | undefined;
  const close = (): Promise<{ cut: number }> => {
    closed ??= new Promise((resolve) => {
      draining = true;
      let cut = 0;
      const timer = setTimeout(() => {
        cut = sockets.size;
        log(JSON.stringify({ level: 'warn', event: 'drain-cut', connections: cut, afterMs: limits.drainMs }));
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }, limits.drainMs);
      server.close(() => {
        clearTimeout(timer);
        resolve({ cut });
      });
      // Idle keep-alive connections would hold close() open; busy ones get until the timer.
      server.closeIdleConnections();
    });
    return closed;
  };

  return { url, server, close };
}

/** The path of a request target, as sent (no normalising: `//` or `/./` is not `/`), without its query; '' when it cannot be read. */
function pathOf(target: string | undefined): string {
  if (target?.startsWith('/')) return target.split('?', 1)[0];
  try {
    return new URL(target ?? '').pathname; // absolute-form (`POST http://host/ HTTP/1.1`)
  } catch {
    return '';
  }
}

/** DRAIN_MS from the environment, when it is a sane whole number of milliseconds (at most a minute). */
function drainFrom(env: NodeJS.ProcessEnv): number | undefined {
  const value = Number(env.DRAIN_MS);
  return env.DRAIN_MS !== undefined && Number.isInteger(value) && value >= 0 && value <= 60_000 ? value : undefined;
}

function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ServerOptions {
  const insecure = argv.includes('--insecure-local');
  const port = Number(env.PORT ?? 3000);
  const drainMs = drainFrom(env);
  return {
    port: Number.isInteger(port) && port >= 0 ? port : 3000,
    host: env.HOST || '127.0.0.1',
    verifySignature: !insecure,
    verifyTimestamp: !insecure,
    skillId: env.SKILL_ID || undefined,
    limits: drainMs === undefined ? {} : { drainMs },
  };
}

/**
 * Runs the server until SIGTERM or SIGINT, then drains (bounded) and exits.
 * `overrides` is for the soak, which runs this same main with a loopback
 * certificate source; nothing in production passes it.
 */
export async function main(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<ServerOptions> = {},
): Promise<void> {
  const running = await startServer({ ...parseArgs(argv, env), ...overrides });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests, then stopping`);
    void running.close().then(({ cut }) => {
      console.log(cut > 0 ? `stopped (${cut} connection${cut === 1 ? '' : 's'} cut after the drain bound)` : 'stopped');
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
