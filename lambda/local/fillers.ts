import { languageProfile } from './language';

/**
 * Words people wrap around a request ("okay, next please"). Alexa's language
 * understanding looks past them; virtual-alexa matches samples exactly, so the
 * conversation driver strips these, one at a time from either end, before it
 * gives up and sends the fallback intent. The words themselves are per
 * language, in lambda/local/languages/<language>.json. Simulator only: the
 * skill itself never sees them.
 */

/** Every shorter form of `words` with fillers removed from its ends, nearest first. */
export function withoutFillers(words: string, locale: string): string[] {
  const { leading, trailing } = languageProfile(locale).fillers;
  const spaced = languageProfile(locale).spaced;
  // Without spaces between words (Japanese) a filler is simply a prefix or suffix.
  const gap = spaced ? ' ' : '';
  const found: string[] = [];
  const queue = [words];
  const seen = new Set(queue);
  while (queue.length) {
    const current = queue.shift() as string;
    const shorter = [
      ...leading.filter((f) => current.startsWith(`${f}${gap}`)).map((f) => current.slice(f.length + gap.length).trim()),
      ...trailing.filter((f) => current.endsWith(`${gap}${f}`)).map((f) => current.slice(0, -(f.length + gap.length)).trim()),
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

/** Words too common to say what a request means (for the nearest-sample match). */
export function stopWordsFor(locale: string): ReadonlySet<string> {
  return new Set(languageProfile(locale).stopWords);
}
