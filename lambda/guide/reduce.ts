import { FIRST_TECHNIQUE, ROUTINE, TECHNIQUE_IDS, stepCount, stepOf, techniqueAfter, type TechniqueId } from './catalog';
import type { Command, PaceChange, TimeSpan } from './commands';
import type { Message, Question, RoutinePlace } from './messages';
import { practiceSeconds } from './practice';
import { firstSpot, firstSpotOn, routinePlace, sameSpot, spotAfter, spotBefore, withSkipped, withoutSkipped } from './routine';
import {
  MAX_NEXTS,
  MAX_TURNS,
  STATE_VERSION,
  type At,
  type Foot,
  type GuideState,
  type Pace,
  type Phase,
  type Preferences,
  type Said,
  type Spot,
} from './state';
import { routineSeconds, stepSeconds, timeLeft } from './time';

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
  const context: Context = {
    prefs: state.prefs,
    brief: nexts >= BRIEF_AFTER_NEXTS,
    firstTurn: state.turns === 0,
    skipped: state.skipped,
    back: state.back,
    said: state.said,
  };
  const outcome = decide(state.phase, command, context);
  // The first launch ever opens with the safety sentence, once.
  const say: readonly Message[] = command.type === 'launch' && !state.safetyHeard ? [{ kind: 'safetyNotice' }, ...outcome.say] : outcome.say;
  const inRoutine = (outcome.phase.at === 'step' || outcome.phase.at === 'resume') && outcome.phase.routine;
  return {
    state: {
      v: STATE_VERSION,
      phase: outcome.phase,
      prefs: outcome.prefs ?? state.prefs,
      nexts,
      safetyHeard: state.safetyHeard || say.some((m) => m.kind === 'safetyNotice' || (m.kind === 'knowledge' && m.topic === 'safety')),
      turns: Math.min(state.turns + 1, MAX_TURNS),
      // What only the routine needs is dropped as soon as the routine is left.
      skipped: inRoutine ? (outcome.skipped ?? state.skipped) : [],
      back: inRoutine ? (outcome.back === undefined ? state.back : outcome.back) : null,
      said: saidIn(say, outcome.phase),
    },
    say,
    ask: outcome.ask,
  };
}

/** What the answer ended with, when that changes what the next short words mean. */
function saidIn(say: readonly Message[], phase: Phase): Said | null {
  const last = say.at(-1);
  if (say.some((m) => m.kind === 'techniqueList')) return 'list';
  return last?.kind === 'knowledge' && phase.at === 'step' ? 'aside' : null;
}

/** What every answer may depend on besides the phase. */
interface Context {
  readonly prefs: Preferences;
  readonly brief: boolean;
  readonly firstTurn: boolean;
  readonly skipped: readonly Spot[];
  readonly back: At | null;
  readonly said: Said | null;
}

/** What one command does to the phase, before `reduce` folds it into the whole state. */
interface Outcome {
  readonly phase: Phase;
  readonly say: readonly Message[];
  readonly ask: Question | null;
  /** New preferences, when the command changed them. */
  readonly prefs?: Preferences;
  /** New routine spots left out, when the command changed them. */
  readonly skipped?: readonly Spot[];
  /** Where "back to the routine" returns, when the command changed it (null: nowhere). */
  readonly back?: At | null;
}

type StepPhase = Phase & { at: 'step' };
/** Every phase but the resume offer, which `decideAtResume` settles first. */
type ActivePhase = Exclude<Phase, { at: 'resume' }>;

