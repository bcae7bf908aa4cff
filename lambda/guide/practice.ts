import type { Step } from './catalog';
import type { Pace } from './state';

/** How much longer (or shorter) a timed step runs at each pace. */
const PACE_FACTOR: Readonly<Record<Pace, number>> = { slow: 1.5, normal: 1, fast: 0.7 };

/**
 * Bounds for one counted step: long enough to be worth counting, short enough
 * that a single response stays well inside Alexa's limits (and a listener's patience).
 */
export const MIN_PRACTICE_SECONDS = 10;
export const MAX_PRACTICE_SECONDS = 90;

/** Seconds to count for `step` at `pace`, in whole 5 s; 0 for a step with no practice. */
export function practiceSeconds(step: Step | undefined, pace: Pace): number {
  if (!step || step.practiceSeconds <= 0) return 0;
  const scaled = Math.round((step.practiceSeconds * PACE_FACTOR[pace]) / 5) * 5;
  return Math.min(MAX_PRACTICE_SECONDS, Math.max(MIN_PRACTICE_SECONDS, scaled));
}
