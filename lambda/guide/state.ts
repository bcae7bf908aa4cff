import { TECHNIQUE_IDS, isTechniqueId, stepCount, type TechniqueId } from './catalog';

/**
 * Where the user is. Versioned because it outlives the code that wrote it
 * (session attributes now, a database later): `parseState` is the only way in.
 */
export const STATE_VERSION = 1;

export type Phase =
  /** Choosing a technique; `offer` is what "yes" or "next" would start. */
  | { readonly at: 'menu'; readonly offer: TechniqueId }
  /** Guiding: `step` counts from 0. */
  | { readonly at: 'step'; readonly technique: TechniqueId; readonly step: number }
  /** A returning user's saved place, offered at the start of a session: "continue" goes back to it. */
  | { readonly at: 'resume'; readonly technique: TechniqueId; readonly step: number }
  /** Just finished `technique`; the next one in order is on offer. */
  | { readonly at: 'done'; readonly technique: TechniqueId };

export interface GuideState {
  readonly v: typeof STATE_VERSION;
  readonly phase: Phase;
  /** Turns answered so far; 0 means the user has heard nothing yet. */
  readonly turns: number;
}

/** Enough for years of daily use; keeps the counter a small safe integer forever. */
export const MAX_TURNS = 1_000_000_000;

export const INITIAL_STATE: GuideState = {
  v: STATE_VERSION,
  phase: { at: 'menu', offer: TECHNIQUE_IDS[0] },
  turns: 0,
};

export function isValidState(state: GuideState): boolean {
  const { phase } = state;
  if (state.v !== STATE_VERSION || !Number.isInteger(state.turns) || state.turns < 0 || state.turns > MAX_TURNS) return false;
  switch (phase.at) {
    case 'menu':
      return isTechniqueId(phase.offer);
    case 'done':
      return isTechniqueId(phase.technique);
    case 'step':
    case 'resume':
      return (
        isTechniqueId(phase.technique) &&
        Number.isInteger(phase.step) &&
        phase.step >= 0 &&
        phase.step < stepCount(phase.technique)
      );
  }
}

/**
 * Turns anything (a tampered session attribute, an old or corrupt saved
 * document) into a valid state. Never throws: what cannot be trusted is
 * dropped, and what can be kept is kept.
 */
export function parseState(raw: unknown): GuideState {
  if (!isRecord(raw) || raw.v !== STATE_VERSION) return INITIAL_STATE;
  const turns = Number.isSafeInteger(raw.turns) && (raw.turns as number) > 0 ? Math.min(raw.turns as number, MAX_TURNS) : 0;
  const phase = parsePhase(raw.phase);
  return phase ? { v: STATE_VERSION, phase, turns } : { ...INITIAL_STATE, turns };
}

function parsePhase(raw: unknown): Phase | null {
  if (!isRecord(raw)) return null;
  if (raw.at === 'menu' && isTechniqueId(raw.offer)) return { at: 'menu', offer: raw.offer };
  if (raw.at === 'done' && isTechniqueId(raw.technique)) return { at: 'done', technique: raw.technique };
  if ((raw.at === 'step' || raw.at === 'resume') && isTechniqueId(raw.technique)) {
    const step = raw.step;
    const inRange = Number.isInteger(step) && (step as number) >= 0 && (step as number) < stepCount(raw.technique);
    // A step that no longer exists keeps the technique and starts it again.
    return { at: raw.at, technique: raw.technique, step: inRange ? (step as number) : 0 };
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
