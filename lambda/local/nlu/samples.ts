import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRecord } from '../../json';

/**
 * An interaction model's samples as labelled phrases, with slots as tokens
 * of their type, as an NLU that recognises slot values sees them.
 */

/** The intent with no samples, which Alexa picks when nothing fits. */
export const FALLBACK_INTENT = 'AMAZON.FallbackIntent';

interface IndexedIntent {
  readonly name: string;
  /** Slot name → slot type. */
  readonly slots: ReadonlyMap<string, string>;
  readonly samples: readonly string[];
}

export interface IndexedModel {
  readonly invocationName: string;
  readonly intents: readonly IndexedIntent[];
  /** Slot type → every value and synonym it has. */
  readonly types: ReadonlyMap<string, readonly string[]>;
}

/** One phrase to train or test on. */
export interface LabelledPhrase {
  readonly text: string;
  readonly intent: string;
  /** The sample it was filled from (index over the whole model): folds keep a sample's fillings together. */
  readonly sample: number;
}

export interface FilledModel {
  /** The model's own samples, before filling. */
  readonly samples: number;
  readonly phrases: readonly LabelledPhrase[];
  /** Intents that have samples (the fallback has none). */
  readonly intents: readonly string[];
  /** Samples that could not be filled, and why. */
  readonly notes: readonly string[];
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const records = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/** The language model inside interaction-model JSON; throws with the reason when it is not one. */
export function parseLanguageModel(json: unknown, file: string): IndexedModel {
  const model = isRecord(json) && isRecord(json.interactionModel) ? json.interactionModel.languageModel : undefined;
  if (!isRecord(model) || !Array.isArray(model.intents)) throw new Error(`${file}: no interactionModel.languageModel.intents`);
  const intents = records(model.intents).map(
    (intent): IndexedIntent => ({
      name: typeof intent.name === 'string' ? intent.name : '(unnamed)',
      slots: new Map(
        records(intent.slots).flatMap((slot) => (typeof slot.name === 'string' && typeof slot.type === 'string' ? [[slot.name, slot.type] as const] : [])),
      ),
      samples: strings(intent.samples),
    }),
  );
  const types = new Map(
    records(model.types).map((type) => {
      const values = records(type.values).flatMap((value) => {
        const name = isRecord(value.name) ? value.name : {};
        return [...(typeof name.value === 'string' ? [name.value] : []), ...strings(name.synonyms)];
      });
      return [typeof type.name === 'string' ? type.name : '(unnamed)', [...new Set(values)]] as const;
    }),
  );
  return { invocationName: typeof model.invocationName === 'string' ? model.invocationName : '', intents, types };
}

export const modelFile = (root: string, locale: string): string => join(root, 'interaction-models', `${locale}.json`);

export function readLanguageModel(root: string, locale: string): IndexedModel {
  const file = modelFile(root, locale);
  return parseLanguageModel(JSON.parse(readFileSync(file, 'utf8')) as unknown, file);
}

const SLOT = /\{([^{}]+)\}/g;

/** The word a slot of `type` becomes: what the classifier sees in place of any of the type's values. */
const slotToken = (type: string): string => `slot${type.replace(/[^A-Za-z]/g, '').toLowerCase()}`;

/**
 * Slot values as the classifier sees them: every value or synonym of a slot
 * type in a text (longest first; between spaces in a language that has
 * them), and every number, becomes the type's token. Alexa recognises slot
 * values apart from the words round them; a classifier that had to learn
 * 5,000 technique names as words would judge the names, not the request.
 * Training samples and the phrases classified go through the same masking.
 */
export function slotMasker(model: IndexedModel, spaced: boolean): (text: string) => string {
  const byValue = new Map<string, string>();
  for (const [type, values] of model.types)
    for (const value of values) if (value.trim()) byValue.set(value.toLowerCase().replace(/\s+/g, spaced ? ' ' : ''), slotToken(type));
  const values = [...byValue.keys()].sort((a, b) => b.length - a.length);
  if (values.length === 0) return (text) => text.toLowerCase().replace(/\d+/g, slotToken('AMAZON.NUMBER'));
  const escape = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(spaced ? `(?<=^| )(?:${values.map(escape).join('|')})(?= |$)` : values.map(escape).join('|'), 'gu');
  return (text) => {
    const folded = text
      .toLowerCase()
      .replace(/\s+/g, spaced ? ' ' : '')
      .trim();
    return folded
      .replace(pattern, (value) => ` ${byValue.get(value) ?? value} `)
      .replace(/\d+/g, ` ${slotToken('AMAZON.NUMBER')} `)
      .replace(/\s+/g, ' ')
      .trim();
  };
}

/**
 * Every sample of every intent but the fallback, once, with each {slot}
 * replaced by its type's token and any slot value among its words masked the
 * same way (so "my heel hurts" is learnt as it will be classified).
 */
export function maskModel(model: IndexedModel, mask: (text: string) => string): FilledModel {
  const phrases: LabelledPhrase[] = [];
  const notes: string[] = [];
  const intents: string[] = [];
  let sample = 0;
  for (const intent of model.intents) {
    if (intent.name === FALLBACK_INTENT || intent.samples.length === 0) continue;
    intents.push(intent.name);
    for (const text of intent.samples) {
      const index = sample;
      sample += 1;
      const unknown = [...text.matchAll(SLOT)].map((m) => m[1]).filter((slot) => !intent.slots.has(slot));
      if (unknown.length > 0) {
        notes.push(`${intent.name} "${text}": {${unknown.join('}, {')}} is not a slot of the intent; sample left out`);
        continue;
      }
      // Tokens are put back after masking, so a slot token is never mistaken for a value.
      const marked = text.replace(SLOT, (_, slot: string) => `\u0001${slotToken(intent.slots.get(slot) ?? '')}\u0001`);
      phrases.push({
        text: mask(marked)
          .replace(/\s*\u0001(\w+)\u0001\s*/g, ' $1 ')
          .trim(),
        intent: intent.name,
        sample: index,
      });
    }
  }
  return { samples: sample, phrases, intents, notes };
}
