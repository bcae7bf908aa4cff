import fc from 'fast-check';
import { ROUTINE, TECHNIQUES, TECHNIQUE_IDS, stepCount, stepOf, techniqueAfter, type Step, type TechniqueId } from '../../lambda/guide/catalog';
import type { Command, CommandType, PaceChange, Topic } from '../../lambda/guide/commands';
import type { Message, Question, RoutinePlace } from '../../lambda/guide/messages';
import { MAX_PRACTICE_SECONDS, MIN_PRACTICE_SECONDS, practiceSeconds } from '../../lambda/guide/practice';
import { BRIEF_AFTER_NEXTS, reduce, type Reply } from '../../lambda/guide/reduce';
import {
  INITIAL_STATE,
  MAX_NEXTS,
  MAX_TURNS,
  PACES,
  STATE_VERSION,
  isValidState,
  parseState,
  type Foot,
  type GuideState,
  type Pace,
  type Phase,
  type Preferences,
} from '../../lambda/guide/state';
import { footArb, paceArb, phaseArb, prefsArb, techniqueArb, validStateArb } from '../support/states';
import { EVERY_COMMAND } from '../support/commands';

// The reducer on its own: every command in every kind of phase, the edges by name,
// the full routine, timing and pace, and properties over arbitrary conversations.

// Sized to what these properties can find: the state space they draw from is small (six
// techniques, a few steps, two feet, six preference pairs), so 500 runs visit it many times over.
const RUNS = { numRuns: 500 } as const;

// The catalog, in routine order: warmUp (2 steps), ankleStretch (3), relaxHeel (2),
// easeSole (4), toes (2), finish (2). The offer after finish wraps round to warmUp.
const W = 'warmUp' satisfies TechniqueId;
const A = 'ankleStretch' satisfies TechniqueId;
const R = 'relaxHeel' satisfies TechniqueId;
const E = 'easeSole' satisfies TechniqueId;
const T = 'toes' satisfies TechniqueId;
const F = 'finish' satisfies TechniqueId;

// ---- building states, commands and expected replies ----------------------------------

type StepPhase = Extract<Phase, { at: 'step' }>;
type ResumePhase = Extract<Phase, { at: 'resume' }>;

const menu = (offer: TechniqueId): Phase => ({ at: 'menu', offer });
/** The routine's foot, or null for a single technique (on the first foot). */
type RoutineFoot = Foot | null;
const onFoot = (foot: RoutineFoot) => (foot === null ? { foot: 1 as const, routine: false } : { foot, routine: true });
/** `step` counts from 0, as in the state. */
const at = (technique: TechniqueId, step: number, foot: RoutineFoot = null): StepPhase => ({ at: 'step', technique, step, ...onFoot(foot) });
const resumeAt = (technique: TechniqueId, step: number, foot: RoutineFoot = null): ResumePhase => ({ at: 'resume', technique, step, ...onFoot(foot) });
const done = (technique: TechniqueId, routine = false): Phase => ({ at: 'done', technique, foot: routine ? 2 : 1, routine });

const NORMAL: Preferences = { timing: true, pace: 'normal' };
const NO_TIMING: Preferences = { timing: false, pace: 'normal' };
const SLOW: Preferences = { timing: true, pace: 'slow' };

/** A session under way: a few turns in, the safety sentence heard, counting at normal pace, a new learner. */
const BASE: GuideState = { v: STATE_VERSION, phase: menu(W), prefs: NORMAL, nexts: 0, safetyHeard: true, turns: 5, skipped: [], back: null, said: null };
const stateAt = (phase: Phase, over: Partial<Omit<GuideState, 'v' | 'phase'>> = {}): GuideState => ({ ...BASE, ...over, phase });

/** The routine laid out by hand: every technique on foot 1, then every technique on foot 2. */
const SPOTS: readonly { readonly technique: TechniqueId; readonly foot: 1 | 2 }[] = ([1, 2] as const).flatMap((foot) =>
  ROUTINE.map((technique) => ({ technique, foot })),
);
/** Which foot, and how many techniques come after this one, worked out here rather than by routine.ts. */
const rp = (technique: TechniqueId): RoutinePlace => ({ leftOnFoot: ROUTINE.length - 1 - ROUTINE.indexOf(technique) });
const routineOf = (technique: TechniqueId, foot: RoutineFoot): RoutinePlace | null => (foot === null ? null : rp(technique));
/** A phase's foot as the helpers above take it: the routine's foot, or null off the routine. */
const rf = (p: { readonly foot: Foot; readonly routine: boolean }): RoutineFoot => (p.routine ? p.foot : null);
const where = (technique: TechniqueId, foot: RoutineFoot) => ({ foot: foot ?? 1, routine: routineOf(technique, foot) });

/** The catalog step the user hears as `step` (1-based). */
function catalogStep(technique: TechniqueId, step: number): Step {
  const found = stepOf(technique, step - 1);
  if (!found) throw new Error(`${technique} has no step ${step}`);
  return found;
}

/** Message kinds that carry nothing but their kind. */
type PlainKind = {
  [K in Message['kind']]: { readonly kind: K } extends Extract<Message, { kind: K }> ? K : never;
}[Message['kind']];

/** Technique, 1-based step and total, as messages carry them. */
const place = (technique: TechniqueId, step: number) => ({ technique, step, of: stepCount(technique) });

// Steps are 1-based in messages and questions, as the user hears them.
const say = {
  step: (technique: TechniqueId, step: number, closing: Message & { kind: 'step' } extends { closing: infer C } ? C : never = null): Message => ({
    kind: 'step',
    ...place(technique, step),
    closing,
  }),
  practice: (technique: TechniqueId, step: number, pace: Pace = 'normal'): Message => ({
    kind: 'practice',
    ...place(technique, step),
    seconds: practiceSeconds(catalogStep(technique, step), pace),
    midCue: catalogStep(technique, step).midCue,
    end: catalogStep(technique, step).end,
  }),
  /** A step as said with timing on: the step, then its count. */
  shown: (technique: TechniqueId, step: number, pace: Pace = 'normal'): Message[] => [say.step(technique, step), say.practice(technique, step, pace)],
  position: (technique: TechniqueId, step: number, foot: RoutineFoot = null): Message => ({
    kind: 'position',
    ...place(technique, step),
    ...where(technique, foot),
  }),
  intro: (technique: TechniqueId, inRoutine = false): Message => ({ kind: 'techniqueIntro', technique, inRoutine }),
  done: (technique: TechniqueId): Message => ({ kind: 'techniqueDone', technique }),
  finished: (technique: TechniqueId, foot: Foot = 1): Message => ({ kind: 'finishedPosition', technique, foot }),
  startingOver: (technique: TechniqueId): Message => ({ kind: 'startingOver', technique }),
  backTo: (technique: TechniqueId, crossedFoot = false): Message => ({ kind: 'backTo', technique, crossedFoot }),
  skipping: (technique: TechniqueId): Message => ({ kind: 'skipping', technique }),
  goodbyeMidway: (technique: TechniqueId, step: number, foot: RoutineFoot = null): Message => ({
    kind: 'goodbyeMidway',
    ...place(technique, step),
    ...where(technique, foot),
  }),
  outOfRange: (technique: TechniqueId, asked: number): Message => ({ kind: 'stepOutOfRange', technique, asked, of: stepCount(technique) }),
  welcomeBack: (technique: TechniqueId, step: number, foot: RoutineFoot = null): Message => ({
    kind: 'welcomeBack',
    ...place(technique, step),
    ...where(technique, foot),
  }),
  stoppedAt: (technique: TechniqueId, step: number, foot: RoutineFoot = null): Message => ({
    kind: 'stoppedAt',
    ...place(technique, step),
    ...where(technique, foot),
  }),
  paused: (technique: TechniqueId, step: number, foot: RoutineFoot = null): Message => ({
    kind: 'paused',
    ...place(technique, step),
    ...where(technique, foot),
  }),
  resuming: (technique: TechniqueId): Message => ({ kind: 'resuming', technique }),
  paceChanged: (pace: Pace): Message => ({ kind: 'paceChanged', pace }),
  paceLimit: (pace: Pace): Message => ({ kind: 'paceLimit', pace }),
  knowledge: (topic: Topic): Message => ({ kind: 'knowledge', topic, concern: null }),
  // PlainKind holds only kinds whose message is `{ kind }` alone; TS cannot split a union this large by itself.
  plain: (kind: PlainKind): Message => ({ kind }) as Message,
};
const m = say.plain;

const ask = {
  choose: { kind: 'chooseTechnique' } as Question,
  anythingElse: { kind: 'anythingElse' } as Question,
  resume: (technique: TechniqueId, step: number): Question => ({ kind: 'resumeOffer', ...place(technique, step) }),
  offer: (technique: TechniqueId): Question => ({ kind: 'offerTechnique', technique }),
  otherFoot: (technique: TechniqueId): Question => ({ kind: 'offerOtherFoot', technique }),
  cont: (technique: TechniqueId, step: number, brief = false, waiting = false): Question => ({
    kind: 'continueStep',
    ...place(technique, step),
    brief,
    waiting,
  }),
  carryOn: (technique: TechniqueId, step: number): Question => ({ kind: 'carryOn', ...place(technique, step) }),
};

/** Every command type, checked against the union at compile time so a new command fails here. */
const ALL_COMMAND_TYPES = [
  'launch',
  'start',
  'startRoutine',
  'next',
  'previous',
  'repeat',
  'startOver',
  'goTo',
  'skip',
  'whereAmI',
  'list',
  'help',
  'yes',
  'no',
  'home',
  'stop',
  'pause',
  'resume',
  'timing',
  'pace',
  'knowledge',
  'fallback',
  'error',
  'switchFoot',
  'whichFoot',
  'thanks',
  'time',
] as const satisfies readonly CommandType[];
type MissingCommand = Exclude<CommandType, (typeof ALL_COMMAND_TYPES)[number]>;
const everyCommandListed: [MissingCommand] extends [never] ? true : MissingCommand = true;

const PHASES = {
  menu: menu(R),
  first: at(A, 0),
  middle: at(A, 1),
  last: at(A, 2),
  done: done(A),
  resume: resumeAt(A, 1),
  /** The routine, foot 1: the first step of its second technique. */
  routineFirst: at(A, 0, 1),
  /** The routine, foot 1: the last step of its last technique, just before the foot switch. */
  routineLast: at(F, 1, 1),
  routineDone: done(F, true),
  /** A returning user's saved place in the routine, on foot 2. */
  routineResume: resumeAt(A, 1, 2),
} satisfies Record<string, Phase>;
type PhaseName = keyof typeof PHASES;

interface Expected {
  readonly phase: Phase;
  readonly say: readonly Message[];
  readonly ask: Question | null;
  /** The preferences afterwards; unchanged unless given. */
  readonly prefs?: Preferences;
}
type Row = readonly [PhaseName, Command, Expected];

const e = (phase: Phase, said: readonly Message[], asked: Question | null, prefs?: Preferences): Expected => ({ phase, say: said, ask: asked, prefs });

const beginR = e(at(R, 0), [say.intro(R), ...say.shown(R, 1)], ask.cont(R, 1));
const beginRoutine = e(at(W, 0, 1), [{ kind: 'routineIntro', timed: true }, say.intro(W), ...say.shown(W, 1)], ask.cont(W, 1));
const nothingStarted = e(PHASES.menu, [m('nothingStarted')], ask.offer(R));
const SLOWER: Command = { type: 'pace', change: 'slower' };
const OILS: Command = { type: 'knowledge', topic: 'oils' };

