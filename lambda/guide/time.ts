import { stepCount, stepOf, type TechniqueId } from './catalog';
import { practiceSeconds } from './practice';
import { firstSpot, sameSpot, spotsLeft } from './routine';
import type { At, Pace, Spot } from './state';

/**
 * How long things take, for "how long do I hold this" and "how much longer".
 * Hands-on time is the catalog's practice time at the user's pace; around it,
 * each step is read aloud with its pauses, which `npm run routine:duration`
 * measures at about 30 s a step at normal speed (13 min 45 s of speech and
 * about a minute of pauses over 30 steps), longer when slow, shorter when fast.
 */
const SPOKEN_SECONDS_PER_STEP: Readonly<Record<Pace, number>> = { slow: 35, normal: 30, fast: 26 };

/** Hands-on seconds of one step (`step` from 0) at `pace`; the counted time when counting is on. */
export function stepSeconds(technique: TechniqueId, step: number, pace: Pace): number {
  return practiceSeconds(stepOf(technique, step), pace);
}

/** Seconds from the start of `step` (from 0) to the end of the technique, reading included. */
function fromStep(technique: TechniqueId, step: number, pace: Pace): number {
  let total = 0;
  for (let s = step; s < stepCount(technique); s++) total += stepSeconds(technique, s, pace) + SPOKEN_SECONDS_PER_STEP[pace];
  return total;
}

/**
 * What is left of the technique from this step on, and of the routine when in it (null otherwise);
 * after a jump, the place jumped from counts from its own step.
 */
export function timeLeft(at: At, skipped: readonly Spot[], pace: Pace, back: At | null = null): { technique: number; routine: number | null } {
  const technique = fromStep(at.technique, at.step, pace);
  if (!at.routine) return { technique, routine: null };
  const rest = spotsLeft(at, skipped, back).reduce((sum, s) => sum + fromStep(s.technique, back && sameSpot(s, back) ? back.step : 0, pace), 0);
  return { technique, routine: technique + rest };
}

/** The whole routine, both feet, from the start (spots left out not counted). */
export function routineSeconds(skipped: readonly Spot[], pace: Pace): number {
  const first = firstSpot(skipped);
  return first ? fromStep(first.technique, 0, pace) + spotsLeft(first, skipped).reduce((sum, s) => sum + fromStep(s.technique, 0, pace), 0) : 0;
}
