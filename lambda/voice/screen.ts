/**
 * The one APL document, kept as JSON (apl/document.json, with a sample
 * datasource beside it) so Amazon's authoring tool opens it as it is. This
 * file only loads it, adds the foot diagram and the locale's environment, and
 * names what the handlers share with it.
 */

/** The token of every RenderDocument; touch and keep-alive events come back with it. */
export const APL_TOKEN = 'footMassageGuide';
/** How long a waiting step keeps the session open without a spoken command, and how often it says so (document.json's handleTick says the same). */
export const KEEP_ALIVE_MS = 10 * 60 * 1000;
export const KEEP_ALIVE_TICK_MS = 15_000;
/** The UserEvent argument of a keep-alive tick (handlers/keepAlive.ts). */
export const KEEP_ALIVE_EVENT = 'keepAlive';

/** The document-level settings APL reads from `environment` (at the document's root they are deprecated). */
interface Environment {
  readonly lang: string;
  readonly layoutDirection: 'LTR' | 'RTL';
}
export type AplDocument = Readonly<Record<string, unknown>> & { readonly version: string; readonly environment: Environment };

let base: (Readonly<Record<string, unknown>> & { readonly version: string }) | undefined;
const localised = new Map<string, AplDocument>();

/**
 * The document for a locale, built on first use and kept (it never changes
 * between requests); a process that only serves speakers never loads it.
 * `environment.lang` picks the device's fonts and line breaking,
 * `environment.layoutDirection` lays Arabic out right to left. `locale` is
 * always a supported one (voiceFor).
 */
export function aplDocument(locale = 'en-US'): AplDocument {
  let found = localised.get(locale);
  if (!found) {
    if (!base) {
      // Loaded with the first screen: the document and the foot diagram cost nothing on speakers.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const document = require('./apl/document.json') as Record<string, unknown> & { version: string };
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { footGraphic } = require('./footDiagram') as typeof import('./footDiagram');
      base = { ...document, graphics: { foot: footGraphic() } };
    }
    found = { ...base, environment: { lang: locale, layoutDirection: textDirection(locale) === 'rtl' ? 'RTL' : 'LTR' } };
    localised.set(locale, found);
  }
  return found;
}

/** 'rtl' for Arabic and the like; Intl knows (Node 20 and later). */
function textDirection(locale: string): string {
  try {
    return (new Intl.Locale(locale) as Intl.Locale & { textInfo?: { direction?: string } }).textInfo?.direction ?? 'ltr';
  } catch {
    return 'ltr';
  }
}
