import '../lambda/local/quiet';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { answerAlways, buildSkill } from '../lambda/skill';
import { FileStore } from '../lambda/storage/file';

/**
 * `npm run bench`: our skill beside the fastest possible ask-sdk skill (bench/baseline),
 * in one run on one machine, reported as ratios.
 *
 *  - cold start: a fresh `node` that loads the bundle and answers a LaunchRequest then a
 *    StartTechniqueIntent (our bundle in en-US, de-DE, ja-JP and ar-SA, configured as deployed with
 *    SKILL_ID but no store; the baseline; and `node -e 0` as the floor): median and p90 of
 *    wall time over COLD_RUNS, and peak RSS;
 *  - warm turns: a scripted conversation of WARM_TURNS turns through the handler in
 *    process, with no store and with the file store, against the baseline's warm turn;
 *  - bundle size, raw and gzipped.
 * Writes the table to build/bench.json and prints it as Markdown.
 */

const ROOT = join(__dirname, '..', '..');
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 25);
const WARM_TURNS = Number(process.env.BENCH_WARM_TURNS ?? 10_000);
const OURS = join(ROOT, 'build', 'lambda', 'index.js');
const BASELINE = join(ROOT, 'build', 'bench', 'baseline', 'index.js');
const LOCALES = join(ROOT, 'build', 'lambda', 'locales');
/** Besides en-US: a European, a CJK and a right-to-left language. */
const OTHER_LOCALES = ['de-DE', 'ja-JP', 'ar-SA'];

function envelope(request: Record<string, unknown>, locale: string, attributes: Record<string, unknown> = {}, isNew = false): RequestEnvelope {
  const system = { application: { applicationId: 'amzn1.ask.skill.bench' }, user: { userId: 'amzn1.ask.account.bench' }, device: { deviceId: 'd', supportedInterfaces: {} } };
  return {
    version: '1.0',
    session: { new: isNew, sessionId: 's', application: system.application, attributes, user: system.user },
    context: { System: system },
    request: { requestId: 'r', timestamp: new Date().toISOString(), locale, ...request },
  } as unknown as RequestEnvelope;
}

const launch = (locale: string) => envelope({ type: 'LaunchRequest' }, locale, {}, true);
const intent = (name: string, locale: string, attributes: Record<string, unknown>, slots: Record<string, unknown> = {}) =>
  envelope({ type: 'IntentRequest', intent: { name, confirmationStatus: 'NONE', slots } }, locale, attributes);
const heel = {
  technique: {
    name: 'technique',
    value: 'heel',
    resolutions: { resolutionsPerAuthority: [{ authority: 'a', status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { id: 'relaxHeel', name: 'heel' } }] }] },
  },
};

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

interface Cold {
  readonly median: number;
  readonly p90: number;
  readonly rssMb: number;
}

/** Spawns a fresh node COLD_RUNS times; `bundle` null runs `node -e 0`. */
function coldStart(bundle: string | null, locale: string): Cold {
  const script = bundle
    ? `const { handler } = require(${JSON.stringify(bundle)});
       (async () => {
         const first = await handler(${JSON.stringify(launch(locale))});
         await handler(${JSON.stringify(intent('StartTechniqueIntent', locale, {}, heel))});
         if (!first.response) process.exit(2);
         process.stdout.write(String(process.resourceUsage().maxRSS));
       })();`
    : 'process.stdout.write(String(process.resourceUsage().maxRSS))';
  const times: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
      // As deployed (the stack sets SKILL_ID), but with no store: the cold start itself, no disk or network.
      env: { PATH: process.env.PATH ?? '', AWS_LAMBDA_FUNCTION_NAME: 'bench', STORAGE: 'none', SKILL_ID: 'amzn1.ask.skill.bench' },
    });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (run.status !== 0) throw new Error(`cold start failed: ${run.stderr}`);
    rss.push(Number(run.stdout) / 1024);
  }
  return { median: quantile(times, 0.5), p90: quantile(times, 0.9), rssMb: quantile(rss, 0.5) };
}

type Handler = (event: RequestEnvelope) => Promise<ResponseEnvelope>;

