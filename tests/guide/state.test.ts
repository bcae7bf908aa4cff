import fc from 'fast-check';
import { TECHNIQUE_IDS, stepCount, type TechniqueId } from '../../lambda/guide/catalog';
import { INITIAL_STATE, STATE_VERSION, isValidState, parseState, type GuideState, type Phase } from '../../lambda/guide/state';
import { everyPhase, phaseArb, techniqueArb, validStateArb } from '../support/states';

// parseState is the only way a saved or session state comes back in: whatever it is handed,
// it answers a valid state, keeps what can be trusted, and never throws.

const RUNS = { numRuns: 2000 } as const;

const R = 'relaxHeel' satisfies TechniqueId; // 2 steps
const E = 'easeSole' satisfies TechniqueId; // 4 steps

const state = (phase: Phase, turns = 0): GuideState => ({ v: STATE_VERSION, phase, turns });
const initialWith = (turns: number): GuideState => ({ ...INITIAL_STATE, turns });

const EVERY_PHASE: readonly Phase[] = everyPhase();

const VALID: readonly GuideState[] = [
  INITIAL_STATE,
  ...EVERY_PHASE.flatMap((phase) => [0, 1, 1_000_000_000].map((turns) => state(phase, turns))),
];

describe('valid states', () => {
  test.each(VALID.map((s) => [JSON.stringify(s), s] as const))('%s round-trips through JSON', (_label, valid) => {
    expect(isValidState(valid)).toBe(true);
    const parsed = parseState(JSON.parse(JSON.stringify(valid)));
    expect(parsed).toStrictEqual(valid);
    expect(isValidState(parsed)).toBe(true);
  });

  test('a parsed state shares nothing with its input', () => {
    const raw = { v: 1, phase: { at: 'step', technique: E, step: 2 }, turns: 3 };
    const parsed = parseState(raw);
    raw.phase.step = 99;
    raw.turns = -1;
    expect(parsed).toStrictEqual(state({ at: 'step', technique: E, step: 2 }, 3));
  });

  test('keys it does not know are dropped', () => {
    const raw = { v: 1, phase: { at: 'done', technique: R, step: 1, offer: E }, turns: 2, extra: { x: 1 } };
    expect(parseState(raw)).toStrictEqual(state({ at: 'done', technique: R }, 2));
  });
});

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

const stepPhase = (technique: TechniqueId, step: unknown): unknown => ({ at: 'step', technique, step });

