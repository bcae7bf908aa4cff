import { isRecord } from '../json';
import { FIRST_TECHNIQUE, TECHNIQUE_IDS, isTechniqueId, stepCount, type TechniqueId } from './catalog';

/**
 * Where the user is, and what they prefer. Versioned because it outlives the
 * code that wrote it (a database keeps it for days): `parseState` is the only
 * way in, and it migrates every older version.
 *
 *   v1  { v, phase, turns }                       (guided techniques)
 *   v2  + prefs, nexts, safetyHeard, and the routine's foot on a phase (null off the routine)
 *   v3  every place has a foot (1 or 2) and says whether it is in the routine;
 *       + skipped (routine spots left out), back (where "back to the routine" returns),
 *       said (what the last answer was, for "the third one" and "carry on")
 */
export const STATE_VERSION = 3;

/** Which foot: the first or the second of the pair, in the routine or on a single technique. */
export type { Foot } from './catalog';
import type { Foot } from './catalog';

/** A technique on a foot. */
export interface Spot {
  readonly technique: TechniqueId;
  readonly foot: Foot;
}

/** A step of a technique on a foot; `step` counts from 0. `routine`: as part of the full routine. */
export interface At extends Spot {
  readonly step: number;
  readonly routine: boolean;
}

export type Phase =
  /** Choosing a technique; `offer` is what "yes" or "next" would start. */
  | { readonly at: 'menu'; readonly offer: TechniqueId }
  /** Guiding. */
  | ({ readonly at: 'step' } & At)
  /** A saved place, offered again (a returning user, or after "main menu"): "continue" goes back to it. */
  | ({ readonly at: 'resume' } & At)
  /**
   * Just finished `technique` on `foot`; with `routine`, the whole routine.
   * After a single technique on the first foot, the other foot is on offer.
   */
  | { readonly at: 'done'; readonly technique: TechniqueId; readonly foot: Foot; readonly routine: boolean };

/** What the last answer ended with, when it changes what short words mean. */
export type Said =
  /** The list of techniques: "the third one" picks from it. */
  | 'list'
  /** An answer to a question mid-step: "carry on" goes back to the step. */
  | 'aside';

export type Pace = 'slow' | 'normal' | 'fast';
export const PACES: readonly Pace[] = ['slow', 'normal', 'fast'];

export interface Preferences {
  /** Count the user through steps that take time. */
  readonly timing: boolean;
  readonly pace: Pace;
}

export interface GuideState {
  readonly v: typeof STATE_VERSION;
  readonly phase: Phase;
  readonly prefs: Preferences;
  /** How often the user has moved on by voice: prompts get shorter as they learn. Capped. */
  readonly nexts: number;
  /** The short safety sentence is said once, on the first launch ever. */
  readonly safetyHeard: boolean;
  /** Turns answered in this session; 0 means the user has heard nothing yet. */
  readonly turns: number;
  /** Routine spots the user asked to leave out ("skip the toes"); cleared when a routine starts. */
  readonly skipped: readonly Spot[];
  /** The routine place before the user jumped to a named technique: "back to the routine" returns here. */
  readonly back: At | null;
  readonly said: Said | null;
}

/** Enough for years of daily use; keeps the counters small safe integers forever. */
export const MAX_TURNS = 1_000_000_000;
export const MAX_NEXTS = 1_000;
/** Every technique on both feet: more skipped spots than this cannot be real. */
const MAX_SKIPPED = TECHNIQUE_IDS.length * 2;

export const DEFAULT_PREFS: Preferences = { timing: true, pace: 'normal' };

export const INITIAL_STATE: GuideState = {
  v: STATE_VERSION,
  phase: { at: 'menu', offer: FIRST_TECHNIQUE },
  prefs: DEFAULT_PREFS,
  nexts: 0,
  safetyHeard: false,
  turns: 0,
  skipped: [],
  back: null,
  said: null,
};

export function isValidState(state: GuideState): boolean {
  // It is handed tampered states (the tests, the fuzzer): fields are read as anything, not as the type promises.
  const fields: { readonly [K in keyof GuideState]?: unknown } = state;
  const { phase } = state;
  const prefs = fields.prefs as { readonly timing?: unknown; readonly pace?: unknown } | null | undefined;
  if (fields.v !== STATE_VERSION || !isCount(state.turns, MAX_TURNS) || !isCount(state.nexts, MAX_NEXTS)) return false;
  if (typeof state.safetyHeard !== 'boolean' || typeof prefs?.timing !== 'boolean' || !PACES.includes(prefs.pace as Pace)) return false;
  if (!Array.isArray(state.skipped) || state.skipped.length > MAX_SKIPPED || !state.skipped.every(isSpot)) return false;
  if (state.back !== null && !isAt(state.back)) return false;
  if (fields.said !== null && fields.said !== 'list' && fields.said !== 'aside') return false;
  switch (phase.at) {
    case 'menu':
      return isTechniqueId(phase.offer);
    case 'done':
      return isTechniqueId(phase.technique) && isFoot(phase.foot) && typeof phase.routine === 'boolean';
    case 'step':
    case 'resume':
      return isAt(phase);
  }
}

