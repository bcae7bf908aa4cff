import '../lambda/local/quiet';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { startDynamo } from '../lambda/local/dynalite';
import { answerAlways, buildSkill } from '../lambda/skill';
import { userKey } from '../lambda/storage/document';
import { FileStore } from '../lambda/storage/file';
import { voiceFor } from '../lambda/voice/i18n';

/**
 * `npm run bench`: our skill's cold start beside its peers, in one run on one
 * machine, reported as ratios (the milliseconds drift with the machine's load;
 * ratios of processes run turn about do not):
 *
 *  - no store: our bundle as deployed without a table, against a bare
 *    ask-sdk-core skill with one handler (bench/baseline/index.ts), and against
 *    the same skill localised with i18next the way Amazon's templates do it
 *    (bench/baseline/i18next.ts);
 *  - as deployed with DynamoDB: our bundle with DYNAMODB_TABLE, against that
 *    localised skill keeping its state through @aws-sdk/client-dynamodb v3
 *    (bench/baseline/dynamodb.ts), both on one dynalite server on loopback,
 *    with the same fake credentials;
 *  - our bundle in three more languages, and `node -e 0` as the floor.
 * Each cold start is a fresh `node` that loads a bundle and answers a
 * LaunchRequest, in a clean environment: PATH and what that configuration
 * needs, nothing inherited (NODE_EXTRA_CA_CERTS alone adds ~57 ms to every
 * node start here). Configurations take turns, round after round, so a busy
 * moment on the machine hits all of them alike.
 *
 * Then warm turns in process (a scripted conversation), the cost of a
 * remembered translation, and bundle sizes. Writes build/bench.json and
 * prints the table as Markdown; progress goes to stderr.
 */

const ROOT = join(__dirname, '..', '..');
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 40);
const WARM_TURNS = Number(process.env.BENCH_WARM_TURNS ?? 10_000);
/** The file store flushes every save to disk (milliseconds a turn): fewer turns say as much. */
const FILE_TURNS = Math.min(WARM_TURNS, 1_000);
const OURS = join(ROOT, 'build', 'lambda', 'index.js');
const PEER_DIR = join(ROOT, 'build', 'bench', 'baseline');
const PEERS = { bare: join(PEER_DIR, 'bare.js'), i18next: join(PEER_DIR, 'i18next.js'), dynamodb: join(PEER_DIR, 'dynamodb.js') } as const;
const LOCALES = join(ROOT, 'build', 'lambda', 'locales');
/** Besides en-US: a European, a CJK and a right-to-left language. */
const OTHER_LOCALES = ['de-DE', 'ja-JP', 'ar-SA'];
const SKILL_ID = 'amzn1.ask.skill.bench';
const USER_ID = 'amzn1.ask.account.BENCH';

const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);

function envelope(
  request: Record<string, unknown>,
  locale: string,
  attributes: Record<string, unknown> = {},
  isNew = false,
  userId = USER_ID,
): RequestEnvelope {
  const system = { application: { applicationId: SKILL_ID }, user: { userId }, device: { deviceId: 'd', supportedInterfaces: {} } };
  return {
    version: '1.0',
    session: { new: isNew, sessionId: 's', application: system.application, attributes, user: system.user },
    context: { System: system },
    request: { requestId: 'r', timestamp: new Date().toISOString(), locale, ...request },
  } as unknown as RequestEnvelope;
}

const launch = (locale: string, userId = USER_ID) => envelope({ type: 'LaunchRequest' }, locale, {}, true, userId);
const intent = (name: string, locale: string, attributes: Record<string, unknown>, slots: Record<string, unknown> = {}) =>
  envelope({ type: 'IntentRequest', intent: { name, confirmationStatus: 'NONE', slots } }, locale, attributes);
const heel = {
  technique: {
    name: 'technique',
    value: 'heel',
    resolutions: {
      resolutionsPerAuthority: [{ authority: 'a', status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { id: 'relaxHeel', name: 'heel' } }] }],
    },
  },
};

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** One way of starting cold: a bundle (null: `node -e 0`), the locale it is asked in, and its whole environment. */
interface ColdConfig {
  readonly name: string;
  readonly bundle: string | null;
  readonly locale: string;
  readonly env: Record<string, string>;
  /** A user of its own, so no configuration reads what another saved: a returning user after the first run. */
  readonly userId?: string;
}

interface Cold {
  readonly median: number;
  readonly p90: number;
  readonly rssMb: number;
}

/**
 * The child's whole program: load the bundle, answer a launch, print peak RSS.
 * It fails (and so fails the bench) if the answer is missing or says progress
 * could not be saved: a store that silently did not work would look fast.
 */
