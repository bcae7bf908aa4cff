import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../lambda/local/server';
import { launchRequest } from '../support/envelopes';

// `npm run serve` for real: a child process on a loopback port, spoken to over HTTP.

const root = join(__dirname, '..', '..');
const SKILL = 'amzn1.ask.skill.test';

beforeAll(() => {
  execFileSync('npx', ['esbuild', 'lambda/local/server.ts', '--bundle', '--platform=node', '--target=node20', '--format=cjs', '--packages=external', '--outfile=build/local/server.js', '--log-level=warning'], { cwd: root, stdio: 'pipe' });
}, 60_000);

interface Served {
  readonly url: string;
  readonly child: ChildProcess;
  readonly storageDir: string;
  output(): string;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts the built server with `args`, on a free port, with a fresh file store. */
async function serve(args: string[], env: Record<string, string> = {}): Promise<Served> {
  const storageDir = mkdtempSync(join(tmpdir(), 'fmg-serve-'));
  const child = spawn(process.execPath, [join(root, 'build', 'local', 'server.js'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: '0', STORAGE: 'file', STORAGE_DIR: storageDir, ...env },
  });
  running.push(child);
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
  return { url, child, storageDir, output: () => out };
}

// Global fetch rather than node:http: virtual-alexa patches node:http through nock, and jest
// shares core modules between the test files a worker runs.
async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, body: await res.text() };
}

const launch = (overrides: { timestamp?: string; applicationId?: string } = {}): string => {
  const envelope = launchRequest({ applicationId: overrides.applicationId ?? SKILL }) as unknown as { request: { timestamp: string } };
  if (overrides.timestamp) envelope.request.timestamp = overrides.timestamp;
  return JSON.stringify(envelope);
};

test('with --insecure-local it answers a real HTTP POST, warns loudly, and has a health route', async () => {
  const { url, output } = await serve(['--insecure-local']);
  const answer = await post(url, launch());
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body).response.outputSpeech.ssml).toMatch(/Welcome to Foot Massage Guide/);
  expect(output()).toMatch(/WARNING: --insecure-local: Alexa request signatures and timestamps are NOT verified/);
  const health = (await fetch(`${url}/health`)).status;
  expect(health).toBe(200);
}, 30_000);

test('by default, unsigned requests and bad certificate URLs are refused with 400, and nothing is saved', async () => {
  const { url, storageDir, output } = await serve([]);
  expect(output()).not.toMatch(/insecure/i);
  const unsigned = await post(url, launch());
  expect(unsigned.status).toBe(400);
  const badCert = await post(url, launch(), { signaturecertchainurl: 'https://evil.example.com/echo.api/cert.pem', signature: 'c2lnbmF0dXJl' });
  expect(badCert.status).toBe(400);
  expect(readdirSync(storageDir)).toEqual([]);
}, 30_000);

test('a stale timestamp is refused with 400 by the timestamp check', async () => {
  const storageDir = mkdtempSync(join(tmpdir(), 'fmg-serve-ts-'));
  const lines: string[] = [];
  const server = await startServer({ port: 0, verifySignature: false, verifyTimestamp: true, env: { STORAGE: 'file', STORAGE_DIR: storageDir }, log: (l) => lines.push(l) });
  try {
    const stale = await post(server.url, launch({ timestamp: new Date(Date.now() - 10 * 60_000).toISOString() }));
    expect(stale.status).toBe(400);
    expect(stale.body).toMatch(/timestamp/i);
    const fresh = await post(server.url, launch());
    expect(fresh.status).toBe(200);
  } finally {
    await server.close();
  }
});

test('with SKILL_ID set, a request for another skill is refused; its own is answered', async () => {
  const { url, output } = await serve(['--insecure-local'], { SKILL_ID: SKILL });
  expect(output()).not.toMatch(/SKILL_ID is not set/);
  expect((await post(url, launch({ applicationId: 'amzn1.ask.skill.someone-else' }))).status).toBe(400);
  expect((await post(url, launch())).status).toBe(200);
}, 30_000);

test('an oversized body is refused', async () => {
  const { url } = await serve(['--insecure-local']);
  const huge = JSON.stringify({ padding: 'x'.repeat(200 * 1024) });
  expect((await post(url, huge)).status).toBe(413);
}, 30_000);

test('SIGTERM lets an in-flight request finish, then stops', async () => {
  const { url, child } = await serve(['--insecure-local']);
  const { port } = new URL(url);
  const body = launch();
  const socket = connect(Number(port), '127.0.0.1');
  let response = '';
  socket.on('data', (d: Buffer) => (response += d.toString()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  // Headers and half the body, then the signal, then the rest.
  socket.write(`POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`);
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