/** What `command` does on `phase`: the one switch over every command. */
function decide(phase: Phase, command: Command, context: Context): Outcome {
  if (phase.at === 'resume') return decideAtResume(phase, command, context);
  switch (command.type) {
    case 'launch':
      return { phase: { at: 'menu', offer: offerFrom(phase) }, say: [{ kind: 'welcome' }, { kind: 'techniqueList' }], ask: { kind: 'chooseTechnique' } };
    case 'start':
      return start(phase, command.technique, context);
    case 'startRoutine':
      return startRoutine(phase, context);
    case 'next':
      return next(phase, context);
    case 'yes':
      if (phase.at === 'menu') return begin(phase.offer, 1, false, [], context);
      return phase.at === 'step' && context.said === 'aside' ? backToStep(phase, context) : next(phase, context);
    case 'resume':
      // Mid-session, "continue" means carry on (after a question: back to the step); with nothing started, there is nothing to pick up.
      if (phase.at === 'menu') return stay(phase, [{ kind: 'nothingToResume' }, { kind: 'techniqueList' }], context);
      return phase.at === 'step' && context.said === 'aside' ? backToStep(phase, context) : next(phase, context);
    case 'previous':
      return previous(phase, context);
    case 'skip':
      return command.technique === null ? skip(phase, context) : skipNamed(phase, command.technique, command.bothFeet, context);
    case 'switchFoot':
      return switchFoot(phase, context);
    case 'whichFoot':
      return whichFoot(phase, context);
    case 'repeat':
      return repeat(phase, context);
    case 'startOver':
      return phase.at === 'menu'
        ? nothingStarted(phase)
        : show(phase.at === 'step' ? { ...phase, step: 0 } : doneAgain(phase, 0), [{ kind: 'startingOver', technique: phase.technique }], context);
    case 'goTo':
      return goTo(phase, command.step, context);
    case 'whereAmI':
      return stay(phase, [positionMessage(phase, context)], context);
    case 'list':
      return stay(phase, [{ kind: 'techniqueList' }, ...positionOnStep(phase, context)], context);
    case 'help':
      return phase.at === 'step' ? stay(phase, [{ kind: 'helpStep' }, positionMessage(phase, context)], context) : stay(phase, [{ kind: 'helpMenu' }], context);
    case 'no':
      if (phase.at === 'step') return stay(phase, [{ kind: 'takeYourTime' }, positionMessage(phase, context)], context);
      // Not the other foot: on to the next technique instead.
      if (phase.at === 'done' && offersOtherFoot(phase)) return stay({ ...phase, foot: 2 }, [], context);
      return { phase, say: [{ kind: 'goodbye' }], ask: null };
    case 'thanks':
      return stay(phase, [{ kind: 'youreWelcome' }], context);
    case 'home':
      // Mid-technique, the menu keeps the place: "continue" goes back to the same step (and routine).
      return phase.at === 'step'
        ? {
            phase: { ...phase, at: 'resume' },
            say: [{ kind: 'backToMenu' }, { kind: 'stoppedAt', ...fullPosition(phase, context) }, { kind: 'techniqueList' }],
            ask: { kind: 'resumeOffer', ...stepPosition(phase) },
          }
        : { phase: { at: 'menu', offer: offerFrom(phase) }, say: [{ kind: 'backToMenu' }, { kind: 'techniqueList' }], ask: { kind: 'chooseTechnique' } };
    case 'stop':
      return { phase, say: [phase.at === 'step' ? { kind: 'goodbyeMidway', ...fullPosition(phase, context) } : { kind: 'goodbye' }], ask: null };
    case 'pause':
      return { phase, say: [phase.at === 'step' ? { kind: 'paused', ...fullPosition(phase, context) } : { kind: 'pausedMenu' }], ask: null };
    case 'timing':
      return timing(phase, command.on, context);
    case 'pace':
      return pace(phase, command.change, context);
    case 'time':
      return time(phase, command.span, context);
    case 'knowledge':
      return {
        phase,
        say: [{ kind: 'knowledge', topic: command.topic, concern: command.concern ?? null }],
        ask: phase.at === 'step' ? { kind: 'carryOn', ...stepPosition(phase) } : questionFor(phase, context),
      };
    case 'fallback':
      return stay(phase, [{ kind: 'notUnderstood' }, phase.at === 'menu' ? { kind: 'techniqueList' } : positionMessage(phase, context)], context);
    case 'error':
      return stay(phase, [{ kind: 'error' }, phase.at === 'menu' ? { kind: 'techniqueList' } : positionMessage(phase, context)], context);
  }
}

/**
 * A saved place is on offer (a returning user, or after "main menu").
 * Accepting puts the user back on that exact step and says it again; a
 * one-shot "next step" goes on from it; anything about steps works as if they
 * were on it; declining leads to the menu.
 */
