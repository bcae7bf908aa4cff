import fc from 'fast-check';
import { TECHNIQUE_IDS, stepCount, type TechniqueId } from '../../lambda/guide/catalog';
import {
  DEFAULT_PREFS,
  INITIAL_STATE,
  MAX_NEXTS,
  MAX_TURNS,
  PACES,
  STATE_VERSION,
  isValidState,
  parseState,
  type Foot,
  type GuideState,
  type Phase,
  type Preferences,
} from '../../lambda/guide/state';
import { everyPhase, everyPrefs, phaseArb, prefsArb, techniqueArb, validStateArb } from '../support/states';

// parseState is the only way a saved or session state comes back in: whatever it is handed,
// it answers a valid state of this version, migrates older versions, keeps what can be
// trusted, and never throws.

// Sized to what these properties can find: the state space they draw from is small (six
// techniques, a few steps, two feet, six preference pairs), so 500 runs visit it many times over.
const RUNS = { numRuns: 500 } as const;

const W = 'warmUp' satisfies TechniqueId; // 2 steps, the first technique
const R = 'relaxHeel' satisfies TechniqueId; // 2 steps
const E = 'easeSole' satisfies TechniqueId; // 4 steps

const menu = (offer: TechniqueId): Phase => ({ at: 'menu', offer });
/**
 * Places as v2 wrote them: a foot (1 or 2) in the routine, none (null) on a single technique.
 * Since v3 every place has a foot and says whether it is in the routine; these build the v3 phase.
 */
type V2Foot = Foot | null;
const at = (foot: V2Foot) => (foot === null ? { foot: 1 as const, routine: false } : { foot, routine: true });
const step = (technique: TechniqueId, s: number, foot: V2Foot = null): Phase => ({ at: 'step', technique, step: s, ...at(foot) });
const resume = (technique: TechniqueId, s: number, foot: V2Foot = null): Phase => ({ at: 'resume', technique, step: s, ...at(foot) });
const done = (technique: TechniqueId, routine = false): Phase => ({ at: 'done', technique, foot: routine ? 2 : 1, routine });

/** A state of this version: the phase and turns given, everything else as a new user has it unless overridden. */
const state = (phase: Phase, turns = 0, over: Partial<Pick<GuideState, 'prefs' | 'nexts' | 'safetyHeard'>> = {}): GuideState => ({
  ...INITIAL_STATE,
  ...over,
  phase,
  turns,
});
const initialWith = (turns: number): GuideState => ({ ...INITIAL_STATE, turns });

test('a new user: the menu offering the first technique, counting at normal pace, nothing learnt or heard', () => {
  expect(INITIAL_STATE).toStrictEqual({
    v: 3,
    phase: menu(W),
    prefs: { timing: true, pace: 'normal' },
    nexts: 0,
    safetyHeard: false,
    turns: 0,
    skipped: [],
    back: null,
    said: null,
  });
  expect(STATE_VERSION).toBe(3);
  expect(DEFAULT_PREFS).toStrictEqual(INITIAL_STATE.prefs);
  expect(PACES).toEqual(['slow', 'normal', 'fast']);
  expect(isValidState(INITIAL_STATE)).toBe(true);
});

const EVERY_PHASE: readonly Phase[] = everyPhase();

const VALID: readonly GuideState[] = [
  INITIAL_STATE,
  ...EVERY_PHASE.flatMap((phase) => [0, 1, MAX_TURNS].map((turns) => state(phase, turns))),
  ...everyPrefs().flatMap((prefs) =>
    [0, 3, MAX_NEXTS].flatMap((nexts) => [false, true].map((safetyHeard) => state(step(E, 2, 2), 4, { prefs, nexts, safetyHeard }))),
  ),
];

