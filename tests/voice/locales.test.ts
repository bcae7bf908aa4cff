import { reduce } from '../../lambda/guide/reduce';
import { INITIAL_STATE, type GuideState } from '../../lambda/guide/state';
import { voiceFor } from '../../lambda/voice/i18n';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, languageOf } from '../../lambda/voice/locales';
import { renderSpeech } from '../../lambda/voice/speech';
import { plainText } from '../../lambda/local/conversation';
import { EVERY_COMMAND } from '../support/commands';
import { expectValidSsml } from '../support/ssml';
import { everyPhase } from '../support/states';
import { speechKey } from '../support/replies';

// Every answer the guide can give, in every locale: valid SSML for that locale,
// every word found, and no English left behind in another language.

// Every phase, once new (safety notice, full prompts) and once seasoned (brief prompts, fast pace).
// Rendering reads only what is said, what is asked and the pace; of the 20,000 replies about a
// third differ in those, and each of those is rendered once in every locale.
const replies = [
  ...new Map(
    everyPhase()
      .flatMap((phase) =>
        (
          [
            { ...INITIAL_STATE, phase },
            { ...INITIAL_STATE, phase, turns: 5, nexts: 10, safetyHeard: true, prefs: { timing: true, pace: 'fast' } },
          ] satisfies GuideState[]
        ).flatMap((state) => EVERY_COMMAND.map((command) => reduce(state, command))),
      )
      .map((reply) => [speechKey(reply), reply] as const),
  ).values(),
];

const render = (locale: string) => {
  const voice = voiceFor(locale);
  return replies.map((reply) => renderSpeech(reply.say, reply.ask, voice, reply.state.prefs.pace));
};
const english = render(DEFAULT_LOCALE).map((r) => plainText(r.speech));

/** Sentences of four words or more: long enough that finding one unchanged means it was not translated. */
const sentencesOf = (text: string): string[] => text.split(/(?<=[.?!])\s+/).filter((s) => s.split(/\s+/).length >= 4);

describe.each(SUPPORTED_LOCALES.map((locale) => [locale]))('%s', (locale) => {
  const rendered = render(locale);

  test('every answer is valid Alexa SSML for this locale, within the limits', async () => {
    await expectValidSsml(
      rendered.flatMap((r) => (r.reprompt ? [r.speech, r.reprompt] : [r.speech])),
      locale,
    );
  });

  test('no answer leaks a translation key, and none is empty', () => {
    const leaks = rendered.filter((r) => /\b(msg|ask|techniques|practice|knowledge|feet|screen|list)\.[a-zA-Z]/.test(r.speech) || plainText(r.speech) === '');
    expect(leaks.map((r) => r.speech)).toEqual([]);
  });

  test("a step's sentences are spoken with a short pause between them, whatever the script's full stop", () => {
    const step = reduce(INITIAL_STATE, { type: 'start', technique: 'ankleStretch' });
    const { speech } = renderSpeech(step.say, step.ask, voiceFor(locale), 'normal');
    expect((speech.match(/<break time="300ms"\/>/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });

  if (languageOf(locale) !== languageOf(DEFAULT_LOCALE)) {
    test('no English sentence is left in the answers', () => {
      const left = new Set<string>();
      rendered.forEach((r, i) => {
        const spoken = plainText(r.speech);
        for (const sentence of sentencesOf(english[i])) if (spoken.includes(sentence)) left.add(sentence);
      });
      expect([...left]).toEqual([]);
    });
  }
});

test('counted seconds take the plural the number needs: Arabic says 10 ثوان but 15 ثانية', () => {
  const said = (seconds: number) =>
    renderSpeech([{ kind: 'practice', seconds, midCue: 'halfway', end: 'release', technique: 'finish', step: 2, of: 2 }], null, voiceFor('ar-SA'), 'normal')
      .speech;
  expect(said(10)).toContain('10 ثوان');
  expect(said(15)).toContain('15 ثانية');
  expect(
    renderSpeech([{ kind: 'practice', seconds: 20, midCue: 'halfway', end: 'release', technique: 'finish', step: 2, of: 2 }], null, voiceFor('en-US'), 'normal')
      .speech,
  ).toContain('for 20 seconds');
});
