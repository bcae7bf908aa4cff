import i18next, { type TFunction } from 'i18next';
import { DEFAULT_LOCALE, languageOf, supportedLocaleFor } from './locales';
import { ENGLISH, WORD_FILES, readResources } from './resources';

/** The language every key falls back to: complete by construction (`npm run check`). */
const FALLBACK_LANGUAGE = languageOf(DEFAULT_LOCALE);

/**
 * One i18next instance for the process, initialised synchronously at module
 * load (cold start pays once; no request ever calls `init`), with English
 * already in it: every locale falls back to English, so no request adds it.
 * Another language's words are added the first time that language speaks.
 */
const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  resources: { [FALLBACK_LANGUAGE]: { translation: ENGLISH } },
  lng: FALLBACK_LANGUAGE,
  // de → en, fr-CA → fr → en: a regional file holds only what differs from its language.
  fallbackLng: [FALLBACK_LANGUAGE],
  // Keys are paths ("msg.welcome") and never name a namespace: saying so spares every
  // lookup i18next's test of whether the key is a sentence or a "namespace:key".
  nsSeparator: false,
  keySeparator: '.',
  // Our renderer escapes the finished text for SSML; escaping here would do it twice.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/**
 * Adds the words kept under `code`, once. A file that cannot be read (a
 * package missing build/lambda/locales/, a broken file) is said once in the
 * log and that language falls back to English: the user still gets an answer.
 */
function load(code: string): void {
  if (i18n.hasResourceBundle(code, 'translation')) return;
  let words: Record<string, unknown> = {};
  try {
    words = readResources(code) ?? {};
  } catch (error) {
    console.error(
      JSON.stringify({ level: 'error', event: 'locale', message: `words for "${code}" could not be read; speaking English`, error: String(error) }),
    );
  }
  // Just parsed from the file, held by nothing else: i18next need not copy them (a JSON round trip of the whole file).
  i18n.addResourceBundle(code, 'translation', words, false, false, { skipCopy: true });
}

/**
 * The code a locale's words are looked up under: the region's own when it
 * has a file ('en-GB'), else the language ('de-DE' → 'de'). Looking up
 * 'de-DE' would first search a bundle that can never hold anything, on every
 * key; 'de' goes straight to the words.
 */
const wordsCodeOf = (locale: string): string => (WORD_FILES.has(locale) ? locale : languageOf(locale));