describe('valid states', () => {
  test('every phase is listed once, with every foot, in and out of the routine, and both kinds of finish', () => {
    const steps = TECHNIQUE_IDS.reduce((n, t) => n + stepCount(t), 0);
    // menu; done on each foot, routine or not; step and resume on each foot, routine or not.
    expect(EVERY_PHASE).toHaveLength(TECHNIQUE_IDS.length * (1 + 2 * 2) + 2 * 2 * 2 * steps);
    expect(new Set(EVERY_PHASE.map((p) => JSON.stringify(p))).size).toBe(EVERY_PHASE.length);
  });

  test.each(VALID.map((s) => [JSON.stringify(s), s] as const))('%s round-trips through JSON', (_label, valid) => {
    expect(isValidState(valid)).toBe(true);
    const parsed = parseState(JSON.parse(JSON.stringify(valid)));
    expect(parsed).toStrictEqual(valid);
    expect(isValidState(parsed)).toBe(true);
  });

  test('a parsed state shares nothing with its input', () => {
    const raw = {
      v: 2,
      phase: { at: 'step', technique: E, step: 2, foot: 1 },
      prefs: { timing: false, pace: 'slow' },
      nexts: 4,
      safetyHeard: true,
      turns: 3,
    };
    const parsed = parseState(raw);
    raw.phase.step = 99;
    raw.phase.foot = 7;
    raw.prefs.pace = 'warp';
    raw.nexts = -1;
    raw.turns = -1;
    expect(parsed).toStrictEqual(state(step(E, 2, 1), 3, { prefs: { timing: false, pace: 'slow' }, nexts: 4, safetyHeard: true }));
    expect(parsed.prefs).not.toBe(raw.prefs);
  });

  test('keys it does not know are dropped, at every level', () => {
    const raw = {
      v: 2,
      phase: { at: 'done', technique: R, routine: true, step: 1, offer: E, foot: 2 },
      prefs: { timing: false, pace: 'fast', volume: 11 },
      nexts: 2,
      safetyHeard: true,
      turns: 2,
      extra: { x: 1 },
    };
    expect(parseState(raw)).toStrictEqual(state(done(R, true), 2, { prefs: { timing: false, pace: 'fast' }, nexts: 2, safetyHeard: true }));
  });

  const INVALID: readonly (readonly [string, unknown])[] = [
    ['version 1', { ...INITIAL_STATE, v: 1 }],
    ['foot 3', state(step(E, 0, 3 as unknown as Foot))],
    ["foot '1'", state(step(E, 0, '1' as unknown as Foot))],
    ['foot missing', { ...INITIAL_STATE, phase: { at: 'resume', technique: E, step: 0 } }],
    ['done without routine', { ...INITIAL_STATE, phase: { at: 'done', technique: E } }],
    ['step past the end', state(step(R, 2))],
    ['pace unknown', state(menu(E), 0, { prefs: { timing: true, pace: 'warp' as unknown as Preferences['pace'] } })],
    ['timing not a boolean', state(menu(E), 0, { prefs: { timing: 1 as unknown as boolean, pace: 'slow' } })],
    ['prefs missing', { v: 2, phase: menu(E), nexts: 0, safetyHeard: false, turns: 0 }],
    ['nexts negative', state(menu(E), 0, { nexts: -1 })],
    ['nexts over the cap', state(menu(E), 0, { nexts: MAX_NEXTS + 1 })],
    ['nexts a float', state(menu(E), 0, { nexts: 1.5 })],
    ['safetyHeard not a boolean', state(menu(E), 0, { safetyHeard: 'yes' as unknown as boolean })],
    ['turns over the cap', state(menu(E), MAX_TURNS + 1)],
  ];

  test.each(INVALID)('isValidState rejects a state with %s, and parsing repairs it', (_label, invalid) => {
    expect(isValidState(invalid as GuideState)).toBe(false);
    expect(isValidState(parseState(invalid))).toBe(true);
  });
});

// ---- migration from version 1 -------------------------------------------------------------

/** A v1 document: a phase without a foot (or a routine), a turn count, nothing else. */
const v1 = (phase: unknown, turns?: unknown): Record<string, unknown> => (turns === undefined ? { v: 1, phase } : { v: 1, phase, turns });

