// Numbers as people say them, for the local tools that read typed text as
// speech (the terminal, the tests and the held-out measure), both ways.

import { parseSpokenNumber } from '../handlers/slots';

/** At most this many spellings of one utterance's numbers are tried ("1" is "एक" and "वन" in Hindi). */
const MAX_NUMBER_SPELLINGS = 16;

/**
 * "my daughter is 4" → "my daughter is four", "もう1回" → "もう一回": a number
 * outside a number slot reaches the model as the word that was said, and a
 * sample holds it as that word (Alexa's samples have no digits), while
 * people typing, and the held-out writers, write it as digits. Tried only
 * after the text as typed.
 */
export function numberWordsForDigits(text: string, words: Readonly<Record<string, number>>): string[] {
  if (!/\d/.test(text)) return [];
  let spellings = [''];
  for (const piece of text.split(/(\d+)/)) {
    const said = /^\d+$/.test(piece) ? Object.keys(words).filter((word) => words[word] === Number(piece)) : [];
    const options = said.length > 0 ? said : [piece];
    spellings = spellings.flatMap((start) => options.map((option) => start + option)).slice(0, MAX_NUMBER_SPELLINGS);
  }
  return spellings;
}

/** "go to step ninety nine" → "go to step 99", as Alexa's speech recognition would send it. */
export function digitsForNumberWords(text: string, words: Readonly<Record<string, number>>): string {
  const tokens = text.split(' ');
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j < tokens.length && Object.prototype.hasOwnProperty.call(words, tokens[j])) j++;
    if (j > i) {
      out.push(String(parseSpokenNumber(tokens.slice(i, j).join(' '), words)));
      i = j;
    } else out.push(tokens[i++]);
  }
  return out.join(' ');
}