/** Commands answered on the step itself: from a step, or from the offer to resume one (which puts the user on it). */
function onStepRows(name: PhaseName, p: StepPhase): Row[] {
  const t = p.technique;
  const s = p.step + 1;
  const here = ask.cont(t, s);
  const pos = say.position(t, s, rf(p));
  // Named mid-routine, a technique is a jump within the routine, on the same foot.
  const startR = p.routine
    ? e(at(R, 0, p.foot), [{ kind: 'routineJump', technique: R, foot: p.foot }, say.intro(R, true), ...say.shown(R, 1)], ask.cont(R, 1))
    : beginR;
  // "The full routine" while in it: it carries on where the user is.
  const routine = p.routine ? e(p, [m('alreadyInRoutine'), pos, ...say.shown(t, s)], here) : beginRoutine;
  return [
    [name, { type: 'start', technique: R }, startR],
    [name, { type: 'start', technique: null }, e(p, [m('unknownTechnique'), m('techniqueList'), pos], here)],
    [name, { type: 'startRoutine' }, routine],
    // the menu keeps the place: continue (or yes) goes back to this step
    [name, { type: 'home' }, e(resumeAt(t, p.step, rf(p)), [m('backToMenu'), say.stoppedAt(t, s, rf(p)), m('techniqueList')], ask.resume(t, s))],
    [name, { type: 'stop' }, e(p, [say.goodbyeMidway(t, s, rf(p))], null)],
    [name, { type: 'pause' }, e(p, [say.paused(t, s, rf(p))], null)],
    [name, { type: 'timing', on: true }, e(p, [m('timingOn'), ...say.shown(t, s)], here)],
    // nothing counted from now on: the question says the user may take their time
    [name, { type: 'timing', on: false }, e(p, [m('timingOff'), pos], ask.cont(t, s, false, true), NO_TIMING)],
    [name, SLOWER, e(p, [say.paceChanged('slow'), ...say.shown(t, s, 'slow')], here, SLOW)],
  ];
}

/** Commands that keep the user on their step (or leave it for the menu) during a technique. */
function stepRows(name: PhaseName, p: StepPhase): Row[] {
  const t = p.technique;
  const s = p.step + 1;
  const here = ask.cont(t, s);
  const pos = say.position(t, s, rf(p));
  return [
    ...onStepRows(name, p),
    // launch: the welcome and the menu, offering what home would offer
    [name, { type: 'launch' }, e(menu(t), [m('welcome'), m('techniqueList')], ask.choose)],
    [name, { type: 'repeat' }, e(p, say.shown(t, s), here)],
    [name, { type: 'whereAmI' }, e(p, [pos], here)],
    [name, { type: 'list' }, e(p, [m('techniqueList'), pos], here)],
    [name, { type: 'help' }, e(p, [m('helpStep'), pos], here)],
    // no: waits inside a technique
    [name, { type: 'no' }, e(p, [m('takeYourTime'), pos], here)],
    // a question answered mid-step: hear the step again, or carry on
    [name, OILS, e(p, [say.knowledge('oils')], ask.carryOn(t, s))],
    [name, { type: 'fallback' }, e(p, [m('notUnderstood'), pos], here)],
    [name, { type: 'error' }, e(p, [m('error'), pos], here)],
  ];
}

/** A returning user offered their saved place: accepting says the step again; steps work as if on it; no leads to the menu. */
function resumeRows(name: PhaseName, p: ResumePhase): Row[] {
  const t = p.technique;
  const s = p.step + 1;
  const onStep = at(t, p.step, rf(p));
  const offer = ask.resume(t, s);
  // Back on the step: the technique named, its introduction not read again as if starting fresh.
  const resuming = e(onStep, [say.resuming(t), ...say.shown(t, s)], ask.cont(t, s));
  return [
    ...onStepRows(name, onStep).filter(([, c]) => !['stop', 'pause', 'startRoutine'].includes(c.type)),
    // stopping or pausing at the offer keeps the offer
    [name, { type: 'stop' }, e(p, [say.goodbyeMidway(t, s, rf(p))], null)],
    [name, { type: 'pause' }, e(p, [say.paused(t, s, rf(p))], null)],
    [name, { type: 'startRoutine' }, p.routine ? resuming : beginRoutine],
    [name, { type: 'launch' }, e(p, [say.welcomeBack(t, s, rf(p))], offer)],
    // mid-session (the menu was just said), repeat says the place and the menu again
    [name, { type: 'repeat' }, e(p, [say.stoppedAt(t, s, rf(p)), m('techniqueList')], offer)],
    [name, { type: 'resume' }, resuming],
    [name, { type: 'next' }, resuming],
    [name, { type: 'yes' }, resuming],
    [name, { type: 'no' }, e(menu(t), [m('techniqueList')], ask.choose)],
    [name, { type: 'whereAmI' }, e(p, [say.stoppedAt(t, s, rf(p))], offer)],
    [name, { type: 'help' }, e(p, [m('helpResume')], offer)],
    [name, { type: 'list' }, e(p, [m('techniqueList')], offer)],
    [name, OILS, e(p, [say.knowledge('oils')], offer)],
    [name, { type: 'fallback' }, e(p, [m('notUnderstood'), say.stoppedAt(t, s, rf(p))], offer)],
    [name, { type: 'error' }, e(p, [m('error'), say.stoppedAt(t, s, rf(p))], offer)],
  ];
}

/** Commands that stay on a finished technique (or routine), or leave it for the menu. */
function doneRows(name: PhaseName, p: Phase, o: { home: TechniqueId; repeated: Message; where: Message; question: Question; no?: Expected }): Row[] {
  const q = o.question;
  return [
    [name, { type: 'launch' }, e(menu(o.home), [m('welcome'), m('techniqueList')], ask.choose)],
    [name, { type: 'start', technique: R }, beginR],
    [name, { type: 'start', technique: null }, e(p, [m('unknownTechnique'), m('techniqueList')], q)],
    [name, { type: 'startRoutine' }, beginRoutine],
    [name, { type: 'repeat' }, e(p, [o.repeated], q)],
    [name, { type: 'whereAmI' }, e(p, [o.where], q)],
    [name, { type: 'list' }, e(p, [m('techniqueList')], q)],
    [name, { type: 'help' }, e(p, [m('helpMenu')], q)],
    [name, { type: 'no' }, o.no ?? e(p, [m('goodbye')], null)],
    [name, { type: 'home' }, e(menu(o.home), [m('backToMenu'), m('techniqueList')], ask.choose)],
    [name, { type: 'stop' }, e(p, [m('goodbye')], null)],
    [name, { type: 'pause' }, e(p, [m('pausedMenu')], null)],
    [name, { type: 'timing', on: true }, e(p, [m('timingOn')], q)],
    [name, { type: 'timing', on: false }, e(p, [m('timingOff')], q, NO_TIMING)],
    [name, SLOWER, e(p, [say.paceChanged('slow')], q, SLOW)],
    [name, OILS, e(p, [say.knowledge('oils')], q)],
    [name, { type: 'fallback' }, e(p, [m('notUnderstood'), o.where], q)],
    [name, { type: 'error' }, e(p, [m('error'), o.where], q)],
  ];
}

const startOverA = e(at(A, 0), [say.startingOver(A), ...say.shown(A, 1)], ask.cont(A, 1));
const skipA = e(at(R, 0), [say.skipping(A), say.intro(R), ...say.shown(R, 1)], ask.cont(R, 1));
const moving = (name: PhaseName, ex: Expected): Row[] => (['next', 'yes', 'resume'] as const).map((type): Row => [name, { type }, ex]);

