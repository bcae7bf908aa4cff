import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import english from '../locales/en/translation.json';

/**
 * English is bundled: every locale falls back to it, so every cold start
 * needs it anyway (i18n.ts hands it to i18next at init). Every other language
 * is read from disk the first time it speaks, so a cold start pays for its own
 * language and English, never for all seventeen. Those files sit next to the
 * deployed bundle (`npm run build` copies them to build/lambda/locales/) or,
 * for tests and the local tools, in the source tree.
 */
export const ENGLISH: Resources = english;

export type Resources = Record<string, unknown>;

/**
 * Every folder of lambda/locales/: a language ('de') or a region that words a
 * few things its own way ('en-GB'). Known here rather than looked for on disk,
 * so a locale without its own folder (en-US, de-DE) costs no file system
 * calls at all (tests/voice/resources.test.ts keeps the list and the folders equal).
 */
export const WORD_FILES: ReadonlySet<string> = new Set([
  'en',
  'en-AU',
  'en-GB',
  'en-IN',
  'de',
  'fr',
  'fr-CA',
  'es',
  'es-ES',
  'it',
  'pt',
  'ja',
  'nl',
  'hi',
  'ar',
]);

let localesDir: string | null | undefined;

/** Found on the first read, not at load: an English-only process never looks. */
function findLocalesDir(): string | null {
  localesDir ??=
    [
      join(__dirname, 'locales'), // build/lambda/index.js (deployed)
      join(__dirname, '..', 'locales'), // lambda/voice/resources.ts (tests, ts sources)
      join(__dirname, '..', '..', 'lambda', 'locales'), // build/<tool>/<tool>.js (simulator, server, bench)
    ].find((dir) => existsSync(join(dir, 'en', 'translation.json'))) ?? null;
  return localesDir;
}

/**
 * The words kept under `code` ('de' or the regional 'de-AT'), or undefined when
 * there are none. Only called with codes from SUPPORTED_LOCALES, so a request
 * can never choose the path.
 */
export function readResources(code: string): Resources | undefined {
  if (code === 'en') return ENGLISH;
  if (!WORD_FILES.has(code)) return undefined;
  const dir = findLocalesDir();
  if (dir === null) throw new Error('lambda/locales/ not found next to the bundle: run npm run build');
  return JSON.parse(readFileSync(join(dir, code, 'translation.json'), 'utf8')) as Resources;
}
