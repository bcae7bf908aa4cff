import { stepCount, techniqueAfter, type TechniqueId } from './catalog';
import type { Command } from './commands';
import type { Message, Question } from './messages';
import { MAX_TURNS, STATE_VERSION, type GuideState, type Phase } from './state';

/**
 * One turn of the guide: the new state, what to say, and the question that
 * keeps the session open (null ends it). Pure: no I/O, no clock, no SDK.
 */
export interface Reply {
  readonly state: GuideState;
  readonly say: readonly Message[];
  readonly ask: Question | null;
}

export function reduce(state: GuideState, command: Command): Reply {
  const turn = answer(state.phase, command, state.turns === 0);
  return {
    state: { v: STATE_VERSION, phase: turn.phase, turns: Math.min(state.turns + 1, MAX_TURNS) },
    say: turn.say,
    ask: turn.ask,
  };
}

/** Every phase but the resume offer, which `answerResume` settles first. */
type ActivePhase = Exclude<Phase, { at: 'resume' }>;

interface Turn {
  readonly phase: Phase;
  readonly say: readonly Message[];
  readonly ask: Question | null;
}

function answer(phase: Phase, command: Command, firstTurn: boolean): Turn {
  if (phase.at === 'resume') return answerResume(phase, command, firstTurn);
  switch (command.type) {
    case 'launch':
      return { phase: { at: 'menu', offer: offerFrom(phase) }, say: [{ kind: 'welcome' }, { kind: 'techniqueList' }], ask: { kind: 'chooseTechnique' } };
    case 'resume':
      // Mid-session, "continue" means carry on; with nothing started, there is nothing to pick up.
      return phase.at === 'menu' ? stay(phase, [{ kind: 'nothingToResume' }, { kind: 'techniqueList' }]) : next(phase);
    case 'pause':
      return { phase, say: [phase.at === 'step' ? { kind: 'paused', ...position(phase) } : { kind: 'pausedMenu' }], ask: null };
    case 'start':
      return command.technique
        ? begin(command.technique)
        : stay(phase, withPlace(phase, [{ kind: 'unknownTechnique' }, { kind: 'techniqueList' }]));
    case 'next':
      return next(phase);
    case 'yes':
      return phase.at === 'menu' ? begin(phase.offer) : next(phase);
    case 'previous':
      return previous(phase);
    case 'repeat':
      return repeat(phase, firstTurn);
    case 'startOver':
      return phase.at === 'menu'
        ? nothingStarted(phase)
        : show(phase.technique, 0, [{ kind: 'startingOver', technique: phase.technique }]);
    case 'goTo':
      return goTo(phase, command.step);
    case 'whereAmI':
      return stay(phase, [where(phase)]);
    case 'list':
      return stay(phase, withPlace(phase, [{ kind: 'techniqueList' }]));
    case 'help':
      return phase.at === 'step'
        ? stay(phase, [{ kind: 'helpStep' }, where(phase)])
        : stay(phase, [{ kind: 'helpMenu' }]);
    case 'no':
      return phase.at === 'step'
        ? stay(phase, [{ kind: 'takeYourTime' }, where(phase)])
        : { phase, say: [{ kind: 'goodbye' }], ask: null };
    case 'home':
      return { phase: { at: 'menu', offer: offerFrom(phase) }, say: [{ kind: 'backToMenu' }, { kind: 'techniqueList' }], ask: { kind: 'chooseTechnique' } };
    case 'stop':
      return { phase, say: [goodbye(phase)], ask: null };
    case 'fallback':
      return stay(phase, [{ kind: 'notUnderstood' }, phase.at === 'menu' ? { kind: 'techniqueList' } : where(phase)]);
    case 'error':
      return stay(phase, [{ kind: 'error' }, phase.at === 'menu' ? { kind: 'techniqueList' } : where(phase)]);
  }
}

/**
 * A returning user was offered their saved place. Accepting puts them back on
 * that exact step and says it again; anything about steps works as if they
 * were on it; declining leads to the menu.
 */
function answerResume(phase: Phase & { at: 'resume' }, command: Command, firstTurn: boolean): Turn {
  const { technique, step } = phase;
  const offer: Question = { kind: 'resumeOffer', ...position(phase) };
  const onStep: Phase = { at: 'step', technique, step };
  switch (command.type) {
    case 'launch':
    case 'repeat':
      return { phase, say: [{ kind: 'welcomeBack', ...position(phase) }], ask: offer };
    case 'resume':
    case 'next':
    case 'yes':
      return show(technique, step, [{ kind: 'resuming' }]);
    case 'no':
      return { phase: { at: 'menu', offer: technique }, say: [{ kind: 'techniqueList' }], ask: { kind: 'chooseTechnique' } };
    case 'whereAmI':
      return { phase, say: [{ kind: 'stoppedAt', ...position(phase) }], ask: offer };
    case 'help':
      return { phase, say: [{ kind: 'helpResume' }], ask: offer };
    case 'list':
      return { phase, say: [{ kind: 'techniqueList' }], ask: offer };
    case 'fallback':
    case 'error':
      return { phase, say: [{ kind: command.type === 'error' ? 'error' : 'notUnderstood' }, { kind: 'stoppedAt', ...position(phase) }], ask: offer };
    default:
      return answer(onStep, command, firstTurn);
  }
}

