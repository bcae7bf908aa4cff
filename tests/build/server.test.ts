import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestSigning, type TestSigning } from '../../lambda/local/testSigning';
import { buildSync } from 'esbuild';
import type { CertificateFetcher } from '../../lambda/server/certificates';
import { startServer, type RunningServer, type ServerOptions } from '../../lambda/server';
import { userKey } from '../../lambda/storage/document';
import { envelope, launchRequest } from '../support/envelopes';

// `npm run serve` for real: the built server as a child process on a loopback port, spoken to
// over HTTP; and startServer in process where a test needs to inject certificates or short bounds.

const root = join(__dirname, '..', '..');
const BUNDLE = join(root, 'build', 'server', 'index.js');
const SKILL = 'amzn1.ask.skill.test';

let signing: TestSigning;
beforeAll(() => {
  // As `npm run serve` builds it.
  buildSync({
    entryPoints: [join(root, 'lambda/server/main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile: BUNDLE,
    logLevel: 'warning',
  });
  signing = makeTestSigning();
}, 60_000);

interface Served {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  readonly storageDir: string;
  readonly output: () => string;
}

const children: ChildProcess[] = [];
const inProcess: RunningServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await Promise.all(inProcess.splice(0).map((server) => server.close()));
});

/** Starts the built server with `args`, on a free port, with a fresh file store. */
async function serve(args: string[], env: Record<string, string> = {}): Promise<Served> {
  const storageDir = mkdtempSync(join(tmpdir(), 'fmg-serve-'));
  const child = spawn(process.execPath, [BUNDLE, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: '0', STORAGE: 'file', STORAGE_DIR: storageDir, ...env },
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 15_000);
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return { url, port: Number(new URL(url).port), child, storageDir, output: () => out };
}

interface InProcess {
  readonly server: RunningServer;
  readonly url: string;
  readonly port: number;
  readonly storageDir: string;
  readonly lines: string[];
}

/** startServer in this process, with a fresh file store and its log kept. */
async function start(options: Partial<ServerOptions> = {}): Promise<InProcess> {
  const storageDir = mkdtempSync(join(tmpdir(), 'fmg-serve-in-'));
  const lines: string[] = [];
  const server = await startServer({
    port: 0,
    verifySignature: false,
    verifyTimestamp: false,
    env: { STORAGE: 'file', STORAGE_DIR: storageDir },
    log: (l: string) => lines.push(l),
    ...options,
  });
  inProcess.push(server);
  return { server, url: server.url, port: Number(new URL(server.url).port), storageDir, lines };
}

/** A certificate source that serves the self-made chain, counting downloads. */
function servedChain(pem: () => string = () => signing.chain): { fetch: CertificateFetcher; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    fetch: (url) => {
      urls.push(url);
      return Promise.resolve(pem());
    },
  };
}

/** startServer checking signatures and timestamps against the self-made CA. */
async function startSigned(fetch: CertificateFetcher, options: Partial<ServerOptions> = {}): Promise<InProcess> {
  return start({ verifySignature: true, verifyTimestamp: true, certificates: { fetch, roots: [signing.root] }, ...options });
}

const CERT_URL = 'https://s3.amazonaws.com/echo.api/echo-api-cert.pem';

// Global fetch rather than node:http: virtual-alexa patches node:http through nock, and jest
// shares core modules between the test files a worker runs.
async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, body: await res.text() };
}

/** A body posted with a valid signature over its exact bytes. */
const postSigned = (url: string, body: string, certUrl = CERT_URL) => post(url, body, { signaturecertchainurl: certUrl, 'signature-256': signing.sign(body) });

/**
 * Writes `parts` on a raw connection (waiting `pauseMs` between them) and
 * returns everything the server sent until it closed the connection.
 */
async function raw(port: number, parts: (string | Buffer)[], pauseMs = 0): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let received = '';
  socket.on('data', (d: Buffer) => (received += d.toString()));
  socket.on('error', () => undefined); // a reset after the answer is the point of some tests
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  for (const part of parts) {
    if (socket.destroyed) break;
    socket.write(part);
    if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  await closed;
  return received;
}