const TABLE: readonly Row[] = [
  // ---- the menu
  ['menu', { type: 'launch' }, e(menu(R), [m('welcome'), m('techniqueList')], ask.choose)],
  ['menu', { type: 'start', technique: R }, beginR],
  ['menu', { type: 'start', technique: null }, e(PHASES.menu, [m('unknownTechnique'), m('techniqueList')], ask.choose)],
  ['menu', { type: 'startRoutine' }, beginRoutine],
  ['menu', { type: 'next' }, nothingStarted],
  // yes starts the offer in the menu
  ['menu', { type: 'yes' }, beginR],
  // resume ("continue"): nothing to pick up in the menu
  ['menu', { type: 'resume' }, e(PHASES.menu, [m('nothingToResume'), m('techniqueList')], ask.choose)],
  ['menu', { type: 'previous' }, nothingStarted],
  ['menu', { type: 'skip', technique: null, bothFeet: false }, nothingStarted],
  ['menu', { type: 'startOver' }, nothingStarted],
  // at the menu with no list just said, a number has nothing to count in (after a list it picks: see below)
  ['menu', { type: 'goTo', step: 2 }, nothingStarted],
  // repeat (not the first turn: see the edges below)
  ['menu', { type: 'repeat' }, e(PHASES.menu, [m('techniqueList')], ask.choose)],
  ['menu', { type: 'whereAmI' }, e(PHASES.menu, [m('menuPosition')], ask.choose)],
  ['menu', { type: 'list' }, e(PHASES.menu, [m('techniqueList')], ask.choose)],
  ['menu', { type: 'help' }, e(PHASES.menu, [m('helpMenu')], ask.choose)],
  ['menu', { type: 'no' }, e(PHASES.menu, [m('goodbye')], null)],
  ['menu', { type: 'home' }, e(menu(R), [m('backToMenu'), m('techniqueList')], ask.choose)],
  ['menu', { type: 'stop' }, e(PHASES.menu, [m('goodbye')], null)],
  ['menu', { type: 'pause' }, e(PHASES.menu, [m('pausedMenu')], null)],
  ['menu', { type: 'timing', on: true }, e(PHASES.menu, [m('timingOn')], ask.choose)],
  ['menu', { type: 'timing', on: false }, e(PHASES.menu, [m('timingOff')], ask.choose, NO_TIMING)],
  ['menu', SLOWER, e(PHASES.menu, [say.paceChanged('slow')], ask.choose, SLOW)],
  ['menu', OILS, e(PHASES.menu, [say.knowledge('oils')], ask.choose)],
  ['menu', { type: 'fallback' }, e(PHASES.menu, [m('notUnderstood'), m('techniqueList')], ask.choose)],
  ['menu', { type: 'error' }, e(PHASES.menu, [m('error'), m('techniqueList')], ask.choose)],

  // ---- a single technique: step 1, 2 and 3 of the ankle stretch
  ...stepRows('first', PHASES.first),
  ...moving('first', e(at(A, 1), say.shown(A, 2), ask.cont(A, 2))),
  ['first', { type: 'previous' }, e(at(A, 0), [m('alreadyFirst'), ...say.shown(A, 1)], ask.cont(A, 1))],
  ['first', { type: 'skip', technique: null, bothFeet: false }, skipA],
  ['first', { type: 'startOver' }, startOverA],
  ['first', { type: 'goTo', step: 2 }, e(at(A, 1), say.shown(A, 2), ask.cont(A, 2))],

  ...stepRows('middle', PHASES.middle),
  ...moving('middle', e(at(A, 2), say.shown(A, 3), ask.cont(A, 3))),
  ['middle', { type: 'previous' }, e(at(A, 0), say.shown(A, 1), ask.cont(A, 1))],
  ['middle', { type: 'skip', technique: null, bothFeet: false }, skipA],
  ['middle', { type: 'startOver' }, startOverA],
  ['middle', { type: 'goTo', step: 2 }, e(at(A, 1), say.shown(A, 2), ask.cont(A, 2))],

  ...stepRows('last', PHASES.last),
  // the end of a single technique offers it again on the other foot
  ...moving('last', e(done(A), [say.done(A)], ask.otherFoot(A))),
  ['last', { type: 'previous' }, e(at(A, 1), say.shown(A, 2), ask.cont(A, 2))],
  ['last', { type: 'skip', technique: null, bothFeet: false }, skipA],
  ['last', { type: 'startOver' }, startOverA],
  ['last', { type: 'goTo', step: 2 }, e(at(A, 1), say.shown(A, 2), ask.cont(A, 2))],

  // ---- just finished the ankle stretch: the heel is on offer
  ...doneRows('done', PHASES.done, {
    home: R,
    repeated: say.done(A),
    where: say.finished(A),
    question: ask.otherFoot(A),
    // not the other foot: the next technique is offered instead
    no: e({ at: 'done', technique: A, foot: 2, routine: false }, [], ask.offer(R)),
  }),
  ...moving(
    'done',
    e({ at: 'step', technique: A, step: 0, foot: 2, routine: false }, [{ kind: 'otherFoot', technique: A }, ...say.shown(A, 1)], ask.cont(A, 1)),
  ),
  ['done', { type: 'previous' }, e(at(A, 2), say.shown(A, 3), ask.cont(A, 3))],
  ['done', { type: 'skip', technique: null, bothFeet: false }, beginR],
  ['done', { type: 'startOver' }, startOverA],
  ['done', { type: 'goTo', step: 2 }, e(at(A, 1), say.shown(A, 2), ask.cont(A, 2))],

  // ---- a returning user offered their saved place (step 2 of the ankle stretch)
  ...resumeRows('resume', PHASES.resume),
  ['resume', { type: 'previous' }, e(at(A, 0), say.shown(A, 1), ask.cont(A, 1))],
  ['resume', { type: 'skip', technique: null, bothFeet: false }, skipA],
  ['resume', { type: 'startOver' }, startOverA],
  ['resume', { type: 'goTo', step: 3 }, e(at(A, 2), say.shown(A, 3), ask.cont(A, 3))],

  // ---- the routine, foot 1, first step of the ankle stretch: previous goes back a technique
  ...stepRows('routineFirst', PHASES.routineFirst),
  ...moving('routineFirst', e(at(A, 1, 1), say.shown(A, 2), ask.cont(A, 2))),
  ['routineFirst', { type: 'previous' }, e(at(W, 1, 1), [say.backTo(W), ...say.shown(W, 2)], ask.cont(W, 2))],
  [
    'routineFirst',
    { type: 'skip', technique: null, bothFeet: false },
    e(at(R, 0, 1), [say.skipping(A), say.intro(R, true), ...say.shown(R, 1)], ask.cont(R, 1)),
  ],
  ['routineFirst', { type: 'startOver' }, e(at(A, 0, 1), [say.startingOver(A), ...say.shown(A, 1)], ask.cont(A, 1))],
  ['routineFirst', { type: 'goTo', step: 2 }, e(at(A, 1, 1), say.shown(A, 2), ask.cont(A, 2))],

  // ---- the routine, foot 1, last step of finish: next switches feet
  ...stepRows('routineLast', PHASES.routineLast),
  ...moving('routineLast', e(at(W, 0, 2), [m('switchFoot'), say.intro(W, true), ...say.shown(W, 1)], ask.cont(W, 1))),
  ['routineLast', { type: 'previous' }, e(at(F, 0, 1), say.shown(F, 1), ask.cont(F, 1))],
  [
    'routineLast',
    { type: 'skip', technique: null, bothFeet: false },
    e(at(W, 0, 2), [say.skipping(F), m('switchFoot'), say.intro(W, true), ...say.shown(W, 1)], ask.cont(W, 1)),
  ],
  ['routineLast', { type: 'startOver' }, e(at(F, 0, 1), [say.startingOver(F), ...say.shown(F, 1)], ask.cont(F, 1))],
  ['routineLast', { type: 'goTo', step: 2 }, e(at(F, 1, 1), say.shown(F, 2), ask.cont(F, 2))],

  // ---- the whole routine finished: anything else?
  ...doneRows('routineDone', PHASES.routineDone, { home: W, repeated: m('routineDone'), where: m('routineFinishedPosition'), question: ask.anythingElse }),
  ...moving('routineDone', e(menu(W), [m('techniqueList')], ask.choose)),
  ['routineDone', { type: 'previous' }, e(at(F, 1, 2), say.shown(F, 2), ask.cont(F, 2))],
  ['routineDone', { type: 'skip', technique: null, bothFeet: false }, e(menu(W), [m('techniqueList')], ask.choose)],
  ['routineDone', { type: 'startOver' }, e(at(F, 0, 2), [say.startingOver(F), ...say.shown(F, 1)], ask.cont(F, 1))],
  ['routineDone', { type: 'goTo', step: 2 }, e(at(F, 1, 2), say.shown(F, 2), ask.cont(F, 2))],

  // ---- a saved place in the routine (foot 2, step 2 of the ankle stretch)
  ...resumeRows('routineResume', PHASES.routineResume),
  ['routineResume', { type: 'previous' }, e(at(A, 0, 2), say.shown(A, 1), ask.cont(A, 1))],
  [
    'routineResume',
    { type: 'skip', technique: null, bothFeet: false },
    e(at(R, 0, 2), [say.skipping(A), say.intro(R, true), ...say.shown(R, 1)], ask.cont(R, 1)),
  ],
  ['routineResume', { type: 'startOver' }, e(at(A, 0, 2), [say.startingOver(A), ...say.shown(A, 1)], ask.cont(A, 1))],
  ['routineResume', { type: 'goTo', step: 3 }, e(at(A, 2, 2), say.shown(A, 3), ask.cont(A, 3))],
];

/**
 * Feet, thanks and time in every phase. Times are the catalog's at normal pace, worked out by hand:
 * hands-on seconds plus 30 s of reading a step. A technique from its start: warm-up 110 s, ankle
 * stretch 160, heel 120, sole 220, toes 130, finishing strokes 95; one foot 835; the routine 1,670.
 */
const thanks = (p: Phase, q: Question): Row[] => [[nameOf(p), { type: 'thanks' }, e(p, [m('youreWelcome')], q)]];
function nameOf(p: Phase): PhaseName {
  const found = (Object.keys(PHASES) as PhaseName[]).find((k) => PHASES[k] === p);
  if (!found) throw new Error('not a named phase');
  return found;
}
const NOW: Command = { type: 'time', span: 'now' };
const left = (technique: TechniqueId, stepSeconds: number, seconds: number, routineSeconds: number | null): Message => ({
  kind: 'timeLeft',
  technique,
  stepSeconds,
  counted: true,
  seconds,
  routineSeconds,
});
const whole: Message = { kind: 'routineTime', seconds: 1670 };
const otherFootA = e({ at: 'step', technique: A, step: 0, foot: 2, routine: false }, [{ kind: 'otherFoot', technique: A }, ...say.shown(A, 1)], ask.cont(A, 1));
const toFoot2 = e(at(W, 0, 2), [m('switchFoot'), say.intro(W, true), ...say.shown(W, 1)], ask.cont(W, 1));
const FEET_TIME_THANKS: readonly Row[] = [
  ['menu', { type: 'switchFoot' }, nothingStarted],
  ['menu', { type: 'whichFoot' }, nothingStarted],
  ...thanks(PHASES.menu, ask.choose),
  ['menu', NOW, e(PHASES.menu, [whole], ask.choose)],
  ...(['first', 'middle', 'last'] as const).flatMap((name, step): Row[] => [
    [name, { type: 'switchFoot' }, otherFootA],
    [name, { type: 'whichFoot' }, e(PHASES[name], [{ kind: 'footPosition', technique: A, foot: 1, routine: null }], ask.cont(A, step + 1))],
    ...thanks(PHASES[name], ask.cont(A, step + 1)),
    [name, NOW, e(PHASES[name], [left(A, [30, 20, 20][step], [160, 100, 50][step], null)], ask.cont(A, step + 1))],
    // off the routine, "how long is the whole routine" is the whole routine
    [name, { type: 'time', span: 'routine' }, e(PHASES[name], [whole], ask.cont(A, step + 1))],
  ]),
  ['done', { type: 'switchFoot' }, otherFootA],
  ['done', { type: 'whichFoot' }, e(PHASES.done, [say.finished(A)], ask.otherFoot(A))],
  ...thanks(PHASES.done, ask.otherFoot(A)),
  ['done', NOW, e(PHASES.done, [whole], ask.otherFoot(A))],
  ['resume', { type: 'switchFoot' }, otherFootA],
  ['resume', { type: 'whichFoot' }, e(PHASES.resume, [{ kind: 'footPosition', technique: A, foot: 1, routine: null }], ask.resume(A, 2))],
  ...thanks(PHASES.resume, ask.resume(A, 2)),
  ['resume', NOW, e(PHASES.resume, [left(A, 20, 100, null)], ask.resume(A, 2))],
  ['routineFirst', { type: 'switchFoot' }, toFoot2],
  [
    'routineFirst',
    { type: 'whichFoot' },
    e(PHASES.routineFirst, [{ kind: 'footPosition', technique: A, foot: 1, routine: { leftOnFoot: 4 } }], ask.cont(A, 1)),
  ],
  ...thanks(PHASES.routineFirst, ask.cont(A, 1)),
  ['routineFirst', NOW, e(PHASES.routineFirst, [left(A, 30, 160, 1560)], ask.cont(A, 1))],
  ['routineLast', { type: 'switchFoot' }, toFoot2],
  ['routineLast', { type: 'whichFoot' }, e(PHASES.routineLast, [{ kind: 'footPosition', technique: F, foot: 1, routine: { leftOnFoot: 0 } }], ask.cont(F, 2))],
  ...thanks(PHASES.routineLast, ask.cont(F, 2)),
  ['routineLast', NOW, e(PHASES.routineLast, [left(F, 15, 45, 880)], ask.cont(F, 2))],
  ['routineDone', { type: 'switchFoot' }, e(PHASES.routineDone, [m('routineFinishedPosition')], ask.anythingElse)],
  ['routineDone', { type: 'whichFoot' }, e(PHASES.routineDone, [m('routineFinishedPosition')], ask.anythingElse)],
  ...thanks(PHASES.routineDone, ask.anythingElse),
  ['routineDone', NOW, e(PHASES.routineDone, [whole], ask.anythingElse)],
  // on the routine's second foot: it says so, and carries on with the step
  ['routineResume', { type: 'switchFoot' }, e(at(A, 1, 2), [m('alreadySecondFoot'), ...say.shown(A, 2)], ask.cont(A, 2))],
  [
    'routineResume',
    { type: 'whichFoot' },
    e(PHASES.routineResume, [{ kind: 'footPosition', technique: A, foot: 2, routine: { leftOnFoot: 4 } }], ask.resume(A, 2)),
  ],
  ...thanks(PHASES.routineResume, ask.resume(A, 2)),
  ['routineResume', NOW, e(PHASES.routineResume, [left(A, 20, 100, 665)], ask.resume(A, 2))],
];

const ALL_ROWS: readonly Row[] = [...TABLE, ...FEET_TIME_THANKS];

/** The phases of a session in progress; the resume offers have their own rows in the table. */
const ACTIVE_PHASES = Object.entries(PHASES).filter(([, phase]) => phase.at !== 'resume');

const kinds = (messages: readonly Message[]): string[] => messages.map((msg) => msg.kind);

