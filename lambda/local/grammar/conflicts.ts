import { phraseKey, type Generated } from './generate';

/**
 * Phrases that two intents can both produce once their slots are filled with
 * every value, synonym, number and ordinal: a statistical recogniser may
 * then send them either way, with confidence. Each conflict names the
 * pattern on both sides, so the author can find both lines.
 *
 * Filling every sample with every technique name (thousands, with their
 * synonyms) would make millions of phrases, so a large slot type stays open:
 * a sample becomes a frame, "let's do ⟨⟩", and the check reasons about the
 * frame once instead of once per value. Small slot types (numbers, ordinals,
 * feet: a few dozen values) are filled in. Three meetings are checked:
 *  - two filled phrases are the same words;
 *  - a filled phrase reads as a frame round one of its type's values;
 *  - two frames can be filled to the same words (see `framesMeet`).
 * The result is the same as filling everything (tests/model/grammar.test.ts
 * compares the two on random grammars), at a fraction of the cost.
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
/** A sample with its large slot left open: `before ⟨a value of type⟩ after`, both parts normalised like phrase keys. */
interface Frame extends Owner {
  readonly before: string;
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
  const valueKeys = new Map([...values].map(([type, list]) => [type, new Set(list.map(key).filter((k) => k !== ''))]));
  const open = (type: string): boolean => (values.get(type)?.length ?? 0) > OPEN_ABOVE;

  // Every owner of each filled phrase: a phrase two patterns of one intent say meets a third intent's frame twice.
  const phrases = new Map<string, (Owner & { phrase: string })[]>();
  const frames: Frame[] = [];
  // Frames by their before, as a trie, and by their after at each node: walking a phrase down it
  // finds every frame whose before starts the phrase (most phrases part ways in a letter or two),
  // and the afters that end it are looked up, never scanned.
  const framesBefore = new Trie<Map<string, Frame[]>>(() => new Map());
  const conflicts: Conflict[] = [];
  const reported = new Set<string>();
  const report = (phrase: string, first: Owner, second: Owner) => {
    const pair = [first.pattern, second.pattern].sort().join('\u0000');
    if (reported.has(pair)) return;
    reported.add(pair);
    conflicts.push({ phrase, first: { intent: first.intent, pattern: first.pattern }, second: { intent: second.intent, pattern: second.pattern } });
  };

  for (const intent of lm.intents) {
    const slotType = new Map((intent.slots ?? []).map((s) => [s.name, s.type]));
    const origins = generated.origins.get(intent.name);
    for (const sample of intent.samples) {
      const owner = { intent: intent.name, pattern: origins?.get(sample) ?? sample };
      const parts = sample.split(/(\{\w+\})/);
      const typeOf = (p: string): string => slotType.get(/^\{(\w+)\}$/.exec(p)?.[1] ?? '') ?? '';
      const lastOpen = parts.map((p) => open(typeOf(p))).lastIndexOf(true);
      const fill = (from: readonly string[]): string[] => {
        let out = [''];
        for (const p of from) {
          const type = typeOf(p);
          const options = type === '' ? [p] : (values.get(type) ?? []);
          out = out.flatMap((left) => options.map((right) => left + right));
        }
        return out;
      };
      if (lastOpen < 0) {
        for (const phrase of fill(parts)) {
          const k = key(phrase);
          const had = phrases.get(k) ?? [];
          for (const other of had) if (other.intent !== intent.name) report(phrase, other, owner);
          if (!had.some((other) => other.pattern === owner.pattern && other.intent === owner.intent)) phrases.set(k, [...had, { ...owner, phrase }]);
        }
        continue;
      }
      const type = typeOf(parts[lastOpen]);
      const afters = fill(parts.slice(lastOpen + 1)).map((after) => part(after).trimEnd());
      for (const before of fill(parts.slice(0, lastOpen)).map((b) => part(b).trimStart())) {
        for (const after of afters) {
          const frame = { ...owner, before, after, type };
          const byAfter = framesBefore.at(before);
          byAfter.set(after, [...(byAfter.get(after) ?? []), frame]);
          frames.push(frame);
        }
      }
    }
  }

  // A filled phrase of one intent that reads as another intent's frame round one of its values.
  for (const [k, owners] of phrases) {
    for (const [cut, byAfter] of framesBefore.along(k)) {
      for (let end = k.length; end >= cut; end--) {
        const found = byAfter.get(k.slice(end));
        if (!found) continue;
        const middle = key(k.slice(cut, end));
        for (const frame of found) {
          if (!valueKeys.get(frame.type)?.has(middle)) continue;
          for (const owner of owners) if (frame.intent !== owner.intent) report(owner.phrase, frame, owner);
        }
      }
    }
  }