function decideAtResume(phase: Phase & { at: 'resume' }, command: Command, context: Context): Outcome {
  const onStep: StepPhase = { ...phase, at: 'step' };
  const offer: Question = { kind: 'resumeOffer', ...stepPosition(phase) };
  switch (command.type) {
    case 'launch':
      return { phase, say: [{ kind: 'welcomeBack', ...fullPosition(phase, context) }], ask: offer };
    case 'repeat':
      // In a session the last thing said was the menu; a new session has said nothing yet.
      return context.firstTurn
        ? { phase, say: [{ kind: 'welcomeBack', ...fullPosition(phase, context) }], ask: offer }
        : { phase, say: [{ kind: 'stoppedAt', ...fullPosition(phase, context) }, { kind: 'techniqueList' }], ask: offer };
    case 'next':
      // "Alexa, ask foot massage guide for the next step": the user finished the saved step while the skill was closed.
      if (context.firstTurn) return next(onStep, context, [{ kind: 'resuming', technique: phase.technique }]);
      return show(onStep, [{ kind: 'resuming', technique: phase.technique }], context);
    case 'resume':
    case 'yes':
    case 'startRoutine':
      return command.type === 'startRoutine' && !phase.routine
        ? startRoutine(onStep, context)
        : show(onStep, [{ kind: 'resuming', technique: phase.technique }], context);
    case 'no':
      return { phase: { at: 'menu', offer: phase.technique }, say: [{ kind: 'techniqueList' }], ask: { kind: 'chooseTechnique' } };
    case 'whereAmI':
      return { phase, say: [{ kind: 'stoppedAt', ...fullPosition(phase, context) }], ask: offer };
    case 'help':
      return { phase, say: [{ kind: 'helpResume' }], ask: offer };
    case 'list':
      return { phase, say: [{ kind: 'techniqueList' }], ask: offer };
    case 'thanks':
      return { phase, say: [{ kind: 'youreWelcome' }], ask: offer };
    case 'whichFoot':
    case 'time':
      // Answered as on the step, while the offer stands.
      return { ...decide(onStep, command, context), phase, ask: offer };
    case 'knowledge':
      return { phase, say: [{ kind: 'knowledge', topic: command.topic, concern: command.concern ?? null }], ask: offer };
    case 'fallback':
    case 'error':
      return {
        phase,
        say: [{ kind: command.type === 'error' ? 'error' : 'notUnderstood' }, { kind: 'stoppedAt', ...fullPosition(phase, context) }],
        ask: offer,
      };
    case 'stop':
      return { phase, say: [{ kind: 'goodbyeMidway', ...fullPosition(phase, context) }], ask: null };
    case 'pause':
      return { phase, say: [{ kind: 'paused', ...fullPosition(phase, context) }], ask: null };
    default:
      return decide(onStep, command, context);
  }
}

/** A named technique: off the routine it starts at step 1; in the routine the routine goes on from it, on this foot. */
function start(phase: ActivePhase, technique: TechniqueId | null, context: Context): Outcome {
  if (technique === null) return stay(phase, [{ kind: 'unknownTechnique' }, { kind: 'techniqueList' }, ...positionOnStep(phase, context)], context);
  if (phase.at !== 'step' || !phase.routine) return begin(technique, 1, false, [], context);
  if (technique === phase.technique) return show(phase, [{ kind: 'routineJump', technique, foot: phase.foot }], context);
  const turn = show(
    { ...phase, technique, step: 0 },
    [
      { kind: 'routineJump', technique, foot: phase.foot },
      { kind: 'techniqueIntro', technique, inRoutine: true },
    ],
    context,
  );
  // The user named it, so it is no longer left out; and "back to the routine" returns to where they were.
  // Named again, the place jumped from ends the jump: the routine simply goes on from there.
  const back = context.back ?? at(phase);
  return {
    ...turn,
    skipped: withoutSkipped(context.skipped, { technique, foot: phase.foot }),
    back: sameSpot(back, { technique, foot: phase.foot }) ? null : back,
  };
}