function childScript(config: ColdConfig): string {
  if (!config.bundle) return 'process.stdout.write(String(process.resourceUsage().maxRSS))';
  return `const { handler } = require(${JSON.stringify(config.bundle)});
    handler(${JSON.stringify(launch(config.locale, config.userId))}).then((answer) => {
      if (!answer.response || !answer.response.outputSpeech) process.exit(2);
      if (/can't save|store-unavailable/.test(JSON.stringify(answer))) process.exit(3);
      process.stdout.write(String(process.resourceUsage().maxRSS));
    }, (error) => { console.error(error); process.exit(4); });`;
}

/** One fresh process: wall time from spawn to exit, and its peak RSS. */
function coldOnce(config: ColdConfig): Promise<{ ms: number; rssKb: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-e', childScript(config)], { env: config.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Our bundle logs a store that failed as a JSON line with level "error".
      if (code !== 0 || /"level":"error"/.test(err)) reject(new Error(`${config.name}: exit ${code}\n${err}`));
      else resolve({ ms, rssKb: Number(out) });
    });
  });
}

/** Every configuration COLD_RUNS times, turn about, after one run each that is not counted (disk cache, a table's first item). */
async function coldStarts(configs: readonly ColdConfig[]): Promise<Record<string, Cold>> {
  const times = new Map<string, number[]>(configs.map((c) => [c.name, []]));
  const rss = new Map<string, number[]>(configs.map((c) => [c.name, []]));
  for (const config of configs) await coldOnce(config);
  const total = COLD_RUNS * configs.length;
  let done = 0;
  for (let round = 0; round < COLD_RUNS; round++) {
    for (const config of configs) {
      const { ms, rssKb } = await coldOnce(config);
      times.get(config.name)?.push(ms);
      rss.get(config.name)?.push(rssKb / 1024);
      done += 1;
    }
    if ((round + 1) % Math.max(1, Math.round(COLD_RUNS / 8)) === 0 || round + 1 === COLD_RUNS) {
      const ours = times.get('ours') ?? [];
      log(
        `cold starts ${done}/${total} (round ${round + 1} of ${COLD_RUNS}; ours so far ${quantile(ours, 0.5).toFixed(1)} ms, bare peer ${quantile(times.get('bare') ?? [], 0.5).toFixed(1)} ms)`,
      );
    }
  }
  return Object.fromEntries(
    configs.map((c) => {
      const t = times.get(c.name) ?? [];
      return [c.name, { median: quantile(t, 0.5), p90: quantile(t, 0.9), rssMb: quantile(rss.get(c.name) ?? [], 0.5) }];
    }),
  );
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
    attributes = response.sessionAttributes ?? {};
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { perSecond: turns / seconds, p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

/** What one remembered translation with values costs, warm (µs per call). */
function rememberedTranslation(): number {
  const { t } = voiceFor('en-US');
  const calls = 1_000_000;
  const titles = ['The toes', 'Relaxing the heel', 'Easing the sole'];
  let length = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) length += t('screen.cardTitle', { title: titles[i % 3], step: (i % 3) + 1, of: 4 }).length;
  const us = Number(process.hrtime.bigint() - started) / 1e3 / calls;
  if (length === 0) throw new Error('no words');
  return us;
}

/** Both DynamoDB configurations really wrote their user's item: a store that silently failed would look fast. */
async function expectSaved(endpoint: string, table: string, ids: readonly string[]): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    for (const id of ids) {
      const { Item } = await client.send(new GetItemCommand({ TableName: table, Key: { id: { S: id } }, ConsistentRead: true }));
      if (!Item) throw new Error(`nothing was saved under ${id}: a DynamoDB configuration did not reach its store`);
    }
  } finally {
    client.destroy();
  }
}

