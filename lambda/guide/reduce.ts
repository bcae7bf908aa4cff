import { ROUTINE, stepCount, stepOf, techniqueAfter, type TechniqueId } from './catalog';
import type { Command, PaceChange } from './commands';
import type { Message, Question } from './messages';
import { practiceSeconds } from './practice';
import { FIRST_SPOT, routinePlace, spotAfter, spotBefore } from './routine';
import { MAX_NEXTS, MAX_TURNS, STATE_VERSION, type Foot, type GuideState, type Pace, type Phase, type Preferences } from './state';

/**
 * One turn of the guide: the new state, what to say, and the question that
 * keeps the session open (null ends it). Pure: no I/O, no clock, no SDK.
 */
export interface Reply {
  readonly state: GuideState;
  readonly say: readonly Message[];
  readonly ask: Question | null;
}

/** Once the user has moved on this many times (this turn included), "say next" prompts get short. */
export const BRIEF_AFTER_NEXTS = 3;

export function reduce(state: GuideState, command: Command): Reply {
  const movedOn = state.phase.at !== 'menu' && (command.type === 'next' || command.type === 'yes' || command.type === 'resume');
  const nexts = Math.min(state.nexts + (movedOn ? 1 : 0), MAX_NEXTS);
  const ctx: Ctx = { prefs: state.prefs, brief: nexts >= BRIEF_AFTER_NEXTS, firstTurn: state.turns === 0 };
  const turn = answer(state.phase, command, ctx);
  // The first launch ever opens with the safety sentence, once.
  const say: readonly Message[] = command.type === 'launch' && !state.safetyHeard ? [{ kind: 'safetyNotice' }, ...turn.say] : turn.say;
  return {
    state: {
      v: STATE_VERSION,
      phase: turn.phase,
      prefs: turn.prefs ?? state.prefs,
      nexts,
      safetyHeard: state.safetyHeard || say.some((m) => m.kind === 'safetyNotice' || (m.kind === 'knowledge' && m.topic === 'safety')),
      turns: Math.min(state.turns + 1, MAX_TURNS),
    },
    say,
    ask: turn.ask,
  };
}

/** What every answer may depend on besides the phase. */
interface Ctx {
  readonly prefs: Preferences;
  readonly brief: boolean;
  readonly firstTurn: boolean;
}

interface Turn {
  readonly phase: Phase;
  readonly say: readonly Message[];
  readonly ask: Question | null;
  /** New preferences, when the command changed them. */
  readonly prefs?: Preferences;
}

type StepPhase = Phase & { at: 'step' };
/** Every phase but the resume offer, which `answerResume` settles first. */
type ActivePhase = Exclude<Phase, { at: 'resume' }>;

