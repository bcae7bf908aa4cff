import './quiet';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { isRecord } from '../json';
import { SUPPORTED_LOCALES } from '../voice/locales';
import { Conversation } from './conversation';
import { phraseKey } from './grammar/generate';
import { languageProfile } from './language';
import { PROJECT_ROOT } from './projectRoot';

/**
 * `npm run heldout [-- <locale> ...] [--final]`: how much of what native
 * speakers wrote, without ever seeing the grammar or the models
 * (tests/heldout/<locale>.json), the model understands by exact sample
 * matching, as the tests do. The `dev` phrasings show which families the
 * grammar misses; `--final` also measures the sealed set, which nobody
 * tunes against, and prints only how many it misses. Writes
 * build/heldout/report.json (with the misses, for the record).
 */

export interface HeldOutPhrase {
  readonly say: string;
  readonly intent: string;
  readonly slots?: Readonly<Record<string, string | number>>;
}
export interface HeldOutFile {
  readonly dev: readonly HeldOutPhrase[];
  readonly final: readonly HeldOutPhrase[];
}
export interface Miss {
  readonly say: string;
  readonly expected: string;
  readonly got: string;
}
export interface SetResult {
  readonly total: number;
  readonly understood: number;
  readonly misses: readonly Miss[];
}

export const heldOutFile = (locale: string, root: string = PROJECT_ROOT): string => join(root, 'tests', 'heldout', `${locale}.json`);

export function readHeldOut(locale: string, root: string = PROJECT_ROOT): HeldOutFile {
  const raw: unknown = JSON.parse(readFileSync(heldOutFile(locale, root), 'utf8'));
  const list = (value: unknown): HeldOutPhrase[] =>
    Array.isArray(value) ? value.filter((p): p is HeldOutPhrase => isRecord(p) && typeof p.say === 'string' && typeof p.intent === 'string') : [];
  return isRecord(raw) ? { dev: list(raw.dev), final: list(raw.final) } : { dev: [], final: [] };
}

type ModelTypes = readonly {
  readonly name: string;
  readonly values: readonly { readonly id: string; readonly name: { readonly value: string; readonly synonyms?: readonly string[] } }[];
}[];

/** Measures one set of phrasings against one locale's committed model. */
export function measure(locale: string, phrases: readonly HeldOutPhrase[], root: string = PROJECT_ROOT): SetResult {
  const conversation = new Conversation({ locale, handler: () => Promise.reject<ResponseEnvelope>(new Error('nothing is sent while measuring')) });
  const model = JSON.parse(readFileSync(join(root, 'interaction-models', `${locale}.json`), 'utf8')) as {
    interactionModel: { languageModel: { types: ModelTypes } };
  };
  const key = phraseKey(languageProfile(locale, root).spaced);
  const ids = new Map<string, Map<string, string>>();
  for (const type of model.interactionModel.languageModel.types) {
    ids.set(type.name, new Map(type.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])].map((p) => [key(p), v.id] as const))));
  }
  const idOf = (type: string, value: string | undefined): string | undefined => (value === undefined ? undefined : ids.get(type)?.get(key(value)));

  const misses: Miss[] = [];
  for (const phrase of phrases) {
    const understood = conversation.understand(phrase.say);
    const expected = describeExpected(phrase);
    if (understood.kind !== 'intent') {
      misses.push({ say: phrase.say, expected, got: 'nothing (fallback)' });
      continue;
    }
    const got: Record<string, string> = {};
    // Only the slots the text filled are there.
    const slots: Partial<Record<string, string>> = understood.slots;
    if (slots.technique !== undefined) got.technique = idOf('TechniqueName', slots.technique) ?? `?${slots.technique}`;
    if (slots.pace !== undefined) got.pace = idOf('PaceName', slots.pace) ?? `?${slots.pace}`;
    const step = slots.stepNumber ?? idOf('StepOrdinal', slots.stepOrdinal);
    if (step !== undefined) got.step = step;
    // A concern or "both feet" refines an answer that is right without it: scored only where the
    // phrasing was written with one (phrasings older than those slots name none).
    if (slots.concern !== undefined && phrase.slots?.concern !== undefined) got.concern = idOf('SafetyConcern', slots.concern) ?? `?${slots.concern}`;
    if (slots.feet !== undefined && phrase.slots?.feet !== undefined) got.feet = idOf('FootScope', slots.feet) ?? `?${slots.feet}`;
    const description = describeExpected({ say: phrase.say, intent: understood.intent, slots: got });
    if (description !== expected) misses.push({ say: phrase.say, expected, got: description });
  }
  return { total: phrases.length, understood: phrases.length - misses.length, misses };
}

/** The slots a phrasing is scored on; a spoken ordinal ("the last step") counts as the step it names. */
const SCORED_SLOTS: Readonly<Record<string, string>> = {
  technique: 'technique',
  pace: 'pace',
  step: 'step',
  stepOrdinal: 'step',
  stepNumber: 'step',
  concern: 'concern',
  feet: 'feet',
};

function describeExpected(phrase: HeldOutPhrase): string {
  const slots = Object.entries(phrase.slots ?? {})
    .filter(([name]) => name in SCORED_SLOTS)
    .map(([name, value]) => `${SCORED_SLOTS[name]}=${String(value)}`)
    .sort();
  return slots.length > 0 ? `${phrase.intent} (${slots.join(', ')})` : phrase.intent;
}

const percent = (r: SetResult): string => (r.total === 0 ? '—' : `${((100 * r.understood) / r.total).toFixed(1)}%`);

export function main(args: readonly string[]): number {
  const final = args.includes('--final');
  const locales = args.filter((a) => !a.startsWith('--'));
  const unknown = locales.filter((a) => !(SUPPORTED_LOCALES as readonly string[]).includes(a));
  if (unknown.length > 0) {
    console.error(`npm run heldout: unknown locale ${unknown.join(', ')}; supported: ${SUPPORTED_LOCALES.join(', ')}`);
    return 2;
  }
  const report: Record<string, { dev: SetResult; final?: SetResult }> = {};
  for (const locale of locales.length > 0 ? locales : SUPPORTED_LOCALES) {
    let file: HeldOutFile;
    try {
      file = readHeldOut(locale);
    } catch {
      console.log(`${locale}: no tests/heldout/${locale}.json`);
      continue;
    }
    const dev = measure(locale, file.dev);
    const sealed = final ? measure(locale, file.final) : undefined;
    report[locale] = { dev, ...(sealed ? { final: sealed } : {}) };
    console.log(
      `${locale}: dev ${dev.understood}/${dev.total} (${percent(dev)})${sealed ? `, final ${sealed.understood}/${sealed.total} (${percent(sealed)})` : ''}`,
    );
    for (const miss of dev.misses) console.log(`  dev   "${miss.say}" → ${miss.got}; expected ${miss.expected}`);
    // The sealed set is counted, never printed: whoever tunes the grammar must not read it.
    if (sealed && sealed.misses.length > 0)
      console.log(
        `  final: ${sealed.misses.length} not understood (${sealed.misses.filter((m) => !m.got.startsWith('nothing')).length} as a wrong intent); phrasings sealed`,
      );
  }
  mkdirSync(join(PROJECT_ROOT, 'build', 'heldout'), { recursive: true });
  writeFileSync(join(PROJECT_ROOT, 'build', 'heldout', 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