const MIGRATION: readonly (readonly [string, unknown, GuideState])[] = [
  // every v1 phase keeps its place; no foot (v1 knew single techniques only), default
  // preferences, nothing learnt, and the safety sentence still to be said
  ['v1 step', v1({ at: 'step', technique: R, step: 1 }, 3), state(step(R, 1, null), 3)],
  ['v1 first step', v1({ at: 'step', technique: E, step: 0 }, 0), state(step(E, 0, null), 0)],
  ['v1 menu', v1({ at: 'menu', offer: E }, 12), state(menu(E), 12)],
  ['v1 done', v1({ at: 'done', technique: R }, 9), state(done(R, false), 9)],
  ['v1 resume', v1({ at: 'resume', technique: E, step: 3 }, 2), state(resume(E, 3, null), 2)],
  ['v1 without turns', v1({ at: 'done', technique: E }), state(done(E, false), 0)],
  ['v1 at the turn cap', v1({ at: 'menu', offer: R }, MAX_TURNS), state(menu(R), MAX_TURNS)],
  ['v1 over the turn cap', v1({ at: 'menu', offer: R }, MAX_TURNS + 5), state(menu(R), MAX_TURNS)],
  // v1 never had preferences, a learning count or a safety flag: any found are not its own
  [
    'v1 with v2 fields beside it',
    { ...v1({ at: 'step', technique: R, step: 1 }, 3), prefs: { timing: false, pace: 'slow' }, nexts: 50, safetyHeard: true },
    state(step(R, 1, null), 3),
  ],
  // v1 garbage becomes what v1 garbage always became, in v2
  ['v1 with a phase of garbage', v1({ at: 'somewhere', technique: R }, 4), initialWith(4)],
  ['v1 with no phase', { v: 1, turns: 4 }, initialWith(4)],
  ['v1 with a technique that no longer exists', v1({ at: 'step', technique: 'backRub', step: 0 }, 4), initialWith(4)],
  ['v1 step out of range', v1({ at: 'step', technique: R, step: 2 }, 4), state(step(R, 0), 4)],
  ['v1 resume out of range', v1({ at: 'resume', technique: R, step: 5 }, 4), state(resume(R, 0), 4)],
  ['v1 with turns garbage', v1({ at: 'done', technique: R }, 'seven'), state(done(R), 0)],
  ['v1 with everything garbage', { v: 1, phase: [1], turns: {}, prefs: 'fast', nexts: 'many' }, INITIAL_STATE],
];

describe('migration from version 1', () => {
  test.each(MIGRATION)('%s', (_label, raw, expected) => {
    const parsed = parseState(raw);
    expect(parsed).toStrictEqual(expected);
    expect(isValidState(parsed)).toBe(true);
    // Once migrated, a state saves and comes back as itself.
    expect(parseState(JSON.parse(JSON.stringify(parsed)))).toStrictEqual(parsed);
  });

  test('a migrated user hears the safety sentence and starts with the default preferences', () => {
    fc.assert(
      fc.property(phaseArb, fc.nat(MAX_TURNS), (phase, turns) => {
        // A v1 phase had no foot and no routine flag.
        const v1Phase: Record<string, unknown> = { ...phase };
        delete v1Phase.foot;
        delete v1Phase.routine;
        const parsed = parseState(v1(v1Phase, turns));
        expect(parsed.v).toBe(STATE_VERSION);
        expect(parsed.prefs).toStrictEqual(DEFAULT_PREFS);
        expect(parsed.nexts).toBe(0);
        expect(parsed.safetyHeard).toBe(false);
        expect(parsed.turns).toBe(turns);
        const p = parsed.phase;
        expect(p.at).toBe(phase.at);
        // v1 knew single techniques only: the first foot, off the routine.
        if (p.at === 'step' || p.at === 'resume') expect([p.foot, p.routine]).toEqual([1, false]);
        if (p.at === 'done') expect(p.routine).toBe(false);
        expect(isValidState(parsed)).toBe(true);
      }),
      RUNS,
    );
  });
});

// ---- garbage -----------------------------------------------------------------------------

/** An object nested `depth` levels under `key`, built without recursion. */
function deep(depth: number, key: string, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { [key]: value };
  return value;
}