function answer(phase: Phase, command: Command, ctx: Ctx): Turn {
  if (phase.at === 'resume') return answerResume(phase, command, ctx);
  switch (command.type) {
    case 'launch':
      return { phase: { at: 'menu', offer: offerFrom(phase) }, say: [{ kind: 'welcome' }, { kind: 'techniqueList' }], ask: { kind: 'chooseTechnique' } };
    case 'start':
      return command.technique
        ? begin(command.technique, null, [], ctx)
        : stay(phase, withPlace(phase, [{ kind: 'unknownTechnique' }, { kind: 'techniqueList' }]), ctx);
    case 'startRoutine':
      return begin(FIRST_SPOT.technique, FIRST_SPOT.foot, [{ kind: 'routineIntro', timed: ctx.prefs.timing }], ctx);
    case 'next':
      return next(phase, ctx);
    case 'yes':
      return phase.at === 'menu' ? begin(phase.offer, null, [], ctx) : next(phase, ctx);
    case 'resume':
      // Mid-session, "continue" means carry on; with nothing started, there is nothing to pick up.
      return phase.at === 'menu' ? stay(phase, [{ kind: 'nothingToResume' }, { kind: 'techniqueList' }], ctx) : next(phase, ctx);
    case 'previous':
      return previous(phase, ctx);
    case 'skip':
      return skip(phase, ctx);
    case 'repeat':
      return repeat(phase, ctx);
    case 'startOver':
      return phase.at === 'menu'
        ? nothingStarted(phase)
        : show(stepPhase(phase.technique, 0, footOf(phase)), [{ kind: 'startingOver', technique: phase.technique }], ctx);
    case 'goTo':
      return goTo(phase, command.step, ctx);
    case 'whereAmI':
      return stay(phase, [where(phase)], ctx);
    case 'list':
      return stay(phase, withPlace(phase, [{ kind: 'techniqueList' }]), ctx);
    case 'help':
      return phase.at === 'step' ? stay(phase, [{ kind: 'helpStep' }, where(phase)], ctx) : stay(phase, [{ kind: 'helpMenu' }], ctx);
    case 'no':
      return phase.at === 'step' ? stay(phase, [{ kind: 'takeYourTime' }, where(phase)], ctx) : { phase, say: [{ kind: 'goodbye' }], ask: null };
    case 'home':
      // Mid-technique, the menu keeps the place: "continue" goes back to the same step (and routine).
      return phase.at === 'step'
        ? {
            phase: { at: 'resume', technique: phase.technique, step: phase.step, foot: phase.foot },
            say: [{ kind: 'backToMenu' }, { kind: 'stoppedAt', ...place(phase) }, { kind: 'techniqueList' }],
            ask: { kind: 'resumeOffer', ...place(phase) },
          }
        : { phase: { at: 'menu', offer: offerFrom(phase) }, say: [{ kind: 'backToMenu' }, { kind: 'techniqueList' }], ask: { kind: 'chooseTechnique' } };
    case 'stop':
      return { phase, say: [goodbye(phase)], ask: null };
    case 'pause':
      return { phase, say: [phase.at === 'step' ? { kind: 'paused', ...place(phase) } : { kind: 'pausedMenu' }], ask: null };
    case 'timing':
      return timing(phase, command.on, ctx);
    case 'pace':
      return pace(phase, command.change, ctx);
    case 'knowledge':
      return {
        phase,
        say: [{ kind: 'knowledge', topic: command.topic }],
        ask: phase.at === 'step' ? { kind: 'carryOn', ...place(phase) } : questionFor(phase, ctx),
      };
    case 'fallback':
      return stay(phase, [{ kind: 'notUnderstood' }, phase.at === 'menu' ? { kind: 'techniqueList' } : where(phase)], ctx);
    case 'error':
      return stay(phase, [{ kind: 'error' }, phase.at === 'menu' ? { kind: 'techniqueList' } : where(phase)], ctx);
  }
}

/**
 * A returning user was offered their saved place. Accepting puts them back on
 * that exact step and says it again; anything about steps works as if they
 * were on it; declining leads to the menu.
 */
function answerResume(phase: Phase & { at: 'resume' }, command: Command, ctx: Ctx): Turn {
  const onStep = stepPhase(phase.technique, phase.step, phase.foot);
  const offer: Question = { kind: 'resumeOffer', ...place(phase) };
  switch (command.type) {
    case 'launch':
    case 'repeat':
      return { phase, say: [{ kind: 'welcomeBack', ...place(phase), routine: routineOf(phase) }], ask: offer };
    case 'resume':
    case 'next':
    case 'yes':
      // After a break, the technique and its set-up again ("raise the lower leg…"), then the step.
      return show(onStep, [{ kind: 'resuming' }, { kind: 'techniqueIntro', technique: phase.technique, inRoutine: phase.foot !== null }], ctx);
    case 'no':
      return { phase: { at: 'menu', offer: phase.technique }, say: [{ kind: 'techniqueList' }], ask: { kind: 'chooseTechnique' } };
    case 'whereAmI':
      return { phase, say: [{ kind: 'stoppedAt', ...place(phase) }], ask: offer };
    case 'help':
      return { phase, say: [{ kind: 'helpResume' }], ask: offer };
    case 'list':
      return { phase, say: [{ kind: 'techniqueList' }], ask: offer };
    case 'knowledge':
      return { phase, say: [{ kind: 'knowledge', topic: command.topic }], ask: offer };
    case 'fallback':
    case 'error':
      return { phase, say: [{ kind: command.type === 'error' ? 'error' : 'notUnderstood' }, { kind: 'stoppedAt', ...place(phase) }], ask: offer };
    default:
      return answer(onStep, command, ctx);
  }
}

function next(phase: ActivePhase, ctx: Ctx): Turn {
  switch (phase.at) {
    case 'menu':
      return nothingStarted(phase);
    case 'done':
      return phase.routine ? { phase: { at: 'menu', offer: ROUTINE[0] }, say: [{ kind: 'techniqueList' }], ask: { kind: 'chooseTechnique' } } : begin(techniqueAfter(phase.technique), null, [], ctx);
    case 'step':
      return phase.step + 1 < stepCount(phase.technique) ? show({ ...phase, step: phase.step + 1 }, [], ctx) : finishTechnique(phase, [], ctx);
  }
}

