import { FEET, ROUTINE, type TechniqueId } from './catalog';
import type { RoutinePlace } from './messages';

/** A technique on a foot of the full routine. */
export interface RoutineSpot {
  readonly technique: TechniqueId;
  readonly foot: 1 | 2;
}

/** The routine, laid out flat: every technique on foot 1, then every technique on foot 2. */
const SPOTS: readonly RoutineSpot[] = [1, 2].flatMap((foot) => ROUTINE.map((technique) => ({ technique, foot: foot as 1 | 2 })));

function indexOf(spot: RoutineSpot): number {
  return SPOTS.findIndex((s) => s.technique === spot.technique && s.foot === spot.foot);
}

export const FIRST_SPOT: RoutineSpot = SPOTS[0];

/** The spot after this one, or null at the end of the routine. */
export function spotAfter(spot: RoutineSpot): RoutineSpot | null {
  const i = indexOf(spot);
  return i >= 0 && i + 1 < SPOTS.length ? SPOTS[i + 1] : null;
}

/** The spot before this one, or null at the very start. */
export function spotBefore(spot: RoutineSpot): RoutineSpot | null {
  const i = indexOf(spot);
  return i > 0 ? SPOTS[i - 1] : null;
}

export function routinePlace(spot: RoutineSpot): RoutinePlace {
  return { foot: spot.foot, techniquesLeft: SPOTS.length - 1 - Math.max(indexOf(spot), 0) };
}

export const ROUTINE_LENGTH = ROUTINE.length * FEET;
