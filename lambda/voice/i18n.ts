import i18next, { type TFunction } from 'i18next';
import en from '../locales/en/translation.json';

/** The locale every request falls back to, and the one the skill was written in. */
export const DEFAULT_LOCALE = 'en-US';

/**
 * One i18next instance for the process, initialised synchronously at module
 * load (cold start pays once; no request ever calls `init`).
 */
const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  resources: { en: { translation: en } },
  lng: DEFAULT_LOCALE,
  fallbackLng: { default: ['en'] },
  load: 'all',
  // Our renderer escapes the finished text for SSML; escaping here would do it twice.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export type Translate = TFunction;

/** Everything the voice layer needs for one locale, built once per locale and reused. */
export interface Voice {
  readonly locale: string;
  readonly t: Translate;
  /** Spoken number words ("two" → 2), for AMAZON.NUMBER slots that arrive as words. */
  readonly numbers: Readonly<Record<string, number>>;
}

const voices = new Map<string, Voice>();

/** The voice for a request's locale; anything unknown or malformed speaks en-US. */
export function voiceFor(requested: string | undefined): Voice {
  const wellFormed = typeof requested === 'string' && /^[a-z]{2,3}(-[A-Z]{2})?$/.test(requested);
  // A locale we have no words for speaks en-US (and costs one cache entry, not one per forged locale).
  const locale = wellFormed && i18n.hasResourceBundle(requested.split('-')[0], 'translation') ? requested : DEFAULT_LOCALE;
  let voice = voices.get(locale);
  if (!voice) {
    const t = remembering(i18n.getFixedT(locale));
    const numbers: unknown = t('numbers', { returnObjects: true });
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
 * in a warm turn, so each (key, values) pair is translated once. Objects
 * (returnObjects) are not remembered; the memory is bounded.
 */
function remembering(t: TFunction): Translate {
  const said = new Map<string, string>();
  const remembered = (key: string, options?: Record<string, unknown>): unknown => {
    if (options?.returnObjects) return t(key, options);
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
    let text = said.get(id);
    if (text === undefined) {
      text = String(t(key, options));
      if (said.size >= MAX_REMEMBERED) said.clear();
      said.set(id, text);
    }
    return text;
  };
  // The wrapper takes the same arguments the skill passes and returns what t returns for them.
  return remembered as unknown as Translate;
}
