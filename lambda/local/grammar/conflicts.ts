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
  // Frames by their before, as a trie, and by their after on each shelf: walking a phrase down it
  // finds every frame whose before starts the phrase (most phrases part ways in a letter or two),
  // and walking the phrase back from its end finds the afters that end it.
  const framesBefore = new Trie<Shelf>();
  const newShelf = () => new Shelf();
  const conflicts: Conflict[] = [];
  const reported = new Set<string>();
  const report = (phrase: string, first: Owner, second: Owner) => {
    const pair = [first.pattern, second.pattern].sort().join('\u0000');
    if (reported.has(pair)) return;
    reported.add(pair);
    conflicts.push({ phrase, first: { intent: first.intent, pattern: first.pattern }, second: { intent: second.intent, pattern: second.pattern } });
  };

  // Every phrasing of parts[from, to): a slot's part is each of its type's values, a text part itself.
  const fill = (parts: readonly string[], types: readonly string[], from: number, to: number): string[] => {
    let out = [''];
    for (let n = from; n < to; n++) {
      const options = types[n] === '' ? [parts[n]] : (values.get(types[n]) ?? []);
      const longer: string[] = [];
      for (const left of out) for (const right of options) longer.push(left + right);
      out = longer;
    }
    return out;
  };
  for (const intent of lm.intents) {
    const slotType = new Map((intent.slots ?? []).map((s) => [s.name, s.type]));
    const origins = generated.origins.get(intent.name);
    for (const sample of intent.samples) {
      const owner: Owner = { intent: intent.name, pattern: origins?.get(sample) ?? sample };
      const parts = sample.split(/(\{\w+\})/);
      const types = parts.map((p) => slotType.get(/^\{(\w+)\}$/.exec(p)?.[1] ?? '') ?? '');
      let lastOpen = -1;
      for (let n = 0; n < types.length; n++) if (open(types[n])) lastOpen = n;
      if (lastOpen < 0) {
        for (const phrase of fill(parts, types, 0, parts.length)) {
          const k = key(phrase);
          const had = phrases.get(k);
          if (had === undefined) {
            phrases.set(k, [{ intent: owner.intent, pattern: owner.pattern, phrase }]);
            continue;
          }
          let mine = false;
          for (const other of had) {
            if (other.intent !== owner.intent) report(phrase, other, owner);
            else if (other.pattern === owner.pattern) mine = true;
          }
          if (!mine) had.push({ intent: owner.intent, pattern: owner.pattern, phrase });
        }
        continue;
      }
      const type = types[lastOpen];
      const afters = fill(parts, types, lastOpen + 1, parts.length).map((after) => part(after).trimEnd());
      for (const before of fill(parts, types, 0, lastOpen).map((b) => part(b).trimStart())) {
        const shelf = framesBefore.at(before, newShelf);
        for (const after of afters) {
          const frame: Frame = { intent: owner.intent, pattern: owner.pattern, before, after, type };
          shelf.add(frame);
          frames.push(frame);
        }
      }
    }
  }

  // A filled phrase of one intent that reads as another intent's frame round one of its values.
  phrases.forEach((owners, k) =>
    framesBefore.along(k, 0, (cut, shelf) =>
      shelf.afters.along(k, cut, (end, found) => {
        // k is a key (lower case, spaces single); so is a piece of it, but for a space at either end.
        const middle = k.slice(cut, end).trim();
        for (const frame of found) {
          if (!valueKeys.get(frame.type)?.has(middle)) continue;
          for (const owner of owners) if (frame.intent !== owner.intent) report(owner.phrase, frame, owner);
        }
      }),
    ),
  );

  // Two frames of different intents that some pair of values makes the same words. Every pair
  // whose befores can line up is looked at once, from the frame with the longer before.
  const meet = new FrameMeeting(valueKeys);
  const sameBefore: [number, Frame[]][] = [];
  for (const second of frames) {
    framesBefore.along(second.before, 0, (cut, shelf) => {
      if (cut < second.before.length) {
        // Most shelves stop here: the rest of this before neither starts with a value of their types nor starts one.
        const ways = meet.ways(second.before.slice(cut), second.type, shelf.types);
        if (ways === undefined) return;
        for (const found of shelf.byAfter.values()) {
          for (const first of found) {
            if (first.intent === second.intent) continue;
            const way = ways.get(first.type);
            const phrase = way && meet.phrase(first, second, way);
            if (phrase !== undefined) report(phrase, first, second);
          }
        }
        return;
      }
      // The same before: the phrase is before + w + first.after = before + v + second.after, so
      // second.after is x + first.after with w = v + x (the other way round is the other pair's).
      // The afters that end second.after come shortest first; they are looked at longest first.
      sameBefore.length = 0;
      shelf.afters.along(second.after, 0, (i, found) => void sameBefore.push([i, found]));
      for (let n = sameBefore.length - 1; n >= 0; n--) {
        const [i, found] = sameBefore[n];
        const x = second.after.slice(0, i);
        for (const first of found) {
          if (first.intent === second.intent) continue;
          const v = meet.inside(first.type, second.type, '').get(x);
          if (v !== undefined) report(second.before + v + second.after, first, second);
        }
      }
    });
  }
  return conflicts;
}