/**
 * Turns anything (a tampered session attribute, an old or corrupt saved
 * document) into a valid state of this version. Never throws: what cannot be
 * trusted is dropped, and what can be kept is kept.
 */
export function parseState(raw: unknown): GuideState {
  if (!isRecord(raw)) return INITIAL_STATE;
  if (raw.v === 1) return { ...INITIAL_STATE, phase: parsePhase(raw.phase, 2) ?? INITIAL_STATE.phase, turns: clampCount(raw.turns, MAX_TURNS) };
  if (raw.v !== 2 && raw.v !== STATE_VERSION) return INITIAL_STATE;
  const v = raw.v;
  const prefs = isRecord(raw.prefs) ? raw.prefs : {};
  const skipped = Array.isArray(raw.skipped)
    ? raw.skipped
        .slice(0, MAX_SKIPPED)
        .map(parseSpot)
        .filter((s): s is Spot => s !== null)
    : [];
  return {
    v: STATE_VERSION,
    phase: parsePhase(raw.phase, v) ?? INITIAL_STATE.phase,
    prefs: {
      timing: typeof prefs.timing === 'boolean' ? prefs.timing : DEFAULT_PREFS.timing,
      pace: PACES.includes(prefs.pace as Pace) ? (prefs.pace as Pace) : DEFAULT_PREFS.pace,
    },
    nexts: clampCount(raw.nexts, MAX_NEXTS),
    safetyHeard: raw.safetyHeard === true,
    turns: clampCount(raw.turns, MAX_TURNS),
    skipped,
    back: v === STATE_VERSION ? parseAt(raw.back, v) : null,
    said: raw.said === 'list' || raw.said === 'aside' ? raw.said : null,
  };
}

/**
 * A phase of this version or of v1/v2, where a place had `foot: 1 | 2` in the
 * routine and `foot: null` (or none) on a single technique, and a finished
 * routine was `{ at: 'done', routine: true }`.
 */
function parsePhase(raw: unknown, v: 1 | 2 | 3): Phase | null {
  if (!isRecord(raw)) return null;
  if (raw.at === 'menu' && isTechniqueId(raw.offer)) return { at: 'menu', offer: raw.offer };
  if (raw.at === 'done' && isTechniqueId(raw.technique)) {
    const routine = raw.routine === true;
    const foot: Foot = v === STATE_VERSION ? (raw.foot === 2 ? 2 : 1) : routine ? 2 : 1;
    return { at: 'done', technique: raw.technique, foot, routine };
  }
  if (raw.at === 'step' || raw.at === 'resume') {
    const at = parseAt(raw, v);
    return at ? { at: raw.at, ...at } : null;
  }
  return null;
}

function parseAt(raw: unknown, v: 1 | 2 | 3): At | null {
  if (!isRecord(raw) || !isTechniqueId(raw.technique)) return null;
  const routine = v === STATE_VERSION ? raw.routine === true : raw.foot === 1 || raw.foot === 2;
  // A step that no longer exists keeps the technique and starts it again.
  return { technique: raw.technique, step: isStep(raw.technique, raw.step) ? (raw.step as number) : 0, foot: raw.foot === 2 ? 2 : 1, routine };
}

function parseSpot(raw: unknown): Spot | null {
  return isRecord(raw) && isTechniqueId(raw.technique) && isFoot(raw.foot) ? { technique: raw.technique, foot: raw.foot } : null;
}

function isSpot(value: Spot): boolean {
  return isRecord(value) && isTechniqueId(value.technique) && isFoot(value.foot);
}

function isAt(value: At): boolean {
  return isSpot(value) && isStep(value.technique, value.step) && typeof value.routine === 'boolean';
}

function isFoot(value: unknown): value is Foot {
  return value === 1 || value === 2;
}

function isStep(technique: TechniqueId, step: unknown): boolean {
  return Number.isInteger(step) && (step as number) >= 0 && (step as number) < stepCount(technique);
}

function isCount(value: unknown, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max;
}

/** A count from untrusted data: non-negative safe integers kept (capped), anything else 0. */
function clampCount(value: unknown, max: number): number {
  return Number.isSafeInteger(value) && (value as number) > 0 ? Math.min(value as number, max) : 0;
}