const deepArray = (depth: number): unknown => {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

const stepPhase = (technique: TechniqueId, s: unknown): unknown => ({ at: 'step', technique, step: s });
const doneR = { at: 'done', technique: R } as const;

const GARBAGE: readonly (readonly [string, unknown, GuideState])[] = [
  // not a state at all
  ['undefined', undefined, INITIAL_STATE],
  ['null', null, INITIAL_STATE],
  ['42', 42, INITIAL_STATE],
  ['NaN', Number.NaN, INITIAL_STATE],
  ['a string', 'text', INITIAL_STATE],
  ['a JSON string of a valid state', JSON.stringify(state(done(R), 3)), INITIAL_STATE],
  ['true', true, INITIAL_STATE],
  ['an empty array', [], INITIAL_STATE],
  ['an array holding a state', [state(done(R), 3)], INITIAL_STATE],
  ['an empty object', {}, INITIAL_STATE],

  // a version this code does not know
  ['v: 0', { v: 0, phase: doneR, turns: 3 }, INITIAL_STATE],
  ['v: 4 (from the future)', { ...state(done(R), 3), v: 4 }, INITIAL_STATE],
  ["v: '1'", { v: '1', phase: doneR, turns: 3 }, INITIAL_STATE],
  ["v: '2'", { ...state(done(R), 3), v: '2' }, INITIAL_STATE],
  ['v: 1.5', { ...state(done(R), 3), v: 1.5 }, INITIAL_STATE],
  ['v: 2n', { ...state(done(R), 3), v: 2n }, INITIAL_STATE],
  ['v missing', { phase: doneR, turns: 3 }, INITIAL_STATE],

  // right version, bad phase: back to the menu, the turn count kept
  ['phase: null', { v: 1, phase: null }, INITIAL_STATE],
  ['phase: null, turns kept', { v: 1, phase: null, turns: 7 }, initialWith(7)],
  ['phase missing', { v: 1, turns: 7 }, initialWith(7)],
  ['phase a string', { v: 1, phase: 'menu', turns: 7 }, initialWith(7)],
  ['phase an array', { v: 1, phase: [{ at: 'menu', offer: R }], turns: 7 }, initialWith(7)],
  ['unknown phase', { v: 1, phase: { at: 'paused', technique: R }, turns: 7 }, initialWith(7)],
  ['menu with an unknown offer', { v: 1, phase: { at: 'menu', offer: 'backRub' }, turns: 7 }, initialWith(7)],
  ['menu with no offer', { v: 1, phase: { at: 'menu' }, turns: 7 }, initialWith(7)],
  ['step of an unknown technique', { v: 1, phase: stepPhase('backRub' as TechniqueId, 0), turns: 7 }, initialWith(7)],
  ['done with an unknown technique', { v: 1, phase: { at: 'done', technique: 'backRub' }, turns: 7 }, initialWith(7)],
  ['technique id in another case', { v: 1, phase: { at: 'done', technique: 'RelaxHeel' }, turns: 7 }, initialWith(7)],
  ['technique id with a space', { v: 1, phase: { at: 'done', technique: `${R} ` }, turns: 7 }, initialWith(7)],
  [
    'v2, phase garbage, the rest kept',
    { ...state(menu(E), 7, { nexts: 5, safetyHeard: true }), phase: { at: 'x' } },
    state(menu(W), 7, { nexts: 5, safetyHeard: true }),
  ],

  // a step that no longer exists keeps the technique and starts it again
  ['step out of range', { v: 1, phase: stepPhase(R, 2), turns: 4 }, state(step(R, 0), 4)],
  ['step far out of range', { v: 1, phase: stepPhase(E, 1e9), turns: 4 }, state(step(E, 0), 4)],
  ['negative step', { v: 1, phase: stepPhase(E, -1), turns: 4 }, state(step(E, 0), 4)],
  ["step as a string '1'", { v: 1, phase: stepPhase(E, '1'), turns: 4 }, state(step(E, 0), 4)],
  ['step NaN', { v: 1, phase: stepPhase(E, Number.NaN), turns: 4 }, state(step(E, 0), 4)],
  ['step Infinity', { v: 1, phase: stepPhase(E, Number.POSITIVE_INFINITY), turns: 4 }, state(step(E, 0), 4)],
  ['step 1.5', { v: 1, phase: stepPhase(E, 1.5), turns: 4 }, state(step(E, 0), 4)],
  ['step null', { v: 1, phase: stepPhase(E, null), turns: 4 }, state(step(E, 0), 4)],
  ['step missing', { v: 1, phase: { at: 'step', technique: E }, turns: 4 }, state(step(E, 0), 4)],
  ['step a boxed number', { v: 1, phase: stepPhase(E, Object(2)), turns: 4 }, state(step(E, 0), 4)],
  ['v2 step out of range keeps its foot', { ...state(done(R), 4), v: 2, phase: { at: 'step', technique: R, step: 9, foot: 2 } }, state(step(R, 0, 2), 4)],

  // turns that are not a safe, non-negative integer become 0; the phase is kept
  ['turns negative', { v: 1, phase: doneR, turns: -1 }, state(done(R), 0)],
  ['turns a float', { v: 1, phase: doneR, turns: 2.5 }, state(done(R), 0)],
  ["turns a string '3'", { v: 1, phase: doneR, turns: '3' }, state(done(R), 0)],
  ['turns 2**53', { v: 1, phase: doneR, turns: 2 ** 53 }, state(done(R), 0)],
  ['turns 1e300', { v: 1, phase: doneR, turns: 1e300 }, state(done(R), 0)],
  ['turns Infinity', { v: 1, phase: doneR, turns: Number.POSITIVE_INFINITY }, state(done(R), 0)],
  ['turns NaN', { v: 1, phase: doneR, turns: Number.NaN }, state(done(R), 0)],
  ['turns null', { v: 1, phase: doneR, turns: null }, state(done(R), 0)],
  ['v2 turns negative', { ...state(done(R), 0, { nexts: 3 }), turns: -4 }, state(done(R), 0, { nexts: 3 })],

  // nested garbage
  ['phase.at an object', { v: 1, phase: { at: { at: 'menu' }, offer: R }, turns: 1 }, initialWith(1)],
  ['offer an object', { v: 1, phase: { at: 'menu', offer: { id: R } }, turns: 1 }, initialWith(1)],
  ['offer an array', { v: 1, phase: { at: 'menu', offer: [R] }, turns: 1 }, initialWith(1)],
  ['technique an array', { v: 1, phase: { at: 'step', technique: [E], step: 1 }, turns: 1 }, initialWith(1)],
  ['phase nested in phase', { v: 1, phase: { phase: { at: 'menu', offer: R } }, turns: 1 }, initialWith(1)],
  ['everything an array', { v: [1], phase: [[]], turns: [1] }, INITIAL_STATE],

  // keys that are special on objects
  ['JSON with a __proto__ key holding a state', JSON.parse(`{"__proto__": ${JSON.stringify(state(done(R), 3))}}`), INITIAL_STATE],
  [
    'JSON with a __proto__ key beside a state',
    JSON.parse(`{"v": 1, "phase": {"at": "menu", "offer": "${E}", "__proto__": {"offer": "x"}}, "turns": 2, "__proto__": {"v": 2}}`),
    state(menu(E), 2),
  ],
  [
    'JSON with __proto__ as the phase',
    JSON.parse('{"v": 1, "__proto__": {"at": "menu"}, "phase": {"__proto__": {"at": "done", "technique": "relaxHeel"}}}'),
    INITIAL_STATE,
  ],
  [
    'JSON with __proto__ in the preferences',
    JSON.parse('{"v": 2, "phase": {"at": "menu", "offer": "easeSole"}, "prefs": {"timing": false, "__proto__": {"pace": "slow"}}, "turns": 1}'),
    state(menu(E), 1, { prefs: { timing: false, pace: 'normal' } }),
  ],
  ['a constructor key', { v: 1, constructor: { v: 2 }, phase: { at: 'done', technique: R, constructor: null }, turns: 1 }, state(done(R), 1)],
  ["technique 'constructor'", { v: 1, phase: { at: 'done', technique: 'constructor' }, turns: 1 }, initialWith(1)],
  ["technique '__proto__'", { v: 1, phase: { at: 'step', technique: '__proto__', step: 0 }, turns: 1 }, initialWith(1)],
  ["offer 'toString'", { v: 1, phase: { at: 'menu', offer: 'toString' }, turns: 1 }, initialWith(1)],
  ["offer 'hasOwnProperty'", { v: 1, phase: { at: 'menu', offer: 'hasOwnProperty' }, turns: 1 }, initialWith(1)],
  ["pace 'constructor'", { ...INITIAL_STATE, prefs: { timing: true, pace: 'constructor' } }, INITIAL_STATE],
  ['an object without a prototype', Object.assign(Object.create(null) as object, { v: 1, phase: { at: 'done', technique: E }, turns: 2 }), state(done(E), 2)],
  [
    'a v2 object without a prototype, preferences too',
    Object.assign(Object.create(null) as object, {
      ...state(step(E, 1, 2), 2, { nexts: 1, safetyHeard: true }),
      prefs: Object.assign(Object.create(null) as object, { timing: false, pace: 'fast' }),
    }),
    state(step(E, 1, 2), 2, { prefs: { timing: false, pace: 'fast' }, nexts: 1, safetyHeard: true }),
  ],

  // very deep
  ['a very deep object', deep(100_000, 'phase', { at: 'menu', offer: R }), INITIAL_STATE],
  ['a very deep phase', { v: 1, phase: deep(100_000, 'at', 'menu'), turns: 1 }, initialWith(1)],
  ['a very deep technique', { v: 1, phase: { at: 'done', technique: deep(100_000, 'id', R) }, turns: 1 }, initialWith(1)],
  ['a very deep array', deepArray(100_000), INITIAL_STATE],
  ['very deep preferences', { ...INITIAL_STATE, prefs: deep(100_000, 'prefs', { timing: false }) }, INITIAL_STATE],
];

/** A v2 document: everything right except what `over` spoils. */
/** A v2 document (the routine's foot on a step, no routine flag), with `over` changed. */
const v2 = (over: Record<string, unknown>): Record<string, unknown> => ({
  v: 2,
  phase: { at: 'step', technique: E, step: 2, foot: 1 },
  prefs: { timing: false, pace: 'slow' },
  nexts: 4,
  safetyHeard: true,
  turns: 6,
  ...over,
});
const good = (over: Partial<Pick<GuideState, 'phase' | 'prefs' | 'nexts' | 'safetyHeard' | 'turns'>>): GuideState => ({
  ...state(step(E, 2, 1), 6, { prefs: { timing: false, pace: 'slow' }, nexts: 4, safetyHeard: true }),
  ...over,
});
const withFoot = (foot: unknown) => v2({ phase: { at: 'step', technique: E, step: 2, foot } });
const withNexts = (nexts: unknown) => v2({ nexts });
const withSafety = (safetyHeard: unknown) => v2({ safetyHeard });

const V2_GARBAGE: readonly (readonly [string, unknown, GuideState])[] = [
  // preferences: what is a preference is kept, the rest are the defaults
  ['prefs null', v2({ prefs: null }), good({ prefs: DEFAULT_PREFS })],
  ['prefs missing', v2({ prefs: undefined }), good({ prefs: DEFAULT_PREFS })],
  ['prefs an array', v2({ prefs: [false, 'slow'] }), good({ prefs: DEFAULT_PREFS })],
  ["prefs a string 'slow'", v2({ prefs: 'slow' }), good({ prefs: DEFAULT_PREFS })],
  ['prefs empty', v2({ prefs: {} }), good({ prefs: DEFAULT_PREFS })],
  ["timing 'yes'", v2({ prefs: { timing: 'yes', pace: 'slow' } }), good({ prefs: { timing: true, pace: 'slow' } })],
  ['timing 0', v2({ prefs: { timing: 0, pace: 'fast' } }), good({ prefs: { timing: true, pace: 'fast' } })],
  ["pace 'SLOW'", v2({ prefs: { timing: false, pace: 'SLOW' } }), good({ prefs: { timing: false, pace: 'normal' } })],
  ["pace 'medium'", v2({ prefs: { timing: false, pace: 'medium' } }), good({ prefs: { timing: false, pace: 'normal' } })],
  ['pace 1', v2({ prefs: { timing: false, pace: 1 } }), good({ prefs: { timing: false, pace: 'normal' } })],
  ['pace null', v2({ prefs: { timing: false, pace: null } }), good({ prefs: { timing: false, pace: 'normal' } })],
  ["pace ['slow']", v2({ prefs: { timing: false, pace: ['slow'] } }), good({ prefs: { timing: false, pace: 'normal' } })],
  ["pace 'slow ' (a space)", v2({ prefs: { timing: false, pace: 'slow ' } }), good({ prefs: { timing: false, pace: 'normal' } })],

  // the foot: 1 or 2, else no foot (a single technique); the place is kept
  ['foot 3', withFoot(3), good({ phase: step(E, 2, null) })],
  ['foot 0', withFoot(0), good({ phase: step(E, 2, null) })],
  ['foot -1', withFoot(-1), good({ phase: step(E, 2, null) })],
  ['foot 1.5', withFoot(1.5), good({ phase: step(E, 2, null) })],
  ["foot '1'", withFoot('1'), good({ phase: step(E, 2, null) })],
  ['foot true', withFoot(true), good({ phase: step(E, 2, null) })],
  ['foot [1]', withFoot([1]), good({ phase: step(E, 2, null) })],
  ['foot NaN', withFoot(Number.NaN), good({ phase: step(E, 2, null) })],
  ['foot null', withFoot(null), good({ phase: step(E, 2, null) })],
  ['foot missing', v2({ phase: { at: 'step', technique: E, step: 2 } }), good({ phase: step(E, 2, null) })],
  ['foot 2 kept', withFoot(2), good({ phase: step(E, 2, 2) })],
  ['foot 3 on a resume offer', v2({ phase: { at: 'resume', technique: R, step: 1, foot: 3 } }), good({ phase: resume(R, 1, null) })],
  ['foot 1 on a resume offer kept', v2({ phase: { at: 'resume', technique: R, step: 1, foot: 1 } }), good({ phase: resume(R, 1, 1) })],

  // the routine flag on a finished phase: only true is true
  ["routine 'true'", v2({ phase: { at: 'done', technique: R, routine: 'true' } }), good({ phase: done(R, false) })],
  ['routine 1', v2({ phase: { at: 'done', technique: R, routine: 1 } }), good({ phase: done(R, false) })],
  ['routine missing', v2({ phase: { at: 'done', technique: R } }), good({ phase: done(R, false) })],
  ['routine true kept', v2({ phase: { at: 'done', technique: R, routine: true } }), good({ phase: done(R, true) })],

  // the learning count: safe non-negative integers kept (capped), anything else 0
  ['nexts negative', withNexts(-1), good({ nexts: 0 })],
  ['nexts -0', withNexts(-0), good({ nexts: 0 })],
  ['nexts a float', withNexts(2.5), good({ nexts: 0 })],
  ['nexts huge', withNexts(1_000_000), good({ nexts: MAX_NEXTS })],
  ['nexts one over the cap', withNexts(MAX_NEXTS + 1), good({ nexts: MAX_NEXTS })],
  ['nexts at the cap', withNexts(MAX_NEXTS), good({ nexts: MAX_NEXTS })],
  ['nexts 2**53', withNexts(2 ** 53), good({ nexts: 0 })],
  ['nexts 1e300', withNexts(1e300), good({ nexts: 0 })],
  ['nexts Infinity', withNexts(Number.POSITIVE_INFINITY), good({ nexts: 0 })],
  ['nexts NaN', withNexts(Number.NaN), good({ nexts: 0 })],
  ["nexts '3'", withNexts('3'), good({ nexts: 0 })],
  ['nexts 3n', withNexts(3n), good({ nexts: 0 })],
  ['nexts null', withNexts(null), good({ nexts: 0 })],
  ['nexts missing', withNexts(undefined), good({ nexts: 0 })],

  // the safety flag: only true is true, so when in doubt the sentence is said again
  ["safetyHeard 'true'", withSafety('true'), good({ safetyHeard: false })],
  ['safetyHeard 1', withSafety(1), good({ safetyHeard: false })],
  ['safetyHeard null', withSafety(null), good({ safetyHeard: false })],
  ['safetyHeard {}', withSafety({}), good({ safetyHeard: false })],
  ['safetyHeard a boxed true', withSafety(Object(true)), good({ safetyHeard: false })],
  ['safetyHeard missing', withSafety(undefined), good({ safetyHeard: false })],

  // everything wrong at once
  ['everything garbage', { v: 2, phase: 7, prefs: 'x', nexts: -5, safetyHeard: 'yes', turns: 'many' }, INITIAL_STATE],
];

describe('garbage', () => {
  test.each([...GARBAGE, ...V2_GARBAGE])('%s parses to a valid state', (_label, raw, expected) => {
    let parsed: GuideState | undefined;
    expect(() => {
      parsed = parseState(raw);
    }).not.toThrow();
    expect(parsed).toStrictEqual(expected);
    expect(isValidState(parsed as GuideState)).toBe(true);
  });

  test('parsing __proto__ and constructor keys pollutes nothing', () => {
    for (const [, raw] of [...GARBAGE, ...V2_GARBAGE]) parseState(raw);
    const probe: Record<string, unknown> = {};
    expect(probe.v).toBeUndefined();
    expect(probe.at).toBeUndefined();
    expect(probe.offer).toBeUndefined();
    expect(probe.pace).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  test('turns -0 counts as no turns yet', () => {
    const parsed = parseState({ v: 1, phase: doneR, turns: -0 });
    expect(isValidState(parsed)).toBe(true);
    expect(Object.is(parsed.turns, 0)).toBe(true);
    expect(parsed.phase).toStrictEqual(done(R));
  });

  test('every step index beyond each technique restarts it, keeping the foot', () => {
    for (const t of TECHNIQUE_IDS) {
      for (const s of [stepCount(t), stepCount(t) + 1, -1, -stepCount(t)]) {
        expect(parseState({ v: 1, phase: stepPhase(t, s), turns: 0 })).toStrictEqual(state(step(t, 0)));
        for (const foot of [1, 2] as const) {
          expect(parseState({ ...INITIAL_STATE, v: 2, phase: { at: 'step', technique: t, step: s, foot } }).phase).toStrictEqual(step(t, 0, foot));
        }
      }
    }
  });
});

// ---- properties ------------------------------------------------------------------------

// Saved state arrives as JSON (session attributes, a store): any JSON value, with keys that
// matter to the parser and keys that could reach a prototype.
const parserKey = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'v',
    'phase',
    'turns',
    'at',
    'offer',
    'technique',
    'step',
    'foot',
    'routine',
    'prefs',
    'timing',
    'pace',
    'nexts',
    'safetyHeard',
    '__proto__',
    'constructor',
  ),
);
const anything: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(parserKey, fc.jsonValue({ maxDepth: 2 })).map((o) => JSON.parse(JSON.stringify(o)) as unknown),
);

