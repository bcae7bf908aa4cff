import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { PROJECT_ROOT } from '../../lambda/local/projectRoot';
import { makeTestSigning, type TestSigning } from '../../lambda/local/testSigning';
import { DRAIN_MS } from '../../lambda/server/limits';
import { userKey } from '../../lambda/storage/document';
import type { Figure, Progress } from './figure';

/**
 * The self-hosted endpoint (lambda/server) under hostile clients, slow
 * clients and SIGTERM, on loopback only (no internet, no AWS), in about 20 s.
 *
 * The server is the real one, built and spawned: its own main(), signal
 * handling, limits, timeouts and HTTPS certificate download. One thing
 * differs from production: where that download connects. A fake S3 on
 * loopback (HTTPS, with a certificate for s3.amazonaws.com) serves a
 * self-made signing chain, trusted by the spawned server as its only root,
 * and black-holes one URL; so forged and correctly signed requests both
 * reach the server's real checks.
 */

const SKILL_ID = 'amzn1.ask.skill.soak';
/** Every request carries this user; the server's output must never show it. */
const USER = 'amzn1.ask.account.SOAK-RAW-USER-ID';
/** Only skill events (outside a session) carry this one: no progress may appear for it. */
const EVENT_USER = 'amzn1.ask.account.SOAK-EVENT-ONLY-USER';
const CERT_PATH = '/echo.api/soak-cert.pem';
const BLACK_HOLE_PATH = '/echo.api/black-hole.pem';
const SLOW_CLIENTS = 20;
const REPEATED_FORGERIES = 50;

