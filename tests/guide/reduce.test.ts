import fc from 'fast-check';
import { TECHNIQUES, TECHNIQUE_IDS, stepCount, techniqueAfter, type TechniqueId } from '../../lambda/guide/catalog';
import type { Command, CommandType } from '../../lambda/guide/commands';
import type { Message, Question } from '../../lambda/guide/messages';
import { reduce, type Reply } from '../../lambda/guide/reduce';
import { INITIAL_STATE, STATE_VERSION, isValidState, parseState, type GuideState, type Phase } from '../../lambda/guide/state';
import { techniqueArb, validStateArb } from '../support/states';

// The reducer on its own: every command in every kind of phase, the edges by name,
// and properties over arbitrary conversations.

const RUNS = { numRuns: 2000 } as const;

// ankleStretch has 3 steps, relaxHeel 2, easeSole 4; relaxHeel follows ankleStretch,
// and the catalog wraps from easeSole back to ankleStretch.
const A = 'ankleStretch' satisfies TechniqueId;
const R = 'relaxHeel' satisfies TechniqueId;
const E = 'easeSole' satisfies TechniqueId;

// ---- building states, commands and expected replies ----------------------------------

const menu = (offer: TechniqueId): Phase => ({ at: 'menu', offer });
const at = (technique: TechniqueId, step: number): Phase => ({ at: 'step', technique, step });
const done = (technique: TechniqueId): Phase => ({ at: 'done', technique });
const stateAt = (phase: Phase, turns = 5): GuideState => ({ v: STATE_VERSION, phase, turns });

/** Message kinds that carry nothing but their kind. */
type PlainKind = {
  [K in Message['kind']]: { readonly kind: K } extends Extract<Message, { kind: K }> ? K : never;
}[Message['kind']];

const say = {
  step: (technique: TechniqueId, step: number): Message => ({ kind: 'step', technique, step, of: stepCount(technique) }),
  position: (technique: TechniqueId, step: number): Message => ({ kind: 'position', technique, step, of: stepCount(technique) }),
  intro: (technique: TechniqueId): Message => ({ kind: 'techniqueIntro', technique }),
  done: (technique: TechniqueId): Message => ({ kind: 'techniqueDone', technique }),
  finished: (technique: TechniqueId): Message => ({ kind: 'finishedPosition', technique }),
  startingOver: (technique: TechniqueId): Message => ({ kind: 'startingOver', technique }),
  goodbyeMidway: (technique: TechniqueId, step: number): Message => ({
    kind: 'goodbyeMidway',
    technique,
    step,
    of: stepCount(technique),
  }),
  outOfRange: (technique: TechniqueId, asked: number): Message => ({
    kind: 'stepOutOfRange',
    technique,
    asked,
    of: stepCount(technique),
  }),
  welcomeBack: (technique: TechniqueId, step: number): Message => ({ kind: 'welcomeBack', technique, step, of: stepCount(technique) }),
  stoppedAt: (technique: TechniqueId, step: number): Message => ({ kind: 'stoppedAt', technique, step, of: stepCount(technique) }),
  paused: (technique: TechniqueId, step: number): Message => ({ kind: 'paused', technique, step, of: stepCount(technique) }),
  plain: (kind: PlainKind): Message => ({ kind }),
};
const m = say.plain;

const ask = {
  choose: { kind: 'chooseTechnique' } as Question,
  resume: (technique: TechniqueId, step: number): Question => ({ kind: 'resumeOffer', technique, step, of: stepCount(technique) }),
  offer: (technique: TechniqueId): Question => ({ kind: 'offerTechnique', technique }),
  cont: (technique: TechniqueId, step: number): Question => ({
    kind: 'continueStep',
    technique,
    step,
    of: stepCount(technique),
  }),
};

/** Every command type, checked against the union at compile time so a new command fails here. */
const ALL_COMMAND_TYPES = [
  'launch', 'start', 'next', 'previous', 'repeat', 'startOver', 'goTo', 'whereAmI',
  'list', 'help', 'yes', 'no', 'home', 'stop', 'fallback', 'error', 'pause', 'resume',
] as const satisfies readonly CommandType[];
type MissingCommand = Exclude<CommandType, (typeof ALL_COMMAND_TYPES)[number]>;
const everyCommandListed: [MissingCommand] extends [never] ? true : MissingCommand = true;

