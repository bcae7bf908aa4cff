import { phraseKey, type Generated } from './generate';

/**
 * Phrases that two intents can both produce once their slots are filled with
 * every value, synonym, number and ordinal: a statistical recogniser may
 * then send them either way, with confidence. Each conflict names the
 * pattern on both sides, so the author can find both lines.
 *
 * Filling every technique sample with every technique name would make tens
 * of millions of phrases, so a large slot type (the technique names) stays
 * open in the intent that uses it most: a sample becomes a frame, "let's do ⟨⟩",
 * and a filled phrase of another intent conflicts with it when it reads as
 * that frame round one of the type's values. Every other slot (numbers,
 * ordinals, paces: a few dozen values) is filled in. The result is the same
 * as filling everything, at a fraction of the cost.
 */
export interface Conflict {
  readonly phrase: string;
  readonly first: { readonly intent: string; readonly pattern: string };
  readonly second: { readonly intent: string; readonly pattern: string };
}

interface Owner {
  readonly intent: string;
  readonly pattern: string;
}
interface Frame extends Owner {
  readonly after: string;
  readonly type: string;
}

export function findConflicts(generated: Generated, spaced: boolean, numberWords: Readonly<Record<string, number>>): Conflict[] {
  const key = phraseKey(spaced);
  // Like `key`, but a part keeps the space at its edge: "go to " + value.
  const part = (text: string): string => text.toLowerCase().replace(/\s+/g, spaced ? ' ' : '');
  const lm = generated.model.interactionModel.languageModel;
  const values = new Map<string, string[]>(lm.types.map((t) => [t.name, t.values.flatMap((v) => [v.name.value, ...v.name.synonyms])]));
  values.set('AMAZON.NUMBER', [...Array.from({ length: 20 }, (_, i) => String(i + 1)), ...Object.keys(numberWords)]);
  const valueKeys = new Map([...values].map(([type, list]) => [type, new Set(list.map(key))]));
  // A type is left open in one intent only, the one with the most samples using it, so two
  // open frames never meet: every other intent with that slot (SkipTechniqueIntent's "skip
  // ⟨technique⟩") is filled in, and its phrases are read against the open frames.
  const samplesUsing = new Map<string, Map<string, number>>();
  for (const intent of lm.intents) {
    for (const slot of intent.slots ?? []) {
      const count = intent.samples.filter((sample) => sample.includes(`{${slot.name}}`)).length;
      const byIntent = samplesUsing.get(slot.type) ?? new Map<string, number>();
      byIntent.set(intent.name, (byIntent.get(intent.name) ?? 0) + count);
      samplesUsing.set(slot.type, byIntent);
    }
  }
  const openIn = new Map([...samplesUsing].map(([type, byIntent]) => [type, [...byIntent].sort((a, b) => b[1] - a[1])[0][0]]));

  const phrases = new Map<string, Owner & { phrase: string }>();
  const framesBefore = new Map<string, Frame[]>();
  const conflicts: Conflict[] = [];
  const reported = new Set<string>();
  const report = (phrase: string, first: Owner, second: Owner) => {
    const pair = `${first.pattern}\u0000${second.pattern}`;
    if (reported.has(pair)) return;
    reported.add(pair);
    conflicts.push({ phrase, first: { intent: first.intent, pattern: first.pattern }, second: { intent: second.intent, pattern: second.pattern } });
  };

  for (const intent of lm.intents) {
    const slotType = new Map((intent.slots ?? []).map((s) => [s.name, s.type]));
    const open = (type: string): boolean => (values.get(type)?.length ?? 0) > OPEN_ABOVE && openIn.get(type) === intent.name;
    const origins = generated.origins.get(intent.name);
    for (const sample of intent.samples) {
      const owner = { intent: intent.name, pattern: origins?.get(sample) ?? sample };
      const parts = sample.split(/(\{\w+\})/);
      const slotOf = (p: string) => /^\{(\w+)\}$/.exec(p)?.[1];
      const lastOpen = parts.map((p) => open(slotType.get(slotOf(p) ?? '') ?? '')).lastIndexOf(true);
      const fill = (from: readonly string[]): string[] => {
        let out = [''];
        for (const p of from) {
          const slot = slotOf(p);
          const options = slot === undefined ? [p] : (values.get(slotType.get(slot) ?? '') ?? []);
          out = out.flatMap((left) => options.map((right) => left + right));
        }
        return out;
      };
      if (lastOpen < 0) {
        for (const phrase of fill(parts)) {
          const k = key(phrase);
          const had = phrases.get(k);
          if (!had) phrases.set(k, { ...owner, phrase });
          else if (had.intent !== intent.name) report(phrase, had, owner);
        }
        continue;
      }
      const type = slotType.get(slotOf(parts[lastOpen]) ?? '') ?? '';
      const afters = fill(parts.slice(lastOpen + 1)).map((after) => part(after).trimEnd());
      for (const before of fill(parts.slice(0, lastOpen)).map((b) => part(b).trimStart())) {
        const frames = framesBefore.get(before) ?? [];
        for (const after of afters) frames.push({ ...owner, after, type });
        framesBefore.set(before, frames);
      }
    }
  }

  // A filled phrase of one intent that reads as another intent's frame round one of its values.
  for (const [k, owner] of phrases) {
    for (let cut = 0; cut <= k.length; cut++) {
      for (const frame of framesBefore.get(k.slice(0, cut)) ?? []) {
        if (frame.intent === owner.intent || !k.endsWith(frame.after) || k.length - frame.after.length < cut) continue;
        if (valueKeys.get(frame.type)?.has(key(k.slice(cut, k.length - frame.after.length)))) report(owner.phrase, frame, owner);
      }
    }
  }
  return conflicts;
}

/** A slot type with more values than this is left open (in the intent that uses it most) rather than filled in. */
const OPEN_ABOVE = 50;