const GARBAGE: readonly (readonly [string, unknown, GuideState])[] = [
  // not a state at all
  ['undefined', undefined, INITIAL_STATE],
  ['null', null, INITIAL_STATE],
  ['42', 42, INITIAL_STATE],
  ['NaN', Number.NaN, INITIAL_STATE],
  ['a string', 'text', INITIAL_STATE],
  ['a JSON string of a valid state', JSON.stringify(state({ at: 'done', technique: R }, 3)), INITIAL_STATE],
  ['true', true, INITIAL_STATE],
  ['a bigint', 10n, INITIAL_STATE],
  ['a symbol', Symbol('state'), INITIAL_STATE],
  ['a function', () => state({ at: 'done', technique: R }), INITIAL_STATE],
  ['an empty array', [], INITIAL_STATE],
  ['an array holding a state', [state({ at: 'done', technique: R }, 3)], INITIAL_STATE],
  ['an empty object', {}, INITIAL_STATE],
  ['a Date', new Date(0), INITIAL_STATE],
  ['a Map', new Map([['v', 1]]), INITIAL_STATE],

  // wrong version
  ['v: 0', { v: 0, phase: { at: 'done', technique: R }, turns: 3 }, INITIAL_STATE],
  ['v: 2', { v: 2, phase: { at: 'done', technique: R }, turns: 3 }, INITIAL_STATE],
  ["v: '1'", { v: '1', phase: { at: 'done', technique: R }, turns: 3 }, INITIAL_STATE],
  ['v missing', { phase: { at: 'done', technique: R }, turns: 3 }, INITIAL_STATE],

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

  // a step that no longer exists keeps the technique and starts it again
  ['step out of range', { v: 1, phase: stepPhase(R, 2), turns: 4 }, state({ at: 'step', technique: R, step: 0 }, 4)],
  ['step far out of range', { v: 1, phase: stepPhase(E, 1e9), turns: 4 }, state({ at: 'step', technique: E, step: 0 }, 4)],
  ['negative step', { v: 1, phase: stepPhase(E, -1), turns: 4 }, state({ at: 'step', technique: E, step: 0 }, 4)],
  ["step as a string '1'", { v: 1, phase: stepPhase(E, '1'), turns: 4 }, state({ at: 'step', technique: E, step: 0 }, 4)],
  ['step NaN', { v: 1, phase: stepPhase(E, Number.NaN), turns: 4 }, state({ at: 'step', technique: E, step: 0 }, 4)],
  ['step Infinity', { v: 1, phase: stepPhase(E, Number.POSITIVE_INFINITY), turns: 4 }, state({ at: 'step', technique: E, step: 0 }, 4)],
  ['step 1.5', { v: 1, phase: stepPhase(E, 1.5), turns: 4 }, state({ at: 'step', technique: E, step: 0 }, 4)],
  ['step null', { v: 1, phase: stepPhase(E, null), turns: 4 }, state({ at: 'step', technique: E, step: 0 }, 4)],
  ['step missing', { v: 1, phase: { at: 'step', technique: E }, turns: 4 }, state({ at: 'step', technique: E, step: 0 }, 4)],
  ['step a boxed number', { v: 1, phase: stepPhase(E, Object(2)), turns: 4 }, state({ at: 'step', technique: E, step: 0 }, 4)],

  // turns that are not a safe, non-negative integer become 0; the phase is kept
  ['turns negative', { v: 1, phase: { at: 'done', technique: R }, turns: -1 }, state({ at: 'done', technique: R }, 0)],
  ['turns a float', { v: 1, phase: { at: 'done', technique: R }, turns: 2.5 }, state({ at: 'done', technique: R }, 0)],
  ["turns a string '3'", { v: 1, phase: { at: 'done', technique: R }, turns: '3' }, state({ at: 'done', technique: R }, 0)],
  ['turns 2**53', { v: 1, phase: { at: 'done', technique: R }, turns: 2 ** 53 }, state({ at: 'done', technique: R }, 0)],
  ['turns 1e300', { v: 1, phase: { at: 'done', technique: R }, turns: 1e300 }, state({ at: 'done', technique: R }, 0)],
  ['turns Infinity', { v: 1, phase: { at: 'done', technique: R }, turns: Number.POSITIVE_INFINITY }, state({ at: 'done', technique: R }, 0)],
  ['turns NaN', { v: 1, phase: { at: 'done', technique: R }, turns: Number.NaN }, state({ at: 'done', technique: R }, 0)],
  ['turns a bigint', { v: 1, phase: { at: 'done', technique: R }, turns: 3n }, state({ at: 'done', technique: R }, 0)],
  ['turns null', { v: 1, phase: { at: 'done', technique: R }, turns: null }, state({ at: 'done', technique: R }, 0)],

  // nested garbage
  ['phase.at an object', { v: 1, phase: { at: { at: 'menu' }, offer: R }, turns: 1 }, initialWith(1)],
  ['offer an object', { v: 1, phase: { at: 'menu', offer: { id: R } }, turns: 1 }, initialWith(1)],
  ['offer an array', { v: 1, phase: { at: 'menu', offer: [R] }, turns: 1 }, initialWith(1)],
  ['technique an array', { v: 1, phase: { at: 'step', technique: [E], step: 1 }, turns: 1 }, initialWith(1)],
  ['phase nested in phase', { v: 1, phase: { phase: { at: 'menu', offer: R } }, turns: 1 }, initialWith(1)],
  ['everything an array', { v: [1], phase: [[]], turns: [1] }, INITIAL_STATE],

  // keys that are special on objects
  ['JSON with a __proto__ key holding a state', JSON.parse(`{"__proto__": ${JSON.stringify(state({ at: 'done', technique: R }, 3))}}`), INITIAL_STATE],
  [
    'JSON with a __proto__ key beside a state',
    JSON.parse(`{"v": 1, "phase": {"at": "menu", "offer": "${E}", "__proto__": {"offer": "x"}}, "turns": 2, "__proto__": {"v": 2}}`),
    state({ at: 'menu', offer: E }, 2),
  ],
  ['JSON with __proto__ as the phase', JSON.parse('{"v": 1, "__proto__": {"at": "menu"}, "phase": {"__proto__": {"at": "done", "technique": "relaxHeel"}}}'), INITIAL_STATE],
  ['a constructor key', { v: 1, constructor: { v: 2 }, phase: { at: 'done', technique: R, constructor: null }, turns: 1 }, state({ at: 'done', technique: R }, 1)],
  ["technique 'constructor'", { v: 1, phase: { at: 'done', technique: 'constructor' }, turns: 1 }, initialWith(1)],
  ["technique '__proto__'", { v: 1, phase: { at: 'step', technique: '__proto__', step: 0 }, turns: 1 }, initialWith(1)],
  ["offer 'toString'", { v: 1, phase: { at: 'menu', offer: 'toString' }, turns: 1 }, initialWith(1)],
  ["offer 'hasOwnProperty'", { v: 1, phase: { at: 'menu', offer: 'hasOwnProperty' }, turns: 1 }, initialWith(1)],
  [
    'an object without a prototype',
    Object.assign(Object.create(null) as object, { v: 1, phase: { at: 'done', technique: E }, turns: 2 }),
    state({ at: 'done', technique: E }, 2),
  ],

  // very deep
  ['a very deep object', deep(100_000, 'phase', { at: 'menu', offer: R }), INITIAL_STATE],
  ['a very deep phase', { v: 1, phase: deep(100_000, 'at', 'menu'), turns: 1 }, initialWith(1)],
  ['a very deep technique', { v: 1, phase: { at: 'done', technique: deep(100_000, 'id', R) }, turns: 1 }, initialWith(1)],
  ['a very deep array', deepArray(100_000), INITIAL_STATE],
];

