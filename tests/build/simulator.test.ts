import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npm start` is the newcomer's first contact: run it with typed lines piped in.

const root = join(__dirname, '..', '..');

beforeAll(() => {
  execFileSync('npm', ['run', '--silent', 'build:local'], { cwd: root, stdio: 'pipe' });
}, 60_000);

/** Runs `npm start`'s program on typed lines; each call is a fresh install unless given the same folder. */
function simulate(lines: string[], args: string[] = [], storageDir = mkdtempSync(join(tmpdir(), 'foot-massage-sim-'))): string {
  const run = spawnSync(process.execPath, [join(root, 'build', 'local', 'simulator.js'), ...args], {
    cwd: root,
    env: { ...process.env, STORAGE: 'file', STORAGE_DIR: storageDir },
    input: lines.join('\n') + '\n',
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

test('a whole technique by typing natural phrases', () => {
  const out = simulate(["let's do the heel", 'okay next', 'next', 'no thanks', 'no thanks']);
  expect(out).toMatch(/A: One thing first: this is for relaxation, not medical advice\..*Welcome to Foot Massage Guide/);
  expect(out).toMatch(/U: let's do the heel\nA: Let's start relaxing the heel\..*Step 1 of 2/);
  expect(out).toMatch(/U: okay next\nA: Step 2, the last one/);
  expect(out).toMatch(/You've finished relaxing the heel\. Would you like relaxing the heel on the other foot too\?/);
  expect(out).toMatch(/U: no thanks\nA: How about easing the sole\?/);
  expect(out).toMatch(/Goodbye!\n {3}\(session closed/);
  expect(out).not.toMatch(/<[a-z]+[ />]/); // SSML stripped
});

test('text the model cannot place goes to the fallback, and quit leaves', () => {
  const out = simulate(['what is the capital of peru', 'quit', 'next'], ['--show-intent']);
  expect(out).toMatch(/\[AMAZON\.FallbackIntent: no sample matched\] Sorry, I didn't catch that/);
  expect(out).not.toMatch(/U: next/);
});

test('the terminal guesses what the model does not say, and says that it guessed', () => {
  const out = simulate(["let's do the heel", 'hmm erm next please mate']);
  expect(out).toMatch(/U: hmm erm next please mate\n {3}\(guessed AMAZON\.NextIntent: no sample says exactly that.*\)\nA: Step 2, the last one/);
});

test('one-shot requests after the session closed', () => {
  const out = simulate(['stop', 'ask foot massage guide for the ankle stretch']);
  expect(out).toMatch(/U: ask foot massage guide for the ankle stretch\nA: Let's start the ankle stretch/);
});