/** What a response must never contain: stack frames, file paths, exception names or texts. */
const LEAK = /\bat \S+ \(|node:internal|[/\\](?:work|home|tmp|usr|var|build|lambda)[/\\]|\.[jt]s:\d|node_modules|\b\w*Error\b|Maximum call stack|ENOENT|EACCES/;

interface Answer {
  readonly status: number;
  readonly body: string;
}

export async function soakEndpoint(progress: Progress): Promise<Figure[]> {
  progress('endpoint: building the server and a self-made signing chain');
  const signing = makeTestSigning();
  const bundle = buildServer();
  const s3 = await fakeS3(signing);
  const storageDir = mkdtempSync(join(tmpdir(), 'fmg-soak-endpoint-'));
  const server = await spawnServer(bundle, storageDir, s3.port, signing.root);
  const figures: Figure[] = [];
  try {
    progress('endpoint: hostile requests');
    figures.push(...(await battery(server, signing, storageDir)));
    progress('endpoint: a certificate download that never answers');
    figures.push(...(await blackHole(server, s3)));
    progress(`endpoint: SIGTERM with ${SLOW_CLIENTS} stalled clients and one request in flight (drain bound ${DRAIN_MS / 1000} s)`);
    figures.push(...(await drain(server, signing)));
  } finally {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await s3.close();
  }
  return figures;
}

/**
 * lambda/server's main, bundled like `npm run serve` builds it, with its
 * HTTPS certificate download connecting to the fake S3 (checked as
 * s3.amazonaws.com, under the test root) and that root as the only trusted
 * one; both passed in the environment, as this bundle exists only for the soak.
 */
function buildServer(): string {
  const outfile = join(PROJECT_ROOT, 'build', 'soak', 'server.js');
  mkdirSync(join(outfile, '..'), { recursive: true });
  const contents = `
    import { main } from './lambda/server/index';
    import { httpsCertificateFetcher } from './lambda/server/certificates';
    const root = process.env.SOAK_CERT_ROOT ?? '';
    const fetch = httpsCertificateFetcher({ hostname: '127.0.0.1', port: Number(process.env.SOAK_S3_PORT), servername: 's3.amazonaws.com', ca: root });
    main(process.argv.slice(2), process.env, { certificates: { fetch, roots: [root] } }).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  `;
  buildSync({
    stdin: { contents, resolveDir: PROJECT_ROOT, sourcefile: 'soak-server.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

interface FakeS3 {
  readonly port: number;
  /** Downloads asked for, per path. */
  readonly asked: Map<string, number>;
  /** Connections to the black-holed path still open. */
  openBlackHoles(): number;
  close(): Promise<void>;
}

async function fakeS3(signing: TestSigning): Promise<FakeS3> {
  const asked = new Map<string, number>();
  const held = new Set<ServerResponse>();
  const server = createHttpsServer({ cert: signing.s3.cert, key: signing.s3.key }, (req, res) => {
    const path = req.url ?? '';
    asked.set(path, (asked.get(path) ?? 0) + 1);
    if (path === CERT_PATH) res.end(signing.chain);
    else if (path === BLACK_HOLE_PATH) {
      // Never answers; remembered until the client gives up on it.
      held.add(res);
      res.once('close', () => held.delete(res));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return {
    port,
    asked,
    openBlackHoles: () => held.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Spawned {
  readonly child: ChildProcess;
  readonly url: string;
  readonly port: number;
  output(): string;
}

async function spawnServer(bundle: string, storageDir: string, s3Port: number, root: string): Promise<Spawned> {
  const child = spawn(process.execPath, [bundle], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', STORAGE: 'file', STORAGE_DIR: storageDir, SKILL_ID, SOAK_S3_PORT: String(s3Port), SOAK_CERT_ROOT: root },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${out}`)), 15_000);
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return { child, url, port: Number(new URL(url).port), output: () => out };
}

let counter = 0;

/** An Alexa envelope for this skill, from USER unless told, stamped now; events (`event: true`) come outside a session, as Alexa sends them. */
function envelope(
  type: string,
  options: { userId?: string; attributes?: unknown; timestamp?: string; skillId?: string; event?: boolean } = {},
): Record<string, unknown> {
  counter += 1;
  const application = { applicationId: options.skillId ?? SKILL_ID };
  const user = { userId: options.userId ?? USER };
  const session = { new: true, sessionId: `amzn1.echo-api.session.soak-${counter}`, application, attributes: options.attributes ?? {}, user };
  return {
    version: '1.0',
    ...(options.event ? {} : { session }),
    context: { System: { application, user, device: { deviceId: 'amzn1.ask.device.soak', supportedInterfaces: {} } } },
    request: { type, requestId: `amzn1.echo-api.request.soak-${counter}`, timestamp: options.timestamp ?? new Date().toISOString(), locale: 'en-US' },
  };
}

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, body: await res.text() };
}

const signedHeaders = (signing: TestSigning, body: string, path = CERT_PATH): Record<string, string> => ({
  signaturecertchainurl: `https://s3.amazonaws.com${path}`,
  'signature-256': signing.sign(body),
});

/** Writes `parts` on a raw connection; everything the server sent until it closed, as status and body. */
async function raw(port: number, parts: (string | Buffer)[]): Promise<Answer> {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (d: Buffer) => (received += d.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  for (const part of parts) if (!socket.destroyed) socket.write(part);
  await closed;
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
  return { status, body: received.slice(received.indexOf('\r\n\r\n') + 4) };
}

interface Case {
  readonly name: string;
  readonly expected: number;
  send(): Promise<Answer>;
  /** What the answer's body must hold besides the status. */
  holds?(body: Record<string, unknown>): boolean;
}

const emptyResponse = (body: Record<string, unknown>): boolean => JSON.stringify(body.response) === '{}';
const speaks =
  (pattern: RegExp) =>
  (body: Record<string, unknown>): boolean =>
    pattern.test(JSON.stringify(body.response));

async function battery(server: Spawned, signing: TestSigning, storageDir: string): Promise<Figure[]> {
  const { url, port } = server;
  const signed = (body: string, path?: string) => post(url, body, signedHeaders(signing, body, path));
  const launch = (options?: Parameters<typeof envelope>[1]) => JSON.stringify(envelope('LaunchRequest', options));
  const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
  const deep = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
  const withDeepAttributes = (type: string) => JSON.stringify(envelope(type)).replace('"attributes":{}', `"attributes":{"guide":${deep}}`);
  const chunk = 'x'.repeat(16 * 1024);
  const badCertificate = (certificateUrl: string): Promise<Answer> => {
    const body = launch();
    return post(url, body, { signaturecertchainurl: certificateUrl, 'signature-256': signing.sign(body) });
  };

  const cases: Case[] = [
    { name: 'unknown charset', expected: 415, send: () => post(url, launch(), { 'content-type': 'application/json; charset=x-klingon' }) },
    { name: 'broken gzip', expected: 415, send: () => post(url, 'not gzip at all', { 'content-encoding': 'gzip' }) },
    { name: 'plain body over the limit', expected: 413, send: () => post(url, JSON.stringify({ pad: 'x'.repeat(200 * 1024) })) },
    {
      name: 'chunked body over the limit',
      expected: 413,
      send: () =>
        raw(port, [
          'POST / HTTP/1.1\r\nHost: soak\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n',
          ...Array.from({ length: 6 }, () => `4000\r\n${chunk}\r\n`),
          '0\r\n\r\n',
        ]),
    },
    {
      name: 'body not UTF-8',
      expected: 400,
      send: () => raw(port, ['POST / HTTP/1.1\r\nHost: soak\r\nContent-Length: 3\r\nConnection: close\r\n\r\n', Buffer.from([0x7b, 0xff, 0x7d])]),
    },
    { name: 'malformed HTTP', expected: 400, send: () => raw(port, ['NOT HTTP AT ALL\r\n\r\n']) },
    { name: 'malformed JSON', expected: 400, send: () => post(url, '{"version": "1.0", "request": ') },
    { name: 'JSON without a request', expected: 400, send: () => post(url, '{"version":"1.0"}') },
    {
      name: 'unknown path',
      expected: 404,
      send: async () => {
        const r = await fetch(`${url}/.env`);
        return { status: r.status, body: await r.text() };
      },
    },
    {
      name: 'wrong method',
      expected: 405,
      send: async () => {
        const r = await fetch(`${url}/`, { method: 'DELETE' });
        return { status: r.status, body: await r.text() };
      },
    },
    { name: 'unsigned', expected: 400, send: () => post(url, launch()) },
    {
      name: 'forged signature',
      expected: 400,
      send: () => {
        const body = launch();
        return post(url, body, signedHeaders(signing, `${body}x`));
      },
    },
    {
      name: 'signature over another body',
      expected: 400,
      send: () => {
        const body = launch();
        return post(url, body.replace('LaunchRequest', 'SessionEndedRequest'), signedHeaders(signing, body));
      },
    },
    { name: 'certificate URL on another host', expected: 400, send: () => badCertificate('https://evil.example.com/echo.api/cert.pem') },
    { name: 'certificate URL over http', expected: 400, send: () => badCertificate('http://s3.amazonaws.com/echo.api/cert.pem') },
    { name: 'certificate URL on port 563', expected: 400, send: () => badCertificate('https://s3.amazonaws.com:563/echo.api/cert.pem') },
    { name: 'certificate URL /echo.api/../', expected: 400, send: () => badCertificate('https://s3.amazonaws.com/echo.api/../evil/cert.pem') },
    { name: 'certificate URL /echo.api/%2e%2e/', expected: 400, send: () => badCertificate('https://s3.amazonaws.com/echo.api/%2e%2e/evil/cert.pem') },
    { name: 'certificate URL /EcHo.aPi/', expected: 400, send: () => badCertificate('https://s3.amazonaws.com/EcHo.aPi/cert.pem') },
    { name: 'timestamp 1 h ahead, signed', expected: 400, send: () => signed(launch({ timestamp: at(3_600_000) })) },
    { name: 'timestamp 10 years ahead, signed', expected: 400, send: () => signed(launch({ timestamp: at(10 * 365 * 86_400_000) })) },
    { name: 'timestamp 10 min old, signed', expected: 400, send: () => signed(launch({ timestamp: at(-600_000) })) },
    { name: 'unreadable timestamp, signed', expected: 400, send: () => signed(launch({ timestamp: 'last tuesday' })) },
    { name: 'another skill, signed', expected: 400, send: () => signed(launch({ skillId: 'amzn1.ask.skill.someone-else' })) },
    { name: 'null session attributes, signed', expected: 200, send: () => signed(launch({ attributes: null })), holds: speaks(/Foot Massage Guide/) },
    {
      name: 'deeply nested session attributes, signed',
      expected: 200,
      send: () => signed(withDeepAttributes('LaunchRequest')),
      holds: speaks(/something went wrong/),
    },
    {
      name: 'deeply nested attributes on a request type the skill does not handle, signed',
      expected: 200,
      send: () => signed(withDeepAttributes('Connections.Response')),
      holds: speaks(/something went wrong/),
    },
    {
      name: 'AlexaSkillEvent.SkillEnabled, signed',
      expected: 200,
      send: () => signed(JSON.stringify(envelope('AlexaSkillEvent.SkillEnabled', { userId: EVENT_USER, event: true }))),
      holds: emptyResponse,
    },
    {
      name: 'Messaging.MessageReceived, signed',
      expected: 200,
      send: () => signed(JSON.stringify(envelope('Messaging.MessageReceived', { userId: EVENT_USER, event: true }))),
      holds: emptyResponse,
    },
    { name: 'a good launch, signed (the control)', expected: 200, send: () => signed(launch()), holds: speaks(/Welcome to Foot Massage Guide/) },
  ];

  let matched = 0;
  let leaks = 0;
  let refused = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const answer = await c.send();
    if (answer.status === c.expected && (!c.holds || c.holds(parseObject(answer.body)))) matched += 1;
    else misses.push(`${c.name}: ${answer.status} ${answer.body.slice(0, 80)}`);
    if (answer.status >= 400) refused += 1;
    if (LEAK.test(answer.body) || (answer.status >= 400 && !isShortError(answer.body))) leaks += 1;
  }
  const lines = server.output().split('\n');
  const logged = lines.filter((line) => line.includes('"event":"request-refused"')).length;
  const rawIds = lines.filter((line) => line.includes(USER) || line.includes(EVENT_USER)).length;
  const eventProgress = listAll(storageDir).filter((path) => path.includes(userKey(EVENT_USER))).length;
  return [
    {
      name: `hostile requests answered with the expected status (${cases.length} kinds)`,
      value: `${matched} of ${cases.length}${misses.length ? ` (${misses.join('; ')})` : ''}`,
      target: `${cases.length} of ${cases.length}`,
      ok: matched === cases.length,
    },
    {
      name: 'responses with a stack trace, path or exception text (or a refusal not in the short JSON form)',
      value: String(leaks),
      target: '0',
      ok: leaks === 0,
    },
    {
      name: 'refused requests logged as one request-refused JSON line',
      value: `${logged} of ${refused}`,
      target: `${refused} of ${refused}`,
      ok: logged === refused,
    },
    { name: "lines of the server's output holding a raw user id", value: String(rawIds), target: '0', ok: rawIds === 0 },
    { name: 'progress files written by skill events', value: String(eventProgress), target: '0', ok: eventProgress === 0 },
  ];
}

function parseObject(body: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** `{ "error": <short reason>, "requestId": <string or null> }` and nothing else. */
function isShortError(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    return (
      Object.keys(parsed).sort().join() === 'error,requestId' &&
      typeof parsed.error === 'string' &&
      parsed.error.length <= 60 &&
      (parsed.requestId === null || typeof parsed.requestId === 'string')
    );
  } catch {
    return false;
  }
}

function listAll(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' });
}

async function blackHole(server: Spawned, s3: FakeS3): Promise<Figure[]> {
  const forged = (): Promise<Answer> => {
    const body = JSON.stringify(envelope('LaunchRequest'));
    return post(server.url, body, { signaturecertchainurl: `https://s3.amazonaws.com${BLACK_HOLE_PATH}`, 'signature-256': 'Zm9yZ2Vk' });
  };
  const started = performance.now();
  const first = await forged();
  const seconds = (performance.now() - started) / 1000;
  for (let i = 0; i < REPEATED_FORGERIES; i += 1) await forged();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const downloads = s3.asked.get(BLACK_HOLE_PATH) ?? 0;
  const open = s3.openBlackHoles();
  return [
    {
      name: 'a request whose certificate download never answers: refused after',
      value: `${seconds.toFixed(2)} s (${first.status})`,
      target: '≤ 2.5 s (400)',
      ok: seconds <= 2.5 && first.status === 400,
    },
    { name: `certificate downloads for ${REPEATED_FORGERIES + 1} forged requests naming that URL`, value: String(downloads), target: '1', ok: downloads === 1 },
    { name: 'abandoned certificate downloads still connected', value: String(open), target: '0', ok: open === 0 },
  ];
}

async function drain(server: Spawned, signing: TestSigning): Promise<Figure[]> {
  const stalled: Socket[] = [];
  const cut: Promise<void>[] = [];
  for (let i = 0; i < SLOW_CLIENTS; i += 1) {
    const socket = connect(server.port, '127.0.0.1');
    socket.on('error', () => undefined);
    cut.push(new Promise<void>((resolve) => socket.once('close', () => resolve())));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    // Headers and the start of a body, then nothing more, ever.
    socket.write('POST / HTTP/1.1\r\nHost: soak\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n{"version":');
    stalled.push(socket);
  }
  // One real request in flight across the signal: half its body before, the rest after.
  const body = JSON.stringify(envelope('LaunchRequest'));
  const headers = signedHeaders(signing, body);
  const inFlight = connect(server.port, '127.0.0.1');
  let answer = '';
  inFlight.on('data', (d: Buffer) => (answer += d.toString()));
  inFlight.on('error', () => undefined);
  await new Promise<void>((resolve) => inFlight.once('connect', () => resolve()));
  inFlight.write(
    `POST / HTTP/1.1\r\nHost: soak\r\nContent-Type: application/json\r\nSignatureCertChainUrl: ${headers.signaturecertchainurl}\r\nSignature-256: ${headers['signature-256']}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 50)}`,
  );
  await new Promise((resolve) => setTimeout(resolve, 300));

  const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
  const started = performance.now();
  server.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 200));
  inFlight.write(body.slice(50));
  // Bounded wait: a server that does not exit within 20 s is reported, not waited for forever.
  const code = await Promise.race([exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 20_000))]);
  const seconds = (performance.now() - started) / 1000;
  const closed = await Promise.race([
    Promise.all(cut).then(() => SLOW_CLIENTS),
    new Promise<number>((resolve) => setTimeout(() => resolve(stalled.filter((s) => s.destroyed).length), 1_000)),
  ]);
  for (const socket of [...stalled, inFlight]) socket.destroy();
  const answered = /^HTTP\/1\.1 200/.test(answer);
  return [
    {
      name: `SIGTERM to process exit, ${SLOW_CLIENTS} clients stalled mid-body`,
      value: code === 'still running' ? 'still running after 20 s' : `${seconds.toFixed(1)} s (exit code ${code})`,
      target: '≤ 10 s (exit code 0)',
      ok: code === 0 && seconds <= 10,
    },
    {
      name: 'stalled clients disconnected by the drain bound',
      value: `${closed} of ${SLOW_CLIENTS}`,
      target: `${SLOW_CLIENTS} of ${SLOW_CLIENTS}`,
      ok: closed === SLOW_CLIENTS,
    },
    {
      name: 'a request in flight at SIGTERM still answered',
      value: answered ? 'yes' : `no (${answer.slice(0, 40) || 'nothing'})`,
      target: 'yes',
      ok: answered,
    },
  ];
}