const PHASES = {
  menu: menu(R),
  first: at(A, 0),
  middle: at(A, 1),
  last: at(A, 2),
  done: done(A),
  resume: { at: 'resume', technique: A, step: 1 },
} as const;
type PhaseName = keyof typeof PHASES;

interface Expected {
  readonly phase: Phase;
  readonly say: readonly Message[];
  readonly ask: Question | null;
}
type Row = readonly [PhaseName, Command, Expected];

const e = (phase: Phase, said: readonly Message[], asked: Question | null): Expected => ({ phase, say: said, ask: asked });

const beginR = e(at(R, 0), [say.intro(R), say.step(R, 1)], ask.cont(R, 1));
const nothingStarted = e(PHASES.menu, [m('nothingStarted')], ask.offer(R));

const TABLE: readonly Row[] = [
  // launch: the welcome and the menu, offering what home would offer
  ['menu', { type: 'launch' }, e(menu(R), [m('welcome'), m('techniqueList')], ask.choose)],
  ...(['first', 'middle', 'last'] as const).map(
    (p): Row => [p, { type: 'launch' }, e(menu(A), [m('welcome'), m('techniqueList')], ask.choose)],
  ),
  ['done', { type: 'launch' }, e(menu(R), [m('welcome'), m('techniqueList')], ask.choose)],

  // start with a known technique: its intro and first step, from anywhere
  ...(Object.keys(PHASES) as PhaseName[]).map((p): Row => [p, { type: 'start', technique: R }, beginR]),

  // start with an unknown technique: keep the phase, list, and (in a technique) say where
  ['menu', { type: 'start', technique: null }, e(PHASES.menu, [m('unknownTechnique'), m('techniqueList')], ask.choose)],
  ['first', { type: 'start', technique: null }, e(PHASES.first, [m('unknownTechnique'), m('techniqueList'), say.position(A, 1)], ask.cont(A, 1))],
  ['middle', { type: 'start', technique: null }, e(PHASES.middle, [m('unknownTechnique'), m('techniqueList'), say.position(A, 2)], ask.cont(A, 2))],
  ['last', { type: 'start', technique: null }, e(PHASES.last, [m('unknownTechnique'), m('techniqueList'), say.position(A, 3)], ask.cont(A, 3))],
  ['done', { type: 'start', technique: null }, e(PHASES.done, [m('unknownTechnique'), m('techniqueList')], ask.offer(R))],

  // next
  ['menu', { type: 'next' }, nothingStarted],
  ['first', { type: 'next' }, e(at(A, 1), [say.step(A, 2)], ask.cont(A, 2))],
  ['middle', { type: 'next' }, e(at(A, 2), [say.step(A, 3)], ask.cont(A, 3))],
  ['last', { type: 'next' }, e(done(A), [say.done(A)], ask.offer(R))],
  ['done', { type: 'next' }, beginR],

  // yes: starts the offer in the menu, otherwise behaves as next
  ['menu', { type: 'yes' }, beginR],
  ['first', { type: 'yes' }, e(at(A, 1), [say.step(A, 2)], ask.cont(A, 2))],
  ['middle', { type: 'yes' }, e(at(A, 2), [say.step(A, 3)], ask.cont(A, 3))],
  ['last', { type: 'yes' }, e(done(A), [say.done(A)], ask.offer(R))],
  ['done', { type: 'yes' }, beginR],

  // previous
  ['menu', { type: 'previous' }, nothingStarted],
  ['first', { type: 'previous' }, e(at(A, 0), [m('alreadyFirst'), say.step(A, 1)], ask.cont(A, 1))],
  ['middle', { type: 'previous' }, e(at(A, 0), [say.step(A, 1)], ask.cont(A, 1))],
  ['last', { type: 'previous' }, e(at(A, 1), [say.step(A, 2)], ask.cont(A, 2))],
  ['done', { type: 'previous' }, e(at(A, 2), [say.step(A, 3)], ask.cont(A, 3))],

  // repeat (not the first turn: see the edges below)
  ['menu', { type: 'repeat' }, e(PHASES.menu, [m('techniqueList')], ask.choose)],
  ['first', { type: 'repeat' }, e(at(A, 0), [say.step(A, 1)], ask.cont(A, 1))],
  ['middle', { type: 'repeat' }, e(at(A, 1), [say.step(A, 2)], ask.cont(A, 2))],
  ['last', { type: 'repeat' }, e(at(A, 2), [say.step(A, 3)], ask.cont(A, 3))],
  ['done', { type: 'repeat' }, e(done(A), [say.done(A)], ask.offer(R))],

  // startOver
  ['menu', { type: 'startOver' }, nothingStarted],
  ['first', { type: 'startOver' }, e(at(A, 0), [say.startingOver(A), say.step(A, 1)], ask.cont(A, 1))],
  ['middle', { type: 'startOver' }, e(at(A, 0), [say.startingOver(A), say.step(A, 1)], ask.cont(A, 1))],
  ['last', { type: 'startOver' }, e(at(A, 0), [say.startingOver(A), say.step(A, 1)], ask.cont(A, 1))],
  ['done', { type: 'startOver' }, e(at(A, 0), [say.startingOver(A), say.step(A, 1)], ask.cont(A, 1))],

  // goTo a valid step (other numbers: see the goTo table below)
  ['menu', { type: 'goTo', step: 2 }, nothingStarted],
  ['first', { type: 'goTo', step: 2 }, e(at(A, 1), [say.step(A, 2)], ask.cont(A, 2))],
  ['middle', { type: 'goTo', step: 2 }, e(at(A, 1), [say.step(A, 2)], ask.cont(A, 2))],
  ['last', { type: 'goTo', step: 2 }, e(at(A, 1), [say.step(A, 2)], ask.cont(A, 2))],
  ['done', { type: 'goTo', step: 2 }, e(at(A, 1), [say.step(A, 2)], ask.cont(A, 2))],

  // whereAmI
  ['menu', { type: 'whereAmI' }, e(PHASES.menu, [m('menuPosition')], ask.choose)],
  ['first', { type: 'whereAmI' }, e(PHASES.first, [say.position(A, 1)], ask.cont(A, 1))],
  ['middle', { type: 'whereAmI' }, e(PHASES.middle, [say.position(A, 2)], ask.cont(A, 2))],
  ['last', { type: 'whereAmI' }, e(PHASES.last, [say.position(A, 3)], ask.cont(A, 3))],
  ['done', { type: 'whereAmI' }, e(PHASES.done, [say.finished(A)], ask.offer(R))],

  // list
  ['menu', { type: 'list' }, e(PHASES.menu, [m('techniqueList')], ask.choose)],
  ['first', { type: 'list' }, e(PHASES.first, [m('techniqueList'), say.position(A, 1)], ask.cont(A, 1))],
  ['middle', { type: 'list' }, e(PHASES.middle, [m('techniqueList'), say.position(A, 2)], ask.cont(A, 2))],
  ['last', { type: 'list' }, e(PHASES.last, [m('techniqueList'), say.position(A, 3)], ask.cont(A, 3))],
  ['done', { type: 'list' }, e(PHASES.done, [m('techniqueList')], ask.offer(R))],

  // help
  ['menu', { type: 'help' }, e(PHASES.menu, [m('helpMenu')], ask.choose)],
  ['first', { type: 'help' }, e(PHASES.first, [m('helpStep'), say.position(A, 1)], ask.cont(A, 1))],
  ['middle', { type: 'help' }, e(PHASES.middle, [m('helpStep'), say.position(A, 2)], ask.cont(A, 2))],
  ['last', { type: 'help' }, e(PHASES.last, [m('helpStep'), say.position(A, 3)], ask.cont(A, 3))],
  ['done', { type: 'help' }, e(PHASES.done, [m('helpMenu')], ask.offer(R))],

  // no: ends the session outside a technique, waits inside one
  ['menu', { type: 'no' }, e(PHASES.menu, [m('goodbye')], null)],
  ['first', { type: 'no' }, e(PHASES.first, [m('takeYourTime'), say.position(A, 1)], ask.cont(A, 1))],
  ['middle', { type: 'no' }, e(PHASES.middle, [m('takeYourTime'), say.position(A, 2)], ask.cont(A, 2))],
  ['last', { type: 'no' }, e(PHASES.last, [m('takeYourTime'), say.position(A, 3)], ask.cont(A, 3))],
  ['done', { type: 'no' }, e(PHASES.done, [m('goodbye')], null)],

  // home: back to the menu, the current technique on offer
  ['menu', { type: 'home' }, e(menu(R), [m('backToMenu'), m('techniqueList')], ask.choose)],
  ['first', { type: 'home' }, e(menu(A), [m('backToMenu'), m('techniqueList')], ask.choose)],
  ['middle', { type: 'home' }, e(menu(A), [m('backToMenu'), m('techniqueList')], ask.choose)],
  ['last', { type: 'home' }, e(menu(A), [m('backToMenu'), m('techniqueList')], ask.choose)],
  ['done', { type: 'home' }, e(menu(R), [m('backToMenu'), m('techniqueList')], ask.choose)],

  // stop: always ends the session, keeping the phase
  ['menu', { type: 'stop' }, e(PHASES.menu, [m('goodbye')], null)],
  ['first', { type: 'stop' }, e(PHASES.first, [say.goodbyeMidway(A, 1)], null)],
  ['middle', { type: 'stop' }, e(PHASES.middle, [say.goodbyeMidway(A, 2)], null)],
  ['last', { type: 'stop' }, e(PHASES.last, [say.goodbyeMidway(A, 3)], null)],
  ['done', { type: 'stop' }, e(PHASES.done, [m('goodbye')], null)],

  // fallback
  ['menu', { type: 'fallback' }, e(PHASES.menu, [m('notUnderstood'), m('techniqueList')], ask.choose)],
  ['first', { type: 'fallback' }, e(PHASES.first, [m('notUnderstood'), say.position(A, 1)], ask.cont(A, 1))],
  ['middle', { type: 'fallback' }, e(PHASES.middle, [m('notUnderstood'), say.position(A, 2)], ask.cont(A, 2))],
  ['last', { type: 'fallback' }, e(PHASES.last, [m('notUnderstood'), say.position(A, 3)], ask.cont(A, 3))],
  ['done', { type: 'fallback' }, e(PHASES.done, [m('notUnderstood'), say.finished(A)], ask.offer(R))],

  // error: apologise, keep the place, ask the phase's question
  ['menu', { type: 'error' }, e(PHASES.menu, [m('error'), m('techniqueList')], ask.choose)],
  ['first', { type: 'error' }, e(PHASES.first, [m('error'), say.position(A, 1)], ask.cont(A, 1))],
  ['middle', { type: 'error' }, e(PHASES.middle, [m('error'), say.position(A, 2)], ask.cont(A, 2))],
  ['last', { type: 'error' }, e(PHASES.last, [m('error'), say.position(A, 3)], ask.cont(A, 3))],
  ['done', { type: 'error' }, e(PHASES.done, [m('error'), say.finished(A)], ask.offer(R))],

  // pause: ends the session where the user is, saying how to come back
  ['menu', { type: 'pause' }, e(PHASES.menu, [m('pausedMenu')], null)],
  ['first', { type: 'pause' }, e(PHASES.first, [say.paused(A, 1)], null)],
  ['middle', { type: 'pause' }, e(PHASES.middle, [say.paused(A, 2)], null)],
  ['last', { type: 'pause' }, e(PHASES.last, [say.paused(A, 3)], null)],
  ['done', { type: 'pause' }, e(PHASES.done, [m('pausedMenu')], null)],
  ['resume', { type: 'pause' }, e(at(A, 1), [say.paused(A, 2)], null)],

  // resume ("continue"): nothing to pick up in the menu; carries on mid-session
  ['menu', { type: 'resume' }, e(PHASES.menu, [m('nothingToResume'), m('techniqueList')], ask.choose)],
  ['first', { type: 'resume' }, e(at(A, 1), [say.step(A, 2)], ask.cont(A, 2))],
  ['middle', { type: 'resume' }, e(at(A, 2), [say.step(A, 3)], ask.cont(A, 3))],
  ['last', { type: 'resume' }, e(done(A), [say.done(A)], ask.offer(R))],
  ['done', { type: 'resume' }, beginR],

  // a returning user offered their saved place (step 2 of the ankle stretch)
  ['resume', { type: 'launch' }, e(PHASES.resume, [say.welcomeBack(A, 2)], ask.resume(A, 2))],
  ['resume', { type: 'repeat' }, e(PHASES.resume, [say.welcomeBack(A, 2)], ask.resume(A, 2))],
  ['resume', { type: 'resume' }, e(at(A, 1), [m('resuming'), say.step(A, 2)], ask.cont(A, 2))],
  ['resume', { type: 'next' }, e(at(A, 1), [m('resuming'), say.step(A, 2)], ask.cont(A, 2))],
  ['resume', { type: 'yes' }, e(at(A, 1), [m('resuming'), say.step(A, 2)], ask.cont(A, 2))],
  ['resume', { type: 'no' }, e(menu(A), [m('techniqueList')], ask.choose)],
  ['resume', { type: 'whereAmI' }, e(PHASES.resume, [say.stoppedAt(A, 2)], ask.resume(A, 2))],
  ['resume', { type: 'help' }, e(PHASES.resume, [m('helpResume')], ask.resume(A, 2))],
  ['resume', { type: 'list' }, e(PHASES.resume, [m('techniqueList')], ask.resume(A, 2))],
  ['resume', { type: 'fallback' }, e(PHASES.resume, [m('notUnderstood'), say.stoppedAt(A, 2)], ask.resume(A, 2))],
  ['resume', { type: 'error' }, e(PHASES.resume, [m('error'), say.stoppedAt(A, 2)], ask.resume(A, 2))],
  ['resume', { type: 'start', technique: R }, beginR],
  ['resume', { type: 'start', technique: null }, e(at(A, 1), [m('unknownTechnique'), m('techniqueList'), say.position(A, 2)], ask.cont(A, 2))],
  ['resume', { type: 'previous' }, e(at(A, 0), [say.step(A, 1)], ask.cont(A, 1))],
  ['resume', { type: 'startOver' }, e(at(A, 0), [say.startingOver(A), say.step(A, 1)], ask.cont(A, 1))],
  ['resume', { type: 'goTo', step: 3 }, e(at(A, 2), [say.step(A, 3)], ask.cont(A, 3))],
  ['resume', { type: 'home' }, e(menu(A), [m('backToMenu'), m('techniqueList')], ask.choose)],
  ['resume', { type: 'stop' }, e(at(A, 1), [say.goodbyeMidway(A, 2)], null)],
];