describe('every command in every phase', () => {
  test('the table covers every command type in every phase', () => {
    expect(everyCommandListed).toBe(true);
    const covered = new Set(ALL_ROWS.map(([p, c]) => `${p}/${c.type}`));
    const missing = (Object.keys(PHASES) as PhaseName[]).flatMap((p) =>
      ALL_COMMAND_TYPES.filter((type) => !covered.has(`${p}/${type}`)).map((type) => `${p}/${type}`),
    );
    expect(missing).toEqual([]);
  });

  test('the table has no row twice', () => {
    const keys = ALL_ROWS.map(([p, c]) => `${p}/${JSON.stringify(c)}`);
    expect(keys.length).toBe(new Set(keys).size);
  });

  test.each(ALL_ROWS.map(([p, c, x]) => [p, JSON.stringify(c), p, c, x] as const))('%s + %s', (_label, _command, phaseName, command, expected) => {
    const reply = reduce(stateAt(PHASES[phaseName]), command);
    expect(reply.state.phase).toEqual(expected.phase);
    expect(kinds(reply.say)).toEqual(kinds(expected.say));
    // Full messages: technique, step, `of`, seconds and routine place included.
    expect(reply.say).toEqual(expected.say);
    expect(reply.ask).toEqual(expected.ask);
    expect(reply.state.prefs).toEqual(expected.prefs ?? BASE.prefs);
    expect(isValidState(reply.state)).toBe(true);
  });
});

describe('edges', () => {
  test('previous on step 1 says so and stays on step 1, in every technique', () => {
    for (const t of TECHNIQUE_IDS) {
      const reply = reduce(stateAt(at(t, 0)), { type: 'previous' });
      expect(reply.state.phase).toEqual(at(t, 0));
      expect(reply.say).toEqual([m('alreadyFirst'), ...say.shown(t, 1)]);
      expect(reply.ask).toEqual(ask.cont(t, 1));
    }
  });

  test.each(TECHNIQUES.map((t, i) => [t.id, TECHNIQUE_IDS[(i + 1) % TECHNIQUE_IDS.length]] as const))(
    'next after the last step of %s finishes it and offers %s',
    (t, following) => {
      const reply = reduce(stateAt(at(t, stepCount(t) - 1)), { type: 'next' });
      expect(reply.state.phase).toEqual(done(t));
      expect(reply.say).toEqual([say.done(t)]);
      // First the same technique on the other foot; declined, the next technique.
      expect(reply.ask).toEqual(ask.otherFoot(t));
      expect(reduce(reply.state, { type: 'no' }).ask).toEqual(ask.offer(following));
      // On the second foot, the next technique straight away.
      const second = reduce(stateAt({ at: 'step', technique: t, step: stepCount(t) - 1, foot: 2, routine: false }), { type: 'next' });
      expect(second.ask).toEqual(ask.offer(following));
    },
  );

  test('the first technique is the warm-up, and the offer after the last one wraps round to it', () => {
    expect(TECHNIQUE_IDS[0]).toBe(W);
    expect(TECHNIQUE_IDS.at(-1)).toBe(F);
    expect(techniqueAfter(F)).toBe(W);
    const second: Phase = { at: 'done', technique: F, foot: 2, routine: false };
    expect(reduce(stateAt(second), { type: 'repeat' }).ask).toEqual(ask.offer(W));
    expect(reduce(stateAt(second), { type: 'next' }).state.phase).toEqual(at(W, 0));
    expect(reduce(stateAt(second), { type: 'yes' }).say).toEqual([say.intro(W), ...say.shown(W, 1)]);
  });

  test('the menu of a new user offers the warm-up, and yes starts it', () => {
    const reply = reduce({ ...INITIAL_STATE, safetyHeard: true }, { type: 'yes' });
    expect(reply.state.phase).toEqual(at(W, 0));
    expect(reply.say).toEqual([say.intro(W), ...say.shown(W, 1)]);
  });

  test.each(
    TECHNIQUE_IDS.flatMap((offer) =>
      ([{ type: 'next' }, { type: 'previous' }, { type: 'skip', technique: null, bothFeet: false }, { type: 'startOver' }] as const).map(
        (command) => [command.type, offer, command] as const,
      ),
    ),
  )('%s in the menu (offering %s): nothing started, offer the technique', (_type, offer, command) => {
    const reply = reduce(stateAt(menu(offer)), command);
    expect(reply.state.phase).toEqual(menu(offer));
    expect(reply.say).toEqual([m('nothingStarted')]);
    expect(reply.ask).toEqual(ask.offer(offer));
  });

  // In ankleStretch (3 steps), on step 2, and just after finishing it.
  const GOTO: readonly (readonly [string, number | null, 'go' | 'outOfRange' | 'noNumber'])[] = [
    ['1', 1, 'go'],
    ['3 (the last)', 3, 'go'],
    ['0', 0, 'outOfRange'],
    ['4 (one past the last)', 4, 'outOfRange'],
    ['99', 99, 'outOfRange'],
    ['-1', -1, 'outOfRange'],
    ['-0', -0, 'outOfRange'],
    ['2.5', 2.5, 'outOfRange'],
    ['NaN', Number.NaN, 'outOfRange'],
    ['Infinity', Number.POSITIVE_INFINITY, 'outOfRange'],
    ['MAX_SAFE_INTEGER', Number.MAX_SAFE_INTEGER, 'outOfRange'],
    ['null', null, 'noNumber'],
  ];

  test.each(GOTO)('goTo %s during a step', (_label, step, outcome) => {
    const reply = reduce(stateAt(at(A, 1)), { type: 'goTo', step });
    if (outcome === 'go') {
      expect(reply.state.phase).toEqual(at(A, (step as number) - 1));
      expect(reply.say).toEqual(say.shown(A, step as number));
      expect(reply.ask).toEqual(ask.cont(A, step as number));
    } else {
      expect(reply.state.phase).toEqual(at(A, 1));
      expect(reply.say).toEqual(outcome === 'noNumber' ? [m('noStepNumber'), say.position(A, 2)] : [say.outOfRange(A, step as number), say.position(A, 2)]);
      expect(reply.ask).toEqual(ask.cont(A, 2));
    }
  });

  test.each(GOTO)('goTo %s after finishing', (_label, step, outcome) => {
    const reply = reduce(stateAt({ at: 'done', technique: A, foot: 2, routine: false }), { type: 'goTo', step });
    if (outcome === 'go') {
      expect(reply.state.phase).toEqual({ at: 'step', technique: A, step: (step as number) - 1, foot: 2, routine: false });
      expect(reply.say).toEqual(say.shown(A, step as number));
      expect(reply.ask).toEqual(ask.cont(A, step as number));
    } else {
      expect(reply.state.phase).toEqual({ at: 'done', technique: A, foot: 2, routine: false });
      expect(reply.say).toEqual(outcome === 'noNumber' ? [m('noStepNumber'), say.finished(A, 2)] : [say.outOfRange(A, step as number), say.finished(A, 2)]);
      expect(reply.ask).toEqual(ask.offer(R));
    }
  });

  test.each(GOTO)('goTo %s in the routine keeps the foot and says where in the routine', (_label, step, outcome) => {
    const reply = reduce(stateAt(at(A, 1, 2)), { type: 'goTo', step });
    if (outcome === 'go') {
      expect(reply.state.phase).toEqual(at(A, (step as number) - 1, 2));
    } else {
      expect(reply.state.phase).toEqual(at(A, 1, 2));
      expect(reply.say.at(-1)).toEqual(say.position(A, 2, 2));
    }
  });

  test('goTo is bounded by the current technique, not the longest one', () => {
    // easeSole has 4 steps, relaxHeel only 2.
    expect(reduce(stateAt(at(E, 0)), { type: 'goTo', step: 4 }).state.phase).toEqual(at(E, 3));
    expect(reduce(stateAt(at(R, 0)), { type: 'goTo', step: 4 }).say[0]).toEqual(say.outOfRange(R, 4));
  });

  test('repeat on the very first turn: nothing to repeat, then the list', () => {
    const reply = reduce(INITIAL_STATE, { type: 'repeat' });
    expect(reply.state.phase).toEqual(INITIAL_STATE.phase);
    expect(reply.say).toEqual([m('nothingToRepeat'), m('techniqueList')]);
    expect(reply.ask).toEqual(ask.choose);
  });

  test('repeat in the menu after the first turn repeats the list only', () => {
    const afterLaunch = reduce(INITIAL_STATE, { type: 'launch' }).state;
    const reply = reduce(afterLaunch, { type: 'repeat' });
    expect(reply.say).toEqual([m('techniqueList')]);
    expect(reply.ask).toEqual(ask.choose);
  });

  test('right after the list, a number or "the last one" picks a technique by its place in it; out of range says so and lists again', () => {
    const afterList = reduce(reduce(INITIAL_STATE, { type: 'launch' }).state, { type: 'list' }).state;
    expect(afterList.said).toBe('list');
    expect(reduce(afterList, { type: 'goTo', step: 3 }).state.phase).toEqual(at(TECHNIQUE_IDS[2], 0));
    expect(reduce(afterList, { type: 'goTo', step: 'last' }).state.phase).toEqual(at(TECHNIQUE_IDS[TECHNIQUE_IDS.length - 1], 0));
    const tooFar = reduce(afterList, { type: 'goTo', step: 9 });
    expect(tooFar.state.phase).toEqual(afterList.phase);
    expect(tooFar.say.map((msg) => msg.kind)).toEqual(['choiceOutOfRange', 'techniqueList']);
    // Mid-technique, after the list was asked for, the same words still pick from it; once a step was said again, they are steps.
    const midList = reduce(stateAt(at(E, 1)), { type: 'list' }).state;
    expect(reduce(midList, { type: 'goTo', step: 2 }).state.phase).toEqual(at(TECHNIQUE_IDS[1], 0));
    expect(reduce(stateAt(at(E, 1)), { type: 'goTo', step: 2 }).state.phase).toEqual(at(E, 1));
  });

  test('repeat on turn 0 in a step (a restored place) repeats the step', () => {
    const reply = reduce(stateAt(at(E, 2), { turns: 0 }), { type: 'repeat' });
    expect(reply.say).toEqual(say.shown(E, 3));
  });

  test.each(ACTIVE_PHASES)('start with an unknown technique keeps the phase and place (%s)', (_name, phase) => {
    const reply = reduce(stateAt(phase), { type: 'start', technique: null });
    expect(reply.state.phase).toEqual(phase);
    expect(kinds(reply.say).slice(0, 2)).toEqual(['unknownTechnique', 'techniqueList']);
    if (phase.at === 'step') expect(reply.say.at(-1)).toEqual(say.position(phase.technique, phase.step + 1, rf(phase)));
    expect(reply.ask).not.toBeNull();
  });

  test.each(
    ACTIVE_PHASES.flatMap(([name, phase]) =>
      (['stop', 'no'] as const)
        // "no" waits inside a step, and after a single technique on the first foot declines only the other foot
        .filter((type) => type === 'stop' || (phase.at !== 'step' && !(phase.at === 'done' && !phase.routine && phase.foot === 1)))
        .map((type) => [type, name, phase] as const),
    ),
  )('%s in %s ends the session and keeps the phase', (type, _name, phase) => {
    const reply = reduce(stateAt(phase), { type });
    expect(reply.ask).toBeNull();
    expect(reply.state.phase).toEqual(phase);
  });

  test('progress kept by stop carries on in the next session', () => {
    const stopped = reduce(stateAt(at(E, 2)), { type: 'stop' });
    expect(stopped.say).toEqual([say.goodbyeMidway(E, 3)]);
    const resumed = reduce(parseState(JSON.parse(JSON.stringify(stopped.state))), { type: 'next' });
    expect(resumed.state.phase).toEqual(at(E, 3));
    expect(resumed.say).toEqual(say.shown(E, 4));
  });

  test.each([0, 1, 2] as const)('no during step %i keeps the session open on the same step', (step) => {
    const reply = reduce(stateAt(at(A, step)), { type: 'no' });
    expect(reply.ask).toEqual(ask.cont(A, step + 1));
    expect(reply.state.phase).toEqual(at(A, step));
    expect(kinds(reply.say)).toEqual(['takeYourTime', 'position']);
  });

  test.each(TECHNIQUE_IDS)('yes in the menu starts the offered technique (%s)', (offer) => {
    const reply = reduce(stateAt(menu(offer)), { type: 'yes' });
    expect(reply.state.phase).toEqual(at(offer, 0));
    expect(reply.say).toEqual([say.intro(offer), ...say.shown(offer, 1)]);
    expect(reply.ask).toEqual(ask.cont(offer, 1));
  });

  test.each(TECHNIQUE_IDS)('yes after finishing %s on the first foot does it on the other; after the second, the next technique', (t) => {
    const following = techniqueAfter(t);
    // The question asked on finishing is the offer that "yes" accepts.
    const finished = reduce(stateAt(at(t, stepCount(t) - 1)), { type: 'next' });
    expect(finished.ask).toEqual(ask.otherFoot(t));
    const other = reduce(finished.state, { type: 'yes' });
    expect(other.state.phase).toEqual({ at: 'step', technique: t, step: 0, foot: 2, routine: false });
    expect(other.say).toEqual([{ kind: 'otherFoot', technique: t }, ...say.shown(t, 1)]);
    let state = other.state;
    for (let i = 0; i < stepCount(t); i++) state = reduce(state, { type: 'next' }).state;
    expect(state.phase).toEqual({ at: 'done', technique: t, foot: 2, routine: false });
    const reply = reduce(state, { type: 'yes' });
    expect(reply.state.phase).toEqual(at(following, 0));
    expect(reply.say).toEqual([say.intro(following), ...say.shown(following, 1)]);
  });

  test.each([at(E, 2), at(E, 2, 1)])('home from a step keeps the place, routine and all: continue goes back to it (%o)', (phase) => {
    const home = reduce(stateAt(phase), { type: 'home' });
    expect(home.state.phase).toEqual(resumeAt(E, 2, rf(phase)));
    for (const back of ['resume', 'yes', 'next'] as const) expect(reduce(home.state, { type: back }).state.phase).toEqual(phase);
  });

  test.each([done(R), menu(E)])('home offers the technique after a finished one, or the one offered (%o)', (phase) => {
    const home = reduce(stateAt(phase), { type: 'home' });
    expect(home.state.phase).toEqual(menu(E));
    expect(home.ask).toEqual(ask.choose);
    // ...so "yes" from there starts it, on its own.
    expect(reduce(home.state, { type: 'yes' }).state.phase).toEqual(at(E, 0));
  });

  test.each(Object.entries(PHASES))('error keeps the phase and asks its question (%s)', (_name, phase) => {
    const state = stateAt(phase);
    const reply = reduce(state, { type: 'error' });
    expect(reply.state.phase).toEqual(phase);
    expect(reply.say[0]).toEqual(m('error'));
    // The same question any other staying answer in this phase asks.
    expect(reply.ask).toEqual(reduce(state, { type: 'whereAmI' }).ask);
  });

  test.each(ACTIVE_PHASES)('launch goes to the menu (%s)', (_name, phase) => {
    const reply = reduce(stateAt(phase), { type: 'launch' });
    expect(reply.state.phase.at).toBe('menu');
    const offer = phase.at === 'menu' ? phase.offer : phase.at === 'done' ? techniqueAfter(phase.technique) : phase.technique;
    expect(reply.state.phase).toEqual(menu(offer));
    expect(reply.say).toEqual([m('welcome'), m('techniqueList')]);
    expect(reply.ask).toEqual(ask.choose);
  });
});

