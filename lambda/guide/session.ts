import { FIRST_TECHNIQUE, techniqueAfter } from './catalog';
import { STATE_VERSION, type GuideState, type Phase } from './state';

/**
 * Saved progress older than this is dropped at the next launch: after a few
 * days a returning user is better served by the menu than by "welcome back,
 * you were on step 2" for a massage they no longer remember.
 */
export const STALE_AFTER_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * The state a new session starts from, given what was saved and when.
 * A user who stopped mid-technique is offered their step back (unless the
 * progress is stale); a user who finished starts at the menu with the next
 * technique on offer. Preferences and what the user has learnt carry over.
 * Pure: the clock is an argument.
 */
export function startSession(saved: GuideState, savedAt: number | null, now: number): GuideState {
  const age = savedAt === null ? Infinity : now - savedAt;
  // A save from the future (a skewed clock) is treated as fresh rather than lost.
  const fresh = age < STALE_AFTER_MS;
  const phase = sessionPhase(saved.phase, fresh);
  // Nothing has been said yet in this session; what only the routine needs stays only with a routine place.
  const inRoutine = phase.at === 'resume' && phase.routine;
  return { ...saved, v: STATE_VERSION, phase, turns: 0, said: null, skipped: inRoutine ? saved.skipped : [], back: inRoutine ? saved.back : null };
}

function sessionPhase(phase: Phase, fresh: boolean): Phase {
  switch (phase.at) {
    case 'menu':
      return phase;
    case 'done':
      return { at: 'menu', offer: phase.routine ? FIRST_TECHNIQUE : techniqueAfter(phase.technique) };
    case 'step':
    case 'resume':
      return fresh ? { ...phase, at: 'resume' } : { at: 'menu', offer: phase.technique };
  }
}
