import { spawn, type ChildProcess } from 'node:child_process';
import { buildSync } from 'esbuild';
import { promises as fs, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { userKey } from '../../lambda/storage/document';
import { startDynamo } from '../../lambda/local/dynalite';
import type { Figure, Progress } from './figure';
import { judge, type WriterLine, type WriterOptions } from './writer';

/**
 * The stores under the worst an operator and a busy household do: writers
 * killed with SIGKILL mid-write, and two processes walking one user at once.
 * Each figure comes from the writers' own lines (what every answer claimed)
 * held against what is on disk or in the table afterwards.
 */

export function buildWriter(root: string): string {
  const out = join(root, 'build', 'soak', 'writer.js');
  // esbuild's own API: no npx process to start for every build.
  buildSync({
    entryPoints: [join(root, 'bench', 'soak', 'writer.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile: out,
    logLevel: 'warning',
  });
  return out;
}

interface Running {
  readonly child: ChildProcess;
  readonly lines: WriterLine[];
  readonly done: Promise<void>;
  /** Settles once the writer has confirmed a save, or has exited without one. */
  readonly working: Promise<void>;
}

/** Starts a writer; its complete lines are collected (a killed writer's last line may be cut). */
function startWriter(script: string, options: WriterOptions): Running {
  const child = spawn(process.execPath, [script, JSON.stringify(options)], {
    env: { PATH: process.env.PATH ?? '', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' },
  });
  const lines: WriterLine[] = [];
  let buffer = '';
  let committed = () => {};
  const working = new Promise<void>((resolve) => (committed = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const complete = buffer.split('\n');
    buffer = complete.pop() ?? '';
    for (const line of complete) {
      if (!line.trim()) continue;
      const parsed = JSON.parse(line) as WriterLine;
      lines.push(parsed);
      if (parsed.kind === 'commit') committed();
    }
  });
  child.stderr.resume();
  const done = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  void done.then(committed);
  return { child, lines, done, working };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Kill -9 rounds: two writers on one folder, killed mid-walk, started again; then what is on disk.
 * Each round kills once every writer has confirmed a save (so all four are mid-walk, whatever the
 * machine's speed), then at a random moment up to `killWithinMs` later.
 */
export async function killRounds(script: string, rounds: number, progress: Progress, killWithinMs = 500): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'fmg-soak-kill-'));
  const users = ['amzn1.ask.account.SOAK-A', 'amzn1.ask.account.SOAK-B'];
  const lines: WriterLine[] = [];
  const firstTurns: number[] = [];
  let survived = 0;
  for (let round = 1; round <= rounds; round++) {
    const writers = users.flatMap((user) => [
      startWriter(script, { store: 'file', dir, user, turns: 100_000 }),
      startWriter(script, { store: 'file', dir, user, turns: 100_000 }),
    ]);
    // Killed at a random moment in the middle of their work.
    await Promise.all(writers.map((w) => w.working));
    await sleep(Math.random() * killWithinMs);
    for (const w of writers) w.child.kill('SIGKILL');
    await Promise.all(writers.map((w) => w.done));
    for (const w of writers) lines.push(...w.lines);
    // After the crash: the first turns of a fresh process for each user.
    const after = users.map((user) => startWriter(script, { store: 'file', dir, user, turns: 3 }));
    await Promise.all(after.map((w) => w.done));
    // Survived: every user got all three answers from a fresh process, which then exited cleanly.
    if (after.every((w) => w.child.exitCode === 0 && w.lines.filter((l) => l.kind === 'answer').length === 3)) survived++;
    for (const w of after) {
      lines.push(...w.lines);
      const first = w.lines.find((l) => l.kind === 'answer');
      if (first?.kind === 'answer') firstTurns.push(first.ms);
    }
    if (round % 5 === 0 || round === rounds) progress(`  kill -9: ${round} of ${rounds} rounds`);
  }

  // Every confirmed save is on disk, whole, under its revision.
  let lost = 0;
  for (const commit of lines) {
    if (commit.kind !== 'commit') continue;
    const text = await fs.readFile(join(dir, userKey(commit.user), `${commit.revision}.json`), 'utf8').catch(() => null);
    const held = text !== null && JSON.stringify((JSON.parse(text) as { state?: unknown }).state) === JSON.stringify(commit.state);
    if (!held) lost++;
  }
  const orphans = (await fs.readdir(join(dir, '.tmp'))).length + (await fs.readdir(dir)).filter((f) => f.endsWith('.lock')).length;
  const stalls = firstTurns.filter((ms) => ms > 1_000).length;
  const verdict = judge(lines);
  return [
    {
      name: 'kill -9 rounds after which every user was answered again (2 users, 4 writers killed each round)',
      value: `${survived} of ${rounds}`,
      target: `${rounds} of ${rounds}`,
      ok: survived === rounds,
    },
    {
      name: 'first turns after a crash taking over 1 s',
      value: `${stalls} of ${firstTurns.length} (slowest ${Math.max(...firstTurns).toFixed(0)} ms)`,
      target: '0',
      ok: stalls === 0,
    },
    { name: 'confirmed saves lost (not on disk, whole)', value: `${lost} of ${verdict.commits}`, target: '0', ok: lost === 0 },
    { name: 'revisions committed twice', value: String(verdict.duplicated), target: '0', ok: verdict.duplicated === 0 },
    { name: 'orphan files after restart (temporary, lock)', value: String(orphans), target: '0', ok: orphans === 0 },
  ];
}

/** One user, two processes at once, on each store: nothing silently unsaved, nothing committed twice. */
export async function races(script: string, turns: number, progress: Progress): Promise<Figure[]> {
  const dynamo = await startDynamo('soak-races');
  try {
    const figures: Figure[] = [];
    for (const [name, options] of [
      ['file store', { store: 'file', dir: mkdtempSync(join(tmpdir(), 'fmg-soak-race-')) }],
      ['DynamoDB (dynalite)', { store: 'dynamodb', endpoint: dynamo.endpoint, table: dynamo.table }],
    ] as const) {
      const user = `amzn1.ask.account.SOAK-RACE-${name.replace(/\W/g, '')}`;
      const writers = [startWriter(script, { ...options, user, turns }), startWriter(script, { ...options, user, turns })];
      await Promise.all(writers.map((w) => w.done));
      const verdict = judge(writers.flatMap((w) => w.lines));
      progress(`  races, ${name}: ${verdict.answers} answers, ${verdict.commits} of them saved, the rest in sessions told progress could not be saved`);
      figures.push(
        {
          name: `${name}, one user in two processes: answers silently unsaved`,
          value: `${verdict.silentlyUnsaved} of ${verdict.answers}`,
          target: '0',
          ok: verdict.silentlyUnsaved === 0 && verdict.answers === 2 * turns,
        },
        {
          name: `${name}, one user in two processes: revisions committed twice`,
          value: `${verdict.duplicated} of ${verdict.commits}`,
          target: '0',
          ok: verdict.duplicated === 0,
        },
      );
    }
    return figures;
  } finally {
    await dynamo.stop();
  }
}