// ---- the full routine -----------------------------------------------------------------

/** The routine step by step: every step of every technique on foot 1, then on foot 2. */
const WALK: readonly StepPhase[] = SPOTS.flatMap(({ technique, foot }) => Array.from({ length: stepCount(technique) }, (_, s) => at(technique, s, foot)));
const TOTAL_STEPS = TECHNIQUES.reduce((n, t) => n + t.steps.length, 0);

describe('routine', () => {
  test('startRoutine: the routine intro, then the warm-up on foot 1', () => {
    const reply = reduce(stateAt(menu(E)), { type: 'startRoutine' });
    expect(reply.state.phase).toEqual(at(W, 0, 1));
    expect(reply.say).toEqual([{ kind: 'routineIntro', timed: true }, say.intro(W, false), ...say.shown(W, 1)]);
    expect(reply.ask).toEqual(ask.cont(W, 1));
  });

  test('the layout by hand: 6 techniques on each foot, 2 × the steps of the catalog', () => {
    expect(ROUTINE).toEqual(['warmUp', 'ankleStretch', 'relaxHeel', 'easeSole', 'toes', 'finish']);
    expect(SPOTS).toHaveLength(12);
    expect(WALK).toHaveLength(2 * TOTAL_STEPS);
    expect(TOTAL_STEPS).toBe(15);
  });

  test('only next, from startRoutine: every step of every technique on both feet, once, in order', () => {
    fc.assert(
      fc.property(startArb, (start) => {
        // (In the routine already, "the full routine" carries on where the user is.)
        fc.pre(!((start.phase.at === 'step' || start.phase.at === 'resume') && start.phase.routine));
        const first = reduce(start, { type: 'startRoutine' });
        const visited: Phase[] = [first.state.phase];
        const said: Message[] = [...first.say];
        let last = first;
        let nexts = 0;
        while (last.state.phase.at === 'step' && nexts <= 2 * TOTAL_STEPS) {
          last = reduce(last.state, { type: 'next' });
          nexts++;
          said.push(...last.say);
          if (last.state.phase.at === 'step') visited.push(last.state.phase);
        }
        expect(visited).toEqual(WALK);
        expect(nexts).toBe(2 * TOTAL_STEPS);
        // The end: the routine done, anything else?
        expect(last.state.phase).toEqual(done(F, true));
        expect(last.say).toEqual([m('routineDone')]);
        expect(last.ask).toEqual(ask.anythingElse);
        // Every step said once, in order; each technique introduced once per foot (the first by the routine intro).
        const steps = said.filter((msg) => msg.kind === 'step').map(({ technique, step, of }) => ({ technique, step, of }));
        expect(steps).toEqual(WALK.map((p) => place(p.technique, p.step + 1)));
        expect(said.filter((msg) => msg.kind === 'techniqueIntro')).toEqual(SPOTS.map((spot, i) => say.intro(spot.technique, i > 0)));
        expect(said.filter((msg) => msg.kind === 'routineIntro')).toHaveLength(1);
        // One switch of feet, between the last step on foot 1 and the warm-up on foot 2.
        expect(said.filter((msg) => msg.kind === 'switchFoot')).toHaveLength(1);
        const switchAt = said.findIndex((msg) => msg.kind === 'switchFoot');
        expect(
          said
            .slice(0, switchAt)
            .filter((msg) => msg.kind === 'step')
            .at(-1),
        ).toMatchObject(place(F, stepCount(F)));
        expect(said[switchAt + 1]).toEqual(say.intro(W, true));
        // Counted through every step, or none, as the user prefers.
        expect(said.filter((msg) => msg.kind === 'practice')).toHaveLength(start.prefs.timing ? 2 * TOTAL_STEPS : 0);
        expect(isValidState(last.state)).toBe(true);
      }),
      RUNS,
    );
  });

  test('the questions along the routine are about the step the user is on', () => {
    let state = reduce(stateAt(menu(W)), { type: 'startRoutine' }).state;
    for (const phase of WALK.slice(1)) {
      const reply = reduce(state, { type: 'next' });
      expect(reply.state.phase).toEqual(phase);
      expect(reply.ask).toMatchObject({ kind: 'continueStep', ...place(phase.technique, phase.step + 1) });
      state = reply.state;
    }
  });

  test.each(SPOTS.slice(1).map((spot, i) => [spot.technique, spot.foot, SPOTS[i]] as const))(
    'previous from the first step of %s on foot %i goes back to the last step of the technique before',
    (technique, foot, before) => {
      const reply = reduce(stateAt(at(technique, 0, foot)), { type: 'previous' });
      const last = stepCount(before.technique);
      expect(reply.state.phase).toEqual(at(before.technique, last - 1, before.foot));
      expect(reply.say).toEqual([say.backTo(before.technique, before.foot !== foot), ...say.shown(before.technique, last)]);
      expect(reply.ask).toEqual(ask.cont(before.technique, last));
    },
  );

  test('previous from the warm-up on foot 2 goes back across the switch to the end of foot 1', () => {
    const reply = reduce(stateAt(at(W, 0, 2)), { type: 'previous' });
    expect(reply.state.phase).toEqual(at(F, 1, 1));
    // Going back over the switch says so.
    expect(reply.say).toEqual([say.backTo(F, true), ...say.shown(F, 2)]);
  });

  test('previous at the very first step of the routine: already there', () => {
    const reply = reduce(stateAt(at(W, 0, 1)), { type: 'previous' });
    expect(reply.state.phase).toEqual(at(W, 0, 1));
    expect(reply.say).toEqual([m('alreadyFirst'), ...say.shown(W, 1)]);
    expect(reply.ask).toEqual(ask.cont(W, 1));
  });

  test('previous within a technique of the routine stays on that foot', () => {
    for (const { technique, foot } of SPOTS) {
      for (let s = 1; s < stepCount(technique); s++) {
        const reply = reduce(stateAt(at(technique, s, foot)), { type: 'previous' });
        expect(reply.state.phase).toEqual(at(technique, s - 1, foot));
        expect(reply.say).toEqual(say.shown(technique, s));
      }
    }
  });

  test.each(SPOTS.flatMap((spot, i) => Array.from({ length: stepCount(spot.technique) }, (_, s) => [spot.technique, spot.foot, s + 1, i] as const)))(
    'skip in the routine from %s on foot %i (step %i) moves to the next technique',
    (technique, foot, step, i) => {
      const reply = reduce(stateAt(at(technique, step - 1, foot)), { type: 'skip', technique: null, bothFeet: false });
      const after = SPOTS.at(i + 1);
      if (!after) {
        // The last technique on foot 2: skipping it finishes the routine.
        expect(reply.state.phase).toEqual(done(F, true));
        expect(reply.say).toEqual([say.skipping(F), m('routineDone')]);
        expect(reply.ask).toEqual(ask.anythingElse);
        return;
      }
      const switching: Message[] = after.foot !== foot ? [m('switchFoot')] : [];
      expect(reply.state.phase).toEqual(at(after.technique, 0, after.foot));
      expect(reply.say).toEqual([say.skipping(technique), ...switching, say.intro(after.technique, true), ...say.shown(after.technique, 1)]);
      expect(reply.ask).toEqual(ask.cont(after.technique, 1));
    },
  );

  test.each(TECHNIQUES.flatMap((t) => t.steps.map((_, s) => [t.id, s + 1] as const)))(
    'skip outside the routine, from %s step %i, begins the next technique in catalog order',
    (technique, step) => {
      const after = techniqueAfter(technique);
      const reply = reduce(stateAt(at(technique, step - 1)), { type: 'skip', technique: null, bothFeet: false });
      expect(reply.state.phase).toEqual(at(after, 0));
      expect(reply.say).toEqual([say.skipping(technique), say.intro(after, false), ...say.shown(after, 1)]);
      expect(reply.ask).toEqual(ask.cont(after, 1));
    },
  );

  test('skipping through the whole routine visits each technique once and finishes it', () => {
    let reply = reduce(stateAt(menu(W)), { type: 'startRoutine' });
    const techniques = [reply.state.phase];
    while (reply.state.phase.at === 'step' && techniques.length <= SPOTS.length) {
      reply = reduce(reply.state, { type: 'skip', technique: null, bothFeet: false });
      techniques.push(reply.state.phase);
    }
    expect(techniques).toEqual([...SPOTS.map((spot) => at(spot.technique, 0, spot.foot)), done(F, true)]);
  });

  test('where am I in the routine: which foot, and the techniques left counting down to 0', () => {
    let state = reduce(stateAt(menu(W)), { type: 'startRoutine' }).state;
    const places: (RoutinePlace | null)[] = [];
    while (state.phase.at === 'step') {
      const where = reduce(state, { type: 'whereAmI' });
      expect(where.state.phase).toEqual(state.phase);
      const [msg] = where.say;
      expect(where.say).toHaveLength(1);
      if (msg.kind !== 'position') throw new Error(`expected a position, got ${msg.kind}`);
      expect(msg).toEqual(say.position(state.phase.technique, state.phase.step + 1, rf(state.phase)));
      places.push(msg.routine);
      state = reduce(state, { type: 'next' }).state;
    }
    const expected = SPOTS.flatMap((spot, i) => Array.from({ length: stepCount(spot.technique) }, (): RoutinePlace => ({ leftOnFoot: 5 - (i % 6) })));
    expect(places).toEqual(expected);
    expect(places[0]).toEqual({ leftOnFoot: 5 });
    expect(places.at(-1)).toEqual({ leftOnFoot: 0 });
  });

  test('where am I outside the routine has no routine place', () => {
    const reply = reduce(stateAt(at(E, 1)), { type: 'whereAmI' });
    expect(reply.say).toEqual([{ kind: 'position', ...place(E, 2), foot: 1, routine: null }]);
  });

  test.each([null, 1, 2] as const)('goTo and startOver keep the foot (%s)', (foot) => {
    for (const t of TECHNIQUE_IDS) {
      for (let s = 0; s < stepCount(t); s++) {
        for (let to = 1; to <= stepCount(t); to++) {
          expect(reduce(stateAt(at(t, s, foot)), { type: 'goTo', step: to }).state.phase).toEqual(at(t, to - 1, foot));
        }
        const over = reduce(stateAt(at(t, s, foot)), { type: 'startOver' });
        expect(over.state.phase).toEqual(at(t, 0, foot));
        expect(over.say).toEqual([say.startingOver(t), ...say.shown(t, 1)]);
      }
    }
  });

  test('a saved place in the routine is offered with where it sits, and picks up on that foot', () => {
    const offered = reduce(stateAt(resumeAt(E, 2, 2), { turns: 0 }), { type: 'launch' });
    expect(offered.say).toEqual([say.welcomeBack(E, 3, 2)]);
    expect(offered.say[0]).toMatchObject({ foot: 2, routine: { leftOnFoot: 2 } });
    const resumed = reduce(offered.state, { type: 'resume' });
    expect(resumed.state.phase).toEqual(at(E, 2, 2));
    const onwards = reduce(reduce(resumed.state, { type: 'next' }).state, { type: 'next' });
    expect(onwards.state.phase).toEqual(at(T, 0, 2));
    expect(onwards.say).toEqual([say.intro(T, true), ...say.shown(T, 1)]);
  });

  test('naming a technique during the routine jumps to it within the routine; back to the routine returns', () => {
    const reply = reduce(stateAt(at(A, 1, 1)), { type: 'start', technique: E });
    expect(reply.state.phase).toEqual(at(E, 0, 1));
    expect(reply.say.slice(0, 2)).toEqual([{ kind: 'routineJump', technique: E, foot: 1 }, say.intro(E, true)]);
    expect(reply.state.back).toEqual({ technique: A, step: 1, foot: 1, routine: true });
    // Still to come on this foot: the ankle stretch (jumped from), then what follows it, the sole excepted.
    const where = reduce(reply.state, { type: 'whereAmI' });
    expect(where.say).toEqual([{ ...say.position(E, 1, 1), routine: { leftOnFoot: ROUTINE.length - ROUTINE.indexOf(A) - 1 } }]);
    const back = reduce(reply.state, { type: 'startRoutine' });
    expect(back.state.phase).toEqual(at(A, 1, 1));
    expect(back.say[0]).toEqual({ kind: 'backToRoutine', technique: A, foot: 1 });
    expect(back.state.back).toBeNull();
  });

  test('a technique jumped to, once done, goes back to where the user jumped from, and is not done twice on that foot', () => {
    let state = reduce(stateAt(at(A, 1, 1)), { type: 'start', technique: E }).state;
    for (let s = 1; s < stepCount(E); s++) state = reduce(state, { type: 'next' }).state;
    const done = reduce(state, { type: 'next' });
    expect(done.state.phase).toEqual(at(A, 1, 1));
    expect(done.say[0]).toEqual({ kind: 'backToRoutine', technique: A, foot: 1 });
    expect([done.state.back, done.state.skipped]).toEqual([null, [{ technique: E, foot: 1 }]]);
    // On from the ankle stretch, the routine passes over the sole on this foot, and keeps it on the other.
    const visited: string[] = [];
    let on = done.state;
    while (!(on.phase.at === 'done' && on.phase.routine)) {
      on = reduce(on, { type: 'next' }).state;
      if (on.phase.at === 'step' && on.phase.step === 0) visited.push(`${on.phase.technique}@${on.phase.foot}`);
    }
    expect(visited.filter((v) => v === `${E}@1`)).toEqual([]);
    expect(visited).toContain(`${E}@2`);
  });

  test('startRoutine starts the routine from anywhere outside it; in it, the routine carries on', () => {
    for (const phase of [at(E, 2), done(F, true), resumeAt(T, 1), menu(E)]) {
      const reply = reduce(stateAt(phase), { type: 'startRoutine' });
      expect(reply.state.phase).toEqual(at(W, 0, 1));
      expect(reply.say).toEqual(beginRoutine.say);
    }
    expect(reduce(stateAt(at(E, 2, 2)), { type: 'startRoutine' }).state.phase).toEqual(at(E, 2, 2));
    expect(reduce(stateAt(resumeAt(T, 1, 2)), { type: 'startRoutine' }).state.phase).toEqual(at(T, 1, 2));
  });
});

