import fc from 'fast-check';
import type { RequestEnvelope } from 'ask-sdk-model';
import { check } from 'ssml-check-core';
import { TECHNIQUE_IDS } from '../../lambda/guide/catalog';
import type { Command } from '../../lambda/guide/commands';
import type { Message } from '../../lambda/guide/messages';
import { reduce } from '../../lambda/guide/reduce';
import { INITIAL_STATE, isValidState, parseState, type GuideState } from '../../lambda/guide/state';
import { handler, store as handlerStore } from '../../lambda/index';
import { isRecord } from '../../lambda/json';
import { RECOVERED, revisionOf } from '../../lambda/storage/document';
import { voiceFor } from '../../lambda/voice/i18n';
import { supportedLocaleFor } from '../../lambda/voice/locales';
import { renderDisplay } from '../../lambda/voice/display';
import { renderSpeech } from '../../lambda/voice/speech';
import { MAX_AUDIO_TAGS, MAX_SPEECH_CHARS, MAX_TIMED_SECONDS, measureSsml } from '../support/ssml';
import { EVERY_COMMAND } from '../support/commands';
import { everyPhase, everyPrefs, validStateArb } from '../support/states';
import { MODEL_INTENTS, USER_PREFIX, envelopeArb, type EnvelopeCase, type Json } from './arbitraries';
import { speechKey } from '../support/replies';
import { integerFromEnv } from '../support/envNumber';

/**
 * The request fuzz suite: thousands of generated envelopes, from honest to
 * hostile, through the exported Lambda handler, each answer checked the way
 * Alexa would check it, and saved progress checked after every turn.
 *
 *   FUZZ_SEED=<n>   the seed (default 20261124): a failure prints its seed and path, and replays with it
 *   FUZZ_RUNS=<n>   runs per property (default: 2,200 in total, split below)
 */

const SEED = integerFromEnv('FUZZ_SEED', 20261124);
const RUNS_PER_PROPERTY = process.env.FUZZ_RUNS ? integerFromEnv('FUZZ_RUNS', 0) : null;
// A quick pass on every `npm test`, with each failure ever found replayed exactly by
// tests/fuzz/regressions.test.ts. Rare ones take long runs (one took FUZZ_RUNS=5000 to appear), so the
// long hunt is `FUZZ_RUNS=5000 npx jest tests/fuzz` before a release, and with a new FUZZ_SEED now and then.
const DEFAULT_RUNS = { valid: 800, malformed: 800, persistence: 400, logging: 200 } as const;
type PropertyName = keyof typeof DEFAULT_RUNS;
const runsFor = (name: PropertyName): number => RUNS_PER_PROPERTY ?? DEFAULT_RUNS[name];
/** Per property: the numRuns asked for, and how many times the predicate actually ran (shrinking included). */
const used: Partial<Record<PropertyName, { numRuns: number; executed: number }>> = {};
/** Generous: every property takes seconds at the default counts; FUZZ_RUNS scales it. */
const timeoutFor = (name: PropertyName): number => 60_000 + runsFor(name) * 20;

async function assertProperty<T>(name: PropertyName, arb: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>): Promise<void> {
  const numRuns = runsFor(name);
  const counts = { numRuns, executed: 0 };
  used[name] = counts;
  await fc.assert(
    fc.asyncProperty(arb, async (value) => {
      counts.executed += 1;
      await predicate(value);
    }),
    { numRuns, seed: SEED },
  );
}

// ---------------------------------------------------------------------------
// What the skill logs, collected (and kept off the test output).

const logged: string[] = [];
const collect = (...args: unknown[]): void => {
  logged.push(args.map((a) => (typeof a === 'string' ? a : String(a))).join(' '));
};
let errorSpy: jest.SpyInstance;
let warnSpy: jest.SpyInstance;
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(() => {
  errorSpy = jest.spyOn(console, 'error').mockImplementation(collect);
  warnSpy = jest.spyOn(console, 'warn').mockImplementation(collect);
});

afterAll(() => {
  errorSpy.mockRestore();
  warnSpy.mockRestore();
  const total = Object.values(used).reduce((sum, u) => sum + u.numRuns, 0);
  console.log(
    `fuzz: seed ${SEED}${process.env.FUZZ_SEED ? ' (FUZZ_SEED)' : ' (default)'}; runs per property ${JSON.stringify(used)}; ` +
      `${total} runs in total${RUNS_PER_PROPERTY === null ? '' : ' (FUZZ_RUNS)'}; ${ssmlVerdicts.size} distinct SSML strings checked; ${logged.length} lines logged`,
  );
});