/** After the last step of a technique: on to the next in the routine, or done. */
function finishTechnique(phase: StepPhase, before: readonly Message[], ctx: Ctx): Turn {
  if (phase.foot === null) {
    return stay({ at: 'done', technique: phase.technique, routine: false }, [...before, { kind: 'techniqueDone', technique: phase.technique }], ctx);
  }
  const after = spotAfter({ technique: phase.technique, foot: phase.foot });
  if (!after) return stay({ at: 'done', technique: phase.technique, routine: true }, [...before, { kind: 'routineDone' }], ctx);
  const switching: Message[] = after.foot !== phase.foot ? [{ kind: 'switchFoot' }] : [];
  return begin(after.technique, after.foot, [...before, ...switching], ctx, true);
}

function previous(phase: ActivePhase, ctx: Ctx): Turn {
  switch (phase.at) {
    case 'menu':
      return nothingStarted(phase);
    case 'done':
      return show(stepPhase(phase.technique, stepCount(phase.technique) - 1, phase.routine ? 2 : null), [], ctx);
    case 'step': {
      if (phase.step > 0) return show({ ...phase, step: phase.step - 1 }, [], ctx);
      const before = phase.foot === null ? null : spotBefore({ technique: phase.technique, foot: phase.foot });
      if (!before) return show(phase, [{ kind: 'alreadyFirst' }], ctx);
      return show(stepPhase(before.technique, stepCount(before.technique) - 1, before.foot), [{ kind: 'backTo', technique: before.technique }], ctx);
    }
  }
}

function skip(phase: ActivePhase, ctx: Ctx): Turn {
  switch (phase.at) {
    case 'menu':
      return nothingStarted(phase);
    case 'done':
      return next(phase, ctx);
    case 'step': {
      const skipping: Message[] = [{ kind: 'skipping', technique: phase.technique }];
      return phase.foot === null ? begin(techniqueAfter(phase.technique), null, skipping, ctx) : finishTechnique(phase, skipping, ctx);
    }
  }
}

function repeat(phase: ActivePhase, ctx: Ctx): Turn {
  switch (phase.at) {
    case 'menu':
      return stay(phase, ctx.firstTurn ? [{ kind: 'nothingToRepeat' }, { kind: 'techniqueList' }] : [{ kind: 'techniqueList' }], ctx);
    case 'done':
      return stay(phase, [phase.routine ? { kind: 'routineDone' } : { kind: 'techniqueDone', technique: phase.technique }], ctx);
    case 'step':
      return show(phase, [], ctx);
  }
}

function goTo(phase: ActivePhase, spoken: number | null, ctx: Ctx): Turn {
  if (phase.at === 'menu') return nothingStarted(phase);
  const of = stepCount(phase.technique);
  if (spoken === null) return stay(phase, [{ kind: 'noStepNumber' }, where(phase)], ctx);
  if (!Number.isInteger(spoken) || spoken < 1 || spoken > of) {
    return stay(phase, [{ kind: 'stepOutOfRange', technique: phase.technique, asked: spoken, of }, where(phase)], ctx);
  }
  return show(stepPhase(phase.technique, spoken - 1, footOf(phase)), [], ctx);
}

function timing(phase: ActivePhase, on: boolean, ctx: Ctx): Turn {
  const prefs: Preferences = { ...ctx.prefs, timing: on };
  const confirm: Message = { kind: on ? 'timingOn' : 'timingOff' };
  // Turning timing on mid-step counts this step straight away.
  const turn = phase.at === 'step' && on ? show(phase, [confirm], { ...ctx, prefs }) : stay(phase, [confirm, ...placeOf(phase)], ctx);
  return { ...turn, prefs };
}

const SLOWER: Readonly<Record<Pace, Pace>> = { fast: 'normal', normal: 'slow', slow: 'slow' };
const FASTER: Readonly<Record<Pace, Pace>> = { slow: 'normal', normal: 'fast', fast: 'fast' };