// ---- timing and pace --------------------------------------------------------------------

describe('practice seconds', () => {
  const timed = TECHNIQUES.flatMap((t) => t.steps.filter((s) => s.practiceSeconds > 0).map((s) => [t.id, s.id, s] as const));
  const stepWith = (seconds: number): Step => ({ id: 'probe', area: 'whole', practiceSeconds: seconds, midCue: 'halfway', end: 'release' });

  test('every step of the catalog is timed', () => {
    expect(timed).toHaveLength(TOTAL_STEPS);
  });

  test.each([
    [20, 30, 20, 15],
    [30, 45, 30, 20],
    [40, 60, 40, 30],
    [60, 90, 60, 40],
    [80, 90, 80, 55],
    [5, 10, 10, 10],
  ] as const)('%i s at slow, normal, fast: %i, %i, %i', (base, slow, normal, fast) => {
    expect(practiceSeconds(stepWith(base), 'slow')).toBe(slow);
    expect(practiceSeconds(stepWith(base), 'normal')).toBe(normal);
    expect(practiceSeconds(stepWith(base), 'fast')).toBe(fast);
  });

  test.each(PACES)('no step, or a step without practice, counts nothing (%s)', (pace) => {
    expect(practiceSeconds(undefined, pace)).toBe(0);
    expect(practiceSeconds(stepWith(0), pace)).toBe(0);
    expect(practiceSeconds(stepWith(-10), pace)).toBe(0);
    expect(practiceSeconds(stepOf(E, 99), pace)).toBe(0);
  });

  test.each(timed)('%s/%s: slow > normal > fast', (_t, _s, step) => {
    expect(practiceSeconds(step, 'slow')).toBeGreaterThan(practiceSeconds(step, 'normal'));
    expect(practiceSeconds(step, 'normal')).toBeGreaterThan(practiceSeconds(step, 'fast'));
  });

  test('any practice: 0 for none, else within the bounds, in whole 5 s, never faster when slower', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -100, max: 1_000 }), fc.integer(), fc.double({ noNaN: true })), paceArb, (seconds, pace) => {
        const got = practiceSeconds(stepWith(seconds), pace);
        if (seconds <= 0) {
          expect(got).toBe(0);
        } else {
          expect(got).toBeGreaterThanOrEqual(MIN_PRACTICE_SECONDS);
          expect(got).toBeLessThanOrEqual(MAX_PRACTICE_SECONDS);
          expect(got % 5).toBe(0);
        }
        const [slow, normal, fast] = (['slow', 'normal', 'fast'] as const).map((p) => practiceSeconds(stepWith(seconds), p));
        expect(slow).toBeGreaterThanOrEqual(normal);
        expect(normal).toBeGreaterThanOrEqual(fast);
      }),
      RUNS,
    );
  });
});

describe('timing', () => {
  test('timing on: every step said on the way through a technique is counted at the current pace', () => {
    for (const pace of PACES) {
      for (const t of TECHNIQUE_IDS) {
        let reply = reduce(stateAt(menu(t), { prefs: { timing: true, pace } }), { type: 'yes' });
        for (let s = 1; s <= stepCount(t); s++) {
          expect(reply.say.slice(-2)).toEqual(say.shown(t, s, pace));
          const practice = reply.say.at(-1);
          expect(practice).toMatchObject({ seconds: practiceSeconds(catalogStep(t, s), pace), midCue: catalogStep(t, s).midCue });
          reply = reduce(reply.state, { type: 'next' });
        }
      }
    }
  });

  test('timing off: no practice anywhere in the routine', () => {
    let reply = reduce(stateAt(menu(W), { prefs: NO_TIMING }), { type: 'startRoutine' });
    expect(reply.say.at(-1)).toEqual(say.step(W, 1));
    while (reply.state.phase.at === 'step') {
      expect(reply.say.filter((msg) => msg.kind === 'practice')).toEqual([]);
      reply = reduce(reply.state, { type: 'next' });
    }
  });

  test("'timing on' mid-step repeats the step with its count and turns timing on", () => {
    const reply = reduce(stateAt(at(E, 2), { prefs: NO_TIMING }), { type: 'timing', on: true });
    expect(reply.state.phase).toEqual(at(E, 2));
    expect(reply.state.prefs).toEqual(NORMAL);
    expect(reply.say).toEqual([m('timingOn'), ...say.shown(E, 3)]);
    expect(reply.ask).toEqual(ask.cont(E, 3));
    // ...and the steps after it are counted too.
    expect(reduce(reply.state, { type: 'next' }).say).toEqual(say.shown(E, 4));
  });

  test("'timing on' mid-step counts at the pace already chosen", () => {
    const reply = reduce(stateAt(at(A, 0, 1), { prefs: { timing: false, pace: 'fast' } }), { type: 'timing', on: true });
    expect(reply.say).toEqual([m('timingOn'), ...say.shown(A, 1, 'fast')]);
    expect(reply.state.prefs).toEqual({ timing: true, pace: 'fast' });
  });

  test("'timing off' turns it off and keeps the place", () => {
    const reply = reduce(stateAt(at(E, 2, 1)), { type: 'timing', on: false });
    expect(reply.state.phase).toEqual(at(E, 2, 1));
    expect(reply.state.prefs).toEqual(NO_TIMING);
    expect(reply.say).toEqual([m('timingOff'), say.position(E, 3, 1)]);
    // Uncounted, the step says its own closing action.
    expect(reduce(reply.state, { type: 'next' }).say).toEqual([say.step(E, 4, 'letGo')]);
  });

  test.each([true, false])('timing %s outside a step only confirms, and keeps the phase', (on) => {
    for (const phase of [menu(E), done(E), done(F, true)]) {
      const reply = reduce(stateAt(phase, { prefs: { timing: !on, pace: 'slow' } }), { type: 'timing', on });
      expect(reply.state.phase).toEqual(phase);
      expect(reply.state.prefs).toEqual({ timing: on, pace: 'slow' });
      expect(reply.say).toEqual([m(on ? 'timingOn' : 'timingOff')]);
    }
  });

  test('timing survives being saved', () => {
    const off = reduce(stateAt(at(E, 0)), { type: 'timing', on: false }).state;
    const restored = parseState(JSON.parse(JSON.stringify(off)));
    expect(restored.prefs.timing).toBe(false);
    expect(reduce(restored, { type: 'next' }).say).toEqual([say.step(E, 2)]);
  });
});