function bundlePeer(entry: string, outfile: string): void {
  // Bundled as a developer would bundle it for Lambda: the packages as published, the AWS SDK left to the runtime.
  execFileSync(
    'npx',
    [
      'esbuild',
      entry,
      '--bundle',
      '--platform=node',
      '--target=node20',
      '--format=cjs',
      '--minify',
      '--external:@aws-sdk/*',
      `--outfile=${outfile}`,
      '--log-level=warning',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

async function main(): Promise<void> {
  // dynalite's table is made with the AWS SDK, which warns on node 20 (Lambda runs 22): noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  log('building our bundle and the three peers');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  bundlePeer('bench/baseline/index.ts', PEERS.bare);
  bundlePeer('bench/baseline/i18next.ts', PEERS.i18next);
  bundlePeer('bench/baseline/dynamodb.ts', PEERS.dynamodb);

  const dynamo = await startDynamo('bench-cold');
  const clean = { PATH: process.env.PATH ?? '' };
  const asDeployed = { ...clean, AWS_LAMBDA_FUNCTION_NAME: 'foot-massage-guide', SKILL_ID };
  const withTable = {
    AWS_REGION: 'us-east-1',
    // Fake, like a role's: dynalite checks none of it (tests/storage/dynamodbSigning.test.ts checks our signing).
    AWS_ACCESS_KEY_ID: 'ASIABENCHBENCHBENCH0',
    AWS_SECRET_ACCESS_KEY: 'benchbenchbenchbenchbenchbenchbenchbench',
    AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEBenchToken',
    DYNAMODB_TABLE: dynamo.table,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    // The SDK warns on node 20 (not on Lambda's 22); the warning is not what we measure.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const configs: ColdConfig[] = [
    { name: 'floor', bundle: null, locale: 'en-US', env: clean },
    { name: 'bare', bundle: PEERS.bare, locale: 'en-US', env: clean },
    { name: 'i18next', bundle: PEERS.i18next, locale: 'en-US', env: clean },
    { name: 'ours', bundle: OURS, locale: 'en-US', env: { ...asDeployed, STORAGE: 'none' } },
    ...OTHER_LOCALES.map((locale) => ({ name: `ours ${locale}`, bundle: OURS, locale, env: { ...asDeployed, STORAGE: 'none' } })),
    { name: 'dynamodb peer', bundle: PEERS.dynamodb, locale: 'en-US', env: { ...asDeployed, ...withTable }, userId: `${USER_ID}-PEER` },
    { name: 'ours dynamodb', bundle: OURS, locale: 'en-US', env: { ...asDeployed, ...withTable }, userId: `${USER_ID}-OURS` },
  ];
  log(`cold starts: ${configs.length} configurations × ${COLD_RUNS} fresh processes, turn about`);
  const cold = await coldStarts(configs);
  await expectSaved(dynamo.endpoint, dynamo.table, [`${USER_ID}-PEER`, userKey(`${USER_ID}-OURS`)]);
  await dynamo.stop();

  log(`warm turns: ${WARM_TURNS} each, in process`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { handler: bareHandler } = require(PEERS.bare) as { handler: Handler };
  const noStore = answerAlways(buildSkill({ store: null }));
  const fileStore = answerAlways(buildSkill({ store: new FileStore(mkdtempSync(join(tmpdir(), 'fmg-bench-'))) }));
  await warmTurns(noStore, 500); // warm the JIT before measuring
  const warmBare = await warmTurns(bareHandler, WARM_TURNS);
  const warmOurs = await warmTurns(noStore, WARM_TURNS);
  const warmFile = await warmTurns(fileStore, FILE_TURNS);
  const translationUs = rememberedTranslation();

  const size = (file: string) => statSync(file).size;
  const localeFiles = readdirSync(LOCALES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
  const localeBytes = localeFiles.reduce((sum, f) => sum + size(join(LOCALES, f)), 0);
  const bundles = {
    ours: size(OURS),
    client: size(join(ROOT, 'build', 'lambda', 'dynamodbApi.js')),
    oursGzip: gzipSync(readFileSync(OURS)).length,
    bare: size(PEERS.bare),
    i18next: size(PEERS.i18next),
    dynamodb: size(PEERS.dynamodb),
  };

  const c = (name: string): Cold => cold[name];
  const ratios = {
    noStoreOverBare: c('ours').median / c('bare').median,
    noStoreOverI18next: c('ours').median / c('i18next').median,
    dynamodbOverPeer: c('ours dynamodb').median / c('dynamodb peer').median,
  };
  const goals = { noStoreOverBare: 1.25, noStoreOverI18next: 1.05, dynamodbOverPeer: 0.6 };
  const result = {
    machine: `${cpus()[0]?.model ?? 'unknown cpu'} × ${cpus().length}, node ${process.version}`,
    coldRuns: COLD_RUNS,
    warmTurns: WARM_TURNS,
    cold,
    ratios,
    goals,
    warm: { bare: warmBare, ours: warmOurs, oursFileStore: warmFile, rememberedTranslationUs: translationUs },
    bundles: { ...bundles, localeFiles: localeFiles.length, localeBytes },
  };
  mkdirSync(join(ROOT, 'build'), { recursive: true });
  writeFileSync(join(ROOT, 'build', 'bench.json'), JSON.stringify(result, null, 2) + '\n');

  const f = (n: number, digits = 1) => n.toFixed(digits);
  const ms = (x: Cold) => `${f(x.median)} ms`;
  const verdict = (ratio: number, goal: number) => `≤ ${f(goal, 2)}× (${ratio <= goal ? 'met' : 'not met'})`;
  console.log(
    `Machine: ${result.machine}. Cold start: ${COLD_RUNS} fresh processes per configuration, taking turns, one LaunchRequest each; median wall time from spawn to exit. Warm: ${WARM_TURNS} turns.\n`,
  );
  console.log('| configuration (launch request, cold) | ours | peer | ours / peer | goal |');
  console.log('|---|---|---|---|---|');
  console.log(
    `| no store, vs a bare ask-sdk-core skill with one handler | ${ms(c('ours'))} | ${ms(c('bare'))} | **${f(ratios.noStoreOverBare, 2)}×** | ${verdict(ratios.noStoreOverBare, goals.noStoreOverBare)} |`,
  );
  console.log(
    `| no store, vs that skill localised with i18next as Amazon's templates do it (init once) | ${ms(c('ours'))} | ${ms(c('i18next'))} | **${f(ratios.noStoreOverI18next, 2)}×** | ${verdict(ratios.noStoreOverI18next, goals.noStoreOverI18next)} |`,
  );
  console.log(
    `| as deployed, DynamoDB (dynalite on loopback), vs that skill on @aws-sdk/client-dynamodb v3 | ${ms(c('ours dynamodb'))} | ${ms(c('dynamodb peer'))} | **${f(ratios.dynamodbOverPeer, 2)}×** | ${verdict(ratios.dynamodbOverPeer, goals.dynamodbOverPeer)} |`,
  );
  console.log(
    `| p90, no store, vs the i18next peer (the bare peer: ${f(c('bare').p90)} ms) | ${f(c('ours').p90)} ms | ${f(c('i18next').p90)} ms | ${f(c('ours').p90 / c('i18next').p90, 2)}× | |`,
  );
  console.log(
    `| p90, DynamoDB | ${f(c('ours dynamodb').p90)} ms | ${f(c('dynamodb peer').p90)} ms | ${f(c('ours dynamodb').p90 / c('dynamodb peer').p90, 2)}× | |`,
  );
  for (const locale of OTHER_LOCALES) {
    const x = c(`ours ${locale}`);
    console.log(
      `| no store, ${locale} (its words read from disk), vs the i18next peer | ${ms(x)} | ${ms(c('i18next'))} | ${f(x.median / c('i18next').median, 2)}× | |`,
    );
  }
  console.log(`| \`node -e 0\` (the floor) | | ${ms(c('floor'))} | ours ${f(c('ours').median / c('floor').median, 2)}× | |`);
  console.log(
    `| peak RSS: no store / DynamoDB | ${f(c('ours').rssMb)} / ${f(c('ours dynamodb').rssMb)} MB | ${f(c('i18next').rssMb)} / ${f(c('dynamodb peer').rssMb)} MB | ${f(c('ours').rssMb / c('i18next').rssMb, 2)}× / ${f(c('ours dynamodb').rssMb / c('dynamodb peer').rssMb, 2)}× | |`,
  );
  console.log(
    `| warm turn p50 / p99, no store | ${f(warmOurs.p50, 3)} / ${f(warmOurs.p99, 3)} ms | ${f(warmBare.p50, 3)} / ${f(warmBare.p99, 3)} ms (bare) | ${f(warmOurs.p50 / warmBare.p50, 2)}× (p50) | p99 < 1 ms (${warmOurs.p99 < 1 ? 'met' : 'not met'}) |`,
  );
  console.log(`| warm turns per second, no store | ${f(warmOurs.perSecond, 0)} | ${f(warmBare.perSecond, 0)} (bare) | | |`);
  console.log(`| warm turn p50 / p99, file store (${FILE_TURNS} turns, every save flushed) | ${f(warmFile.p50, 3)} / ${f(warmFile.p99, 3)} ms | | | |`);
  console.log(`| a remembered translation with values, warm | ${f(translationUs, 3)} µs | | | |`);
  console.log(
    `| bundle, raw (gzipped) | ${f(bundles.ours / 1024)} KB (${f(bundles.oursGzip / 1024)} KB), + ${f(bundles.client / 1024)} KB DynamoDB client read only with a table | bare ${f(bundles.bare / 1024)} KB, i18next ${f(bundles.i18next / 1024)} KB, DynamoDB ${f(bundles.dynamodb / 1024)} KB + the runtime's SDK | ${f(bundles.ours / bundles.i18next, 2)}× (i18next) | |`,
  );
  console.log(
    `| locale files beside the bundle (a cold start reads its own, never English) | ${localeFiles.length} files, ${f(localeBytes / 1024)} KB | | | |`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
