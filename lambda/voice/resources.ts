import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The locale files are read from disk when a locale is first spoken, never
 * bundled: a cold start pays for its own language (and the English fallback),
 * not for all seventeen. They sit next to the deployed bundle (`npm run build`
 * copies them to build/lambda/locales/) or, for tests and the local tools, in
 * the source tree.
 */
const LOCALES_DIR = [
  join(__dirname, 'locales'), // build/lambda/index.js (deployed)
  join(__dirname, '..', 'locales'), // lambda/voice/resources.ts (tests, ts sources)
  join(__dirname, '..', '..', 'lambda', 'locales'), // build/<tool>/<tool>.js (simulator, server, bench)
].find((dir) => existsSync(join(dir, 'en', 'translation.json')));

export type Resources = Record<string, unknown>;

/**
 * The words kept under `code` ('de' or the regional 'de-AT'), or undefined when
 * there are none. Only called with codes from SUPPORTED_LOCALES, so a request
 * can never choose the path.
 */
export function readResources(code: string): Resources | undefined {
  if (LOCALES_DIR === undefined) throw new Error('lambda/locales/ not found next to the bundle: run npm run build');
  const file = join(LOCALES_DIR, code, 'translation.json');
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as Resources;
}