/** The phases of a session in progress; the resume offer has its own rows in the table. */
const ACTIVE_PHASES = Object.entries(PHASES).filter(([name]) => name !== 'resume');

const kinds = (messages: readonly Message[]): string[] => messages.map((msg) => msg.kind);

describe('every command in every phase', () => {
  test('the table covers every command type in every phase', () => {
    expect(everyCommandListed).toBe(true);
    const covered = new Set(TABLE.map(([p, c]) => `${p}/${c.type}`));
    const missing = (Object.keys(PHASES) as PhaseName[]).flatMap((p) =>
      ALL_COMMAND_TYPES.filter((type) => !covered.has(`${p}/${type}`)).map((type) => `${p}/${type}`),
    );
    expect(missing).toEqual([]);
  });

  test.each(TABLE.map(([p, c, x]) => [p, JSON.stringify(c), p, c, x] as const))(
    '%s + %s',
    (_label, _command, phaseName, command, expected) => {
      const reply = reduce(stateAt(PHASES[phaseName]), command);
      expect(reply.state.phase).toEqual(expected.phase);
      expect(kinds(reply.say)).toEqual(kinds(expected.say));
      // Full messages: technique, step and `of` included.
      expect(reply.say).toEqual(expected.say);
      expect(reply.ask).toEqual(expected.ask);
      expect(isValidState(reply.state)).toBe(true);
    },
  );
});

