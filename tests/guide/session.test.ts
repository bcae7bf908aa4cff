import fc from 'fast-check';
import { TECHNIQUE_IDS, techniqueAfter, type TechniqueId } from '../../lambda/guide/catalog';
import { reduce } from '../../lambda/guide/reduce';
import { STALE_AFTER_MS, startSession } from '../../lambda/guide/session';
import { INITIAL_STATE, STATE_VERSION, isValidState, parseState, type Foot, type GuideState, type Phase } from '../../lambda/guide/state';
import { everyPhase, validStateArb } from '../support/states';

// startSession: the state a new session starts from, given what was saved and when.
// Pure: the clock is an argument.

// Sized to what these properties can find: the state space they draw from is small (six
// techniques, a few steps, two feet, six preference pairs), so 500 runs visit it many times over.
const RUNS = { numRuns: 500 } as const;

const W = 'warmUp' satisfies TechniqueId;
const E = 'easeSole' satisfies TechniqueId;
const F = 'finish' satisfies TechniqueId;

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

/** A user who has been here before: their own preferences, a few moves learnt, the safety sentence heard, mid-session. */
const saved = (phase: Phase): GuideState => ({
  v: STATE_VERSION,
  phase,
  prefs: { timing: false, pace: 'slow' },
  nexts: 7,
  safetyHeard: true,
  turns: 12,
  skipped: [],
  back: null,
  said: 'list',
});

/** Ages of a save that still count as fresh, and ages that do not. */
const FRESH: readonly (readonly [string, number | null])[] = [
  ['saved just now', NOW],
  ['saved a minute ago', NOW - 60_000],
  ['saved a day ago', NOW - DAY],
  ['saved 1 ms short of stale', NOW - STALE_AFTER_MS + 1],
  // A save from the future (a skewed clock) is treated as fresh rather than lost.
  ['saved an hour in the future', NOW + 60 * 60 * 1000],
];
const STALE: readonly (readonly [string, number | null])[] = [
  ['saved exactly STALE_AFTER_MS ago', NOW - STALE_AFTER_MS],
  ['saved 1 ms past stale', NOW - STALE_AFTER_MS - 1],
  ['saved a year ago', NOW - 365 * DAY],
  ['saved at the epoch', 0],
  ['saved at an unknown time', null],
];

const PLACES = everyPhase().filter((p): p is Extract<Phase, { at: 'step' | 'resume' }> => p.at === 'step' || p.at === 'resume');

test('progress goes stale after three days', () => {
  expect(STALE_AFTER_MS).toBe(3 * DAY);
});

describe('a saved place (a step, or a resume offer not taken up)', () => {
  test.each(FRESH)('%s: the place is offered back, foot and all', (_label, savedAt) => {
    for (const phase of PLACES) {
      const started = startSession(saved(phase), savedAt, NOW);
      expect(started.phase).toStrictEqual({ at: 'resume', technique: phase.technique, step: phase.step, foot: phase.foot, routine: phase.routine });
    }
  });

  test.each(STALE)('%s: the menu, offering that technique', (_label, savedAt) => {
    for (const phase of PLACES) {
      expect(startSession(saved(phase), savedAt, NOW).phase).toStrictEqual({ at: 'menu', offer: phase.technique });
    }
  });
});

describe('a finished technique or routine, and the menu', () => {
  test.each([...FRESH, ...STALE])('%s: after a technique, the next one is on offer; after the routine, the first', (_label, savedAt) => {
    for (const t of TECHNIQUE_IDS) {
      expect(startSession(saved({ at: 'done', technique: t, foot: 1, routine: false }), savedAt, NOW).phase).toStrictEqual({
        at: 'menu',
        offer: techniqueAfter(t),
      });
      expect(startSession(saved({ at: 'done', technique: t, foot: 2, routine: true }), savedAt, NOW).phase).toStrictEqual({ at: 'menu', offer: W });
    }
  });

  test('after the last technique on its own, the offer wraps round to the first', () => {
    expect(startSession(saved({ at: 'done', technique: F, foot: 1, routine: false }), NOW, NOW).phase).toStrictEqual({ at: 'menu', offer: W });
  });

  test.each([...FRESH, ...STALE])('%s: the menu stays as it was', (_label, savedAt) => {
    for (const offer of TECHNIQUE_IDS) {
      expect(startSession(saved({ at: 'menu', offer }), savedAt, NOW).phase).toStrictEqual({ at: 'menu', offer });
    }
  });
});

