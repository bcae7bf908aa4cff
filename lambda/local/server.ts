import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createAskSdkError } from 'ask-sdk-core';
import { ExpressAdapter, type Verifier } from 'ask-sdk-express-adapter';
import express, { type NextFunction, type Request, type Response } from 'express';
import { applicationIdOf, buildSkill } from '../skill';
import { chooseStore } from '../storage/config';
import { PROJECT_ROOT } from './projectRoot';

/**
 * `npm run serve`: the skill as an HTTPS endpoint web service, for operators
 * who host it themselves (behind a TLS-terminating proxy or load balancer).
 *
 * Alexa's request signature and timestamp are verified by default
 * (ask-sdk-express-adapter, with no body parser registered before it);
 * `--insecure-local` turns both off for local testing only. With SKILL_ID
 * set, requests for any other skill are refused before the skill runs.
 */

export interface ServerOptions {
  readonly port: number;
  readonly host?: string;
  readonly verifySignature: boolean;
  readonly verifyTimestamp: boolean;
  readonly skillId?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly log?: (line: string) => void;
}

/** Alexa's requests are a few kilobytes; anything near this is not one. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** Refuses, as a verification failure (HTTP 400), a request addressed to another skill. */
class SkillIdVerifier implements Verifier {
  constructor(private readonly skillId: string) {}

  async verify(body: string): Promise<void> {
    let id: unknown;
    try {
      id = applicationIdOf(JSON.parse(body));
    } catch {
      id = undefined;
    }
    if (id !== this.skillId) throw createAskSdkError('Request verification failed', 'the request is for another skill');
  }
}

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  /** Stops accepting connections and resolves once every in-flight request has been answered. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const env = options.env ?? process.env;
  const storage = chooseStore(env, PROJECT_ROOT);
  if (storage.warning) log(`warning: ${storage.warning}`);
  if (!options.skillId) log('warning: SKILL_ID is not set: requests for any skill id will be answered.');
  if (!options.verifySignature || !options.verifyTimestamp) {
    log('WARNING: --insecure-local: Alexa request signatures and timestamps are NOT verified. Never expose this server to the internet.');
  }

  const skill = buildSkill({ store: storage.store, skillId: options.skillId });
  const verifiers: Verifier[] = options.skillId ? [new SkillIdVerifier(options.skillId)] : [];
  const adapter = new ExpressAdapter(skill, options.verifySignature, options.verifyTimestamp, verifiers);

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Oversized bodies are refused from their declared length, before anything reads them;
  // the adapter's own parser caps chunked bodies.
  app.post('/', (req: Request, res: Response, next: NextFunction) => {
    if (Number(req.headers['content-length'] ?? 0) > BODY_LIMIT_BYTES) res.status(413).send('Request body too large');
    else next();
  }, adapter.getRequestHandlers());

  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(options.port, options.host ?? '127.0.0.1', () => resolve(s));
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address}:${port}`;
  log(`Foot Massage Guide listening on ${url} (progress: ${storage.description})`);

  return {
    url,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections would hold close() open; busy ones finish their request first.
        server.closeIdleConnections();
      }),
  };
}

function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ServerOptions {
  const insecure = argv.includes('--insecure-local');
  const port = Number(env.PORT ?? 3000);
  return {
    port: Number.isInteger(port) && port >= 0 ? port : 3000,
    host: env.HOST || '127.0.0.1',
    verifySignature: !insecure,
    verifyTimestamp: !insecure,
    skillId: env.SKILL_ID || undefined,
  };
}

async function main(): Promise<void> {
  const running = await startServer(parseArgs(process.argv.slice(2), process.env));
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests, then stopping`);
    void running.close().then(() => {
      console.log('stopped');
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