/** "The full routine": from the start; while in it, back to where the user jumped from, or on where they are. */
function startRoutine(phase: ActivePhase, context: Context): Outcome {
  if (phase.at === 'step' && phase.routine) {
    if (context.back) {
      const back = context.back;
      return { ...show({ at: 'step', ...back }, [{ kind: 'backToRoutine', technique: back.technique, foot: back.foot }], context), back: null };
    }
    return show(phase, [{ kind: 'alreadyInRoutine' }, positionMessage(phase, context)], context);
  }
  const first = firstSpot([]);
  const intro: Message = { kind: 'routineIntro', timed: context.prefs.timing };
  return first
    ? { ...begin(first.technique, first.foot, true, [intro], context), skipped: [], back: null }
    : nothingStarted({ at: 'menu', offer: FIRST_TECHNIQUE });
}

function next(phase: ActivePhase, context: Context, before: readonly Message[] = []): Outcome {
  switch (phase.at) {
    case 'menu':
      return nothingStarted(phase);
    case 'done':
      if (phase.routine) return { phase: { at: 'menu', offer: FIRST_TECHNIQUE }, say: [{ kind: 'techniqueList' }], ask: { kind: 'chooseTechnique' } };
      return offersOtherFoot(phase) ? otherFootOf(phase.technique, 2, context) : begin(techniqueAfter(phase.technique), 1, false, [], context);
    case 'step':
      return phase.step + 1 < stepCount(phase.technique) ? show({ ...phase, step: phase.step + 1 }, before, context) : finishTechnique(phase, before, context);
  }
}

/** After the last step of a technique: on to the next in the routine, or done. */
function finishTechnique(phase: StepPhase, before: readonly Message[], context: Context): Outcome {
  if (!phase.routine) {
    return stay(
      { at: 'done', technique: phase.technique, foot: phase.foot, routine: false },
      [...before, { kind: 'techniqueDone', technique: phase.technique }],
      context,
    );
  }
  if (context.back && context.back.foot === phase.foot && !sameSpot(context.back, phase)) {
    // A technique the user jumped to is done: the routine goes back to where they jumped from,
    // and this technique is not done again when the routine reaches it.
    const back = context.back;
    const skipped = withSkipped(context.skipped, [{ technique: phase.technique, foot: phase.foot }]);
    return {
      ...show({ at: 'step', ...back }, [...before, { kind: 'backToRoutine', technique: back.technique, foot: back.foot }], { ...context, skipped }),
      skipped,
      back: null,
    };
  }
  return onTo(spotAfter(phase, context.skipped), phase.foot, before, context);
}

/** On to a spot of the routine (saying so when it is on the other foot), or, with none left, the routine is done. */
function onTo(spot: Spot | null, fromFoot: Foot, before: readonly Message[], context: Context): Outcome {
  if (!spot) return stay({ at: 'done', technique: ROUTINE[ROUTINE.length - 1], foot: 2, routine: true }, [...before, { kind: 'routineDone' }], context);
  const switching: Message[] = spot.foot !== fromFoot ? [{ kind: 'switchFoot' }] : [];
  return begin(spot.technique, spot.foot, true, [...before, ...switching], context, true);
}

function previous(phase: ActivePhase, context: Context): Outcome {
  switch (phase.at) {
    case 'menu':
      return nothingStarted(phase);
    case 'done':
      return show(doneAgain(phase, stepCount(phase.technique) - 1), [], context);
    case 'step': {
      if (phase.step > 0) return show({ ...phase, step: phase.step - 1 }, [], context);
      const before = phase.routine ? spotBefore(phase, context.skipped) : null;
      if (!before) return show(phase, [{ kind: 'alreadyFirst' }], context);
      const backTo: Message = { kind: 'backTo', technique: before.technique, crossedFoot: before.foot !== phase.foot };
      return show({ at: 'step', ...before, step: stepCount(before.technique) - 1, routine: true }, [backTo], context);
    }
  }
}

/** "skip": leave this technique for the next one (in the routine, across the foot switch). */
function skip(phase: ActivePhase, context: Context): Outcome {
  switch (phase.at) {
    case 'menu':
      return nothingStarted(phase);
    case 'done':
      return phase.routine || !offersOtherFoot(phase) ? next(phase, context) : begin(techniqueAfter(phase.technique), 1, false, [], context);
    case 'step': {
      const skipping: Message[] = [{ kind: 'skipping', technique: phase.technique }];
      return phase.routine ? finishTechnique(phase, skipping, context) : begin(techniqueAfter(phase.technique), 1, false, skipping, context);
    }
  }
}