/** Close to a state, so the deeper branches of the parser are reached, not only the version check. */
const nearlyStateArb = fc.record(
  {
    v: fc.oneof(fc.constantFrom(1, 2), anything),
    phase: fc.oneof(
      phaseArb,
      fc.record(
        {
          at: fc.oneof(fc.constantFrom('menu', 'step', 'done', 'resume'), anything),
          offer: fc.oneof(techniqueArb, anything),
          technique: fc.oneof(techniqueArb, anything),
          step: fc.oneof(fc.integer({ min: -2, max: 6 }), fc.double(), anything),
          foot: fc.oneof(fc.constantFrom(null, 1, 2, 3, 0, '1'), fc.double(), anything),
          routine: fc.oneof(fc.boolean(), anything),
        },
        { requiredKeys: [] },
      ),
      anything,
    ),
    prefs: fc.oneof(
      prefsArb,
      fc.record({ timing: fc.oneof(fc.boolean(), anything), pace: fc.oneof(fc.constantFrom(...PACES, 'medium', 'SLOW'), anything) }, { requiredKeys: [] }),
      anything,
    ),
    nexts: fc.oneof(fc.nat(MAX_NEXTS), fc.integer(), fc.double(), fc.constant(2 ** 53), anything),
    safetyHeard: fc.oneof(fc.boolean(), anything),
    turns: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.constant(2 ** 53), anything),
  },
  { requiredKeys: [] },
);

