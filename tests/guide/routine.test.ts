import fc from 'fast-check';
import { FEET, ROUTINE, TECHNIQUE_IDS, type TechniqueId } from '../../lambda/guide/catalog';
import { FIRST_SPOT, ROUTINE_LENGTH, routinePlace, spotAfter, spotBefore, type RoutineSpot } from '../../lambda/guide/routine';
import { techniqueArb } from '../support/states';

// The full routine laid out: every technique in catalog order on foot 1, then on foot 2.
// (How the reducer walks it is in reduce.test.ts.)

const RUNS = { numRuns: 2000 } as const;

const spot = (technique: TechniqueId, foot: 1 | 2): RoutineSpot => ({ technique, foot });

/** The layout written out by hand. */
const LAYOUT: readonly RoutineSpot[] = [
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
  expect(ROUTINE[0]).toBe('warmUp');
  expect(ROUTINE.at(-1)).toBe('finish');
  expect(FEET).toBe(2);
  expect(ROUTINE_LENGTH).toBe(12);
  expect(ROUTINE_LENGTH).toBe(LAYOUT.length);
});

test('it starts with the warm-up on foot 1', () => {
  expect(FIRST_SPOT).toEqual(spot('warmUp', 1));
});

test('spotAfter walks the layout from the first spot to the end, then stops', () => {
  const walked: RoutineSpot[] = [];
  for (let s: RoutineSpot | null = FIRST_SPOT; s !== null && walked.length <= LAYOUT.length; s = spotAfter(s)) walked.push(s);
  expect(walked).toEqual(LAYOUT);
  expect(spotAfter(spot('finish', 2))).toBeNull();
});

test('spotBefore walks it backwards, then stops at the start', () => {
  const walked: RoutineSpot[] = [];
  for (let s: RoutineSpot | null = spot('finish', 2); s !== null && walked.length <= LAYOUT.length; s = spotBefore(s)) walked.push(s);
  expect(walked).toEqual([...LAYOUT].reverse());
  expect(spotBefore(FIRST_SPOT)).toBeNull();
});

test('the only foot switch: finish on foot 1 to the warm-up on foot 2, and back', () => {
  expect(spotAfter(spot('finish', 1))).toEqual(spot('warmUp', 2));
  expect(spotBefore(spot('warmUp', 2))).toEqual(spot('finish', 1));
  const switches = LAYOUT.filter((s) => spotAfter(s) !== null && spotAfter(s)?.foot !== s.foot);
  expect(switches).toEqual([spot('finish', 1)]);
});

test.each(LAYOUT.map((s, i) => [s.technique, s.foot, i] as const))('%s on foot %i: its foot, and the techniques left after it', (technique, foot, i) => {
  expect(routinePlace(spot(technique, foot))).toEqual({ foot, techniquesLeft: LAYOUT.length - 1 - i });
});

test('the techniques left count down from 11 to 0', () => {
  expect(LAYOUT.map((s) => routinePlace(s).techniquesLeft)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
});

test('spotAfter and spotBefore undo each other, and one step along is one technique fewer left', () => {
  fc.assert(
    fc.property(techniqueArb, fc.constantFrom<1 | 2>(1, 2), (technique, foot) => {
      const here = spot(technique, foot);
      const after = spotAfter(here);
      const before = spotBefore(here);
      if (after) {
        expect(spotBefore(after)).toEqual(here);
        expect(routinePlace(after).techniquesLeft).toBe(routinePlace(here).techniquesLeft - 1);
      } else {
        expect(here).toEqual(spot('finish', 2));
      }
      if (before) {
        expect(spotAfter(before)).toEqual(here);
        expect(routinePlace(before).techniquesLeft).toBe(routinePlace(here).techniquesLeft + 1);
      } else {
        expect(here).toEqual(FIRST_SPOT);
      }
    }),
    RUNS,
  );
});