/** i18next's plural forms: `spotsLeft_one`, `spotsLeft_other` are both asked for as `spotsLeft`. */
type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Singular<K extends string> = K extends `${infer Base}_${PluralForm}` ? Base : K;
/** Every key of a words file, as "msg.welcome": the leaves, and (for returnObjects) the objects. */
type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${Singular<K>}` : `${Prefix}${K}` | KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/**
 * A key of the English words, which every language has (`npm run check`):
 * a key built from a message kind that has no words is a type error, not a
 * silence at run time.
 */
export type WordKey = KeysOf<typeof import('../locales/en/translation.json')>;

/** Words for a key, in the voice's language, with `{{values}}` filled in. */
export type Translate = (key: WordKey, values?: Readonly<Record<string, unknown>>) => string;

/** Everything the voice layer needs for one locale, built once per locale and reused. */
export interface Voice {
  readonly locale: string;
  readonly t: Translate;
  /** Spoken number words ("two" → 2), for AMAZON.NUMBER slots that arrive as words. */
  readonly numbers: Readonly<Record<string, number>>;
}

const voices = new Map<string, Voice>();

/**
 * The voice for a request's locale. A supported locale speaks its own words;
 * another region of a supported language speaks that language (de-AT → de-DE);
 * anything else, or malformed, speaks en-US. At most one voice per supported
 * locale is ever built, whatever a request claims.
 */
export function voiceFor(requested: string | undefined): Voice {
  const locale = supportedLocaleFor(requested);
  let voice = voices.get(locale);
  if (!voice) {
    const code = wordsCodeOf(locale);
    // The order i18next looks in for this code: 'fr-CA' → 'fr' → 'en'.
    const chain = [...new Set([code, languageOf(code), FALLBACK_LANGUAGE])];
    for (const c of chain) load(c);
    // The words i18next holds for each, in the order it looks: read directly for words with nothing to fill in.
    const bundles = chain.map((c) => i18n.getDataByLanguage(c)?.translation ?? {});
    const fixed = i18n.getFixedT(code);
    let numbers: Readonly<Record<string, number>> | undefined;
    voice = {
      locale,
      t: remembering(fixed, bundles),
      // Only a spoken step number needs these: looked up the first time one arrives, not on every cold start.
      get numbers() {
        if (numbers === undefined) {
          const found: unknown = fixed('numbers', { returnObjects: true });
          numbers = typeof found === 'object' && found !== null ? (found as Record<string, number>) : {};
        }
        return numbers;
      },
    };
    voices.set(locale, voice);
  }
  return voice;
}

/** Enough for every sentence the skill can say in a locale, many times over. */
const MAX_REMEMBERED = 5_000;

/**
 * A translator that remembers what it has said. Locale strings never change
 * while the process lives, and i18next's lookup is the most expensive thing
 * in a warm turn, so each (key, values) pair is translated once; the memory
 * is bounded.
 *
 * Words asked for without values, and that hold nothing to fill in, are
 * read from i18next's store along the same chain t() walks (region, language,
 * English): t() would find the same string and then run its interpolation
 * and nesting machinery over it for nothing, which on a cold start (a launch
 * asks for about 25 such words) costs more than everything else the first
 * answer does. Words with plain `{{name}}` placeholders and values for each
 * are filled in here the same way (filledWords). Anything else (plurals,
 * nesting, a placeholder without a value, a key that is missing or names an
 * object) goes to t(). tests/voice/resources.test.ts holds the two ways to
 * the same words for every key in every locale, with values and counts.
 */
function remembering(t: TFunction, bundles: readonly Words[]): Translate {
  const said = new Map<string, string>();
  const counted = new Map<string, boolean>();
  const translate = (key: WordKey, values?: Readonly<Record<string, unknown>>): string => {
    if (values === undefined) return plainWords(bundles, key) ?? t(key);
    if (typeof values.count === 'number') {
      let plural = counted.get(key);
      if (plural === undefined) counted.set(key, (plural = hasPluralForms(bundles, key)));
      if (plural) return t(key, values);
      // A number of things said the same way whatever the number ("I know {{count}} techniques"):
      // a count given as text is only filled in, and i18next builds no plural rules for it
      // (ICU's, about a millisecond of a cold start) just to find there are no forms to choose from.
      values = { ...values, count: String(values.count) };
    }
    return filledWords(bundles, key, values) ?? t(key, values);
  };
  return (key, values) => {
    const id = values === undefined ? key : memoKey(key, values);
    if (id === null) return translate(key, values);
    let text = said.get(id);
    if (text === undefined) {
      text = translate(key, values);
      if (said.size >= MAX_REMEMBERED) said.clear();
      said.set(id, text);
    }
    return text;
  };
}

/** i18next's suffixes for the forms of a counted key ("spotsLeft_one"); every language that has forms has "other". */
const PLURAL_SUFFIXES = ['_zero', '_one', '_two', '_few', '_many', '_other'];

/** A language's words as i18next holds them: nested objects, strings at the leaves. */
type Words = Readonly<Record<string, unknown>>;

/** What `key` ("msg.welcome") leads to in one language's words, if anything. */
function lookUp(words: Words, key: string): unknown {
  let here: unknown = words;
  let from = 0;
  while (typeof here === 'object' && here !== null) {
    const dot = key.indexOf('.', from);
    here = (here as Words)[dot === -1 ? key.slice(from) : key.slice(from, dot)];
    if (dot === -1) return here;
    from = dot + 1;
  }
  return undefined;
}

/** Whether any language of the chain words `key` by number. */
function hasPluralForms(bundles: readonly Words[], key: string): boolean {
  return bundles.some((words) => PLURAL_SUFFIXES.some((suffix) => lookUp(words, `${key}${suffix}`) !== undefined));
}

/** The words under `key` if they need no formatting: the first language of the chain that has them decides, as in t(). */
function plainWords(bundles: readonly Words[], key: string): string | undefined {
  for (const words of bundles) {
    const found = lookUp(words, key);
    if (found === undefined || found === null) continue;
    return typeof found === 'string' && !found.includes('{{') && !found.includes('$t(') ? found : undefined;
  }
  return undefined;
}

// What t() does with `{{name}}` and nothing else: puts the value in, as text.
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const NAME = /^[A-Za-z_]\w*$/;
// Values under these names are options to t() (another key, form or language), not words to fill in.
const T_OPTIONS = new Set([
  'context',
  'ordinal',
  'count',
  'lng',
  'lngs',
  'ns',
  'defaultValue',
  'replace',
  'interpolation',
  'postProcess',
  'returnObjects',
  'keyPrefix',
]);

/**
 * The words under `key` with each `{{name}}` filled in, when that is all t() would do: the
 * words are a string with plain placeholders, every one given a string or a number, and
 * nothing (in the words or the values) asks for nesting or more filling. Otherwise undefined,
 * and t() does it. t()'s interpolation and nesting passes cost far more than this, and a
 * step, a position or a list is said this way on almost every turn.
 */
function filledWords(bundles: readonly Words[], key: string, values: Readonly<Record<string, unknown>>): string | undefined {
  for (const name in values) if (T_OPTIONS.has(name) && !(name === 'count' && typeof values.count === 'string')) return undefined;
  for (const words of bundles) {
    const found = lookUp(words, key);
    if (found === undefined || found === null) continue;
    if (typeof found !== 'string' || found.includes('$t(')) return undefined;
    const fill = (name: string): string | undefined => {
      const value = NAME.test(name) && Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
      return typeof value === 'number' || (typeof value === 'string' && !value.includes('{{') && !value.includes('$t(')) ? String(value) : undefined;
    };
    for (const [, name] of found.matchAll(PLACEHOLDER)) if (fill(name) === undefined) return undefined;
    return found.replace(PLACEHOLDER, (_, name: string) => fill(name) ?? '');
  }
  return undefined;
}

/**
 * One string per (key, values), cheaper than JSON.stringify and just as
 * unambiguous: numbers as written, strings prefixed by their length, so no
 * value (whatever it holds) can pass for another. Values of any other type
 * are not remembered (null): the call goes straight to i18next.
 */
function memoKey(key: string, values: Readonly<Record<string, unknown>>): string | null {
  let id = key;
  for (const name in values) {
    const value = values[name];
    if (typeof value === 'number') id += `\u0000${name}=${value}`;
    else if (typeof value === 'string') id += `\u0000${name}:${value.length}:${value}`;
    else if (value !== undefined) return null;
  }
  return id;
}
