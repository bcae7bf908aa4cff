import i18next, { type TFunction } from 'i18next';
import { DEFAULT_LOCALE, languageOf, supportedLocaleFor } from './locales';
import { readResources } from './resources';

/** The language every key falls back to: complete by construction (`npm run check`). */
const FALLBACK_LANGUAGE = languageOf(DEFAULT_LOCALE);

/**
 * One i18next instance for the process, initialised synchronously at module
 * load (cold start pays once; no request ever calls `init`). It starts with
 * no words: each locale's files are added the first time that locale speaks.
 */
const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  resources: {},
  lng: DEFAULT_LOCALE,
  // de-DE → de → en: a regional file holds only what differs from its language.
  fallbackLng: [FALLBACK_LANGUAGE],
  load: 'all',
  // Our renderer escapes the finished text for SSML; escaping here would do it twice.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/**
 * Adds the words kept under `code`, once; a code with no file (most regions)
 * is remembered as empty. A file that cannot be read (a package missing
 * build/lambda/locales/, a broken file) is said once in the log and that
 * language falls back to English: the user still gets an answer.
 */
function load(code: string): void {
  if (i18n.hasResourceBundle(code, 'translation')) return;
  let words: Record<string, unknown> = {};
  try {
    words = readResources(code) ?? {};
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', event: 'locale', message: `words for "${code}" could not be read; speaking English`, error: String(error) }));
  }
  i18n.addResourceBundle(code, 'translation', words);
}

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
    for (const code of new Set([FALLBACK_LANGUAGE, languageOf(locale), locale])) load(code);
    const fixed = i18n.getFixedT(locale);
    const t = remembering(fixed);
    const numbers: unknown = fixed('numbers', { returnObjects: true });
    voice = { locale, t, numbers: typeof numbers === 'object' && numbers !== null ? (numbers as Record<string, number>) : {} };
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
 */
function remembering(t: TFunction): Translate {
  const said = new Map<string, string>();
  return (key, values) => {
    const id = values === undefined ? key : `${key}\u0000${JSON.stringify(values)}`;
    let text = said.get(id);
    if (text === undefined) {
      text = String(t(key, values));
      if (said.size >= MAX_REMEMBERED) said.clear();
      said.set(id, text);
    }
    return text;
  };
}