describe('edges', () => {
  test('previous on step 1 says so and stays on step 1, in every technique', () => {
    for (const t of TECHNIQUE_IDS) {
      const reply = reduce(stateAt(at(t, 0)), { type: 'previous' });
      expect(reply.state.phase).toEqual(at(t, 0));
      expect(reply.say).toEqual([m('alreadyFirst'), say.step(t, 1)]);
      expect(reply.ask).toEqual(ask.cont(t, 1));
    }
  });

  test.each(TECHNIQUES.map((t, i) => [t.id, TECHNIQUE_IDS[(i + 1) % TECHNIQUE_IDS.length]] as const))(
    'next after the last step of %s finishes it and offers %s',
    (t, following) => {
      const reply = reduce(stateAt(at(t, stepCount(t) - 1)), { type: 'next' });
      expect(reply.state.phase).toEqual(done(t));
      expect(reply.say).toEqual([say.done(t)]);
      expect(reply.ask).toEqual(ask.offer(following));
    },
  );

  test('the offer after the last technique wraps round to the first', () => {
    expect(reduce(stateAt(at(E, 3)), { type: 'next' }).ask).toEqual(ask.offer(A));
    expect(reduce(stateAt(done(E)), { type: 'next' }).state.phase).toEqual(at(A, 0));
    expect(reduce(stateAt(done(E)), { type: 'yes' }).say).toEqual([say.intro(A), say.step(A, 1)]);
  });

  test.each(
    TECHNIQUE_IDS.flatMap((offer) =>
      (
        [{ type: 'next' }, { type: 'previous' }, { type: 'startOver' }, { type: 'goTo', step: 1 }, { type: 'goTo', step: null }] as const
      ).map((command) => [command.type, offer, command] as const),
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
      expect(reply.say).toEqual([say.step(A, step as number)]);
      expect(reply.ask).toEqual(ask.cont(A, step as number));
    } else {
      expect(reply.state.phase).toEqual(at(A, 1));
      expect(reply.say).toEqual(
        outcome === 'noNumber' ? [m('noStepNumber'), say.position(A, 2)] : [say.outOfRange(A, step as number), say.position(A, 2)],
      );
      expect(reply.ask).toEqual(ask.cont(A, 2));
    }
  });

  test.each(GOTO)('goTo %s after finishing', (_label, step, outcome) => {
    const reply = reduce(stateAt(done(A)), { type: 'goTo', step });
    if (outcome === 'go') {
      expect(reply.state.phase).toEqual(at(A, (step as number) - 1));
      expect(reply.say).toEqual([say.step(A, step as number)]);
      expect(reply.ask).toEqual(ask.cont(A, step as number));
    } else {
      expect(reply.state.phase).toEqual(done(A));
      expect(reply.say).toEqual(
        outcome === 'noNumber' ? [m('noStepNumber'), say.finished(A)] : [say.outOfRange(A, step as number), say.finished(A)],
      );
      expect(reply.ask).toEqual(ask.offer(R));
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

  test('repeat on turn 0 in a step (a restored place) repeats the step', () => {
    const reply = reduce(stateAt(at(E, 2), 0), { type: 'repeat' });
    expect(reply.say).toEqual([say.step(E, 3)]);
  });

  test.each(ACTIVE_PHASES)('start with an unknown technique keeps the phase and place (%s)', (_name, phase) => {
    const reply = reduce(stateAt(phase), { type: 'start', technique: null });
    expect(reply.state.phase).toEqual(phase);
    expect(kinds(reply.say).slice(0, 2)).toEqual(['unknownTechnique', 'techniqueList']);
    if (phase.at === 'step') expect(reply.say.at(-1)).toEqual(say.position(phase.technique, phase.step + 1));
    expect(reply.ask).not.toBeNull();
  });

  test.each(
    ACTIVE_PHASES.flatMap(([name, phase]) =>
      (['stop', 'no'] as const)
        .filter((type) => type === 'stop' || phase.at !== 'step')
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
    expect(resumed.say).toEqual([say.step(E, 4)]);
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
    expect(reply.say).toEqual([say.intro(offer), say.step(offer, 1)]);
    expect(reply.ask).toEqual(ask.cont(offer, 1));
  });

  test.each(TECHNIQUE_IDS)('yes after finishing %s starts the next technique', (t) => {
    const following = techniqueAfter(t);
    // The question asked on finishing is the offer that "yes" accepts.
    expect(reduce(stateAt(at(t, stepCount(t) - 1)), { type: 'next' }).ask).toEqual(ask.offer(following));
    const reply = reduce(stateAt(done(t)), { type: 'yes' });
    expect(reply.state.phase).toEqual(at(following, 0));
    expect(reply.say).toEqual([say.intro(following), say.step(following, 1)]);
  });

  test.each([at(E, 2), done(R), menu(E)])('home offers the current technique, or the one after a finished one (%o)', (phase) => {
    const home = reduce(stateAt(phase), { type: 'home' });
    expect(home.state.phase).toEqual(menu(E));
    expect(home.ask).toEqual(ask.choose);
    // ...so "yes" from there starts it again.
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
    expect(reply.state.phase).toEqual(reduce(stateAt(phase), { type: 'home' }).state.phase);
    expect(reply.say).toEqual([m('welcome'), m('techniqueList')]);
    expect(reply.ask).toEqual(ask.choose);
  });
});

describe('turns', () => {
  const CAP = 1_000_000_000;

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
    expect(reduce(stateAt(at(A, 0), before), { type: 'next' }).state.turns).toBe(after);
    expect(reduce(stateAt(menu(A), before), { type: 'stop' }).state.turns).toBe(after);
  });

  test('the capped counter stays a safe integer after many more turns', () => {
    let state = stateAt(menu(A), CAP);
    for (let i = 0; i < 100; i++) state = reduce(state, { type: 'help' }).state;
    expect(state.turns).toBe(CAP);
    expect(Number.isSafeInteger(state.turns)).toBe(true);
  });

  // A restored count above the cap is not a valid state: parsing clamps it, so it never reaches reduce.
  test.each([CAP + 1, 2 ** 40, Number.MAX_SAFE_INTEGER])('a count above the cap (%i) is clamped when parsed', (turns) => {
    const state = stateAt(at(A, 0), turns);
    expect(isValidState(state)).toBe(false);
    const parsed = parseState(JSON.parse(JSON.stringify(state)));
    expect(parsed.turns).toBe(CAP);
    expect(reduce(parsed, { type: 'next' }).state.turns).toBe(CAP);
  });
});