/**
 * "skip the toes": never starts the toes. In the routine the toes are left out
 * (on this foot, or both); if the user is on them, the routine moves on.
 * Off the routine it is acknowledged, and the next technique offered.
 */
function skipNamed(phase: ActivePhase, technique: TechniqueId, bothFeet: boolean, context: Context): Outcome {
  if (phase.at === 'step' && phase.routine) {
    const feet: readonly Foot[] = bothFeet ? [phase.foot, 2] : [phase.foot];
    const skipped = withSkipped(
      context.skipped,
      feet.map((foot) => ({ technique, foot })),
    );
    const said: Message = { kind: 'skipNamed', technique, routine: true, bothFeet };
    const turn =
      technique === phase.technique
        ? finishTechnique(phase, [said], { ...context, skipped })
        : stay(phase, [said, positionMessage(phase, { ...context, skipped })], context);
    return { ...turn, skipped };
  }
  if (phase.at === 'step' && technique === phase.technique) return skip(phase, context);
  const said: Message = { kind: 'skipNamed', technique, routine: false, bothFeet };
  if (phase.at === 'step') return stay(phase, [said, positionMessage(phase, context)], context);
  const offer = techniqueAfter(technique);
  return { phase: { at: 'menu', offer }, say: [said], ask: { kind: 'offerTechnique', technique: offer } };
}

/**
 * "the other foot": in the routine, from the first foot to the first technique
 * still to do on the second; on a single technique, the same technique on the other foot.
 */
function switchFoot(phase: ActivePhase, context: Context): Outcome {
  switch (phase.at) {
    case 'menu':
      return nothingStarted(phase);
    case 'done':
      return phase.routine ? stay(phase, [{ kind: 'routineFinishedPosition' }], context) : otherFootOf(phase.technique, otherFoot(phase.foot), context);
    case 'step':
      if (!phase.routine) return otherFootOf(phase.technique, otherFoot(phase.foot), context);
      if (phase.foot === 2) return show(phase, [{ kind: 'alreadySecondFoot' }], context);
      return { ...onTo(firstSpotOn(2, context.skipped), 1, [], context), back: null };
  }
}

function otherFootOf(technique: TechniqueId, foot: Foot, context: Context): Outcome {
  return show({ at: 'step', technique, step: 0, foot, routine: false }, [{ kind: 'otherFoot', technique }], context);
}

function whichFoot(phase: ActivePhase, context: Context): Outcome {
  switch (phase.at) {
    case 'menu':
      return nothingStarted(phase);
    case 'done':
      return stay(phase, [positionMessage(phase, context)], context);
    case 'step':
      return stay(phase, [{ kind: 'footPosition', technique: phase.technique, foot: phase.foot, routine: routineOf(phase, context) }], context);
  }
}

function repeat(phase: ActivePhase, context: Context): Outcome {
  switch (phase.at) {
    case 'menu':
      return stay(phase, context.firstTurn ? [{ kind: 'nothingToRepeat' }, { kind: 'techniqueList' }] : [{ kind: 'techniqueList' }], context);
    case 'done':
      return stay(phase, [phase.routine ? { kind: 'routineDone' } : { kind: 'techniqueDone', technique: phase.technique }], context);
    case 'step':
      return show(phase, [], context);
  }
}

/**
 * "number four", "the third one", "the last step": a technique by its place in the list just
 * spoken, otherwise a step. At the menu with no list just said there is nothing to count in.
 */
function goTo(phase: ActivePhase, spoken: number | 'last' | null, context: Context): Outcome {
  if (context.said === 'list') return choose(phase, spoken, context);
  if (phase.at === 'menu') return nothingStarted(phase);
  const of = stepCount(phase.technique);
  if (spoken === null) return stay(phase, [{ kind: 'noStepNumber' }, positionMessage(phase, context)], context);
  const asked = spoken === 'last' ? of : spoken;
  if (!Number.isInteger(asked) || asked < 1 || asked > of) {
    return stay(phase, [{ kind: 'stepOutOfRange', technique: phase.technique, asked, of }, positionMessage(phase, context)], context);
  }
  return show(phase.at === 'step' ? { ...phase, step: asked - 1 } : doneAgain(phase, asked - 1), [], context);
}

