import { TECHNIQUES, TECHNIQUE_IDS, stepCount } from '../../lambda/guide/catalog';
import type { Command } from '../../lambda/guide/commands';
import { reduce } from '../../lambda/guide/reduce';
import { INITIAL_STATE, type GuideState } from '../../lambda/guide/state';
import { voiceFor } from '../../lambda/voice/i18n';
import { escape, renderSpeech } from '../../lambda/voice/speech';
import { expectValidSsml } from '../support/ssml';
import { everyPhase } from '../support/states';

// Every answer the guide can give today: every phase × every command, rendered in en-US.

const COMMANDS: Command[] = [
  { type: 'launch' },
  ...TECHNIQUE_IDS.map((technique): Command => ({ type: 'start', technique })),
  { type: 'start', technique: null },
  { type: 'next' }, { type: 'previous' }, { type: 'repeat' }, { type: 'startOver' },
  ...[null, -3, 0, 1, 2, 3, 4, 99, 1e15].map((step): Command => ({ type: 'goTo', step })),
  { type: 'whereAmI' }, { type: 'list' }, { type: 'help' }, { type: 'yes' }, { type: 'no' },
  { type: 'home' }, { type: 'stop' }, { type: 'fallback' }, { type: 'error' },
];

const states: GuideState[] = everyPhase().flatMap((phase) => [0, 5].map((turns) => ({ ...INITIAL_STATE, phase, turns })));
const voice = voiceFor('en-US');
const rendered = states.flatMap((state) =>
  COMMANDS.map((command) => {
    const reply = reduce(state, command);
    return { state, command, reply, ...renderSpeech(reply.say, reply.ask, voice) };
  }),
);

test(`all ${rendered.length} answers are valid Alexa SSML`, async () => {
  await expectValidSsml(rendered.flatMap((r) => (r.reprompt ? [r.speech, r.reprompt] : [r.speech])));
});

test('no answer leaks a missing translation key or is empty', () => {
  for (const { speech, reprompt, command } of rendered) {
    expect([command.type, speech]).not.toEqual([command.type, expect.stringMatching(/\b(msg|ask|techniques)\.[a-zA-Z]/)]);
    expect(speech.trim()).not.toBe('');
    if (reprompt !== null) expect(reprompt.trim()).not.toBe('');
  }
});

test('every open answer ends with a question or a prompt, and has a reprompt', () => {
  for (const { reply, speech, reprompt } of rendered) {
    if (reply.ask === null) continue;
    expect(reprompt).not.toBeNull();
    expect(speech).toMatch(/[?.]$/);
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

test('locale text is escaped, never trusted as markup', () => {
  expect(escape('Salt & <pepper>')).toBe('Salt &amp; &lt;pepper&gt;');
});
