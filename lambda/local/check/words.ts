import { TECHNIQUES } from '../../guide/catalog';
import { languageOf } from '../../voice/locales';
import { isRecord } from '../../json';
import { type Problem } from './problem';

/**
 * The words of one language against English: the same keys, the same
 * {{variables}}, the plural forms that language needs, and words for every
 * technique and step in the catalog. English itself is checked against the
 * catalog, so every language is, through it.
 */

type Leaves = Map<string, unknown>;

/** "msg.welcome" → value, for every leaf (numbers stay one object leaf: its words are per language). */
function leavesOf(tree: unknown, prefix = '', out: Leaves = new Map()): Leaves {
  if (!isRecord(tree) || prefix === 'numbers') {
    out.set(prefix, tree);
    return out;
  }
  for (const [key, value] of Object.entries(tree)) leavesOf(value, prefix ? `${prefix}.${key}` : key, out);
  return out;
}

const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;

/** The plural forms a language uses for the counts the skill says (0–100). */
function pluralFormsOf(language: string): string[] {
  const rules = new Intl.PluralRules(language);
  return [...new Set(Array.from({ length: 101 }, (_, n) => rules.select(n)))];
}

const variablesOf = (text: string): string[] => [...new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]))].sort();
const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The plural keys of English ("msg.stepsLeft"), each with its variables (from the _other form). */
function pluralBases(en: Leaves): Map<string, string[]> {
  const bases = new Map<string, string[]>();
  for (const [key, value] of en) {
    const match = PLURAL.exec(key);
    if (match && match[2] === 'other' && typeof value === 'string') bases.set(match[1], variablesOf(value));
  }
  return bases;
}

function checkText(
  key: string,
  value: unknown,
  expected: string[],
  ignore: readonly string[],
  at: Omit<Problem, 'key' | 'message'>,
  problems: Problem[],
): void {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push({ ...at, key, message: 'must be a non-empty string' });
    return;
  }
  if (/[<>&]/.test(value)) problems.push({ ...at, key, message: 'holds <, > or &: words only, the renderer writes the SSML' });
  const found = variablesOf(value).filter((v) => !ignore.includes(v));
  const wanted = expected.filter((v) => !ignore.includes(v));
  if (!same(found, wanted)) problems.push({ ...at, key, message: `has variables {{${found.join('}}, {{')}}} but en has {{${wanted.join('}}, {{')}}}` });
}

/** A language's own file (lambda/locales/<language>/translation.json) against English. */
export function checkLanguageWords(locale: string, file: string, words: unknown, enWords: unknown): Problem[] {
  const problems: Problem[] = [];
  const at = { locale, file };
  const en = leavesOf(enWords);
  const mine = leavesOf(words);
  const plurals = pluralBases(en);
  const forms = pluralFormsOf(languageOf(locale));

  for (const [key, value] of en) {
    const plural = PLURAL.exec(key);
    if (plural && plurals.has(plural[1])) continue;
    if (key === 'numbers') continue;
    if (!mine.has(key)) problems.push({ ...at, key, message: 'is missing (en has it)' });
    else checkText(key, mine.get(key), typeof value === 'string' ? variablesOf(value) : [], [], at, problems);
  }
  for (const [base, variables] of plurals) {
    for (const form of forms) {
      const key = `${base}_${form}`;
      if (!mine.has(key)) problems.push({ ...at, key, message: `is missing: ${languageOf(locale)} needs the plural forms ${forms.join(', ')}` });
      // A form such as _one may say the number in words instead of {{count}}.
      else checkText(key, mine.get(key), variables, ['count'], at, problems);
    }
  }
  for (const key of mine.keys()) {
    if (en.has(key) && !PLURAL.test(key)) continue;
    const plural = PLURAL.exec(key);
    if (plural && plurals.has(plural[1])) {
      if (!forms.includes(plural[2])) problems.push({ ...at, key, message: `is not a plural form ${languageOf(locale)} uses (${forms.join(', ')})` });
      continue;
    }
    if (key !== 'numbers') problems.push({ ...at, key, message: 'is not a key en has: a typo, or a word nothing says' });
  }

  const numbers = mine.get('numbers');
  if (!isRecord(numbers) || Object.keys(numbers).length < 10 || !Object.values(numbers).every((n) => Number.isInteger(n) && (n as number) >= 0)) {
    problems.push({ ...at, key: 'numbers', message: 'must map at least ten number words to whole numbers' });
  }
  problems.push(...checkCatalogWords(locale, file, words));
  return problems;
}

/** A regional file (lambda/locales/<locale>/translation.json): only keys its language has, with the same variables. */
export function checkRegionalWords(locale: string, file: string, words: unknown, languageWords: unknown, enWords: unknown): Problem[] {
  const problems: Problem[] = [];
  const at = { locale, file };
  const base = leavesOf(languageWords);
  const en = leavesOf(enWords);
  const plurals = pluralBases(en);
  for (const [key, value] of leavesOf(words)) {
    if (!base.has(key)) {
      problems.push({
        ...at,
        key,
        message: `is not in lambda/locales/${languageOf(locale)}/translation.json: a regional file only changes words its language has`,
      });
      continue;
    }
    const plural = PLURAL.exec(key);
    const expected =
      plural && plurals.has(plural[1]) ? (plurals.get(plural[1]) ?? []) : typeof en.get(key) === 'string' ? variablesOf(en.get(key) as string) : [];
    if (key !== 'numbers') checkText(key, value, expected, plural ? ['count'] : [], at, problems);
  }
  return problems;
}

/** Every technique and step of the catalog has words, and no technique or step the catalog lacks does. */
export function checkCatalogWords(locale: string, file: string, words: unknown): Problem[] {
  const problems: Problem[] = [];
  const at = { locale, file };
  const techniques = isRecord(words) && isRecord(words.techniques) ? words.techniques : {};
  for (const technique of TECHNIQUES) {
    const entry = techniques[technique.id];
    const key = `techniques.${technique.id}`;
    if (!isRecord(entry)) {
      problems.push({ ...at, key, message: 'has no words: the catalog has this technique' });
      continue;
    }
    for (const field of ['name', 'title', 'intro']) {
      if (typeof entry[field] !== 'string') problems.push({ ...at, key: `${key}.${field}`, message: 'is missing' });
    }
    const steps = isRecord(entry.steps) ? entry.steps : {};
    for (const step of technique.steps) {
      if (typeof steps[step.id] !== 'string') problems.push({ ...at, key: `${key}.steps.${step.id}`, message: 'is missing: the catalog has this step' });
    }
    for (const id of Object.keys(steps)) {
      if (!technique.steps.some((s) => s.id === id))
        problems.push({ ...at, key: `${key}.steps.${id}`, message: 'is not a step of this technique in the catalog (lambda/guide/catalog.ts)' });
    }
  }
  for (const id of Object.keys(techniques)) {
    if (!TECHNIQUES.some((t) => t.id === id))
      problems.push({ ...at, key: `techniques.${id}`, message: 'is not a technique in the catalog (lambda/guide/catalog.ts)' });
  }
  const cues = isRecord(words) && isRecord(words.practice) && isRecord(words.practice.cues) ? words.practice.cues : {};
  for (const cue of new Set(TECHNIQUES.flatMap((t) => t.steps.map((s) => s.midCue)))) {
    if (typeof cues[cue] !== 'string') problems.push({ ...at, key: `practice.cues.${cue}`, message: 'is missing: a catalog step uses this cue' });
  }
  return problems;
}