/** Picks a technique by its place in the list just spoken. */
function choose(phase: ActivePhase, spoken: number | 'last' | null, context: Context): Outcome {
  const of = TECHNIQUE_IDS.length;
  const asked = spoken === 'last' ? of : spoken;
  if (asked === null || !Number.isInteger(asked) || asked < 1 || asked > of) {
    const say: Message = asked === null ? { kind: 'noStepNumber' } : { kind: 'choiceOutOfRange', asked, of };
    return stay(phase, [say, { kind: 'techniqueList' }], context);
  }
  return start(phase, TECHNIQUE_IDS[asked - 1], context);
}

function timing(phase: ActivePhase, on: boolean, context: Context): Outcome {
  const prefs: Preferences = { ...context.prefs, timing: on };
  const confirm: Message = { kind: on ? 'timingOn' : 'timingOff' };
  // Turning timing on mid-step counts this step straight away.
  const turn =
    phase.at === 'step' && on
      ? show(phase, [confirm], { ...context, prefs })
      : stay(phase, [confirm, ...positionOnStep(phase, context)], { ...context, prefs });
  return { ...turn, prefs };
}

const SLOWER: Readonly<Record<Pace, Pace>> = { fast: 'normal', normal: 'slow', slow: 'slow' };
const FASTER: Readonly<Record<Pace, Pace>> = { slow: 'normal', normal: 'fast', fast: 'fast' };

function pace(phase: ActivePhase, change: PaceChange | null, context: Context): Outcome {
  if (change === null) return stay(phase, [{ kind: 'paceUnknown' }, ...positionOnStep(phase, context)], context);
  const current = context.prefs.pace;
  const wanted: Pace = change === 'slower' ? SLOWER[current] : change === 'faster' ? FASTER[current] : 'normal';
  if (wanted === current) return stay(phase, [{ kind: 'paceLimit', pace: current }, ...positionOnStep(phase, context)], context);
  const prefs: Preferences = { ...context.prefs, pace: wanted };
  const confirm: Message = { kind: 'paceChanged', pace: wanted };
  // Mid-step, the step is said again at the new pace.
  const turn = phase.at === 'step' ? show(phase, [confirm], { ...context, prefs }) : stay(phase, [confirm], context);
  return { ...turn, prefs };
}

/** "How long": this step and what is left, from the catalog at the user's pace; the whole routine when asked, or off a technique. */
function time(phase: ActivePhase, span: TimeSpan, context: Context): Outcome {
  const { pace: p, timing: counted } = context.prefs;
  if (phase.at !== 'step' || (span === 'routine' && !phase.routine)) return stay(phase, [{ kind: 'routineTime', seconds: routineSeconds([], p) }], context);
  const left = timeLeft(phase, context.skipped, p, context.back);
  const stepTime = stepSeconds(phase.technique, phase.step, p);
  const leftHere: Message = {
    kind: 'timeLeft',
    technique: phase.technique,
    stepSeconds: stepTime,
    counted,
    seconds: left.technique,
    routineSeconds: left.routine,
  };
  // "How long is the whole routine", asked in it: the whole, then what is left of it from here.
  return stay(phase, span === 'routine' ? [{ kind: 'routineTime', seconds: routineSeconds(context.skipped, p) }, leftHere] : [leftHere], context);
}

/** After an answer to a question: the step the user was on, again. */
function backToStep(phase: StepPhase, context: Context): Outcome {
  return show(phase, [{ kind: 'backToStep', technique: phase.technique }], context);
}

/**
 * Starts a technique from its first step, with its short introduction; as a
 * transition ("Now, the heel.") when the routine moves on to it.
 */
function begin(technique: TechniqueId, foot: Foot, routine: boolean, before: readonly Message[], context: Context, transition = false): Outcome {
  return show({ at: 'step', technique, step: 0, foot, routine }, [...before, { kind: 'techniqueIntro', technique, inRoutine: transition }], context);
}