const launch = (overrides: { timestamp?: string; applicationId?: string; userId?: string } = {}): string => {
  const built = launchRequest({ applicationId: overrides.applicationId ?? SKILL, userId: overrides.userId }) as unknown as { request: { timestamp: string } };
  if (overrides.timestamp !== undefined) built.request.timestamp = overrides.timestamp;
  return JSON.stringify(built);
};

/** What a refused client sees: a short JSON error and nothing about the server. */
function expectShortError(body: string, reason: string | RegExp, requestId: unknown = null): void {
  const parsed = JSON.parse(body) as Record<string, unknown>;
  expect(Object.keys(parsed).sort()).toEqual(['error', 'requestId']);
  expect(parsed.error).toMatch(reason);
  expect(parsed.requestId).toEqual(requestId);
  expect(body).not.toMatch(/\bat |[/\\]|Error|node:|\.[jt]s\b|node_modules/);
}

/** A body the server sent: an Alexa response, or a refusal's `{ error, requestId }`. */
interface Answer {
  readonly response?: { readonly outputSpeech?: { readonly ssml?: string } };
  readonly error?: string;
}
const answerOf = (body: string): Answer => JSON.parse(body) as Answer;

/** The body of a raw HTTP response. */
const bodyOf = (response: string): string => response.slice(response.indexOf('\r\n\r\n') + 4);

test('with --insecure-local it answers a real HTTP POST, warns loudly, and has a health route', async () => {
  const { url, output } = await serve(['--insecure-local']);
  const answer = await post(url, launch());
  expect(answer.status).toBe(200);
  expect(answerOf(answer.body).response?.outputSpeech?.ssml).toMatch(/Welcome to Foot Massage Guide/);
  expect(output()).toMatch(/WARNING: --insecure-local: Alexa request signatures and timestamps are NOT verified/);
  const health = await fetch(`${url}/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
}, 30_000);

test('hostile bodies and unknown paths get a short JSON error, never a stack trace, and each refusal is logged', async () => {
  const { url, port, output } = await serve(['--insecure-local']);
  const requestLine = 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n';

  const charset = await post(url, launch(), { 'content-type': 'application/json; charset=x-unknown-charset' });
  expect(charset.status).toBe(415);
  expectShortError(charset.body, 'unsupported charset');

  const gzip = await post(url, 'this is not gzip', { 'content-encoding': 'gzip' });
  expect(gzip.status).toBe(415);
  expectShortError(gzip.body, 'unsupported content encoding');

  const plain = await post(url, JSON.stringify({ padding: 'x'.repeat(200 * 1024) }));
  expect(plain.status).toBe(413);
  expectShortError(plain.body, 'body too large');

  // Chunked, so no declared length: stopped at 64 KB as it arrives (the adapter's parser allowed 100 KB).
  const chunk = 'x'.repeat(16 * 1024);
  const chunks = Array.from({ length: 5 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`);
  const chunked = await raw(port, [`${requestLine}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`, ...chunks, '0\r\n\r\n']);
  expect(chunked).toMatch(/^HTTP\/1\.1 413 /);
  expectShortError(bodyOf(chunked), 'body too large');

  const notUtf8 = await raw(port, [`${requestLine}Content-Length: 4\r\n\r\n`, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])]);
  expect(notUtf8).toMatch(/^HTTP\/1\.1 400 /);
  expectShortError(bodyOf(notUtf8), 'body is not UTF-8');

  for (const malformed of ['not json', '{"version":"1.0"}', 'null', '[1]', '{"request":"LaunchRequest"}', '{"request":{"requestId":"amzn1.x"}}']) {
    const answer = await post(url, malformed);
    expect(answer.status).toBe(400);
    expectShortError(answer.body, 'malformed request');
  }

  const unknown = await fetch(`${url}/wp-admin/setup.php`);
  expect(unknown.status).toBe(404);
  expectShortError(await unknown.text(), 'not found');
  const wrongMethod = await fetch(url);
  expect(wrongMethod.status).toBe(405);
  expectShortError(await wrongMethod.text(), 'method not allowed');

  const refused = output()
    .split('\n')
    .filter((line) => line.includes('request-refused'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(refused.map((entry) => [entry.status, entry.reason])).toEqual([
    [415, 'unsupported charset'],
    [415, 'unsupported content encoding'],
    [413, 'body too large'],
    [413, 'body too large'],
    [400, 'body is not UTF-8'],
    ...Array.from({ length: 6 }, () => [400, 'malformed request']),
    [404, 'not found'],
    [405, 'method not allowed'],
  ]);
  for (const entry of refused) expect(entry.level).toBe('warn');
}, 30_000);