// ---- properties ------------------------------------------------------------------------

/** Any valid state: every phase the catalog allows, and any safe, non-negative turn count. */
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.constantFrom<Command>(
    { type: 'launch' },
    { type: 'next' },
    { type: 'previous' },
    { type: 'repeat' },
    { type: 'startOver' },
    { type: 'whereAmI' },
    { type: 'list' },
    { type: 'help' },
    { type: 'yes' },
    { type: 'no' },
    { type: 'home' },
    { type: 'stop' },
    { type: 'fallback' },
    { type: 'error' },
    { type: 'pause' },
    { type: 'resume' },
  ),
  fc.constantFrom<TechniqueId | null>(...TECHNIQUE_IDS, null).map((technique): Command => ({ type: 'start', technique })),
  fc
    .oneof(fc.integer(), fc.integer({ min: -1, max: 5 }), fc.constant(null), fc.double())
    .map((step): Command => ({ type: 'goTo', step })),
);

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

  test('(b) only stop and no end the session; every other reply asks a question', () => {
    fc.assert(
      fc.property(startArb, commandsArb, (start, commands) => {
        run(start, commands, (before, command, reply) => {
          if (reply.ask === null) expect(['stop', 'no', 'pause']).toContain(command.type);
          else expect(typeof reply.ask.kind).toBe('string');
          if (command.type === 'stop') expect(reply.ask).toBeNull();
          if (command.type === 'pause') expect(reply.ask).toBeNull();
          if (command.type === 'no') expect(reply.ask === null).toBe(before.phase.at === 'menu' || before.phase.at === 'done');
          // Ending the session never loses the place (an offered place becomes the place itself).
          if (reply.ask === null) {
            const kept = before.phase.at === 'resume' ? { ...before.phase, at: 'step' } : before.phase;
            expect(reply.state.phase).toEqual(kept);
          }
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
        let state = reduce(start, { type: 'start', technique }).state;
        expect(state.phase).toEqual(at(technique, 0));
        for (let i = 1; i < stepCount(technique); i++) {
          state = reduce(state, { type: 'next' }).state;
          expect(state.phase).toEqual(at(technique, i));
        }
        const last = reduce(state, { type: 'next' });
        expect(last.state.phase).toEqual(done(technique));
        expect(last.ask).toEqual(ask.offer(techniqueAfter(technique)));
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
});
