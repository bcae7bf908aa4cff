// Numbers as people say them, for the local tools that read typed text as
// speech (the terminal, the tests and the held-out measure).

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