/** No line the skill logged while handling one request may name a user or carry a token. */
function expectNoSecretsLogged(lines: readonly string[], secrets: readonly string[]): void {
  for (const line of lines) {
    for (const secret of secrets) {
      if (line.includes(secret)) throw new Error(`a log line contains "${secret}": ${line.slice(0, 500)}`);
    }
  }
}

// ---------------------------------------------------------------------------
// What every answer must be.

const ssmlVerdicts = new Map<string, Promise<string | null>>();

/** ssml-check-core (platform amazon), once per distinct string. */
function ssmlProblem(ssml: string, locale: string): Promise<string | null> {
  let verdict = ssmlVerdicts.get(`${locale}\u0000${ssml}`);
  if (!verdict) {
    verdict = check(ssml, { platform: 'amazon', locale }).then((errors) => (errors && errors.length ? JSON.stringify(errors) : null));
    ssmlVerdicts.set(`${locale}\u0000${ssml}`, verdict);
  }
  return verdict;
}

function fail(message: string): never {
  throw new Error(message);
}

async function expectValidSpeech(speech: unknown, what: string, locale: string): Promise<void> {
  if (!isRecord(speech)) fail(`${what} is not an object: ${JSON.stringify(speech)}`);
  if (speech.type !== 'SSML') fail(`${what} is ${JSON.stringify(speech.type)}, not SSML`);
  const ssml = speech.ssml;
  if (typeof ssml !== 'string' || !ssml.startsWith('<speak>') || !ssml.endsWith('</speak>'))
    fail(`${what} is not <speak>…</speak>: ${String(ssml).slice(0, 200)}`);
  const { chars, audioTags, breakSeconds } = measureSsml(ssml);
  if (chars >= MAX_SPEECH_CHARS) fail(`${what}: ${chars} characters (limit ${MAX_SPEECH_CHARS})`);
  if (audioTags > MAX_AUDIO_TAGS) fail(`${what}: ${audioTags} audio tags (limit ${MAX_AUDIO_TAGS})`);
  if (breakSeconds > MAX_TIMED_SECONDS) fail(`${what}: ${breakSeconds} s of breaks (limit ${MAX_TIMED_SECONDS})`);
  const problem = await ssmlProblem(ssml, locale);
  if (problem) fail(`${what} is not valid Alexa SSML: ${problem} in ${ssml.slice(0, 300)}`);
}

/** A state the skill hands back must already be clean: what parseState would make of it, and valid. */
function expectCleanState(state: unknown, what: string): void {
  const parsed = parseState(state);
  if (!isValidState(parsed)) fail(`${what}: parseState gave an invalid state ${JSON.stringify(parsed)}`);
  expect({ what, state }).toStrictEqual({ what, state: parsed });
}

/** A valid Alexa response envelope, whatever the request was. */
async function expectValidResponse(out: unknown, locale: string): Promise<void> {
  if (!isRecord(out)) fail(`the handler resolved to ${JSON.stringify(out)}`);
  if (out.version !== '1.0') fail(`version is ${JSON.stringify(out.version)}`);
  const response = out.response;
  if (!isRecord(response)) fail(`response is ${JSON.stringify(response)}`);
  // What Lambda sends back is JSON: it must serialise.
  JSON.stringify(out);

  if (response.outputSpeech !== undefined) await expectValidSpeech(response.outputSpeech, 'outputSpeech', locale);
  if (response.reprompt !== undefined) {
    if (!isRecord(response.reprompt)) fail(`reprompt is ${JSON.stringify(response.reprompt)}`);
    await expectValidSpeech(response.reprompt.outputSpeech, 'reprompt', locale);
  }
  const end = response.shouldEndSession;
  if (end !== undefined && typeof end !== 'boolean') fail(`shouldEndSession is ${JSON.stringify(end)}`);
  // Open without a reprompt only the way a screen device allows: shouldEndSession unset while a
  // document is on screen (the microphone closes; "Alexa, …" still reaches the skill).
  const onScreen = Array.isArray(response.directives) && response.directives.some((d) => isRecord(d) && d.type === 'Alexa.Presentation.APL.RenderDocument');
  if (response.outputSpeech !== undefined && response.reprompt === undefined && end !== true && !(end === undefined && onScreen)) {
    fail(`the session stays open without a reprompt${end === false ? '' : ' or a screen'}`);
  }

  if (response.card !== undefined) {
    const card = response.card;
    if (!isRecord(card) || (card.type !== 'Standard' && card.type !== 'Simple')) fail(`card is ${JSON.stringify(card)}`);
    const text = card.type === 'Standard' ? card.text : card.content;
    if (typeof card.title !== 'string' || typeof text !== 'string') fail(`card without title or text: ${JSON.stringify(card)}`);
    if (card.title.length + text.length > 8000) fail(`card of ${card.title.length + text.length} characters (limit 8000)`);
  }
  if (response.directives !== undefined) {
    if (!Array.isArray(response.directives)) fail(`directives is ${JSON.stringify(response.directives)}`);
    for (const d of response.directives) if (!isRecord(d) || typeof d.type !== 'string') fail(`directive ${JSON.stringify(d).slice(0, 200)}`);
  }

  if (out.sessionAttributes !== undefined) {
    const attributes = out.sessionAttributes;
    if (!isRecord(attributes)) fail(`sessionAttributes is ${(JSON.stringify(attributes) as string | undefined)?.slice(0, 200)}`);
    if (attributes.guide !== undefined) expectCleanState(attributes.guide, 'sessionAttributes.guide');
    if (attributes.revision !== undefined && !(Number.isSafeInteger(attributes.revision) && (attributes.revision as number) >= 0)) {
      fail(`sessionAttributes.revision is ${JSON.stringify(attributes.revision)}`);
    }
  }
}