test('by default, unsigned requests and bad certificate URLs are refused with 400, and nothing is saved', async () => {
  const { url, storageDir, output } = await serve([]);
  expect(output()).not.toMatch(/insecure/i);
  const unsigned = await post(url, launch());
  expect(unsigned.status).toBe(400);
  expectShortError(unsigned.body, 'missing signature', expect.stringMatching(/^amzn1\.echo-api\.request\./));
  for (const certUrl of ['https://evil.example.com/echo.api/cert.pem', 'https://s3.amazonaws.com/echo.api/../evil/cert.pem']) {
    const badCert = await post(url, launch(), { signaturecertchainurl: certUrl, 'signature-256': 'c2lnbmF0dXJl' });
    expect(badCert.status).toBe(400);
    expect(answerOf(badCert.body).error).toBe('bad certificate url');
  }
  expect(readdirSync(storageDir)).toEqual([]);
}, 30_000);

test('a refused request is logged as one JSON line with the user as a hash, never the raw id', async () => {
  const { url, output } = await serve(['--insecure-local'], { SKILL_ID: SKILL });
  const userId = 'amzn1.ask.account.RAW-USER-ID-THAT-MUST-NOT-BE-LOGGED';
  const body = launch({ applicationId: 'amzn1.ask.skill.someone-else', userId });
  const requestId = (JSON.parse(body) as { request: { requestId: string } }).request.requestId;
  const answer = await post(url, body);
  expect(answer.status).toBe(400);
  expectShortError(answer.body, 'request is for another skill', requestId);
  const line = output()
    .split('\n')
    .find((l) => l.includes('request-refused'));
  expect(JSON.parse(line ?? '{}')).toEqual({
    level: 'warn',
    event: 'request-refused',
    reason: 'request is for another skill',
    status: 400,
    requestId,
    user: userKey(userId),
  });
  expect(output()).not.toContain('RAW-USER-ID');
}, 30_000);

test('with SKILL_ID set, a request for another skill is refused; its own is answered', async () => {
  const { url, output } = await serve(['--insecure-local'], { SKILL_ID: SKILL });
  expect(output()).not.toMatch(/SKILL_ID is not set/);
  expect((await post(url, launch({ applicationId: 'amzn1.ask.skill.someone-else' }))).status).toBe(400);
  expect((await post(url, launch())).status).toBe(200);
}, 30_000);