/** A slot type with more values than this is left open rather than filled in. */
const OPEN_ABOVE = 50;

/** The frames that share one before: by their after, in the order added, and as a trie of afters read from their end. */
class Shelf {
  readonly byAfter = new Map<string, Frame[]>();
  readonly afters = new Trie<Frame[]>(true);
  readonly types = new Set<string>();

  add(frame: Frame): void {
    let found = this.byAfter.get(frame.after);
    if (!found) {
      found = [];
      this.afters.set(frame.after, found);
      this.byAfter.set(frame.after, found);
    }
    found.push(frame);
    this.types.add(frame.type);
  }
}

/**
 * How a frame of one type can meet a frame of another whose before is
 * longer by r (see FrameMeeting): the values of the first type that start
 * with r and hold a value of the second after it (x → that value), the
 * values that r starts with (w, and t: the rest of r after it), and what
 * the values that run past r have left (m).
 */
interface Way {
  readonly inner: ReadonlySet<string>;
  readonly inside: ReadonlyMap<string, string>;
  readonly starts: readonly { readonly w: string; readonly t: string }[];
  readonly tails: readonly string[];
}

/** A slot type's values in their order, and as a trie that gives each one's place in it. */
interface Values {
  readonly list: readonly string[];
  readonly set: ReadonlySet<string>;
  readonly trie: Trie<number>;
}

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
 * What depends on r and the types alone is looked up once for all the first
 * frames on a shelf (`ways`), from tries of the values: most shelves are left
 * there, as r neither starts a value nor has one at its start.
 */
class FrameMeeting {
  private readonly values = new Map<string, Values>();
  private readonly insides = new Map<string, Map<string, string>>();
  private readonly tails = new Map<string, string[]>();
  constructor(private readonly valueKeys: ReadonlyMap<string, ReadonlySet<string>>) {}

  /** For each of `outerTypes` a frame of `inner` type whose before is longer by r could meet: how; undefined when none could. */
  ways(r: string, inner: string, outerTypes: ReadonlySet<string>): Map<string, Way> | undefined {
    let ways: Map<string, Way> | undefined;
    for (const outer of outerTypes) {
      const { trie } = this.valuesOf(outer);
      const starts: { w: string; t: string }[] = [];
      trie.along(r, 0, (i) => void starts.push({ w: r.slice(0, i), t: r.slice(i) }));
      // No value runs past r: none holds a value after it, and none leaves a tail.
      if (starts.length === 0 && !trie.hasLonger(r)) continue;
      const way = { inner: this.valuesOf(inner).set, inside: this.inside(outer, inner, r), starts, tails: this.tail(outer, r) };
      (ways ??= new Map()).set(outer, way);
    }
    return ways;
  }

  phrase(first: Frame, second: Frame, way: Way): string | undefined {
    if (second.after.endsWith(first.after)) {
      const x = second.after.slice(0, second.after.length - first.after.length);
      const v = way.inside.get(x);
      return v === undefined ? undefined : second.before + v + second.after;
    }
    if (!first.after.endsWith(second.after)) return undefined;
    const y = first.after.slice(0, first.after.length - second.after.length);
    for (const { w, t } of way.starts) if (y.startsWith(t) && way.inner.has(y.slice(t.length))) return first.before + w + first.after;
    // With equal befores (r empty) the pair is also looked at the other way round, where the first case covers it.
    const r = second.before.slice(first.before.length);
    for (const m of way.tails) if (way.inner.has(m + y)) return first.before + r + m + first.after;
    return undefined;
  }

  /** For values of `outer` that start with r and hold a value of `inner` right after it: what is left after that value → the value. */
  inside(outer: string, inner: string, r: string): ReadonlyMap<string, string> {
    const id = `${outer}\u0000${inner}\u0000${r}`;
    let table = this.insides.get(id);
    if (table) return table;
    table = new Map();
    const inners = this.valuesOf(inner);
    for (const w of this.longer(outer, r)) {
      inners.trie.along(w, r.length, (end, n) => {
        const x = w.slice(end);
        if (!table.has(x)) table.set(x, inners.list[n]);
      });
    }
    this.insides.set(id, table);
    return table;
  }

