import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { voiceFor, type WordKey } from '../../lambda/voice/i18n';
import { SUPPORTED_LOCALES } from '../../lambda/voice/locales';
import { WORD_FILES, readResources } from '../../lambda/voice/resources';

// Which locales have words of their own is known without looking at the disk; it must be the truth.

test('the list of word files is exactly the folders of lambda/locales/', () => {
  const folders = readdirSync(join(__dirname, '..', '..', 'lambda', 'locales'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  expect([...WORD_FILES].sort()).toEqual(folders.sort());
});

test('a region with words of its own says them, and its language and English for the rest; one without speaks its language', () => {
  expect(voiceFor('en-GB').t('msg.goodbye')).toBe('Okay. Enjoy your relaxed feet. Bye for now!');
  expect(voiceFor('en-US').t('msg.goodbye')).not.toBe(voiceFor('en-GB').t('msg.goodbye'));
  expect(voiceFor('en-GB').t('msg.welcome')).toBe(voiceFor('en-US').t('msg.welcome'));
  expect(voiceFor('fr-CA').t('msg.welcome')).toBe(voiceFor('fr-FR').t('msg.welcome'));
  expect(voiceFor('fr-CA').t('msg.helpMenu')).not.toBe(voiceFor('fr-FR').t('msg.helpMenu'));
  expect(voiceFor('de-DE').t('msg.welcome')).not.toBe(voiceFor('en-US').t('msg.welcome'));
});

test('remembered words never mix up the values they were said with', () => {
  const { t } = voiceFor('en-US');
  // Pairs a key made by joining values without lengths would confuse.
  const a = t('screen.cardTitle', { title: 'A', step: 1, of: 2 });
  const b = t('screen.cardTitle', { title: 'A\u0000step=1', step: 1, of: 2 });
  const c = t('screen.cardTitle', { title: 'A', step: 12, of: 2 });
  expect(new Set([a, b, c]).size).toBe(3);
  expect(t('screen.cardTitle', { title: 'A', step: 1, of: 2 })).toBe(a);
  expect(c).toContain('12');
});

/**
 * The reference: i18next used the plain way (every language's words at init, t() for every
 * word, the request's own locale), as the skill did before its cold start was trimmed.
 */
function plainI18next(locale: string): TFunction {
  const resources: Record<string, { translation: Record<string, unknown> }> = {};
  for (const code of WORD_FILES) resources[code] = { translation: readResources(code) ?? {} };
  const instance = i18next.createInstance();
  void instance.init({ initAsync: false, resources, lng: locale, fallbackLng: ['en'], load: 'all', interpolation: { escapeValue: false }, returnNull: false });
  return instance.getFixedT(locale);
}

/** Every leaf of a words file, as "msg.welcome", with its text. */
function leaves(words: Record<string, unknown>, prefix = ''): [string, string][] {
  return Object.entries(words).flatMap(([name, value]): [string, string][] =>
    typeof value === 'string'
      ? [[`${prefix}${name}`, value]]
      : typeof value === 'object' && value !== null
        ? leaves(value as Record<string, unknown>, `${prefix}${name}.`)
        : [],
  );
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

describe.each(SUPPORTED_LOCALES.map((locale) => [locale]))('%s says every word as plain i18next would', (locale) => {
  const reference = plainI18next(locale);
  const voice = voiceFor(locale);
  const english = leaves(readResources('en') ?? {});

  test('words without values', () => {
    const keys = english.filter(([key, text]) => !PLURAL.test(key) && !text.includes('{{')).map(([key]) => key as WordKey);
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.map((key) => voice.t(key))).toEqual(keys.map((key) => reference(key)));
  });

  test('words with values and counts, for many numbers', () => {
    const keys = [...new Set(english.filter(([key, text]) => PLURAL.test(key) || text.includes('{{')).map(([key]) => key.replace(PLURAL, '')))];
    const text = new Map(english.map(([key, t]) => [key.replace(PLURAL, ''), t]));
    for (const count of [0, 1, 2, 3, 5, 6, 11, 21, 102]) {
      const values = (key: string): Record<string, unknown> => {
        const names = [...(text.get(key) ?? '').matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]);
        return Object.fromEntries(
          [...names, 'count'].map((name) => [name, name === 'count' || name === 'step' || name === 'of' || name === 'seconds' ? count : `«${name}»`]),
        );
      };
      expect(keys.map((key) => voice.t(key as WordKey, values(key)))).toEqual(keys.map((key) => reference(key, values(key))));
    }
  });
});
