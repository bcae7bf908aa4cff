import fc from 'fast-check';
import { TECHNIQUES, TECHNIQUE_IDS, stepCount, type TechniqueId } from '../../lambda/guide/catalog';
import { MAX_TURNS, STATE_VERSION, type GuideState, type Phase } from '../../lambda/guide/state';

/** Every valid phase the catalog allows, listed, and as fast-check arbitraries. */

export function everyPhase(): Phase[] {
  const steps = (at: 'step' | 'resume') => TECHNIQUES.flatMap((t) => t.steps.map((_, step): Phase => ({ at, technique: t.id, step })));
  return [
    ...TECHNIQUE_IDS.map((offer): Phase => ({ at: 'menu', offer })),
    ...steps('step'),
    ...TECHNIQUE_IDS.map((technique): Phase => ({ at: 'done', technique })),
    ...steps('resume'),
  ];
}

export const techniqueArb: fc.Arbitrary<TechniqueId> = fc.constantFrom(...TECHNIQUE_IDS);

const stepOf = (at: 'step' | 'resume') =>
  techniqueArb.chain((technique) => fc.integer({ min: 0, max: stepCount(technique) - 1 }).map((step): Phase => ({ at, technique, step })));

export const phaseArb: fc.Arbitrary<Phase> = fc.oneof(
  techniqueArb.map((offer): Phase => ({ at: 'menu', offer })),
  stepOf('step'),
  techniqueArb.map((technique): Phase => ({ at: 'done', technique })),
  stepOf('resume'),
);

export const validStateArb: fc.Arbitrary<GuideState> = fc.record(
  {
    v: fc.constant(STATE_VERSION),
    phase: phaseArb,
    turns: fc.oneof(fc.constant(0), fc.nat(20), fc.constant(MAX_TURNS), fc.nat(MAX_TURNS)),
  },
  { noNullPrototype: true },
);