/** The handler must resolve (never reject) with a valid response; returns it. */
async function answer(envelope: Json): Promise<Record<string, unknown>> {
  let out: unknown;
  try {
    out = await handler(envelope as unknown as RequestEnvelope);
  } catch (error) {
    fail(`the handler rejected: ${String((error as { stack?: unknown } | null | undefined)?.stack ?? error)}`);
  }
  // Checked as SSML of the locale the skill answered in (an unknown one answers in a supported one).
  const requested = (envelope as { request?: { locale?: unknown } } | null)?.request?.locale;
  await expectValidResponse(out, supportedLocaleFor(typeof requested === 'string' ? requested : undefined));
  return out as Record<string, unknown>;
}

// ---------------------------------------------------------------------------
// The properties.

describe('every generated request gets a valid answer', () => {
  test(
    `valid-looking envelopes (${runsFor('valid')} runs)`,
    async () => {
      await assertProperty('valid', envelopeArb(), async ({ envelope }) => {
        const from = logged.length;
        await answer(envelope);
        expectNoSecretsLogged(logged.slice(from), [USER_PREFIX]);
      });
    },
    timeoutFor('valid'),
  );

  test(
    `envelopes with fields missing or of the wrong type at every level (${runsFor('malformed')} runs)`,
    async () => {
      await assertProperty('malformed', envelopeArb({ mutate: true }), async ({ envelope }) => {
        const from = logged.length;
        await answer(envelope);
        expectNoSecretsLogged(logged.slice(from), [USER_PREFIX]);
      });
    },
    timeoutFor('malformed'),
  );

  test('no request polluted Object.prototype', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------
// Saved progress survives whatever arrives.

const PERSIST_USER = `${USER_PREFIX}-PERSIST`;
/** The store the exported handler keeps progress in (tests/support/env.ts: in memory). */
const store = handlerStore ?? fail('the handler has no store (tests/support/env.ts sets STORAGE)');
const persistUser = { context: { System: { user: { userId: PERSIST_USER } } } } as unknown as RequestEnvelope;

const stepPhases = everyPhase().filter((p) => p.at === 'step');
/** Mostly mid-technique (the place worth keeping), sometimes anywhere. */
const seededStateArb: fc.Arbitrary<GuideState> = fc.oneof(
  { arbitrary: fc.tuple(validStateArb, fc.constantFrom(...stepPhases)).map(([state, phase]): GuideState => ({ ...state, phase })), weight: 4 },
  { arbitrary: validStateArb, weight: 1 },
);

const KNOWN_TOUCH = new Set(['next', 'previous', 'repeat', 'pause', 'routine', 'home', ...TECHNIQUE_IDS.map((id) => `start:${id}`)]);

/** A request the skill cannot act on (read from the envelope as sent, after any mutation). */
function isNonsense(envelope: Json): boolean {
  const request = isRecord(envelope) ? envelope.request : undefined;
  if (!isRecord(request)) return true;
  switch (request.type) {
    case 'LaunchRequest':
      return false;
    case 'SessionEndedRequest':
      return true;
    case 'IntentRequest': {
      const name = isRecord(request.intent) ? request.intent.name : undefined;
      return typeof name !== 'string' || !MODEL_INTENTS.includes(name) || name === 'AMAZON.FallbackIntent';
    }
    case 'Alexa.Presentation.APL.UserEvent': {
      const action: unknown = Array.isArray(request.arguments) ? request.arguments[0] : undefined;
      return typeof action !== 'string' || !KNOWN_TOUCH.has(action);
    }
    default:
      return true;
  }
}

/** Whether the turn starts from the saved document (a new session, or no state in the session). */
function startsFromStore(envelope: Json): boolean {
  const session = isRecord(envelope) ? envelope.session : undefined;
  if (!isRecord(session)) return false;
  // A key the envelope leaves out reads as undefined, whatever the Json type says.
  const attributes: unknown = session.attributes;
  return session.new === true || !isRecord(attributes) || attributes.guide === undefined;
}

test(
  `saved progress survives every request (${runsFor('persistence')} runs)`,
  async () => {
    const arb = fc.record({
      seeded: seededStateArb,
      request: fc.oneof(envelopeArb({ userId: PERSIST_USER }), envelopeArb({ userId: PERSIST_USER, mutate: true })),
      // The session claims the revision on disk, so its (maybe tampered) state is not turned away as stale.
      claimStoredRevision: fc.boolean(),
    });
    let placesChecked = 0;
    let saved = 0;
    await assertProperty('persistence', arb, async ({ seeded, request, claimStoredRevision }) => {
      const revision = revisionOf(await store.getAttributes(persistUser)) + 1;
      await store.saveAttributes(persistUser, { state: seeded, savedAt: Date.now(), revision });
      const envelope = JSON.parse(JSON.stringify(request.envelope)) as Json;
      const session = isRecord(envelope) ? envelope.session : undefined;
      if (claimStoredRevision && isRecord(session) && isRecord(session.attributes)) session.attributes.revision = revision;

      await answer(envelope);

      const document = await store.getAttributes(persistUser);
      if (document[RECOVERED] !== undefined) fail(`the saved document became unreadable: ${JSON.stringify(document)}`);
      expectCleanState(document.state, 'the saved state');
      if (!Number.isSafeInteger(document.revision) || (document.revision as number) < revision) {
        fail(`the saved revision went from ${revision} to ${JSON.stringify(document.revision)}`);
      }
      if (typeof document.savedAt !== 'number' || !Number.isFinite(document.savedAt)) fail(`savedAt is ${JSON.stringify(document.savedAt)}`);
      if ((document.revision as number) > revision) saved += 1;

      // Nonsense from a new session keeps the place on disk (offered back, or stepped into).
      if (seeded.phase.at === 'step' && isNonsense(envelope) && startsFromStore(envelope)) {
        const after = parseState(document.state).phase;
        const place = (p: typeof after) => (p.at === 'step' || p.at === 'resume' ? { technique: p.technique, step: p.step, foot: p.foot } : p);
        expect(place(after)).toEqual(place(seeded.phase));
        placesChecked += 1;
      }
    });
    // Not vacuous: turns did save over the seeded document, and nonsense did meet a saved place.
    if (runsFor('persistence') >= 100) {
      expect(saved).toBeGreaterThan(runsFor('persistence') / 4);
      expect(placesChecked).toBeGreaterThan(runsFor('persistence') / 50);
    }
  },
  timeoutFor('persistence'),
);

// ---------------------------------------------------------------------------
// Logs never hold the user id or a token, and errors say which request failed.

const SECRET_USER = 'amzn1.ask.account.SECRETUSER';

/** Whether the envelope names `userId` where Alexa puts it (context.System.user or session.user). */
function carriesUser(envelope: Json, userId: string): boolean {
  const at = (...path: string[]): unknown => path.reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), envelope);
  return at('context', 'System', 'user', 'userId') === userId || at('session', 'user', 'userId') === userId;
}
const SECRET_TOKEN = 'SECRET-TOKEN';

test(
  `logged lines hold no user id or token, and errors carry a requestId (${runsFor('logging')} runs)`,
  async () => {
    let errorsSeen = 0;
    const arb = fc.oneof(
      envelopeArb({ userId: SECRET_USER, apiAccessToken: SECRET_TOKEN }),
      envelopeArb({ userId: SECRET_USER, apiAccessToken: SECRET_TOKEN, mutate: true }),
      // Mutations may reach the user id fields too, as long as one of them still names the user.
      envelopeArb({ userId: SECRET_USER, apiAccessToken: SECRET_TOKEN, mutate: true, mutateIdentity: true }).filter(({ envelope }) =>
        carriesUser(envelope, SECRET_USER),
      ),
    );
    await assertProperty('logging', arb, async ({ envelope }: EnvelopeCase) => {
      const from = logged.length;
      await answer(envelope);
      const lines = logged.slice(from);
      expectNoSecretsLogged(lines, [SECRET_USER, 'SECRETUSER', SECRET_TOKEN]);
      for (const line of lines) {
        let entry: unknown;
        try {
          entry = JSON.parse(line);
        } catch {
          fail(`a log line is not JSON: ${line.slice(0, 300)}`);
        }
        if (!isRecord(entry)) fail(`a log line is not a JSON object: ${line.slice(0, 300)}`);
        if (entry.level !== 'error') continue;
        errorsSeen += 1;
        if (!Object.prototype.hasOwnProperty.call(entry, 'requestId')) fail(`an error was logged without a requestId: ${line.slice(0, 300)}`);
      }
    });
    // The runs did make the skill log errors (unknown request types, requests without a session…).
    expect(errorsSeen).toBeGreaterThan(0);
  },
  timeoutFor('logging'),
);

// ---------------------------------------------------------------------------
// Every reply the skill can produce stays within Alexa's limits.

/** Every command (one list, tests/support/commands.ts), plus step numbers no user should ever send. */
const COMMANDS: readonly Command[] = [
  ...EVERY_COMMAND,
  ...[2.5, 5, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER].map((step): Command => ({ type: 'goTo', step })),
];

/** What a turn may say before the reply: the store's notices (both at once is the longest). */
const NOTICES: readonly (readonly Message[])[] = [[], [{ kind: 'progressLost' }, { kind: 'storeTrouble' }]];

test('every reply for every state × command × preferences stays within Alexa limits', () => {
  const voice = voiceFor('en-US');
  const states: GuideState[] = everyPhase().flatMap((phase) =>
    everyPrefs().flatMap((prefs) => [
      { ...INITIAL_STATE, phase, prefs, nexts: 0, safetyHeard: false, turns: 0 },
      { ...INITIAL_STATE, phase, prefs, nexts: 1_000, safetyHeard: true, turns: 1_000_000_000, said: 'aside' as const },
      { ...INITIAL_STATE, phase, prefs, turns: 3, said: 'list' as const, skipped: [{ technique: 'toes' as const, foot: 1 as const }] },
    ]),
  );
  const problems: string[] = [];
  const worst = { chars: 0, audioTags: 0, breakSeconds: 0 };
  let replies = 0;
  // Speech is a pure function of what is said, asked and the pace: most of the 390,000 combinations
  // repeat one already measured, which is not rendered again. (Cards cost less to draw than to key.)
  const measuredSpeech = new Set<string>();
  for (const state of states) {
    for (const command of COMMANDS) {
      const reply = reduce(state, command);
      const card = renderDisplay(reply, voice).card;
      if (card.title.length + card.text.length > 8000)
        problems.push(`card of ${card.title.length + card.text.length} characters for ${command.type} in ${JSON.stringify(state)}`);
      const spokenKey = speechKey(reply);
      for (const [n, notices] of NOTICES.entries()) {
        replies += 1;
        const measured = `${n}${spokenKey}`;
        if (measuredSpeech.has(measured)) continue;
        measuredSpeech.add(measured);
        const { speech, reprompt } = renderSpeech([...notices, ...reply.say], reply.ask, voice, reply.state.prefs.pace);
        for (const [what, ssml] of [
          ['speech', speech],
          ['reprompt', reprompt],
        ] as const) {
          if (ssml === null) continue;
          const m = measureSsml(ssml);
          worst.chars = Math.max(worst.chars, m.chars);
          worst.audioTags = Math.max(worst.audioTags, m.audioTags);
          worst.breakSeconds = Math.max(worst.breakSeconds, m.breakSeconds);
          if (m.chars >= MAX_SPEECH_CHARS || m.audioTags > MAX_AUDIO_TAGS || m.breakSeconds > MAX_TIMED_SECONDS) {
            problems.push(`${what} ${JSON.stringify(m)} for ${JSON.stringify(command)} in ${JSON.stringify(state)}`);
          }
        }
      }
    }
  }
  expect(problems.slice(0, 20)).toEqual([]);
  expect(replies).toBe(states.length * COMMANDS.length * NOTICES.length);
  // The margins, for whoever lengthens a sentence next.
  expect(worst.chars).toBeLessThan(MAX_SPEECH_CHARS);
});