/** A conversation someone might have, repeated: launch, start, next, repeat, back, go to, where am I, stop. */
async function warmTurns(handler: Handler, turns: number): Promise<{ perSecond: number; p50: number; p99: number }> {
  const script: ((attributes: Record<string, unknown>) => RequestEnvelope)[] = [
    () => launch('en-US'),
    (a) => intent('StartTechniqueIntent', 'en-US', a, heel),
    (a) => intent('AMAZON.NextIntent', 'en-US', a),
    (a) => intent('AMAZON.RepeatIntent', 'en-US', a),
    (a) => intent('AMAZON.PreviousIntent', 'en-US', a),
    (a) => intent('GoToStepIntent', 'en-US', a, { stepNumber: { name: 'stepNumber', value: '2' } }),
    (a) => intent('WhereAmIIntent', 'en-US', a),
    (a) => intent('AMAZON.StopIntent', 'en-US', a),
  ];
  const times: number[] = [];
  let attributes: Record<string, unknown> = {};
  const started = process.hrtime.bigint();
  for (let i = 0; i < turns; i++) {
    const t = process.hrtime.bigint();
    const response = await handler(script[i % script.length](attributes));
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    attributes = (response.sessionAttributes as Record<string, unknown> | undefined) ?? {};
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { perSecond: turns / seconds, p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

async function main(): Promise<void> {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('npx', ['esbuild', 'bench/baseline/index.ts', '--bundle', '--platform=node', '--target=node20', '--format=cjs', '--minify', '--sourcemap', '--external:@aws-sdk/*', `--outfile=${BASELINE}`, '--log-level=warning'], { cwd: ROOT, stdio: 'inherit' });

  const floor = coldStart(null, 'en-US');
  const baseline = coldStart(BASELINE, 'en-US');
  const ours = coldStart(OURS, 'en-US');
  // Other languages, with every locale's files present beside the bundle: each reads only its own (and English).
  const oursOther = Object.fromEntries(OTHER_LOCALES.map((locale) => [locale, coldStart(OURS, locale)]));
  const localeFiles = readdirSync(LOCALES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
  const localeBytes = localeFiles.reduce((sum, f) => sum + statSync(join(LOCALES, f)).size, 0);

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { handler: baselineHandler } = require(BASELINE) as { handler: Handler };
  const noStore = answerAlways(buildSkill({ store: null }));
  const fileStore = answerAlways(buildSkill({ store: new FileStore(mkdtempSync(join(tmpdir(), 'fmg-bench-'))) }));
  await warmTurns(noStore, 500); // warm the JIT before measuring
  const warmBaseline = await warmTurns(baselineHandler, WARM_TURNS);
  const warmOurs = await warmTurns(noStore, WARM_TURNS);
  const warmFile = await warmTurns(fileStore, WARM_TURNS);

  const raw = statSync(OURS).size;
  const gzip = gzipSync(readFileSync(OURS)).length;
  const baseRaw = statSync(BASELINE).size;
  const f = (n: number, digits = 1) => n.toFixed(digits);
  const result = {
    machine: `${cpus()[0]?.model ?? 'unknown cpu'} × ${cpus().length}, node ${process.version}`,
    coldRuns: COLD_RUNS,
    warmTurns: WARM_TURNS,
    cold: { floor, baseline, ours, oursOther },
    ratios: {
      coldOursOverBaseline: ours.median / baseline.median,
      coldOursOverFloor: ours.median / floor.median,
      warmP50OursOverBaseline: warmOurs.p50 / warmBaseline.p50,
    },
    warm: { baseline: warmBaseline, ours: warmOurs, oursFileStore: warmFile },
    bundle: { raw, gzip, baselineRaw: baseRaw, localeFiles: localeFiles.length, localeBytes },
  };
  mkdirSync(join(ROOT, 'build'), { recursive: true });
  writeFileSync(join(ROOT, 'build', 'bench.json'), JSON.stringify(result, null, 2) + '\n');

  console.log(`Machine: ${result.machine}. Cold start: ${COLD_RUNS} fresh processes each; warm: ${WARM_TURNS} turns each.\n`);
  console.log('| measure | ours | baseline | node -e 0 | ours / baseline | ours / floor |');
  console.log('|---|---|---|---|---|---|');
  console.log(`| cold start, launch + start technique, median (en-US) | ${f(ours.median)} ms | ${f(baseline.median)} ms | ${f(floor.median)} ms | **${f(ours.median / baseline.median, 2)}×** | ${f(ours.median / floor.median, 2)}× |`);
  console.log(`| cold start, p90 (en-US) | ${f(ours.p90)} ms | ${f(baseline.p90)} ms | ${f(floor.p90)} ms | ${f(ours.p90 / baseline.p90, 2)}× | ${f(ours.p90 / floor.p90, 2)}× |`);
  for (const [locale, cold] of Object.entries(oursOther)) {
    console.log(`| cold start, median (${locale}) | ${f(cold.median)} ms | | | ${f(cold.median / baseline.median, 2)}× | ${f(cold.median / floor.median, 2)}× |`);
  }
  console.log(`| peak RSS of the cold-start process | ${f(ours.rssMb)} MB | ${f(baseline.rssMb)} MB | ${f(floor.rssMb)} MB | ${f(ours.rssMb / baseline.rssMb, 2)}× | |`);
  console.log(`| warm turn p50 / p99, no store | ${f(warmOurs.p50, 3)} / ${f(warmOurs.p99, 3)} ms | ${f(warmBaseline.p50, 3)} / ${f(warmBaseline.p99, 3)} ms | | **${f(warmOurs.p50 / warmBaseline.p50, 2)}×** (p50) | |`);
  console.log(`| warm turns per second, no store | ${f(warmOurs.perSecond, 0)} | ${f(warmBaseline.perSecond, 0)} | | ${f(warmBaseline.perSecond / warmOurs.perSecond, 2)}× slower | |`);
  console.log(`| warm turn p50 / p99, file store | ${f(warmFile.p50, 3)} / ${f(warmFile.p99, 3)} ms | | | | |`);
  console.log(`| bundle, raw / gzipped | ${f(raw / 1024)} KB / ${f(gzip / 1024)} KB | ${f(baseRaw / 1024)} KB | | ${f(raw / baseRaw, 2)}× | |`);
  console.log(`| locale files beside the bundle (a cold start reads its own and English) | ${localeFiles.length} files, ${f(localeBytes / 1024)} KB | | | | |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