describe('properties', () => {
  test('anything parses to a valid state without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(anything, nearlyStateArb), (raw) => {
        let parsed: GuideState = INITIAL_STATE;
        expect(() => {
          parsed = parseState(raw);
        }).not.toThrow();
        expect(isValidState(parsed)).toBe(true);
        expect(parsed.v).toBe(STATE_VERSION);
        // What comes out is plain data: once saved, parsing it again changes nothing.
        const saved: unknown = JSON.parse(JSON.stringify(parsed));
        expect(parseState(saved)).toStrictEqual(saved);
      }),
      RUNS,
    );
  });

  test('a valid state parses to itself, directly and through JSON', () => {
    fc.assert(
      fc.property(validStateArb, (valid) => {
        expect(isValidState(valid)).toBe(true);
        expect(parseState(valid)).toStrictEqual(valid);
        expect(parseState(JSON.parse(JSON.stringify(valid)))).toStrictEqual(valid);
      }),
      RUNS,
    );
  });

  test('a version-2 state keeps every field it can trust, whatever the others are', () => {
    fc.assert(
      fc.property(validStateArb, nearlyStateArb, fc.constantFrom('phase', 'prefs', 'nexts', 'safetyHeard', 'turns'), (valid, spoiled, field) => {
        // Spoil one field: every other one comes back as it was.
        const raw: Record<string, unknown> = { ...valid, [field]: (spoiled as Record<string, unknown>)[field] };
        const parsed = parseState(raw);
        expect(isValidState(parsed)).toBe(true);
        for (const kept of ['phase', 'prefs', 'nexts', 'safetyHeard', 'turns'] as const) {
          if (kept !== field) expect(parsed[kept]).toStrictEqual(valid[kept]);
        }
      }),
      RUNS,
    );
  });

  test('a version-1 state with a known technique keeps that technique', () => {
    fc.assert(
      fc.property(techniqueArb, fc.constantFrom('step', 'done', 'resume'), anything, anything, (technique, phaseAt, s, turns) => {
        const parsed = parseState({ v: 1, phase: { at: phaseAt, technique, step: s }, turns });
        expect(parsed.phase.at).toBe(phaseAt);
        expect(parsed.phase.at !== 'menu' && parsed.phase.technique).toBe(technique);
        expect(isValidState(parsed)).toBe(true);
      }),
      RUNS,
    );
  });
});
