import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRecord } from '../../json';

/**
 * tests/heldout/<locale>.json: phrasings by native speakers who never saw
 * the models. `dev` is for looking at while changing the model; `final` is
 * the one the gate is on.
 */

interface HeldOutPhrase {
  readonly say: string;
  readonly intent: string;
  readonly slots?: Readonly<Record<string, string>>;
}

export interface HeldOut {
  readonly file: string;
  readonly dev: readonly HeldOutPhrase[];
  readonly final: readonly HeldOutPhrase[];
}

const heldOutFile = (root: string, locale: string): string => join(root, 'tests', 'heldout', `${locale}.json`);

function phrases(value: unknown, where: string): HeldOutPhrase[] {
  if (!Array.isArray(value)) throw new Error(`${where} is not a list`);
  return value.map((item: unknown, i): HeldOutPhrase => {
    if (!isRecord(item) || typeof item.say !== 'string' || typeof item.intent !== 'string') throw new Error(`${where}[${i}] needs "say" and "intent" strings`);
    const slots = isRecord(item.slots)
      ? Object.fromEntries(Object.entries(item.slots).filter((e): e is [string, string] => typeof e[1] === 'string'))
      : undefined;
    return { say: item.say, intent: item.intent, ...(slots ? { slots } : {}) };
  });
}

/** The locale's held-out phrasings, or undefined when it has none yet. Throws on a malformed file. */
export function readHeldOut(root: string, locale: string): HeldOut | undefined {
  const file = heldOutFile(root, locale);
  if (!existsSync(file)) return undefined;
  const json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!isRecord(json)) throw new Error(`${file}: not a JSON object`);
  return { file, dev: phrases(json.dev ?? [], `${file}: dev`), final: phrases(json.final ?? [], `${file}: final`) };
}
