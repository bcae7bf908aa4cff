/**
 * The Alexa locales the skill is published in. skill.json, interaction-models/
 * and this list must agree (`npm run check` says where they do not). Each
 * locale speaks from lambda/locales/<language>/, with an optional
 * lambda/locales/<locale>/ holding the few words that differ in that region.
 */
export const SUPPORTED_LOCALES = [
  'en-US',
  'en-GB',
  'en-CA',
  'en-AU',
  'en-IN',
  'de-DE',
  'fr-FR',
  'fr-CA',
  'es-ES',
  'es-MX',
  'es-US',
  'it-IT',
  'pt-BR',
  'ja-JP',
  'nl-NL',
  'hi-IN',
  'ar-SA',
] as const;

export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** The locale every request falls back to, and the one the skill was written in. */
export const DEFAULT_LOCALE: SupportedLocale = 'en-US';

/** The language a resource file is kept under: 'de-DE' → 'de'. */
export const languageOf = (locale: string): string => locale.split('-')[0];

const supported: ReadonlySet<string> = new Set(SUPPORTED_LOCALES);

/**
 * The supported locale a request's locale is spoken in: itself if supported,
 * else the first supported locale of the same language (de-AT → de-DE),
 * else en-US. Anything malformed is en-US too.
 */
export function supportedLocaleFor(requested: string | undefined): SupportedLocale {
  if (typeof requested !== 'string') return DEFAULT_LOCALE;
  if (supported.has(requested)) return requested as SupportedLocale;
  const language = /^([a-z]{2,3})(?:-[A-Za-z0-9]{2,8})*$/.exec(requested)?.[1];
  return SUPPORTED_LOCALES.find((locale) => languageOf(locale) === language) ?? DEFAULT_LOCALE;
}
