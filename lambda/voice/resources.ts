import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import english from '../locales/en/translation.json';

/**
 * English is bundled: every locale falls back to it, so every cold start
 * needs it anyway. Every other language is read from disk the first time it
 * speaks, so a cold start pays for its own language and English, never for
 * all seventeen. Those files sit next to the deployed bundle (`npm run build`
 * copies them to build/lambda/locales/) or, for tests and the local tools, in
 * the source tree.
 */
const BUNDLED: Readonly<Record<string, Resources>> = { en: english };

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

export type Resources = Record<string, unknown>;

/**
 * The words kept under `code` ('de' or the regional 'de-AT'), or undefined when
 * there are none. Only called with codes from SUPPORTED_LOCALES, so a request
 * can never choose the path.
 */
export function readResources(code: string): Resources | undefined {
  const bundled = BUNDLED[code];
  if (bundled) return bundled;
  const dir = findLocalesDir();
  if (dir === null) throw new Error('lambda/locales/ not found next to the bundle: run npm run build');
  const file = join(dir, code, 'translation.json');
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as Resources;
}