  /** For values of a type that run past r (a proper, non-empty start of theirs): what is left after it. */
  private tail(type: string, r: string): string[] {
    const id = `${type}\u0000${r}`;
    let list = this.tails.get(id);
    if (list) return list;
    list = this.longer(type, r).map((w) => w.slice(r.length));
    this.tails.set(id, list);
    return list;
  }

  /** The values of a type that start with r and run past it, in their order. */
  private longer(type: string, r: string): string[] {
    const { list, trie } = this.valuesOf(type);
    return trie
      .longer(r)
      .sort((a, b) => a - b)
      .map((n) => list[n]);
  }

  private valuesOf(type: string): Values {
    let values = this.values.get(type);
    if (values) return values;
    const set = this.valueKeys.get(type) ?? new Set<string>();
    const list = [...set];
    const trie = new Trie<number>();
    list.forEach((w, n) => trie.set(w, n));
    values = { list, set, trie };
    this.values.set(type, values);
    return values;
  }
}

/**
 * A value per string key, found by walking a text: every key that starts it
 * (or, in a trie `fromEnd`, every key that ends it). Keys are walked by
 * UTF-16 unit, so the lengths found are string positions. A node keeps its
 * first child in place and any others in a map: most have one.
 */
class Trie<T> {
  private readonly root = new TrieNode<T>();

  constructor(private readonly fromEnd = false) {}

  /** The value under `key`, made with `empty` the first time. */
  at(key: string, empty: () => T): T {
    const node = this.node(key);
    node.value ??= empty();
    return node.value;
  }

  set(key: string, value: T): void {
    this.node(key).value = value;
  }

  /**
   * Each key that starts `text` at `from` (the empty key included), shortest
   * first, with the position where it ends; in a trie `fromEnd`, each key that
   * ends `text` and starts at `from` or later, with the position where it starts.
   */
  along(text: string, from: number, visit: (at: number, value: T) => void): void {
    let node: TrieNode<T> | undefined = this.root;
    if (this.fromEnd) {
      for (let at = text.length; ; at--) {
        if (node.value !== null) visit(at, node.value);
        if (at === from) return;
        node = node.child(text.charCodeAt(at - 1));
        if (!node) return;
      }
    }
    for (let at = from; ; at++) {
      if (node.value !== null) visit(at, node.value);
      if (at === text.length) return;
      node = node.child(text.charCodeAt(at));
      if (!node) return;
    }
  }

  /** Whether a key starts with `text` and runs past it. */
  hasLonger(text: string): boolean {
    return this.find(text)?.leaf === false;
  }

  /** The values of the keys that start with `text` and run past it, in no particular order. */
  longer(text: string): T[] {
    const out: T[] = [];
    const collect = (node: TrieNode<T>) =>
      node.forEachChild((child) => {
        if (child.value !== null) out.push(child.value);
        collect(child);
      });
    const start = this.find(text);
    if (start) collect(start);
    return out;
  }

  private find(text: string): TrieNode<T> | undefined {
    let node: TrieNode<T> | undefined = this.root;
    for (let n = 0; n < text.length && node; n++) node = node.child(text.charCodeAt(this.fromEnd ? text.length - 1 - n : n));
    return node;
  }

  private node(key: string): TrieNode<T> {
    let node = this.root;
    for (let n = 0; n < key.length; n++) node = node.grow(key.charCodeAt(this.fromEnd ? key.length - 1 - n : n));
    return node;
  }
}

class TrieNode<T> {
  value: T | null = null;
  private code = -1;
  private first: TrieNode<T> | undefined = undefined;
  private others: Map<number, TrieNode<T>> | undefined = undefined;

  get leaf(): boolean {
    return this.first === undefined;
  }

  child(code: number): TrieNode<T> | undefined {
    return code === this.code ? this.first : this.others?.get(code);
  }

  grow(code: number): TrieNode<T> {
    let child = this.child(code);
    if (child) return child;
    child = new TrieNode<T>();
    if (this.first === undefined) {
      this.code = code;
      this.first = child;
    } else (this.others ??= new Map()).set(code, child);
    return child;
  }

  forEachChild(visit: (child: TrieNode<T>) => void): void {
    if (this.first) visit(this.first);
    this.others?.forEach(visit);
  }
}
