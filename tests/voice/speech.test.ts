import { TECHNIQUES, stepCount } from '../../lambda/guide/catalog';
import { reduce } from '../../lambda/guide/reduce';
import { INITIAL_STATE, type GuideState } from '../../lambda/guide/state';
import { voiceFor } from '../../lambda/voice/i18n';
import { escape, renderSpeech } from '../../lambda/voice/speech';
import { EVERY_COMMAND } from '../support/commands';
import { expectValidSsml, measureSsml } from '../support/ssml';
import { everyPhase } from '../support/states';
import { speechKey } from '../support/replies';

// Every answer the guide can give today: every phase × every command, rendered in en-US.

// Every phase, on a first and a later turn, at every pace, with timing on and off, new and seasoned.
const states: GuideState[] = everyPhase().flatMap((phase) =>
  [
    { turns: 0, pace: 'normal', timing: true, nexts: 0, safetyHeard: false },
    { turns: 5, pace: 'slow', timing: true, nexts: 10, safetyHeard: true },
    { turns: 5, pace: 'fast', timing: false, nexts: 1, safetyHeard: true },
  ].map(
    ({ turns, pace, timing, nexts, safetyHeard }): GuideState => ({
      ...INITIAL_STATE,
      phase,
      turns,
      nexts,
      safetyHeard,
      prefs: { timing, pace: pace as GuideState['prefs']['pace'] },
    }),
  ),
);
const voice = voiceFor('en-US');
// Rendering reads only what is said, what is asked and the pace: a reply that repeats those shares the speech already rendered.
const speechOf = new Map<string, ReturnType<typeof renderSpeech>>();
const rendered = states.flatMap((state) =>
  EVERY_COMMAND.map((command) => {
    const reply = reduce(state, command);
    const key = speechKey(reply);
    let speech = speechOf.get(key);
    if (!speech) {
      speech = renderSpeech(reply.say, reply.ask, voice, reply.state.prefs.pace);
      speechOf.set(key, speech);
    }
    return { state, command, reply, ...speech };
  }),
);

test(`all ${rendered.length} answers are valid Alexa SSML`, async () => {
  await expectValidSsml(rendered.flatMap((r) => (r.reprompt ? [r.speech, r.reprompt] : [r.speech])));
});

// Each test collects what is wrong over all the answers and asserts once: one expect per answer
// costs more than rendering them.
const show = (r: (typeof rendered)[number]): string => `${JSON.stringify(r.command)} in ${JSON.stringify(r.state.phase)}: ${r.speech.slice(0, 120)}`;

test('no answer leaks a missing translation key or is empty', () => {
  const leaks = rendered.filter(
    ({ speech, reprompt }) =>
      /\b(msg|ask|techniques|practice|knowledge|feet)\.[a-zA-Z0-9]/.test(speech) || speech.trim() === '' || (reprompt !== null && reprompt.trim() === ''),
  );
  expect(leaks.map(show)).toEqual([]);
});

test('every open answer ends with a question or a prompt, and has a reprompt', () => {
  const open = rendered.filter((r) => r.reply.ask !== null);
  expect(open.length).toBeGreaterThan(0);
  expect(open.filter((r) => r.reprompt === null || !/[?.]$/.test(r.speech.replace(/<[^>]+>/g, '').trim())).map(show)).toEqual([]);
});

test('every step answer names its number, and the first names the total', () => {
  for (const t of TECHNIQUES) {
    for (let step = 0; step < t.steps.length; step++) {
      const found = rendered.find(
        (r) => r.command.type === 'goTo' && r.command.step === step + 1 && r.state.phase.at === 'step' && r.state.phase.technique === t.id,
      );
      if (!found) throw new Error(`no answer to "step ${step + 1}" in ${t.id}`);
      expect(found.speech).toContain(step === 0 ? `Step 1 of ${stepCount(t.id)}.` : `Step ${step + 1}`);
    }
  }
});

test('a timed step is counted inside the response: silence of its length, cues, and one chime', () => {
  const problems = (r: (typeof rendered)[number]): string[] => {
    const practice = r.reply.say.find((m) => m.kind === 'practice');
    const { breakSeconds, audioTags } = measureSsml(r.speech);
    if (!practice)
      return [...(audioTags !== 0 ? ['a chime without practice'] : []), ...(breakSeconds >= 10 ? [`${breakSeconds} s of silence without practice`] : [])];
    const end = voice.t(`practice.ends.${practice.end}`);
    const lastSilence = r.speech.search(/<break time="\d+s"\/>(?![\s\S]*<break time="\d+s"\/>)/);
    return [
      ...(r.state.prefs.timing || (r.command.type === 'timing' && r.command.on) ? [] : ['counted with timing off']),
      ...(audioTags === 1 ? [] : [`${audioTags} chimes`]),
      // The counted silence plus the short pauses between sentences.
      ...(breakSeconds >= practice.seconds && breakSeconds < practice.seconds + 10 ? [] : [`${breakSeconds} s of silence for ${practice.seconds} s`]),
      ...(/Begin now\.[\s\S]*Halfway/.test(r.speech) ? [] : ['no "Begin now … Halfway"']),
      // The step's own closing action, after the counted silence and before the chime.
      ...(r.speech.indexOf(end) > lastSilence && r.speech.indexOf(end) < r.speech.indexOf('<audio') ? [] : ['the closing words out of place']),
    ];
  };
  const counted = rendered.filter((r) => r.reply.say.some((m) => m.kind === 'practice'));
  expect(counted.length).toBeGreaterThan(0);
  expect(rendered.flatMap((r) => problems(r).map((p) => `${p}: ${show(r)}`))).toEqual([]);
});

test('the pace is the speaking rate of the whole answer and its reprompt', () => {
  const wrong = rendered.filter((r) => {
    const rate = { slow: '<prosody rate="85%">', normal: null, fast: '<prosody rate="115%">' }[r.reply.state.prefs.pace];
    return rate ? !r.speech.startsWith(rate) || (r.reprompt !== null && !r.reprompt.startsWith(rate)) : r.speech.includes('<prosody');
  });
  expect(wrong.map(show)).toEqual([]);
});

test('locale text is escaped, never trusted as markup', () => {
  expect(escape('Salt & <pepper>')).toBe('Salt &amp; &lt;pepper&gt;');
});