describe('what carries over', () => {
  test('preferences, what was learnt and the safety sentence carry over; the turns start again', () => {
    const started = startSession(
      { ...saved({ at: 'step', technique: E, step: 2, foot: 1, routine: true }), skipped: [{ technique: 'toes', foot: 2 }] },
      NOW - DAY,
      NOW,
    );
    expect(started).toStrictEqual({
      v: STATE_VERSION,
      phase: { at: 'resume', technique: E, step: 2, foot: 1, routine: true },
      prefs: { timing: false, pace: 'slow' },
      nexts: 7,
      safetyHeard: true,
      turns: 0,
      // The routine's left-out techniques stay with the routine place; what was just said does not.
      skipped: [{ technique: 'toes', foot: 2 }],
      back: null,
      said: null,
    });
  });

  test('a brand new user starts as a brand new user', () => {
    expect(startSession(INITIAL_STATE, null, NOW)).toStrictEqual(INITIAL_STATE);
  });

  test('any saved state, any clock: a valid state, everything kept but the phase and the turns', () => {
    const timeArb = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 2 * NOW }), fc.constantFrom(NOW, NOW - STALE_AFTER_MS, NOW - STALE_AFTER_MS + 1));
    fc.assert(
      fc.property(validStateArb, timeArb, fc.integer({ min: 0, max: 2 * NOW }), (state, savedAt, now) => {
        const frozen = structuredClone(state);
        Object.freeze(frozen);
        Object.freeze(frozen.phase);
        Object.freeze(frozen.prefs);
        const started = startSession(frozen, savedAt, now);
        expect(frozen).toStrictEqual(state);
        expect(isValidState(started)).toBe(true);
        expect(started.v).toBe(STATE_VERSION);
        expect(started.turns).toBe(0);
        expect(started.prefs).toStrictEqual(state.prefs);
        expect(started.nexts).toBe(state.nexts);
        expect(started.safetyHeard).toBe(state.safetyHeard);
        // A session never starts in the middle of a step, nor on a finish.
        expect(['menu', 'resume']).toContain(started.phase.at);
        const fresh = savedAt !== null && now - savedAt < STALE_AFTER_MS;
        const { phase } = state;
        if (phase.at === 'step' || phase.at === 'resume') {
          expect(started.phase).toStrictEqual(
            fresh
              ? { at: 'resume', technique: phase.technique, step: phase.step, foot: phase.foot, routine: phase.routine }
              : { at: 'menu', offer: phase.technique },
          );
        }
        // Starting twice at the same moment changes nothing more.
        expect(startSession(started, savedAt, now)).toStrictEqual(started);
      }),
      RUNS,
    );
  });
});

describe('through the reducer', () => {
  /** Saves as the store would (JSON), and reads back as the next session would. */
  const nextSession = (state: GuideState, savedAt: number | null, now: number): GuideState =>
    startSession(parseState(JSON.parse(JSON.stringify(state))), savedAt, now);

  test('a routine stopped on foot 2 is offered back on foot 2, and carries on in the routine', () => {
    let state = reduce({ ...INITIAL_STATE, safetyHeard: true }, { type: 'startRoutine' }).state;
    // Through foot 1 and into foot 2's ankle stretch.
    while (!(state.phase.at === 'step' && state.phase.foot === 2 && state.phase.technique === 'ankleStretch')) {
      state = reduce(state, { type: 'next' }).state;
    }
    const stopped = reduce(state, { type: 'stop' }).state;
    const restored = nextSession(stopped, NOW - 60_000, NOW);
    expect(restored.phase).toStrictEqual({ at: 'resume', technique: 'ankleStretch', step: 0, foot: 2, routine: true });

    const launch = reduce(restored, { type: 'launch' });
    expect(launch.say).toEqual([{ kind: 'welcomeBack', technique: 'ankleStretch', step: 1, of: 3, foot: 2, routine: { leftOnFoot: 4 } }]);
    const resumed = reduce(launch.state, { type: 'resume' });
    expect(resumed.state.phase).toStrictEqual({ at: 'step', technique: 'ankleStretch', step: 0, foot: 2, routine: true });
    const previous = reduce(resumed.state, { type: 'previous' });
    // Still in the routine: back to the warm-up on the same foot.
    expect(previous.state.phase).toStrictEqual({ at: 'step', technique: W, step: 1, foot: 2, routine: true });
  });

  test('the same place, saved too long ago: the menu offers the technique, and yes starts it on its own', () => {
    const stopped = saved({ at: 'step', technique: E, step: 2, foot: 1, routine: false });
    const restored = nextSession(stopped, NOW - STALE_AFTER_MS, NOW);
    expect(restored.phase).toStrictEqual({ at: 'menu', offer: E });
    expect(reduce(restored, { type: 'yes' }).state.phase).toStrictEqual({ at: 'step', technique: E, step: 0, foot: 1, routine: false });
  });

  test('after the whole routine, the next session offers the warm-up again', () => {
    const finished = saved({ at: 'done', technique: F, foot: 2, routine: true });
    const restored = nextSession(finished, NOW - 60_000, NOW);
    expect(restored.phase).toStrictEqual({ at: 'menu', offer: W });
    const launch = reduce(restored, { type: 'launch' });
    // The safety sentence was heard in an earlier session: not again.
    expect(launch.say).toEqual([{ kind: 'welcome' }, { kind: 'techniqueList' }]);
  });

  test.each([
    [1, false],
    [1, true],
    [2, true],
  ] as const)('preferences chosen in one session count the next session’s steps (foot %s, routine %s)', (foot: Foot, routine: boolean) => {
    const restored = nextSession(saved({ at: 'step', technique: E, step: 1, foot, routine }), NOW, NOW);
    const resumed = reduce(restored, { type: 'resume' });
    // Timing was turned off: the step, with no count; the technique is named, its introduction not read again.
    expect(resumed.say).toEqual([
      { kind: 'resuming', technique: E },
      { kind: 'step', technique: E, step: 2, of: 4, closing: null },
    ]);
    expect(resumed.state.prefs).toStrictEqual({ timing: false, pace: 'slow' });
    expect(resumed.state.nexts).toBe(8);
  });
});