describe('pace', () => {
  const TRANSITIONS: readonly (readonly [Pace, PaceChange, Pace | 'limit'])[] = [
    ['slow', 'slower', 'limit'],
    ['slow', 'faster', 'normal'],
    ['slow', 'normal', 'normal'],
    ['normal', 'slower', 'slow'],
    ['normal', 'faster', 'fast'],
    ['normal', 'normal', 'limit'],
    ['fast', 'slower', 'normal'],
    ['fast', 'faster', 'limit'],
    ['fast', 'normal', 'normal'],
  ];

  test.each(TRANSITIONS)('%s, then %s: %s', (from, change, to) => {
    const before = stateAt(at(A, 0, 1), { prefs: { timing: true, pace: from } });
    const reply = reduce(before, { type: 'pace', change });
    expect(reply.state.phase).toEqual(before.phase);
    if (to === 'limit') {
      expect(reply.state.prefs).toEqual(before.prefs);
      expect(reply.say).toEqual([say.paceLimit(from), say.position(A, 1, 1)]);
    } else {
      // Mid-step, the step is said again at the new pace.
      expect(reply.state.prefs).toEqual({ timing: true, pace: to });
      expect(reply.say).toEqual([say.paceChanged(to), ...say.shown(A, 1, to)]);
    }
    expect(reply.ask).toEqual(ask.cont(A, 1));
  });

  test("'slower' from normal lengthens the count; again says it is as slow as it goes", () => {
    const slower = reduce(stateAt(at(R, 0)), { type: 'pace', change: 'slower' });
    expect(slower.state.prefs.pace).toBe('slow');
    const [, , practice] = slower.say;
    const normal = practiceSeconds(catalogStep(R, 1), 'normal');
    expect(practice).toMatchObject({ kind: 'practice', seconds: practiceSeconds(catalogStep(R, 1), 'slow') });
    expect(practice.kind === 'practice' && practice.seconds).toBeGreaterThan(normal);
    const again = reduce(slower.state, { type: 'pace', change: 'slower' });
    expect(again.say).toEqual([say.paceLimit('slow'), say.position(R, 1)]);
    expect(again.state.prefs.pace).toBe('slow');
  });

  test("'faster' walks slow → normal → fast, then says it is as fast as it goes", () => {
    let state = stateAt(at(E, 1), { prefs: { timing: true, pace: 'slow' } });
    const paces: Pace[] = [];
    const said: Message['kind'][] = [];
    for (let i = 0; i < 3; i++) {
      const reply = reduce(state, { type: 'pace', change: 'faster' });
      said.push(reply.say[0].kind);
      state = reply.state;
      paces.push(state.prefs.pace);
    }
    expect(paces).toEqual(['normal', 'fast', 'fast']);
    expect(said).toEqual(['paceChanged', 'paceChanged', 'paceLimit']);
  });

  test.each(PACES)("'normal' resets from %s", (from) => {
    const reply = reduce(stateAt(menu(E), { prefs: { timing: false, pace: from } }), { type: 'pace', change: 'normal' });
    expect(reply.state.prefs).toEqual({ timing: false, pace: 'normal' });
    expect(reply.say).toEqual([from === 'normal' ? say.paceLimit('normal') : say.paceChanged('normal')]);
  });

  test('no pace heard: say so, change nothing, keep the place', () => {
    const inStep = reduce(stateAt(at(E, 1, 2), { prefs: SLOW }), { type: 'pace', change: null });
    expect(inStep.state.phase).toEqual(at(E, 1, 2));
    expect(inStep.state.prefs).toEqual(SLOW);
    expect(inStep.say).toEqual([m('paceUnknown'), say.position(E, 2, 2)]);
    expect(inStep.ask).toEqual(ask.cont(E, 2));
    for (const phase of [menu(R), done(R), done(F, true)]) {
      const reply = reduce(stateAt(phase), { type: 'pace', change: null });
      expect(reply.state.phase).toEqual(phase);
      expect(reply.say).toEqual([m('paceUnknown')]);
      expect(reply.state.prefs).toEqual(NORMAL);
    }
  });

  test('a pace changed outside a step confirms only, and the next steps use it', () => {
    const changed = reduce(stateAt(menu(E)), { type: 'pace', change: 'faster' });
    expect(changed.say).toEqual([say.paceChanged('fast')]);
    expect(changed.state.phase).toEqual(menu(E));
    const started = reduce(changed.state, { type: 'yes' });
    expect(started.say).toEqual([say.intro(E), ...say.shown(E, 1, 'fast')]);
    expect(reduce(started.state, { type: 'next' }).say).toEqual(say.shown(E, 2, 'fast'));
  });

  test('the preferences persist: through any other command, and through being saved', () => {
    const prefs: Preferences = { timing: false, pace: 'fast' };
    fc.assert(
      fc.property(
        validStateArb,
        commandArb.filter((c) => c.type !== 'timing' && c.type !== 'pace'),
        (state, command) => {
          const reply = reduce({ ...state, prefs }, command);
          expect(reply.state.prefs).toEqual(prefs);
          expect(parseState(JSON.parse(JSON.stringify(reply.state))).prefs).toEqual(prefs);
        },
      ),
      RUNS,
    );
  });
});

// ---- questions, learning, safety ----------------------------------------------------------

describe('knowledge', () => {
  const TOPICS: readonly Topic[] = ['benefits', 'oils', 'safety'];

  test('any topic in any phase: the answer, the phase unchanged, the phase’s question (carry on, mid-step)', () => {
    fc.assert(
      fc.property(validStateArb, fc.constantFrom(...TOPICS), (state, topic) => {
        const reply = reduce(state, { type: 'knowledge', topic });
        expect(reply.state.phase).toEqual(state.phase);
        expect(reply.state.prefs).toEqual(state.prefs);
        expect(reply.state.nexts).toBe(state.nexts);
        expect(reply.say).toEqual([say.knowledge(topic)]);
        const { phase } = state;
        if (phase.at === 'step') expect(reply.ask).toEqual(ask.carryOn(phase.technique, phase.step + 1));
        else expect(reply.ask).toEqual(reduce(state, { type: 'whereAmI' }).ask);
        expect(reply.state.safetyHeard).toBe(state.safetyHeard || topic === 'safety');
      }),
      RUNS,
    );
  });

  test('after a question mid-step, next carries on from the same step', () => {
    const answered = reduce(stateAt(at(E, 1, 1)), { type: 'knowledge', topic: 'benefits' });
    expect(answered.ask).toEqual(ask.carryOn(E, 2));
    expect(reduce(answered.state, { type: 'next' }).state.phase).toEqual(at(E, 2, 1));
    expect(reduce(answered.state, { type: 'repeat' }).say).toEqual(say.shown(E, 2));
  });

  test('the safety topic counts as hearing the safety sentence: the next launch leaves it out', () => {
    const asked = reduce({ ...INITIAL_STATE, turns: 1 }, { type: 'knowledge', topic: 'safety' });
    expect(asked.state.safetyHeard).toBe(true);
    expect(reduce(asked.state, { type: 'launch' }).say[0]).toEqual(m('welcome'));
  });
});

describe('learning prompts', () => {
  const COUNTED = ['next', 'yes', 'resume'] as const;

  test.each(COUNTED)('%s outside the menu counts one more move on', (type) => {
    for (const phase of [at(E, 1), at(F, 1, 2), done(E), done(F, true), resumeAt(E, 1, 1)]) {
      expect(reduce(stateAt(phase, { nexts: 4 }), { type }).state.nexts).toBe(5);
    }
    // In the menu, nothing is under way to move on from.
    expect(reduce(stateAt(menu(E), { nexts: 4 }), { type }).state.nexts).toBe(4);
  });

  test.each([
    { type: 'previous' },
    { type: 'skip', technique: null, bothFeet: false },
    { type: 'repeat' },
    { type: 'goTo', step: 1 },
    { type: 'startRoutine' },
  ] as const)('%o does not count', (command) => {
    expect(reduce(stateAt(at(E, 1), { nexts: 4 }), command).state.nexts).toBe(4);
  });

  test('the count stops at its cap', () => {
    expect(reduce(stateAt(at(E, 1), { nexts: MAX_NEXTS - 1 }), { type: 'next' }).state.nexts).toBe(MAX_NEXTS);
    expect(reduce(stateAt(at(E, 1), { nexts: MAX_NEXTS }), { type: 'next' }).state.nexts).toBe(MAX_NEXTS);
  });

  test('the step prompt turns brief once the user has moved on BRIEF_AFTER_NEXTS times', () => {
    let reply = reduce(stateAt(menu(W)), { type: 'startRoutine' });
    const briefs: boolean[] = [];
    const counts: number[] = [];
    for (let i = 0; i < BRIEF_AFTER_NEXTS + 3; i++) {
      reply = reduce(reply.state, { type: 'next' });
      if (reply.ask?.kind !== 'continueStep') throw new Error('expected a step prompt');
      briefs.push(reply.ask.brief);
      counts.push(reply.state.nexts);
    }
    // The i-th next (from 1) has moved on i times, this one included: brief from the BRIEF_AFTER_NEXTS-th on.
    expect(counts).toEqual(Array.from({ length: BRIEF_AFTER_NEXTS + 3 }, (_, i) => i + 1));
    expect(briefs).toEqual(Array.from({ length: BRIEF_AFTER_NEXTS + 3 }, (_, i) => i + 1 >= BRIEF_AFTER_NEXTS));
    expect(briefs.indexOf(true)).toBe(BRIEF_AFTER_NEXTS - 1);
  });

  test.each([0, BRIEF_AFTER_NEXTS - 1, BRIEF_AFTER_NEXTS, MAX_NEXTS])('with %i moves on, every step prompt is brief iff >= BRIEF_AFTER_NEXTS', (nexts) => {
    const brief = nexts >= BRIEF_AFTER_NEXTS;
    expect(reduce(stateAt(at(E, 1), { nexts }), { type: 'repeat' }).ask).toEqual(ask.cont(E, 2, brief));
    expect(reduce(stateAt(at(E, 1), { nexts }), { type: 'whereAmI' }).ask).toEqual(ask.cont(E, 2, brief));
    expect(reduce(stateAt(menu(E), { nexts }), { type: 'yes' }).ask).toEqual(ask.cont(E, 1, brief));
    // A move on counts towards this very prompt.
    expect(reduce(stateAt(at(E, 1), { nexts }), { type: 'next' }).ask).toEqual(ask.cont(E, 3, Math.min(nexts + 1, MAX_NEXTS) >= BRIEF_AFTER_NEXTS));
  });
});