/** Puts the user on a step and speaks it (and counts its practice), after any `before` messages. */
function show(phase: StepPhase, before: readonly Message[], context: Context): Outcome {
  const { technique, step } = phase;
  const detail = stepOf(technique, step);
  const seconds = context.prefs.timing ? practiceSeconds(detail, context.prefs.pace) : 0;
  const end = detail?.end ?? 'release';
  const practice: Message[] = seconds > 0 ? [{ kind: 'practice', ...stepPosition(phase), seconds, midCue: detail?.midCue ?? 'halfway', end }] : [];
  const closing = seconds > 0 || end === 'release' ? null : end;
  return stay(phase, [...before, { kind: 'step', ...stepPosition(phase), closing }, ...practice], context);
}

function nothingStarted(phase: Phase & { at: 'menu' }): Outcome {
  return { phase, say: [{ kind: 'nothingStarted' }], ask: { kind: 'offerTechnique', technique: phase.offer } };
}

/** Keeps the session open on `phase`, ending with the question that fits it. */
function stay(phase: Phase, say: readonly Message[], context: Context): Outcome {
  return { phase, say, ask: questionFor(phase, context) };
}

function questionFor(phase: Phase, context: Context): Question {
  switch (phase.at) {
    case 'menu':
      return { kind: 'chooseTechnique' };
    case 'done':
      if (phase.routine) return { kind: 'anythingElse' };
      return offersOtherFoot(phase)
        ? { kind: 'offerOtherFoot', technique: phase.technique }
        : { kind: 'offerTechnique', technique: techniqueAfter(phase.technique) };
    case 'resume':
      return { kind: 'resumeOffer', ...stepPosition(phase) };
    case 'step':
      return {
        kind: 'continueStep',
        ...stepPosition(phase),
        brief: context.brief,
        waiting: !context.prefs.timing || stepSeconds(phase.technique, phase.step, context.prefs.pace) === 0,
      };
  }
}

/** A single technique finished on the first foot offers the same on the other. */
function offersOtherFoot(phase: Phase & { at: 'done' }): boolean {
  return !phase.routine && phase.foot === 1;
}

function otherFoot(foot: Foot): Foot {
  return foot === 1 ? 2 : 1;
}

/** Back onto a step of a technique just finished. */
function doneAgain(phase: Phase & { at: 'done' }, step: number): StepPhase {
  return { at: 'step', technique: phase.technique, step, foot: phase.foot, routine: phase.routine };
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

function at(phase: At): At {
  return { technique: phase.technique, step: phase.step, foot: phase.foot, routine: phase.routine };
}

/** Technique, 1-based step and total, as messages and questions carry them. */
function stepPosition(phase: { readonly technique: TechniqueId; readonly step: number }): { technique: TechniqueId; step: number; of: number } {
  return { technique: phase.technique, step: phase.step + 1, of: stepCount(phase.technique) };
}

function routineOf(phase: At, context: Context): RoutinePlace | null {
  return phase.routine ? routinePlace(phase, context.skipped, context.back) : null;
}

/** A place as the user hears it, with its foot and its place in the routine. */
function fullPosition(phase: At, context: Context) {
  return { ...stepPosition(phase), foot: phase.foot, routine: routineOf(phase, context) };
}

/** "Where am I" for any phase: the message that says where the user is. */
function positionMessage(phase: Phase, context: Context): Message {
  switch (phase.at) {
    case 'menu':
      return { kind: 'menuPosition' };
    case 'done':
      return phase.routine ? { kind: 'routineFinishedPosition' } : { kind: 'finishedPosition', technique: phase.technique, foot: phase.foot };
    case 'resume':
      return { kind: 'stoppedAt', ...fullPosition(phase, context) };
    case 'step':
      return { kind: 'position', ...fullPosition(phase, context) };
  }
}

/** During a technique, answers that are not about the step end by saying where the user is. */
function positionOnStep(phase: Phase, context: Context): Message[] {
  return phase.at === 'step' ? [positionMessage(phase, context)] : [];
}
