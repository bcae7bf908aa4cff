import { FEET, ROUTINE } from './catalog';
import type { RoutinePlace } from './messages';
import type { Foot, Spot } from './state';

/**
 * The full routine, laid out flat: every technique on foot 1, then every
 * technique on foot 2. Spots the user left out ("skip the toes") are passed
 * in, never stored here: the routine itself is the same for everyone.
 */
const SPOTS: readonly Spot[] = FEET.flatMap((foot) => ROUTINE.map((technique) => ({ technique, foot })));

export const ROUTINE_LENGTH = ROUTINE.length * FEET.length;

export function sameSpot(a: Spot, b: Spot): boolean {
  return a.technique === b.technique && a.foot === b.foot;
}

function isSkipped(spot: Spot, skipped: readonly Spot[]): boolean {
  return skipped.some((s) => sameSpot(s, spot));
}

function indexOf(spot: Spot): number {
  return SPOTS.findIndex((s) => sameSpot(s, spot));
}

/** The spots still to do after this one (or from the start of `foot`, with no spot), skipped ones left out. */
function spotsAfter(spot: Spot, skipped: readonly Spot[]): Spot[] {
  return SPOTS.slice(indexOf(spot) + 1).filter((s) => !isSkipped(s, skipped));
}

/** The first spot of the routine that is not left out, or null when the user left out everything. */
export function firstSpot(skipped: readonly Spot[]): Spot | null {
  return SPOTS.find((s) => !isSkipped(s, skipped)) ?? null;
}

/** The first spot on `foot` not left out, or null. */
export function firstSpotOn(foot: Foot, skipped: readonly Spot[]): Spot | null {
  return SPOTS.find((s) => s.foot === foot && !isSkipped(s, skipped)) ?? null;
}

/** The spot after this one, or null at the end of the routine. */
export function spotAfter(spot: Spot, skipped: readonly Spot[]): Spot | null {
  return spotsAfter(spot, skipped)[0] ?? null;
}

/** The spot before this one, or null at the very start. */
export function spotBefore(spot: Spot, skipped: readonly Spot[]): Spot | null {
  const before = SPOTS.slice(0, Math.max(indexOf(spot), 0)).filter((s) => !isSkipped(s, skipped));
  return before[before.length - 1] ?? null;
}

/**
 * The spots still to do after this one, skipped ones left out: what "how much longer" and "where am
 * I" count. After a jump (`back`: the place the user jumped from), the routine returns there when
 * this technique ends, so what is left is that place and everything after it, this spot excepted.
 */
export function spotsLeft(spot: Spot, skipped: readonly Spot[], back: Spot | null = null): readonly Spot[] {
  // A jump stays on its foot; a place on another foot (a stored state from elsewhere) is no jump.
  if (!back || back.foot !== spot.foot || sameSpot(back, spot)) return spotsAfter(spot, skipped);
  return [{ technique: back.technique, foot: back.foot }, ...spotsAfter(back, withSkipped(skipped, [spot]))].filter((s) => !sameSpot(s, spot));
}

/** Which foot, and how many techniques are still to come on it after this one. */
export function routinePlace(spot: Spot, skipped: readonly Spot[], back: Spot | null = null): RoutinePlace {
  return { leftOnFoot: spotsLeft(spot, skipped, back).filter((s) => s.foot === spot.foot).length };
}

/** Leaves `spots` out of the routine (once each). */
export function withSkipped(skipped: readonly Spot[], spots: readonly Spot[]): readonly Spot[] {
  return spots.reduce<readonly Spot[]>((all, s) => (isSkipped(s, all) ? all : [...all, s]), skipped);
}

/** Puts a spot back into the routine: the user named it. */
export function withoutSkipped(skipped: readonly Spot[], spot: Spot): readonly Spot[] {
  return skipped.filter((s) => !sameSpot(s, spot));
}
