/**
 * The pattern language of the grammars (interaction-models/grammar/*.yaml).
 * A pattern is text with four kinds of brackets:
 *
 *   (a|b|c)    one of these
 *   [a|b]      one of these, or nothing
 *   <piece>    any phrasing of a named piece (politeness, fillers, lead-ins…)
 *   {slot}     a slot, kept as it is for Alexa
 *
 * "[<ok>] (next|the next step) [please]" expands to "next", "okay next",
 * "the next step please", and so on. Text is joined exactly as written and
 * runs of spaces are folded, so a language written without spaces (Japanese)
 * simply writes its patterns without them.
 *
 * Our own small expander rather than alexa-utterances: that package writes
 * alternatives as {a|b}, the same braces Alexa uses for slots, and has no
 * named pieces; ours keeps slots, choices and pieces visibly apart.
 */

export type Pieces = ReadonlyMap<string, readonly string[]>;

/** One pattern that expands to more phrasings than this is a mistake, not a grammar. */
const MAX_EXPANSION = 5000;

export class PatternError extends Error {}

const BRACKETS = /[()[\]<>{}|]/;

type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'choice'; readonly options: readonly Node[][]; readonly optional: boolean }
  | { readonly kind: 'piece'; readonly name: string };

/** Every phrasing `pattern` stands for, in the order written, without repeats. */
export function expand(pattern: string, pieces: Pieces = new Map()): string[] {
  // Plain text (most slot values) stands for itself.
  if (!BRACKETS.test(pattern)) return [pattern.replace(/\s+/g, ' ').trim()];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of expandNodes(parse(pattern), pieces, [])) {
    const phrase = raw.replace(/\s+/g, ' ').trim();
    if (!seen.has(phrase)) {
      seen.add(phrase);
      out.push(phrase);
    }
  }
  return out;
}

function parse(pattern: string): Node[][] {
  let at = 0;
  const closers: Record<string, string> = { '(': ')', '[': ']' };

  // alternatives := sequence ('|' sequence)*, up to `until` (or the end).
  const alternatives = (until: string | null): Node[][] => {
    const options: Node[][] = [[]];
    let text = '';
    const flush = () => {
      if (text) options[options.length - 1].push({ kind: 'text', text });
      text = '';
    };
    while (at < pattern.length) {
      const c = pattern[at];
      if (c === until) {
        flush();
        at++;
        return options;
      }
      if (c === '|') {
        flush();
        options.push([]);
        at++;
      } else if (c === '(' || c === '[') {
        flush();
        at++;
        const inner = alternatives(closers[c]);
        options[options.length - 1].push({ kind: 'choice', options: inner, optional: c === '[' });
      } else if (c === '<') {
        flush();
        const end = pattern.indexOf('>', at);
        if (end < 0) throw new PatternError(`"${pattern}": < without >`);
        const name = pattern.slice(at + 1, end).trim();
        if (!/^[\w-]+$/.test(name)) throw new PatternError(`"${pattern}": <${name}> is not a piece name`);
        options[options.length - 1].push({ kind: 'piece', name });
        at = end + 1;
      } else if (c === '{') {
        const end = pattern.indexOf('}', at);
        if (end < 0) throw new PatternError(`"${pattern}": { without }`);
        text += pattern.slice(at, end + 1);
        at = end + 1;
      } else if (c === ')' || c === ']' || c === '>' || c === '}') {
        throw new PatternError(`"${pattern}": ${c} without its opening bracket`);
      } else {
        text += c;
        at++;
      }
    }
    if (until !== null) throw new PatternError(`"${pattern}": missing ${until}`);
    flush();
    return options;
  };
  return alternatives(null);
}

function expandNodes(options: readonly Node[][], pieces: Pieces, stack: readonly string[]): string[] {
  const out: string[] = [];
  for (const sequence of options) {
    let partial = [''];
    for (const node of sequence) {
      let next: string[];
      if (node.kind === 'text') next = [node.text];
      else if (node.kind === 'choice') next = [...(node.optional ? [''] : []), ...expandNodes(node.options, pieces, stack)];
      else next = expandPiece(node.name, pieces, stack);
      const product: string[] = [];
      for (const left of partial) for (const right of next) product.push(left + right);
      if (product.length > MAX_EXPANSION) throw new PatternError(`expands to more than ${MAX_EXPANSION} phrasings: split it, or use fewer optional parts`);
      partial = product;
    }
    out.push(...partial);
  }
  return out;
}

function expandPiece(name: string, pieces: Pieces, stack: readonly string[]): string[] {
  if (stack.includes(name)) throw new PatternError(`<${name}> refers to itself (${[...stack, name].join(' → ')})`);
  const patterns = pieces.get(name);
  if (!patterns) throw new PatternError(`<${name}> is not a piece of this grammar`);
  return patterns.flatMap((p) => expandNodes(parse(p), pieces, [...stack, name]));
}