describe('garbage', () => {
  test.each(GARBAGE)('%s parses to a valid state', (_label, raw, expected) => {
    let parsed: GuideState | undefined;
    expect(() => {
      parsed = parseState(raw);
    }).not.toThrow();
    expect(parsed).toStrictEqual(expected);
    expect(isValidState(parsed as GuideState)).toBe(true);
  });

  test('parsing __proto__ and constructor keys pollutes nothing', () => {
    for (const [, raw] of GARBAGE) parseState(raw);
    const probe: Record<string, unknown> = {};
    expect(probe.v).toBeUndefined();
    expect(probe.at).toBeUndefined();
    expect(probe.offer).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  test('turns -0 counts as no turns yet', () => {
    const parsed = parseState({ v: 1, phase: { at: 'done', technique: R }, turns: -0 });
    expect(isValidState(parsed)).toBe(true);
    expect(parsed.turns === 0).toBe(true);
    expect(parsed.phase).toStrictEqual({ at: 'done', technique: R });
  });

  test('every step index beyond each technique restarts it', () => {
    for (const t of TECHNIQUE_IDS) {
      for (const step of [stepCount(t), stepCount(t) + 1, -1, -stepCount(t)]) {
        expect(parseState({ v: 1, phase: stepPhase(t, step), turns: 0 })).toStrictEqual(state({ at: 'step', technique: t, step: 0 }));
      }
    }
  });
});

// ---- properties ------------------------------------------------------------------------

const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
  key: fc.oneof(fc.string(), fc.constantFrom('v', 'phase', 'turns', 'at', 'offer', 'technique', 'step', '__proto__', 'constructor')),
});

/** Close to a state, so the deeper branches of the parser are reached, not only the version check. */
const nearlyStateArb = fc.record(
  {
    v: fc.oneof(fc.constant(1), anything),
    phase: fc.oneof(
      phaseArb,
      fc.record(
        {
          at: fc.oneof(fc.constantFrom('menu', 'step', 'done'), anything),
          offer: fc.oneof(techniqueArb, anything),
          technique: fc.oneof(techniqueArb, anything),
          step: fc.oneof(fc.integer({ min: -2, max: 6 }), fc.double(), anything),
        },
        { requiredKeys: [] },
      ),
      anything,
    ),
    turns: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.constant(2 ** 53), anything),
  },
  { requiredKeys: [] },
);

describe('properties', () => {
  test('anything parses to a valid state without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(anything, nearlyStateArb), (raw) => {
        const parsed = parseState(raw);
        expect(isValidState(parsed)).toBe(true);
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

  test('a version-1 state with a known technique keeps that technique', () => {
    fc.assert(
      fc.property(techniqueArb, fc.constantFrom('step', 'done'), anything, anything, (technique, phaseAt, step, turns) => {
        const parsed = parseState({ v: 1, phase: { at: phaseAt, technique, step }, turns });
        expect(parsed.phase.at).toBe(phaseAt);
        expect(parsed.phase.at !== 'menu' && parsed.phase.technique).toBe(technique);
      }),
      RUNS,
    );
  });
});