describe('safety notice', () => {
  test('the first launch ever opens with the safety sentence, and only that launch', () => {
    const first = reduce(INITIAL_STATE, { type: 'launch' });
    expect(first.say).toEqual([m('safetyNotice'), m('welcome'), m('techniqueList')]);
    expect(first.state.safetyHeard).toBe(true);
    const second = reduce(first.state, { type: 'launch' });
    expect(second.say).toEqual([m('welcome'), m('techniqueList')]);
  });

  test('a launch that has heard it says nothing of it', () => {
    const reply = reduce({ ...INITIAL_STATE, safetyHeard: true }, { type: 'launch' });
    expect(reply.say).toEqual([m('welcome'), m('techniqueList')]);
    expect(reply.state.safetyHeard).toBe(true);
  });

  test('a first launch on a saved place (migrated from v1) says it before the welcome back', () => {
    const reply = reduce(stateAt(resumeAt(E, 1), { safetyHeard: false, turns: 0 }), { type: 'launch' });
    expect(reply.say).toEqual([m('safetyNotice'), say.welcomeBack(E, 2)]);
    expect(reply.state.safetyHeard).toBe(true);
  });

  test('only a launch says it, only first, only when unheard; once heard it stays heard', () => {
    fc.assert(
      fc.property(startArb, commandsArb, (start, commands) => {
        run(start, commands, (before, command, reply) => {
          const notices = reply.say.filter((msg) => msg.kind === 'safetyNotice');
          const expected = command.type === 'launch' && !before.safetyHeard;
          expect(notices).toHaveLength(expected ? 1 : 0);
          if (expected) expect(reply.say[0]).toEqual(m('safetyNotice'));
          if (before.safetyHeard || expected) expect(reply.state.safetyHeard).toBe(true);
        });
      }),
      RUNS,
    );
  });
});

describe('turns', () => {
  const CAP = 1_000_000_000;

  test('the cap is the one the state declares', () => {
    expect(MAX_TURNS).toBe(CAP);
  });

  test('start at 0 and count each reply', () => {
    let state = INITIAL_STATE;
    const commands: Command[] = [{ type: 'launch' }, { type: 'next' }, { type: 'start', technique: R }, { type: 'stop' }];
    commands.forEach((command, i) => {
      state = reduce(state, command).state;
      expect(state.turns).toBe(i + 1);
    });
  });

  test.each([
    [0, 1],
    [5, 6],
    [CAP - 1, CAP],
    [CAP, CAP],
  ])('%i turns become %i', (before, after) => {
    expect(reduce(stateAt(at(A, 0), { turns: before }), { type: 'next' }).state.turns).toBe(after);
    expect(reduce(stateAt(menu(A), { turns: before }), { type: 'stop' }).state.turns).toBe(after);
  });

  test('the capped counter stays a safe integer after many more turns', () => {
    let state = stateAt(menu(A), { turns: CAP });
    for (let i = 0; i < 100; i++) state = reduce(state, { type: 'help' }).state;
    expect(state.turns).toBe(CAP);
    expect(Number.isSafeInteger(state.turns)).toBe(true);
  });

  // A restored count above the cap is not a valid state: parsing clamps it, so it never reaches reduce.
  test.each([CAP + 1, 2 ** 40, Number.MAX_SAFE_INTEGER])('a count above the cap (%i) is clamped when parsed', (turns) => {
    const state = stateAt(at(A, 0), { turns });
    expect(isValidState(state)).toBe(false);
    const parsed = parseState(JSON.parse(JSON.stringify(state)));
    expect(parsed.turns).toBe(CAP);
    expect(reduce(parsed, { type: 'next' }).state.turns).toBe(CAP);
  });
});

// ---- properties ------------------------------------------------------------------------

/** Examples of every command, checked against the union at compile time: a new command fails here. */
/** Any command: every example, and goTo with any number at all. */
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.constantFrom(...EVERY_COMMAND),
  fc.oneof(fc.integer(), fc.integer({ min: -1, max: 5 }), fc.constant(null), fc.double()).map((step): Command => ({ type: 'goTo', step })),
);

/** Any valid state: every phase the catalog allows, any preferences, any safe counters; and a brand new user. */
const startArb = fc.oneof(fc.constant(INITIAL_STATE), validStateArb);
const commandsArb = fc.array(commandArb, { maxLength: 40 });

/** Runs `commands` from `state`, handing each (before, command, reply) to `check`. */
function run(state: GuideState, commands: readonly Command[], check: (before: GuideState, command: Command, reply: Reply) => void): void {
  let current = state;
  for (const command of commands) {
    const reply = reduce(current, command);
    check(current, command, reply);
    current = reply.state;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

describe('properties', () => {
  test('every command type has examples, and they are all commands the table knows', () => {
    expect(new Set(EVERY_COMMAND.map((c) => c.type))).toEqual(new Set(ALL_COMMAND_TYPES));
  });

  test('(a) every state reached from a valid state is valid, and survives being saved', () => {
    fc.assert(
      fc.property(startArb, commandsArb, (start, commands) => {
        expect(isValidState(start)).toBe(true);
        run(start, commands, (_before, _command, reply) => {
          expect(isValidState(reply.state)).toBe(true);
          expect(parseState(JSON.parse(JSON.stringify(reply.state)))).toEqual(reply.state);
        });
      }),
      RUNS,
    );
  });

  test('(b) only stop, no and pause end the session; every other reply asks a question', () => {
    fc.assert(
      fc.property(startArb, commandsArb, (start, commands) => {
        run(start, commands, (before, command, reply) => {
          if (reply.ask === null) expect(['stop', 'no', 'pause']).toContain(command.type);
          else expect(typeof reply.ask.kind).toBe('string');
          if (command.type === 'stop') expect(reply.ask).toBeNull();
          if (command.type === 'pause') expect(reply.ask).toBeNull();
          const b = before.phase;
          const offersOtherFoot = b.at === 'done' && !b.routine && b.foot === 1;
          if (command.type === 'no') expect(reply.ask === null).toBe(b.at === 'menu' || (b.at === 'done' && !offersOtherFoot));
          // Ending the session never loses the place: it is kept exactly, an offered place included.
          if (reply.ask === null) expect(reply.state.phase).toEqual(b);
        });
      }),
      RUNS,
    );
  });

  test('(c) every reply says something or asks something', () => {
    fc.assert(
      fc.property(startArb, commandsArb, (start, commands) => {
        run(start, commands, (_before, _command, reply) => {
          expect(reply.say.length > 0 || reply.ask !== null).toBe(true);
        });
      }),
      RUNS,
    );
  });

  test('(d) only "next" from starting a technique finishes it after exactly stepCount nexts', () => {
    fc.assert(
      fc.property(startArb, techniqueArb, (start, technique) => {
        // (Named mid-routine, a technique is a jump within the routine: see the routine tests.)
        fc.pre(!((start.phase.at === 'step' || start.phase.at === 'resume') && start.phase.routine));
        let state = reduce(start, { type: 'start', technique }).state;
        expect(state.phase).toEqual(at(technique, 0));
        for (let i = 1; i < stepCount(technique); i++) {
          state = reduce(state, { type: 'next' }).state;
          expect(state.phase).toEqual(at(technique, i));
        }
        const last = reduce(state, { type: 'next' });
        expect(last.state.phase).toEqual(done(technique));
        expect(last.ask).toEqual(ask.otherFoot(technique));
        expect(reduce(last.state, { type: 'no' }).ask).toEqual(ask.offer(techniqueAfter(technique)));
      }),
      RUNS,
    );
  });

  test('(e) reduce never mutates its input', () => {
    fc.assert(
      fc.property(startArb, commandArb, (start, command) => {
        const state: GuideState = structuredClone(start);
        const snapshot = structuredClone(state);
        const frozenCommand = deepFreeze(structuredClone(command));
        deepFreeze(state);
        expect(() => reduce(state, frozenCommand)).not.toThrow();
        expect(state).toEqual(snapshot);
        expect(frozenCommand).toEqual(command);
      }),
      RUNS,
    );
  });

  test('(f) every step said is counted when timing is on (at the pace in force), and nothing is counted when off', () => {
    fc.assert(
      fc.property(startArb, commandsArb, (start, commands) => {
        run(start, commands, (_before, _command, reply) => {
          // A command that changes the preferences counts with the new ones.
          const { timing, pace } = reply.state.prefs;
          reply.say.forEach((msg, i) => {
            const following = reply.say.at(i + 1);
            // A count only ever follows the step it counts.
            if (msg.kind === 'practice') expect(reply.say[i - 1]).toEqual(say.step(msg.technique, msg.step));
            if (msg.kind !== 'step') return;
            const counted = timing && catalogStep(msg.technique, msg.step).practiceSeconds > 0;
            if (counted) expect(following).toEqual(say.practice(msg.technique, msg.step, pace));
            else expect(following?.kind).not.toBe('practice');
          });
          if (!timing) expect(reply.say.filter((msg) => msg.kind === 'practice')).toEqual([]);
        });
      }),
      RUNS,
    );
  });

  test('(g) moving on is counted (next, yes, resume outside the menu), capped; the step prompt is brief once learnt', () => {
    fc.assert(
      fc.property(startArb, commandsArb, (start, commands) => {
        run(start, commands, (before, command, reply) => {
          const movedOn = before.phase.at !== 'menu' && (command.type === 'next' || command.type === 'yes' || command.type === 'resume');
          expect(reply.state.nexts).toBe(Math.min(before.nexts + (movedOn ? 1 : 0), MAX_NEXTS));
          // Brief counts this turn's move on too.
          if (reply.ask?.kind === 'continueStep') expect(reply.ask.brief).toBe(reply.state.nexts >= BRIEF_AFTER_NEXTS);
        });
      }),
      RUNS,
    );
  });

  test('(h) the foot of a step is kept unless the routine moves on, a technique starts, or the user switches feet', () => {
    fc.assert(
      fc.property(startArb, commandsArb, (start, commands) => {
        run(start, commands, (before, command, reply) => {
          const after = reply.state.phase;
          if (after.at !== 'step' || command.type === 'switchFoot') return;
          const b = before.phase;
          const inRoutine = (b.at === 'step' || b.at === 'resume') && b.routine;
          // Picking from the list just spoken starts a technique, as naming it does.
          const picked = command.type === 'goTo' && reply.say.some((msg) => msg.kind === 'techniqueIntro' || msg.kind === 'routineJump');
          if ((command.type === 'start' && command.technique !== null) || picked) {
            // Named mid-routine, the routine goes on from it, on the same foot; otherwise it starts on its own.
            expect(after.routine).toBe(inRoutine);
            if (inRoutine) expect(after.foot).toBe(b.foot);
            else expect(after.foot).toBe(1);
            return;
          }
          if (command.type === 'startRoutine') {
            if (!inRoutine) expect(after).toEqual(at(W, 0, 1));
            else expect(after.routine).toBe(true);
            return;
          }
          // Back into a finished technique: on the foot it was finished on (yes and next may take the other foot).
          if (b.at === 'done' && after.technique === b.technique && !['next', 'yes', 'resume'].includes(command.type)) expect(after.foot).toBe(b.foot);
          if ((b.at === 'step' || b.at === 'resume') && after.technique === b.technique && command.type !== 'skip') {
            expect([after.foot, after.routine]).toEqual([b.foot, b.routine]);
          }
        });
      }),
      RUNS,
    );
  });

  test('(i) only the routine reaches a routine phase', () => {
    const singlePhaseArb = phaseArb.filter(
      (p) => p.at === 'menu' || ((p.at === 'step' || p.at === 'resume') && rf(p) === null) || (p.at === 'done' && !p.routine),
    );
    fc.assert(
      fc.property(
        singlePhaseArb,
        prefsArb,
        fc.array(
          commandArb.filter((c) => c.type !== 'startRoutine'),
          { maxLength: 40 },
        ),
        (phase, prefs, commands) => {
          run(stateAt(phase, { prefs }), commands, (_before, _command, reply) => {
            const p = reply.state.phase;
            if (p.at === 'step' || p.at === 'resume') expect(rf(p)).toBeNull();
            if (p.at === 'done') expect(p.routine).toBe(false);
          });
        },
      ),
      RUNS,
    );
  });

  test('(j) feet arbitrary: any routine step answers where-am-I with its own foot', () => {
    fc.assert(
      fc.property(techniqueArb, footArb, (technique, foot) => {
        const reply = reduce(stateAt(at(technique, 0, foot)), { type: 'whereAmI' });
        expect(reply.say).toEqual([say.position(technique, 1, foot)]);
      }),
      RUNS,
    );
  });
});
