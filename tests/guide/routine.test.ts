import fc from 'fast-check';
import { FEET, ROUTINE, TECHNIQUE_IDS, type TechniqueId } from '../../lambda/guide/catalog';
import {
  ROUTINE_LENGTH,
  firstSpot,
  firstSpotOn,
  routinePlace,
  spotAfter,
  spotBefore,
  spotsLeft,
  withSkipped,
  withoutSkipped,
} from '../../lambda/guide/routine';
import type { Spot } from '../../lambda/guide/state';
import { footArb, techniqueArb } from '../support/states';

// The full routine laid out: every technique in catalog order on foot 1, then on foot 2,
// less the spots the user left out. (How the reducer walks it is in reduce.test.ts.)

// Sized to what these properties can find: the state space they draw from is small (six
// techniques, a few steps, two feet, six preference pairs), so 500 runs visit it many times over.
const RUNS = { numRuns: 500 } as const;

const spot = (technique: TechniqueId, foot: 1 | 2): Spot => ({ technique, foot });
const NONE: readonly Spot[] = [];

/** The layout written out by hand. */
const LAYOUT: readonly Spot[] = [
  spot('warmUp', 1),
  spot('ankleStretch', 1),
  spot('relaxHeel', 1),
  spot('easeSole', 1),
  spot('toes', 1),
  spot('finish', 1),
  spot('warmUp', 2),
  spot('ankleStretch', 2),
  spot('relaxHeel', 2),
  spot('easeSole', 2),
  spot('toes', 2),
  spot('finish', 2),
];

test('the routine is every technique, in catalog order, on two feet', () => {
  expect(ROUTINE).toEqual(TECHNIQUE_IDS);
  expect(FEET).toEqual([1, 2]);
  expect(ROUTINE_LENGTH).toBe(LAYOUT.length);
});

test('it starts with the warm-up on foot 1, and foot 2 with its warm-up', () => {
  expect(firstSpot(NONE)).toEqual(spot('warmUp', 1));
  expect(firstSpotOn(2, NONE)).toEqual(spot('warmUp', 2));
});

test('spotAfter walks the layout from the first spot to the end, then stops', () => {
  const walked: Spot[] = [];
  for (let s: Spot | null = firstSpot(NONE); s !== null && walked.length <= LAYOUT.length; s = spotAfter(s, NONE)) walked.push(s);
  expect(walked).toEqual(LAYOUT);
  expect(spotAfter(spot('finish', 2), NONE)).toBeNull();
});

test('spotBefore walks it backwards, then stops at the start', () => {
  const walked: Spot[] = [];
  for (let s: Spot | null = spot('finish', 2); s !== null && walked.length <= LAYOUT.length; s = spotBefore(s, NONE)) walked.push(s);
  expect(walked).toEqual([...LAYOUT].reverse());
  expect(spotBefore(spot('warmUp', 1), NONE)).toBeNull();
});

test('the only foot switch: finish on foot 1 to the warm-up on foot 2, and back', () => {
  expect(spotAfter(spot('finish', 1), NONE)).toEqual(spot('warmUp', 2));
  expect(spotBefore(spot('warmUp', 2), NONE)).toEqual(spot('finish', 1));
});

test('techniques left on this foot count down to 0 on each foot', () => {
  expect(LAYOUT.map((s) => routinePlace(s, NONE).leftOnFoot)).toEqual([5, 4, 3, 2, 1, 0, 5, 4, 3, 2, 1, 0]);
});

test('a spot left out is walked past, forwards and backwards, and not counted', () => {
  const skipped = withSkipped(NONE, [spot('toes', 1), spot('toes', 2), spot('warmUp', 2)]);
  expect(spotAfter(spot('easeSole', 1), skipped)).toEqual(spot('finish', 1));
  expect(spotAfter(spot('finish', 1), skipped)).toEqual(spot('ankleStretch', 2));
  expect(firstSpotOn(2, skipped)).toEqual(spot('ankleStretch', 2));
  expect(spotBefore(spot('ankleStretch', 2), skipped)).toEqual(spot('finish', 1));
  expect(routinePlace(spot('warmUp', 1), skipped).leftOnFoot).toBe(4);
  expect(spotsLeft(spot('easeSole', 2), skipped)).toEqual([spot('finish', 2)]);
  // Named again, it is back in.
  expect(spotAfter(spot('easeSole', 1), withoutSkipped(skipped, spot('toes', 1)))).toEqual(spot('toes', 1));
});

test('leaving out the same spot twice keeps it once; leaving out everything leaves no routine', () => {
  expect(withSkipped([spot('toes', 1)], [spot('toes', 1)])).toEqual([spot('toes', 1)]);
  expect(firstSpot(LAYOUT)).toBeNull();
  expect(firstSpotOn(1, LAYOUT)).toBeNull();
});

test('spotAfter and spotBefore undo each other, whatever is left out', () => {
  const spotArb = fc.record({ technique: techniqueArb, foot: footArb }, { noNullPrototype: true });
  fc.assert(
    fc.property(spotArb, fc.array(spotArb, { maxLength: 6 }), (here, out) => {
      const skipped = withSkipped(NONE, out).filter((s) => s.technique !== here.technique || s.foot !== here.foot);
      const after = spotAfter(here, skipped);
      const before = spotBefore(here, skipped);
      if (after) expect(spotBefore(after, skipped)).toEqual(here);
      if (before) expect(spotAfter(before, skipped)).toEqual(here);
      expect(spotsLeft(here, skipped).length).toBe(
        LAYOUT.length -
          1 -
          LAYOUT.findIndex((s) => s.technique === here.technique && s.foot === here.foot) -
          skipped.filter(
            (s) =>
              LAYOUT.findIndex((l) => l.technique === s.technique && l.foot === s.foot) >
              LAYOUT.findIndex((l) => l.technique === here.technique && l.foot === here.foot),
          ).length,
      );
    }),
    RUNS,
  );
});