function next(phase: ActivePhase): Turn {
  switch (phase.at) {
    case 'menu':
      return nothingStarted(phase);
    case 'done':
      return begin(techniqueAfter(phase.technique));
    case 'step':
      return phase.step + 1 < stepCount(phase.technique)
        ? show(phase.technique, phase.step + 1)
        : stay({ at: 'done', technique: phase.technique }, [{ kind: 'techniqueDone', technique: phase.technique }]);
  }
}

function previous(phase: ActivePhase): Turn {
  switch (phase.at) {
    case 'menu':
      return nothingStarted(phase);
    case 'done':
      return show(phase.technique, stepCount(phase.technique) - 1);
    case 'step':
      return phase.step === 0
        ? show(phase.technique, 0, [{ kind: 'alreadyFirst' }])
        : show(phase.technique, phase.step - 1);
  }
}

function repeat(phase: ActivePhase, firstTurn: boolean): Turn {
  switch (phase.at) {
    case 'menu':
      return stay(phase, firstTurn ? [{ kind: 'nothingToRepeat' }, { kind: 'techniqueList' }] : [{ kind: 'techniqueList' }]);
    case 'done':
      return stay(phase, [{ kind: 'techniqueDone', technique: phase.technique }]);
    case 'step':
      return show(phase.technique, phase.step);
  }
}

function goTo(phase: ActivePhase, spoken: number | null): Turn {
  if (phase.at === 'menu') return nothingStarted(phase);
  const of = stepCount(phase.technique);
  if (spoken === null) return stay(phase, [{ kind: 'noStepNumber' }, where(phase)]);
  if (!Number.isInteger(spoken) || spoken < 1 || spoken > of) {
    return stay(phase, [{ kind: 'stepOutOfRange', technique: phase.technique, asked: spoken, of }, where(phase)]);
  }
  return show(phase.technique, spoken - 1);
}

/** Starts a technique from its first step, with its short introduction. */
function begin(technique: TechniqueId): Turn {
  return show(technique, 0, [{ kind: 'techniqueIntro', technique }]);
}

/** Puts the user on `step` (0-based) and speaks it, after any `before` messages. */
function show(technique: TechniqueId, step: number, before: readonly Message[] = []): Turn {
  const phase: Phase = { at: 'step', technique, step };
  return stay(phase, [...before, { kind: 'step', technique, step: step + 1, of: stepCount(technique) }]);
}

function nothingStarted(phase: Phase & { at: 'menu' }): Turn {
  return { phase, say: [{ kind: 'nothingStarted' }], ask: { kind: 'offerTechnique', technique: phase.offer } };
}

/** Keeps the session open on `phase`, ending with the question that fits it. */
function stay(phase: Phase, say: readonly Message[]): Turn {
  return { phase, say, ask: questionFor(phase) };
}

function questionFor(phase: Phase): Question {
  switch (phase.at) {
    case 'menu':
      return { kind: 'chooseTechnique' };
    case 'done':
      return { kind: 'offerTechnique', technique: techniqueAfter(phase.technique) };
    case 'resume':
      return { kind: 'resumeOffer', ...position(phase) };
    case 'step':
      return { kind: 'continueStep', ...position(phase) };
  }
}

/** What "yes" starts once back at the menu: the technique in hand, or the one after a finished one. */
function offerFrom(phase: ActivePhase): TechniqueId {
  switch (phase.at) {
    case 'menu':
      return phase.offer;
    case 'done':
      return techniqueAfter(phase.technique);
    case 'step':
      return phase.technique;
  }
}

/** Technique, 1-based step and total, as messages and questions carry them. */
function position(phase: { readonly technique: TechniqueId; readonly step: number }): { technique: TechniqueId; step: number; of: number } {
  return { technique: phase.technique, step: phase.step + 1, of: stepCount(phase.technique) };
}

function where(phase: Phase): Message {
  switch (phase.at) {
    case 'resume':
      return { kind: 'stoppedAt', ...position(phase) };
    case 'menu':
      return { kind: 'menuPosition' };
    case 'done':
      return { kind: 'finishedPosition', technique: phase.technique };
    case 'step':
      return { kind: 'position', ...position(phase) };
  }
}

/** During a technique, answers that are not about the step end by saying where the user is. */
function withPlace(phase: Phase, say: readonly Message[]): readonly Message[] {
  return phase.at === 'step' ? [...say, where(phase)] : say;
}

function goodbye(phase: Phase): Message {
  return phase.at === 'step' || phase.at === 'resume' ? { kind: 'goodbyeMidway', ...position(phase) } : { kind: 'goodbye' };
}