function pace(phase: ActivePhase, change: PaceChange | null, ctx: Ctx): Turn {
  if (change === null) return stay(phase, [{ kind: 'paceUnknown' }, ...placeOf(phase)], ctx);
  const current = ctx.prefs.pace;
  const wanted: Pace = change === 'slower' ? SLOWER[current] : change === 'faster' ? FASTER[current] : 'normal';
  if (wanted === current) return stay(phase, [{ kind: 'paceLimit', pace: current }, ...placeOf(phase)], ctx);
  const prefs: Preferences = { ...ctx.prefs, pace: wanted };
  const confirm: Message = { kind: 'paceChanged', pace: wanted };
  // Mid-step, the step is said again at the new pace.
  const turn = phase.at === 'step' ? show(phase, [confirm], { ...ctx, prefs }) : stay(phase, [confirm], ctx);
  return { ...turn, prefs };
}

/**
 * Starts a technique from its first step, with its short introduction; as a
 * transition ("Now, the heel.") when the routine moves on to it.
 */
function begin(technique: TechniqueId, foot: Foot, before: readonly Message[], ctx: Ctx, transition = false): Turn {
  return show(stepPhase(technique, 0, foot), [...before, { kind: 'techniqueIntro', technique, inRoutine: transition }], ctx);
}

/** Puts the user on a step and speaks it (and counts its practice), after any `before` messages. */
function show(phase: StepPhase, before: readonly Message[], ctx: Ctx): Turn {
  const { technique, step } = phase;
  const seconds = ctx.prefs.timing ? practiceSeconds(stepOf(technique, step), ctx.prefs.pace) : 0;
  const practice: Message[] = seconds > 0 ? [{ kind: 'practice', ...place(phase), seconds, midCue: stepOf(technique, step)?.midCue ?? 'halfway' }] : [];
  return stay(phase, [...before, { kind: 'step', ...place(phase) }, ...practice], ctx);
}

function nothingStarted(phase: Phase & { at: 'menu' }): Turn {
  return { phase, say: [{ kind: 'nothingStarted' }], ask: { kind: 'offerTechnique', technique: phase.offer } };
}

/** Keeps the session open on `phase`, ending with the question that fits it. */
function stay(phase: Phase, say: readonly Message[], ctx: Ctx): Turn {
  return { phase, say, ask: questionFor(phase, ctx) };
}

function questionFor(phase: Phase, ctx: Ctx): Question {
  switch (phase.at) {
    case 'menu':
      return { kind: 'chooseTechnique' };
    case 'done':
      return phase.routine ? { kind: 'anythingElse' } : { kind: 'offerTechnique', technique: techniqueAfter(phase.technique) };
    case 'resume':
      return { kind: 'resumeOffer', ...place(phase) };
    case 'step':
      return { kind: 'continueStep', ...place(phase), brief: ctx.brief };
  }
}

function stepPhase(technique: TechniqueId, step: number, foot: Foot): StepPhase {
  return { at: 'step', technique, step, foot };
}

function footOf(phase: Phase & { at: 'step' | 'done' }): Foot {
  return phase.at === 'step' ? phase.foot : phase.routine ? 2 : null;
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
function place(phase: { readonly technique: TechniqueId; readonly step: number }): { technique: TechniqueId; step: number; of: number } {
  return { technique: phase.technique, step: phase.step + 1, of: stepCount(phase.technique) };
}

function routineOf(phase: { readonly technique: TechniqueId; readonly foot: Foot }) {
  return phase.foot === null ? null : routinePlace({ technique: phase.technique, foot: phase.foot });
}

function where(phase: Phase): Message {
  switch (phase.at) {
    case 'menu':
      return { kind: 'menuPosition' };
    case 'done':
      return phase.routine ? { kind: 'routineFinishedPosition' } : { kind: 'finishedPosition', technique: phase.technique };
    case 'resume':
      return { kind: 'stoppedAt', ...place(phase) };
    case 'step':
      return { kind: 'position', ...place(phase), routine: routineOf(phase) };
  }
}

/** During a technique, answers that are not about the step end by saying where the user is. */
function withPlace(phase: Phase, say: readonly Message[]): readonly Message[] {
  return [...say, ...placeOf(phase)];
}

function placeOf(phase: Phase): Message[] {
  return phase.at === 'step' ? [where(phase)] : [];
}

function goodbye(phase: Phase): Message {
  return phase.at === 'step' || phase.at === 'resume' ? { kind: 'goodbyeMidway', ...place(phase) } : { kind: 'goodbye' };
}