  // Two frames of different intents that some pair of values makes the same words. Every pair
  // whose befores can line up is looked at once, from the frame with the longer before.
  const meet = new FrameMeeting(valueKeys);
  for (const second of frames) {
    for (const [cut, byAfter] of framesBefore.along(second.before)) {
      if (cut < second.before.length) {
        for (const found of byAfter.values()) {
          for (const first of found) {
            if (first.intent === second.intent) continue;
            const phrase = meet.phrase(first, second);
            if (phrase !== undefined) report(phrase, first, second);
          }
        }
        continue;
      }
      // The same before: the phrase is before + w + first.after = before + v + second.after, so
      // second.after is x + first.after with w = v + x (the other way round is the other pair's).
      for (let i = 0; i <= second.after.length; i++) {
        const found = byAfter.get(second.after.slice(i));
        if (!found) continue;
        const x = second.after.slice(0, i);
        for (const first of found) {
          if (first.intent === second.intent) continue;
          const v = meet.inside(first.type, second.type).get(`\u0000${x}`);
          if (v !== undefined) report(second.before + v + second.after, first, second);
        }
      }
    }
  }
  return conflicts;
}

/** A slot type with more values than this is left open rather than filled in. */
const OPEN_ABOVE = 50;

/**
 * Whether two frames can be filled to the same words, and with which. The
 * first frame's before is a prefix of the second's, so the phrase is
 * `first.before + w + first.after` = `first.before + r + v + second.after`
 * for some value w of the first type and v of the second, where r is the rest
 * of the second's before. What is left depends on how the afters line up:
 *  - first.after ends second.after, leaving x: then w = r + v + x, a value
 *    that holds another value between r and x (`inside`);
 *  - second.after ends first.after, leaving y: then w + y = r + v, and w is a
 *    prefix of r (v ends y), or w runs past r by m and v is m + y (with r
 *    empty, the pair seen the other way round is the first case);
 *  - otherwise they never line up.
 * Each case is a few lookups in tables built once per pair of types.
 */
class FrameMeeting {
  private readonly insides = new Map<string, Map<string, string>>();
  private readonly tails = new Map<string, Map<string, string[]>>();
  constructor(private readonly valueKeys: ReadonlyMap<string, ReadonlySet<string>>) {}

  phrase(first: Frame, second: Frame): string | undefined {
    const outer = this.valueKeys.get(first.type) ?? new Set<string>();
    const inner = this.valueKeys.get(second.type) ?? new Set<string>();
    const r = second.before.slice(first.before.length);
    if (second.after.endsWith(first.after)) {
      const x = second.after.slice(0, second.after.length - first.after.length);
      const v = this.inside(first.type, second.type).get(`${r}\u0000${x}`);
      return v === undefined ? undefined : second.before + v + second.after;
    }
    if (!first.after.endsWith(second.after)) return undefined;
    const y = first.after.slice(0, first.after.length - second.after.length);
    for (let i = 1; i <= r.length; i++) {
      const w = r.slice(0, i);
      const t = r.slice(i);
      if (outer.has(w) && y.startsWith(t) && inner.has(y.slice(t.length))) return first.before + w + first.after;
    }
    // With equal befores (r empty) the pair is also looked at the other way round, where the first case covers it.
    for (const m of this.tail(first.type).get(r) ?? []) if (inner.has(m + y)) return first.before + r + m + first.after;
    return undefined;
  }

  /** For values of `outer` that hold a value of `inner`: "prefix\0suffix" → that inner value. */
  inside(outer: string, inner: string): Map<string, string> {
    const id = `${outer}\u0000${inner}`;
    let table = this.insides.get(id);
    if (table) return table;
    table = new Map();
    const inners = new Trie<string[]>(() => []);
    for (const v of this.valueKeys.get(inner) ?? []) inners.at(v).push(v);
    for (const w of this.valueKeys.get(outer) ?? []) {
      for (let i = 0; i < w.length; i++) {
        for (const [length, found] of inners.along(w.slice(i))) {
          const at = `${w.slice(0, i)}\u0000${w.slice(i + length)}`;
          if (length > 0 && !table.has(at)) table.set(at, found[0]);
        }
      }
    }
    this.insides.set(id, table);
    return table;
  }

  /** For values of a type: each proper, non-empty start → what is left after it. */
  private tail(type: string): Map<string, string[]> {
    let table = this.tails.get(type);
    if (table) return table;
    table = new Map();
    for (const w of this.valueKeys.get(type) ?? []) {
      for (let i = 1; i < w.length; i++) {
        const list = table.get(w.slice(0, i)) ?? [];
        list.push(w.slice(i));
        table.set(w.slice(0, i), list);
      }
    }
    this.tails.set(type, table);
    return table;
  }
}

/** A value per string key, found by walking a text: every key that starts it, with its length. */
class Trie<T> {
  private readonly root: TrieNode<T>;

  constructor(private readonly empty: () => T) {
    this.root = { next: new Map(), value: null };
  }

  /** The value under `key`, made empty the first time. */
  at(key: string): T {
    let node = this.root;
    for (const c of key) {
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map(), value: null };
        node.next.set(c, child);
      }
      node = child;
    }
    node.value ??= this.empty();
    return node.value;
  }

  /** Each key that is a prefix of `text` (the empty key included): its length, and its value. */
  *along(text: string): Generator<[number, T]> {
    let node: TrieNode<T> | undefined = this.root;
    let length = 0;
    if (node.value !== null) yield [0, node.value];
    for (const c of text) {
      node = node.next.get(c);
      if (!node) return;
      length += c.length;
      if (node.value !== null) yield [length, node.value];
    }
  }
}

interface TrieNode<T> {
  readonly next: Map<string, TrieNode<T>>;
  value: T | null;
}