test('SIGTERM lets an in-flight request finish, then stops', async () => {
  const { port, child } = await serve(['--insecure-local']);
  const body = launch();
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let response = '';
  socket.on('data', (d: Buffer) => (response += d.toString()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  // Headers and half the body, then the signal, then the rest.
  socket.write(
    `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
  );
  socket.write(body.slice(0, 100));
  await new Promise((resolve) => setTimeout(resolve, 200));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 200));
  socket.write(body.slice(100));
  expect(await exited).toBe(0);
  expect(response).toMatch(/^HTTP\/1\.1 200/);
  expect(response).toMatch(/Welcome to Foot Massage Guide/);
}, 30_000);

test('SIGTERM with a client that stalls mid-request: the drain bound (DRAIN_MS) cuts it and the process exits', async () => {
  const { port, child, output } = await serve(['--insecure-local'], { DRAIN_MS: '500' });
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  socket.on('error', () => undefined);
  const cut = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  // Headers and half a body, then nothing: without the bound, only the 10 s request timeout would end it.
  socket.write('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{"version":');
  await new Promise((resolve) => setTimeout(resolve, 200));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  await cut;
  expect(output()).toMatch(/"event":"drain-cut","connections":1/);
}, 8_000);

test('slow clients are cut by the header and request timeouts with a short 408', async () => {
  const { port, lines } = await start({ limits: { headersTimeoutMs: 300, requestTimeoutMs: 600 } });
  // Half the headers, then silence.
  const headers = await raw(port, ['POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n']);
  expect(headers).toMatch(/^HTTP\/1\.1 408 /);
  expectShortError(bodyOf(headers), 'request timed out');
  // All the headers, half the body, then silence.
  const body = await raw(port, ['POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 400\r\n\r\n{"version":']);
  expect(body).toMatch(/^HTTP\/1\.1 408 /);
  expectShortError(bodyOf(body), 'request timed out');
  expect(lines.filter((l) => l.includes('"reason":"request timed out"'))).toHaveLength(2);
}, 10_000);

test('timestamps: unreadable, stale, or in the future are refused; a skill event may be an hour late', async () => {
  const { url } = await start({ verifyTimestamp: true });
  const at = (offsetMs: number): string => new Date(Date.now() + offsetMs).toISOString();
  for (const [timestamp, reason] of [
    [at(-10 * 60_000), 'stale timestamp'],
    [at(60 * 60_000), 'timestamp in the future'],
    [at(10 * 365 * 24 * 3_600_000), 'timestamp in the future'],
    ['yesterday', 'unreadable timestamp'],
    ['2026-13-45T99:99:99Z', 'unreadable timestamp'],
    ['', 'unreadable timestamp'],
  ]) {
    const answer = await post(url, launch({ timestamp }));
    expect([timestamp, answer.status]).toEqual([timestamp, 400]);
    expect(answerOf(answer.body).error).toBe(reason);
  }
  const noTimestamp = JSON.parse(launch()) as { request: Record<string, unknown> };
  delete noTimestamp.request.timestamp;
  expect(answerOf((await post(url, JSON.stringify(noTimestamp))).body).error).toBe('unreadable timestamp');
  expect((await post(url, launch({ timestamp: at(-100_000) }))).status).toBe(200);
  expect((await post(url, launch({ timestamp: at(100_000) }))).status).toBe(200);
  const lateEvent = envelope({ type: 'AlexaSkillEvent.SkillEnabled', timestamp: at(-30 * 60_000) });
  expect((await post(url, JSON.stringify(lateEvent))).status).toBe(200);
});

test('signatures: a signed request is answered; a forged one, a wrong certificate name, an untrusted or expired chain are refused', async () => {
  const good = servedChain();
  const { url } = await startSigned(good.fetch);
  const body = launch();
  const signed = await postSigned(url, body);
  expect(signed.status).toBe(200);
  expect(answerOf(signed.body).response?.outputSpeech?.ssml).toMatch(/Welcome to Foot Massage Guide/);

  const forged = await post(url, body, { signaturecertchainurl: CERT_URL, 'signature-256': signing.sign(`${body} `) });
  expect(forged.status).toBe(400);
  expectShortError(forged.body, 'bad signature', (JSON.parse(body) as { request: { requestId: string } }).request.requestId);
  // The body is checked as sent, byte for byte.
  expect((await post(url, `${body} `, { signaturecertchainurl: CERT_URL, 'signature-256': signing.sign(body) })).status).toBe(400);
  expect((await post(url, body, { signaturecertchainurl: CERT_URL, 'signature-256': 'not base64 at all!' })).status).toBe(400);
  expect(good.urls).toEqual([CERT_URL]); // one download for all of them

  const wrongName = await startSigned(servedChain(() => signing.wrongNameChain).fetch);
  expect(answerOf((await postSigned(wrongName.url, body)).body).error).toBe('certificate refused');
  expect(wrongName.lines.join('\n')).toMatch(/echo-api\.amazon\.com missing/);
  const untrusted = await start({ verifySignature: true, verifyTimestamp: true, certificates: { fetch: servedChain().fetch, roots: [] } });
  expect(answerOf((await postSigned(untrusted.url, body)).body).error).toBe('certificate refused');
  // Our certificates are valid for 20 days: 40 days from now, the chain has expired.
  const later = await startSigned(servedChain().fetch, {
    verifyTimestamp: false,
    certificates: { fetch: servedChain().fetch, roots: [signing.root], now: () => Date.now() + 40 * 86_400_000 },
  });
  expect(answerOf((await postSigned(later.url, body)).body).error).toBe('certificate refused');
  const garbage = await startSigned(servedChain(() => 'not a certificate').fetch);
  expect(answerOf((await postSigned(garbage.url, body)).body).error).toBe('certificate refused');
});

test("certificate URLs are held to Amazon's rules after normalising, and `..` segments are refused before any download", async () => {
  const source = servedChain();
  const { url } = await startSigned(source.fetch);
  const body = launch();
  for (const bad of [
    'http://s3.amazonaws.com/echo.api/echo-api-cert.pem',
    'https://notamazon.com/echo.api/echo-api-cert.pem',
    'https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem',
    'https://s3.amazonaws.com/invalid.path/echo-api-cert.pem',
    'https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem',
    'https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem',
    'https://s3.amazonaws.com/echo.api/../evil/cert.pem',
    'https://s3.amazonaws.com/echo.api/%2e%2e/evil/cert.pem',
    'https://s3.amazonaws.com/echo.api/%2E%2e%2fevil.pem',
    'https://s3.amazonaws.com/echo.api/%252e%252e/evil.pem',
    'https://s3.amazonaws.com/echo.api/./cert.pem',
    'https://s3.amazonaws.com\\echo.api\\cert.pem',
    'https://user:pw@s3.amazonaws.com/echo.api/cert.pem',
    'https://s3.amazonaws.com.evil.com/echo.api/cert.pem',
    'https://s3.amazonaws.com/echo.api/%zz.pem',
    'not a url',
  ]) {
    const answer = await postSigned(url, body, bad);
    expect([bad, answer.status, answerOf(answer.body).error]).toEqual([bad, 400, 'bad certificate url']);
  }
  expect(source.urls).toEqual([]);
  // Case in scheme and host, and an explicit :443, are the same URL.
  expect((await postSigned(url, body, 'HTTPS://S3.AmazonAWS.com:443/echo.api/echo-api-cert.pem')).status).toBe(200);
  expect(source.urls).toEqual([CERT_URL]);
});

test('certificate downloads: a hanging one is abandoned at the fetch bound, and a failure is remembered', async () => {
  let calls = 0;
  const hanging: CertificateFetcher = () => {
    calls += 1;
    return new Promise<string>(() => undefined); // never answers, ignores the abort
  };
  const { url, lines } = await startSigned(hanging, { limits: { certificateFetchMs: 200 } });
  const first = await postSigned(url, launch());
  expect(first.status).toBe(400);
  expect(answerOf(first.body).error).toBe('certificate refused');
  expect((await postSigned(url, launch())).status).toBe(400);
  expect(calls).toBe(1);
  expect(lines.join('\n')).toMatch(/certificate download took longer than 200 ms/);

  let failing = 0;
  const broken = await startSigned(() => {
    failing += 1;
    return Promise.reject(new Error('503 from S3'));
  });
  for (let i = 0; i < 5; i += 1) expect((await postSigned(broken.url, launch())).status).toBe(400);
  expect(failing).toBe(1);
});

test('the real HTTPS download: a chain from an S3 stand-in over TLS is accepted; one that never answers is abandoned and its connection closed', async () => {
  // The client runs in a child process: virtual-alexa (loaded by other suites in this worker) patches node:https.
  const probe = join(root, 'build', 'test', 'certificate-download.js');
  buildSync({
    stdin: {
      contents: `
        import { httpsCertificateFetcher, SigningCertificates } from './lambda/server/certificates';
        const root = process.env.ROOT ?? '';
        const fetch = httpsCertificateFetcher({ hostname: '127.0.0.1', port: Number(process.env.S3_PORT), servername: 's3.amazonaws.com', ca: root });
        const certificates = new SigningCertificates({ fetch, roots: [root], fetchTimeoutMs: 300 });
        const outcome = (url: string) => certificates.keyFor(url).then(() => 'key', (error: Error) => error.message);
        Promise.all([outcome('${CERT_URL}'), outcome('https://s3.amazonaws.com/echo.api/black-hole.pem')]).then((outcomes) => console.log(JSON.stringify(outcomes)));
      `,
      resolveDir: root,
      sourcefile: 'certificate-download.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    outfile: probe,
    logLevel: 'warning',
  });
  const held: ServerResponse[] = [];
  let abandon: () => void = () => undefined;
  const abandoned = new Promise<void>((resolve) => (abandon = resolve));
  const s3 = createHttpsServer({ cert: signing.s3.cert, key: signing.s3.key }, (req, res) => {
    if (req.url === '/echo.api/echo-api-cert.pem') return void res.end(signing.chain);
    held.push(res); // never answered
    res.once('close', () => abandon());
  });
  await new Promise<void>((resolve) => s3.listen(0, '127.0.0.1', () => resolve()));
  try {
    const child = spawn(process.execPath, [probe], {
      env: { PATH: process.env.PATH ?? '', S3_PORT: String((s3.address() as { port: number }).port), ROOT: signing.root },
    });
    children.push(child);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise<void>((resolve) => child.once('exit', () => resolve()));
    expect(JSON.parse(out)).toEqual(['key', 'certificate download took longer than 300 ms']);
    expect(held).toHaveLength(1);
    await abandoned; // the download's connection was closed, not left open
  } finally {
    s3.closeAllConnections();
    s3.close();
  }
});

test('null or deeply nested session attributes get the kind answer the Lambda gives, never a 500', async () => {
  // The skill logs each failed turn on stderr (as on Lambda); kept out of the test output.
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const { url } = await start({ skillId: SKILL });
  const nullAttributes = envelope({ type: 'LaunchRequest' }, { newSession: true, attributes: null as unknown as Record<string, unknown> });
  const answer = await post(url, JSON.stringify(nullAttributes));
  expect(answer.status).toBe(200);
  expect(answerOf(answer.body).response?.outputSpeech?.ssml).toMatch(/Foot Massage Guide/);

  const deep = `{"guide":${'['.repeat(30_000)}${']'.repeat(30_000)}}`;
  for (const type of ['LaunchRequest', 'IntentRequest', 'Messaging.MessageReceived']) {
    const text = JSON.stringify(envelope({ type, intent: { name: 'AMAZON.NextIntent', slots: {} } })).replace('"attributes":{}', `"attributes":${deep}`);
    const reply = await post(url, text);
    expect([type, reply.status]).toEqual([type, 200]);
    expect(reply.body).not.toMatch(/stack|Maximum call|Error/);
    const ssml: unknown = answerOf(reply.body).response?.outputSpeech?.ssml;
    expect([type, ssml]).toEqual([type, expect.stringMatching(/something went wrong/)]);
  }
  errors.mockRestore();
});

test('events (request types the skill does not handle, sent outside a session) get an empty answer, and progress is not touched', async () => {
  const { url, storageDir } = await start({ skillId: SKILL });
  for (const type of ['AlexaSkillEvent.SkillEnabled', 'AlexaSkillEvent.SkillDisabled', 'Messaging.MessageReceived', 'CanFulfillIntentRequest']) {
    const event = envelope({ type });
    delete (event as { session?: unknown }).session;
    const answer = await post(url, JSON.stringify(event));
    expect([type, answer.status]).toEqual([type, 200]);
    expect(JSON.parse(answer.body)).toMatchObject({ version: '1.0', response: {} });
    expect(answerOf(answer.body).response).toEqual({});
  }
  expect(readdirSync(storageDir)).toEqual([]);
});
