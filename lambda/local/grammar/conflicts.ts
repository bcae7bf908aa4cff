import { phraseKey, type Generated } from './generate';

/**
 * Phrases that two intents can both produce once their slots are filled with
 * every value, synonym, number and ordinal: a statistical recogniser may
 * then send them either way, with confidence. Each conflict names the
 * pattern on both sides, so the author can find both lines.
 */
export interface Conflict {
  readonly phrase: string;
  readonly first: { readonly intent: string; readonly pattern: string };
  readonly second: { readonly intent: string; readonly pattern: string };
}

/** How many filled phrasings of one sample are compared at most (a guard, far above any real grammar). */
const MAX_FILLS = 100_000;

export function findConflicts(generated: Generated, spaced: boolean, numberWords: Readonly<Record<string, number>>): Conflict[] {
  const key = phraseKey(spaced);
  const lm = generated.model.interactionModel.languageModel;
  const typeValues = new Map(lm.types.map((t) => [t.name, t.values.flatMap((v) => [v.name.value, ...v.name.synonyms])]));
  const numbers = [...Array.from({ length: 20 }, (_, i) => String(i + 1)), ...Object.keys(numberWords)];
  const owner = new Map<string, { intent: string; pattern: string; phrase: string }>();
  const conflicts: Conflict[] = [];
  const reported = new Set<string>();

  for (const intent of lm.intents) {
    const slotType = new Map((intent.slots ?? []).map((s) => [s.name, s.type]));
    const origins = generated.origins.get(intent.name);
    for (const sample of intent.samples) {
      const pattern = origins?.get(sample) ?? sample;
      for (const phrase of fill(sample, (slot) => {
        const type = slotType.get(slot);
        return type === 'AMAZON.NUMBER' ? numbers : (typeValues.get(type ?? '') ?? []);
      })) {
        const k = key(phrase);
        const had = owner.get(k);
        if (!had) owner.set(k, { intent: intent.name, pattern, phrase });
        else if (had.intent !== intent.name) {
          const pair = `${had.pattern}\u0000${pattern}`;
          if (reported.has(pair)) continue;
          reported.add(pair);
          conflicts.push({ phrase, first: { intent: had.intent, pattern: had.pattern }, second: { intent: intent.name, pattern } });
        }
      }
    }
  }
  return conflicts;
}

/** Every phrasing of a sample with each {slot} replaced by each of its values. */
function fill(sample: string, valuesOf: (slot: string) => readonly string[]): string[] {
  let out = [''];
  for (const part of sample.split(/(\{\w+\})/)) {
    const slot = /^\{(\w+)\}$/.exec(part)?.[1];
    const options = slot === undefined ? [part] : valuesOf(slot);
    const next: string[] = [];
    for (const left of out) for (const right of options) next.push(left + right);
    out = next.slice(0, MAX_FILLS);
  }
  return out;
}
