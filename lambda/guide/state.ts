import { TECHNIQUE_IDS, isTechniqueId, stepCount, type TechniqueId } from './catalog';

/**
 * Where the user is, and what they prefer. Versioned because it outlives the
 * code that wrote it (a database keeps it for days): `parseState` is the only
 * way in, and it migrates every older version.
 *
 *   v1  { v, phase, turns }                       (guided techniques)
 *   v2  + prefs, nexts, safetyHeard, and the routine's foot on a phase
 */
export const STATE_VERSION = 2;

/** 1 or 2 on the full routine (which foot); null for a single technique. */
export type Foot = 1 | 2 | null;

export type Phase =
  /** Choosing a technique; `offer` is what "yes" or "next" would start. */
  | { readonly at: 'menu'; readonly offer: TechniqueId }
  /** Guiding: `step` counts from 0. */
  | { readonly at: 'step'; readonly technique: TechniqueId; readonly step: number; readonly foot: Foot }
  /** A returning user's saved place, offered at the start of a session: "continue" goes back to it. */
  | { readonly at: 'resume'; readonly technique: TechniqueId; readonly step: number; readonly foot: Foot }
  /** Just finished `technique` (or, with `routine`, the whole routine); the next one is on offer. */
  | { readonly at: 'done'; readonly technique: TechniqueId; readonly routine: boolean };

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
}

/** Enough for years of daily use; keeps the counters small safe integers forever. */
export const MAX_TURNS = 1_000_000_000;
export const MAX_NEXTS = 1_000;

export const DEFAULT_PREFS: Preferences = { timing: true, pace: 'normal' };

export const INITIAL_STATE: GuideState = {
  v: STATE_VERSION,
  phase: { at: 'menu', offer: TECHNIQUE_IDS[0] },
  prefs: DEFAULT_PREFS,
  nexts: 0,
  safetyHeard: false,
  turns: 0,
};

export function isValidState(state: GuideState): boolean {
  const { phase } = state;
  if (state.v !== STATE_VERSION || !isCount(state.turns, MAX_TURNS) || !isCount(state.nexts, MAX_NEXTS)) return false;
  if (typeof state.safetyHeard !== 'boolean' || typeof state.prefs?.timing !== 'boolean' || !PACES.includes(state.prefs?.pace)) return false;
  switch (phase.at) {
    case 'menu':
      return isTechniqueId(phase.offer);
    case 'done':
      return isTechniqueId(phase.technique) && typeof phase.routine === 'boolean';
    case 'step':
    case 'resume':
      return isTechniqueId(phase.technique) && isStep(phase.technique, phase.step) && (phase.foot === null || phase.foot === 1 || phase.foot === 2);
  }
}

/**
 * Turns anything (a tampered session attribute, an old or corrupt saved
 * document) into a valid state of this version. Never throws: what cannot be
 * trusted is dropped, and what can be kept is kept.
 */
export function parseState(raw: unknown): GuideState {
  if (!isRecord(raw)) return INITIAL_STATE;
  if (raw.v === 1) return fromV1(raw);
  if (raw.v !== STATE_VERSION) return INITIAL_STATE;
  const prefs = isRecord(raw.prefs) ? raw.prefs : {};
  return {
    v: STATE_VERSION,
    phase: parsePhase(raw.phase) ?? INITIAL_STATE.phase,
    prefs: {
      timing: typeof prefs.timing === 'boolean' ? prefs.timing : DEFAULT_PREFS.timing,
      pace: PACES.includes(prefs.pace as Pace) ? (prefs.pace as Pace) : DEFAULT_PREFS.pace,
    },
    nexts: clampCount(raw.nexts, MAX_NEXTS),
    safetyHeard: raw.safetyHeard === true,
    turns: clampCount(raw.turns, MAX_TURNS),
  };
}

/**
 * v1 knew single techniques only. Its place is kept; preferences start at
 * their defaults; and since v1 never said the safety sentence, it is said once.
 */
function fromV1(raw: Record<string, unknown>): GuideState {
  return { ...INITIAL_STATE, phase: parsePhase(raw.phase) ?? INITIAL_STATE.phase, turns: clampCount(raw.turns, MAX_TURNS) };
}

function parsePhase(raw: unknown): Phase | null {
  if (!isRecord(raw)) return null;
  if (raw.at === 'menu' && isTechniqueId(raw.offer)) return { at: 'menu', offer: raw.offer };
  if (raw.at === 'done' && isTechniqueId(raw.technique)) return { at: 'done', technique: raw.technique, routine: raw.routine === true };
  if ((raw.at === 'step' || raw.at === 'resume') && isTechniqueId(raw.technique)) {
    const foot: Foot = raw.foot === 1 || raw.foot === 2 ? raw.foot : null;
    // A step that no longer exists keeps the technique and starts it again.
    return { at: raw.at, technique: raw.technique, step: isStep(raw.technique, raw.step) ? (raw.step as number) : 0, foot };
  }
  return null;
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

/** A plain object (not null, not an array): what untrusted JSON must be before its fields are read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
