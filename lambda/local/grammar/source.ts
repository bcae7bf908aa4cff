import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isRecord } from '../../json';
import { languageOf } from '../../voice/locales';

/**
 * A grammar as written: interaction-models/grammar/<language>.yaml for a
 * language, and <locale>.yaml beside it for what one region says
 * differently. A regional file only adds: its pieces, patterns and synonyms
 * join the language's (and its invocation name, if it has one, replaces it).
 */
interface IntentSource {
  /** Patterns of what people say for this intent. */
  readonly say: readonly string[];
  /** Phrasings this intent's patterns would produce but which belong elsewhere. */
  readonly except: readonly string[];
}

export interface GrammarSource {
  readonly invocation: string;
  readonly pieces: ReadonlyMap<string, readonly string[]>;
  readonly intents: ReadonlyMap<string, IntentSource>;
  /** Slot type → value id → patterns; the first phrasing of the first pattern is the value's name. */
  readonly types: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** The files this grammar was read from, relative to the project root (language first). */
  readonly files: readonly string[];
}

const GRAMMAR_DIR = join('interaction-models', 'grammar');
const grammarFile = (code: string): string => join(GRAMMAR_DIR, `${code}.yaml`);

export class GrammarFileError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

/** The files of a locale's grammar: its language's, and its own if it has one. */
export function grammarFiles(locale: string, root: string): string[] {
  const files = [grammarFile(languageOf(locale))];
  if (locale !== languageOf(locale) && existsSync(join(root, grammarFile(locale)))) files.push(grammarFile(locale));
  return files;
}

/** A locale's grammar files with their text, in grammarFiles' order; null for a file that cannot be read. */
export function grammarTexts(locale: string, root: string): [file: string, text: string | null][] {
  return grammarFiles(locale, root).map((file) => {
    try {
      return [file, readFileSync(join(root, file), 'utf8')];
    } catch {
      return [file, null];
    }
  });
}

/** The grammar a locale's model is generated from: its language's file plus its own, if any (as read already, or read now). */
export function grammarFor(locale: string, root: string, texts = grammarTexts(locale, root)): GrammarSource {
  let merged: GrammarSource | null = null;
  for (const [file, text] of texts) {
    if (text === null) throw new GrammarFileError(file, '(file)', 'is missing: every language needs a grammar');
    let raw: unknown;
    try {
      raw = parse(text);
    } catch (error) {
      throw new GrammarFileError(file, '(file)', `is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
    const read = readSource(file, raw, merged === null);
    merged = merged === null ? read : mergeInto(merged, read);
  }
  return merged as GrammarSource;
}

function stringList(file: string, key: string, value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((v) => typeof v === 'string' || typeof v === 'number')) {
    throw new GrammarFileError(file, key, 'must be a list of patterns (text)');
  }
  return list.map(String);
}

function readSource(file: string, raw: unknown, isLanguage: boolean): GrammarSource {
  if (!isRecord(raw)) throw new GrammarFileError(file, '(file)', 'must be a mapping with invocation, pieces, intents and types');
  for (const key of Object.keys(raw)) {
    if (!['invocation', 'pieces', 'intents', 'types'].includes(key))
      throw new GrammarFileError(file, key, 'is not a grammar section (invocation, pieces, intents, types)');
  }
  if (isLanguage && typeof raw.invocation !== 'string') throw new GrammarFileError(file, 'invocation', 'is missing: the invocation name');
  if (raw.invocation !== undefined && typeof raw.invocation !== 'string') throw new GrammarFileError(file, 'invocation', 'must be text');

  const section = (name: string): Record<string, unknown> => {
    const value = raw[name] ?? {};
    if (!isRecord(value)) throw new GrammarFileError(file, name, 'must be a mapping');
    return value;
  };
  const pieces = new Map(Object.entries(section('pieces')).map(([name, list]) => [name, stringList(file, `pieces.${name}`, list)] as const));
  const intents = new Map<string, IntentSource>();
  for (const [name, value] of Object.entries(section('intents'))) {
    if (isRecord(value)) {
      for (const key of Object.keys(value))
        if (key !== 'say' && key !== 'except') throw new GrammarFileError(file, `intents.${name}.${key}`, 'an intent has only say and except');
      intents.set(name, {
        say: stringList(file, `intents.${name}.say`, value.say ?? []),
        except: stringList(file, `intents.${name}.except`, value.except ?? []),
      });
    } else intents.set(name, { say: stringList(file, `intents.${name}`, value), except: [] });
  }
  const types = new Map<string, Map<string, string[]>>();
  for (const [type, values] of Object.entries(section('types'))) {
    if (!isRecord(values)) throw new GrammarFileError(file, `types.${type}`, 'must map each value id to its patterns');
    types.set(type, new Map(Object.entries(values).map(([id, list]) => [id, stringList(file, `types.${type}.${id}`, list)] as const)));
  }
  return { invocation: typeof raw.invocation === 'string' ? raw.invocation : '', pieces, intents, types, files: [file] };
}

function mergeInto(base: GrammarSource, region: GrammarSource): GrammarSource {
  const joinLists = <V>(a: ReadonlyMap<string, readonly V[]>, b: ReadonlyMap<string, readonly V[]>) => {
    const out = new Map<string, V[]>([...a].map(([k, v]) => [k, [...v]]));
    for (const [k, v] of b) out.set(k, [...(out.get(k) ?? []), ...v]);
    return out;
  };
  const intents = new Map(base.intents);
  for (const [name, more] of region.intents) {
    const had = intents.get(name);
    intents.set(name, { say: [...(had?.say ?? []), ...more.say], except: [...(had?.except ?? []), ...more.except] });
  }
  const types = new Map(base.types);
  for (const [type, values] of region.types) types.set(type, joinLists(types.get(type) ?? new Map(), values));
  return {
    invocation: region.invocation || base.invocation,
    pieces: joinLists(base.pieces, region.pieces),
    intents,
    types,
    files: [...base.files, ...region.files],
  };
}
