import { phrasesOf, type InteractionModel } from './model';

/**
 * The nearest sample, for text that matches none exactly. Alexa's language
 * understanding generalises from the samples; virtual-alexa does not, so the
 * terminal would answer "sorry" to phrasings a device understands. This finds
 * the sample sharing the most meaningful words with the text (slots filled
 * from the model's own values, numbers as digits) and accepts it only when
 * most words agree. Simulator only: the skill never sees it.
 */

/** How much of the two word sets must agree (Jaccard over meaningful words). */
const MIN_AGREEMENT = 0.5;

export class NearestSample {
  private readonly phrases = new Map<string, string[]>();

  constructor(
    private readonly model: InteractionModel,
    private readonly stopWords: ReadonlySet<string>,
    /** False for languages written without spaces: words are then compared as pairs of characters. */
    private readonly spaced = true,
  ) {
    for (const type of model.interactionModel.languageModel.types ?? []) {
      const all = (type.values ?? []).flatMap(phrasesOf).map((p) => p.toLowerCase());
      this.phrases.set(
        type.name,
        all.sort((a, b) => b.length - a.length),
      );
    }
  }

  find(text: string): { intent: string; slots: Record<string, string> } | null {
    let best: { intent: string; slots: Record<string, string>; score: number } | null = null;
    for (const intent of this.model.interactionModel.languageModel.intents) {
      const types = new Map((intent.slots ?? []).map((s) => [s.name, s.type ?? '']));
      for (const sample of intent.samples ?? []) {
        const filled = this.fill(text, sample, types);
        if (!filled) continue;
        const score = agreement(this.meaningful(filled.text), this.meaningful(sample));
        if (score >= MIN_AGREEMENT && (!best || score > best.score)) best = { intent: intent.name, slots: filled.slots, score };
      }
    }
    return best && { intent: best.intent, slots: best.slots };
  }

  /** The text with each of the sample's slots replaced by its `{name}`, or null when a slot has no value in the text. */
  private fill(text: string, sample: string, types: ReadonlyMap<string, string>): { text: string; slots: Record<string, string> } | null {
    let rest = ` ${text} `;
    const slots: Record<string, string> = {};
    for (const [, name] of sample.matchAll(/\{(\w+)\}/g)) {
      const type = types.get(name);
      const value = type === 'AMAZON.NUMBER' ? /(?<= )-?\d+(?= )/.exec(rest)?.[0] : this.phrases.get(type ?? '')?.find((p) => rest.includes(` ${p} `));
      if (value === undefined) return null;
      slots[name] = value;
      rest = rest.replace(` ${value} `, ` {${name}} `);
    }
    return { text: rest.trim(), slots };
  }

  private meaningful(words: string): Set<string> {
    const tokens = words.split(/\s+/).filter((w) => w && !this.stopWords.has(w));
    if (this.spaced) return new Set(tokens);
    // Slots stay whole; the rest becomes overlapping character pairs ("次へ進む" → 次へ, へ進, 進む).
    return new Set(tokens.flatMap((t) => (t.startsWith('{') || t.length < 2 ? [t] : Array.from({ length: t.length - 1 }, (_, i) => t.slice(i, i + 2)))));
  }
}

function agreement(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}
