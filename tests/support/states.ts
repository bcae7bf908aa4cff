import fc from 'fast-check';
import { FEET, TECHNIQUES, TECHNIQUE_IDS, stepCount, type TechniqueId } from '../../lambda/guide/catalog';
import { MAX_NEXTS, MAX_TURNS, PACES, STATE_VERSION, type Foot, type GuideState, type Pace, type Phase, type Preferences } from '../../lambda/guide/state';

/** Every valid phase and state the catalog allows, listed, and as fast-check arbitraries. */

export function everyPhase(): Phase[] {
  const steps = (at: 'step' | 'resume') =>
    TECHNIQUES.flatMap((t) =>
      t.steps.flatMap((_, step) => FEET.flatMap((foot) => [false, true].map((routine): Phase => ({ at, technique: t.id, step, foot, routine })))),
    );
  return [
    ...TECHNIQUE_IDS.map((offer): Phase => ({ at: 'menu', offer })),
    ...steps('step'),
    ...TECHNIQUE_IDS.flatMap((technique) => FEET.flatMap((foot) => [false, true].map((routine): Phase => ({ at: 'done', technique, foot, routine })))),
    ...steps('resume'),
  ];
}

/** Every combination of preferences. */
export function everyPrefs(): Preferences[] {
  return [true, false].flatMap((timing) => PACES.map((pace): Preferences => ({ timing, pace })));
}

export const techniqueArb: fc.Arbitrary<TechniqueId> = fc.constantFrom(...TECHNIQUE_IDS);
export const footArb: fc.Arbitrary<Foot> = fc.constantFrom(...FEET);
export const paceArb: fc.Arbitrary<Pace> = fc.constantFrom(...PACES);

export const prefsArb: fc.Arbitrary<Preferences> = fc.record({ timing: fc.boolean(), pace: paceArb }, { noNullPrototype: true });

const stepOf = (at: 'step' | 'resume') =>
  fc
    .tuple(techniqueArb, footArb, fc.boolean())
    .chain(([technique, foot, routine]) =>
      fc.integer({ min: 0, max: stepCount(technique) - 1 }).map((step): Phase => ({ at, technique, step, foot, routine })),
    );

export const phaseArb: fc.Arbitrary<Phase> = fc.oneof(
  techniqueArb.map((offer): Phase => ({ at: 'menu', offer })),
  stepOf('step'),
  fc.tuple(techniqueArb, footArb, fc.boolean()).map(([technique, foot, routine]): Phase => ({ at: 'done', technique, foot, routine })),
  stepOf('resume'),
);

/** Counters biased towards their edges: 0, small, the cap, and anything in between. */
const countArb = (max: number, small: number): fc.Arbitrary<number> =>
  fc.oneof(fc.constant(0), fc.nat(small), fc.constant(max), fc.constant(max - 1), fc.nat(max));

export const validStateArb: fc.Arbitrary<GuideState> = fc.record(
  {
    v: fc.constant(STATE_VERSION),
    phase: phaseArb,
    prefs: prefsArb,
    nexts: countArb(MAX_NEXTS, 5),
    safetyHeard: fc.boolean(),
    turns: countArb(MAX_TURNS, 20),
    skipped: fc.uniqueArray(fc.record({ technique: techniqueArb, foot: footArb }, { noNullPrototype: true }), {
      maxLength: 4,
      selector: (s) => `${s.technique}:${s.foot}`,
    }),
    back: fc.option(
      fc
        .tuple(techniqueArb, footArb)
        .chain(([technique, foot]) => fc.integer({ min: 0, max: stepCount(technique) - 1 }).map((step) => ({ technique, step, foot, routine: true }))),
      { nil: null },
    ),
    said: fc.constantFrom(null, 'list' as const, 'aside' as const),
  },
  { noNullPrototype: true },
);
