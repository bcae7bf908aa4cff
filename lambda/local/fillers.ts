/**
 * Words people wrap around a request ("okay, next please"). Alexa's language
 * understanding looks past them; virtual-alexa matches samples exactly, so the
 * conversation driver strips these, one at a time from either end, before it
 * gives up and sends the fallback intent. Per language, simulator only: the
 * skill itself never sees them.
 */
export const FILLERS: Readonly<Record<string, { readonly leading: readonly string[]; readonly trailing: readonly string[] }>> = {
  en: {
    leading: [
      'okay', 'ok', 'alright', 'all right', 'right', 'um', 'uh', 'erm', 'so', 'well', 'oh', 'hey', 'wait', 'hang on',
      'and', 'then', 'now', 'just', 'please', 'yeah', 'sorry', 'actually', 'hmm', 'can you', 'could you', 'would you',
      'will you', 'can you please', 'could you please', 'i think', 'i guess', "let's", 'great', 'thanks', 'thank you',
      'perfect', 'good', 'nice', 'cool', 'lovely', 'done', 'yes', 'hi', 'hello', 'excuse me', 'oops',
    ],
    trailing: ['please', 'now', 'then', 'thanks', 'thank you', 'for me', 'alexa', 'okay', 'ok', 'again please', 'right now', 'too', 'as well'],
  },
};

export function fillersFor(locale: string): { readonly leading: readonly string[]; readonly trailing: readonly string[] } {
  return FILLERS[locale.split('-')[0]] ?? { leading: [], trailing: [] };
}

/** Every shorter form of `words` with fillers removed from its ends, nearest first. */
export function withoutFillers(words: string, locale: string): string[] {
  const { leading, trailing } = fillersFor(locale);
  const found: string[] = [];
  const queue = [words];
  const seen = new Set(queue);
  while (queue.length) {
    const current = queue.shift() as string;
    const shorter = [
      ...leading.filter((f) => current.startsWith(`${f} `)).map((f) => current.slice(f.length + 1)),
      ...trailing.filter((f) => current.endsWith(` ${f}`)).map((f) => current.slice(0, -(f.length + 1))),
    ];
    for (const next of shorter) {
      if (!next || seen.has(next)) continue;
      seen.add(next);
      found.push(next);
      queue.push(next);
    }
  }
  return found;
}

/** Words too common to say what a request means, per language (for the nearest-sample match). */
export const STOP_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'the', 'a', 'an', 'to', 'i', "i'm", 'me', 'my', 'you', 'your', 'it', "it's", 'this', 'that', 'is', 'are', 'am', 'be',
    'do', 'does', 'can', 'could', 'would', 'will', 'please', 'of', 'for', 'on', 'in', 'with', 'and', 'so', 'just', 'now',
    'we', 'us', 'our', "let's", 'let', 'okay', 'ok', 'alright', 'um', 'uh', 'want', 'like', "i'd", 'some', 'there',
  ],
};

export function stopWordsFor(locale: string): ReadonlySet<string> {
  return new Set(STOP_WORDS[locale.split('-')[0]] ?? []);
}
