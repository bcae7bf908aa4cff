import { TECHNIQUES, stepCount } from '../../lambda/guide/catalog';
import { reduce } from '../../lambda/guide/reduce';
import { INITIAL_STATE, type GuideState } from '../../lambda/guide/state';
import { voiceFor } from '../../lambda/voice/i18n';
import { escape, renderSpeech } from '../../lambda/voice/speech';
import { EVERY_COMMAND } from '../support/commands';
import { expectValidSsml, measureSsml } from '../support/ssml';
import { everyPhase } from '../support/states';

// Every answer the guide can give today: every phase × every command, rendered in en-US.


// Every phase, on a first and a later turn, at every pace, with timing on and off, new and seasoned.
const states: GuideState[] = everyPhase().flatMap((phase) =>
  [
    { turns: 0, pace: 'normal', timing: true, nexts: 0, safetyHeard: false },
    { turns: 5, pace: 'slow', timing: true, nexts: 10, safetyHeard: true },
    { turns: 5, pace: 'fast', timing: false, nexts: 1, safetyHeard: true },
  ].map(({ turns, pace, timing, nexts, safetyHeard }): GuideState => ({
    ...INITIAL_STATE,
    phase,
    turns,
    nexts,
    safetyHeard,
    prefs: { timing, pace: pace as GuideState['prefs']['pace'] },
  })),
);
const voice = voiceFor('en-US');
const rendered = states.flatMap((state) =>
  EVERY_COMMAND.map((command) => {
    const reply = reduce(state, command);
    return { state, command, reply, ...renderSpeech(reply.say, reply.ask, voice, reply.state.prefs.pace) };
  }),
);

test(`all ${rendered.length} answers are valid Alexa SSML`, async () => {
  await expectValidSsml(rendered.flatMap((r) => (r.reprompt ? [r.speech, r.reprompt] : [r.speech])));
});

test('no answer leaks a missing translation key or is empty', () => {
  for (const { speech, reprompt, command } of rendered) {
    expect([command.type, speech]).not.toEqual([command.type, expect.stringMatching(/\b(msg|ask|techniques|practice|knowledge|feet)\.[a-zA-Z0-9]/)]);
    expect(speech.trim()).not.toBe('');
    if (reprompt !== null) expect(reprompt.trim()).not.toBe('');
  }
});

test('every open answer ends with a question or a prompt, and has a reprompt', () => {
  for (const { reply, speech, reprompt } of rendered) {
    if (reply.ask === null) continue;
    expect(reprompt).not.toBeNull();
    expect(speech.replace(/<[^>]+>/g, '').trim()).toMatch(/[?.]$/);
  }
});

test('every step answer names its number, and the first names the total', () => {
  for (const t of TECHNIQUES) {
    for (let step = 0; step < t.steps.length; step++) {
      const { speech } = rendered.find((r) => r.command.type === 'goTo' && r.command.step === step + 1 && r.state.phase.at === 'step' && r.state.phase.technique === t.id)!;
      expect(speech).toContain(step === 0 ? `Step 1 of ${stepCount(t.id)}.` : `Step ${step + 1}`);
    }
  }
});

test('a timed step is counted inside the response: silence of its length, cues, and one chime', () => {
  for (const r of rendered) {
    const practice = r.reply.say.find((m) => m.kind === 'practice');
    const { breakSeconds, audioTags } = measureSsml(r.speech);
    if (!practice || practice.kind !== 'practice') {
      expect(audioTags).toBe(0);
      expect(breakSeconds).toBeLessThan(10);
      continue;
    }
    expect(r.state.prefs.timing || (r.command.type === 'timing' && r.command.on)).toBe(true);
    expect(audioTags).toBe(1);
    // The counted silence plus the short pauses between sentences.
    expect(breakSeconds).toBeGreaterThanOrEqual(practice.seconds);
    expect(breakSeconds).toBeLessThan(practice.seconds + 10);
    // The step's own closing action, after the counted silence.
    const end = String(voice.t(`practice.ends.${practice.end}`));
    expect(r.speech).toMatch(/Begin now\.[\s\S]*Halfway/);
    const lastSilence = r.speech.search(/<break time="\d+s"\/>(?![\s\S]*<break time="\d+s"\/>)/);
    expect(r.speech.indexOf(end)).toBeGreaterThan(lastSilence);
    expect(r.speech.indexOf(end)).toBeLessThan(r.speech.indexOf('<audio'));
  }
});

test('the pace is the speaking rate of the whole answer and its reprompt', () => {
  for (const r of rendered) {
    const rate = { slow: '<prosody rate="85%">', normal: null, fast: '<prosody rate="115%">' }[r.reply.state.prefs.pace];
    if (rate) {
      expect(r.speech.startsWith(rate)).toBe(true);
      if (r.reprompt) expect(r.reprompt.startsWith(rate)).toBe(true);
    } else expect(r.speech).not.toContain('<prosody');
  }
});

test('locale text is escaped, never trusted as markup', () => {
  expect(escape('Salt & <pepper>')).toBe('Salt &amp; &lt;pepper&gt;');
});
