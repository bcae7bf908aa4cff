import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { voiceFor } from '../../voice/i18n';
import type { Problem } from '../check/problem';
import { languageProfile } from '../language';
import { findConflicts } from './conflicts';
import { generate, modelText } from './generate';
import { GrammarFileError, grammarFiles, grammarFor, grammarTexts, type GrammarSource } from './source';

/**
 * One locale's model from its grammar, and what is wrong with the grammar
 * (as problems `npm run check` prints): errors in the file, phrases two
 * intents share, a model too big for Alexa, a committed file that is not
 * what the grammar writes.
 */

export const modelFile = (locale: string): string => join('interaction-models', `${locale}.json`);

/**
 * Alexa's model API refuses a model definition longer than 1,000,000
 * characters (reported in ask-cli issue #9). A generated model may use 70%
 * of that (the commands of a real session took it past the earlier 60%), so a
 * language can still grow without ever meeting the limit.
 */
const MAX_MODEL_CHARACTERS = 700_000;

export interface LocaleModel {
  readonly text: string | null;
  readonly problems: readonly Problem[];
  readonly samples: number;
}

/**
 * The last few models built, by all they are built from: the grammar files
 * and their text, the language's spacing and its number words (the locale
 * itself is only the label on the problems). A process that checks one
 * project many times over, as the tests do, builds each grammar once.
 */
const recent = new Map<string, LocaleModel>();
const KEEP_RECENT = 4;

export function buildLocaleModel(locale: string, root: string): LocaleModel {
  // Read once: the text keys what was built before, and is what a new build parses.
  const texts = grammarTexts(locale, root);
  let id: string | undefined;
  try {
    // A file that cannot be read (or a language without a profile) is not kept: building says so.
    if (texts.every(([, text]) => text !== null)) id = JSON.stringify([languageProfile(locale, root).spaced, voiceFor(locale).numbers, texts]);
  } catch {
    // languageProfile threw (see above).
  }
  const known = id === undefined ? undefined : recent.get(id);
  if (known) return { ...known, problems: known.problems.map((p) => ({ ...p, locale })) };
  const built = buildAnew(locale, root, texts);
  if (id !== undefined) {
    recent.set(id, built);
    for (const old of recent.keys()) if (recent.size > KEEP_RECENT) recent.delete(old);
  }
  return built;
}

function buildAnew(locale: string, root: string, texts: ReturnType<typeof grammarTexts>): LocaleModel {
  let grammar: GrammarSource;
  let spaced: boolean;
  let generated;
  try {
    grammar = grammarFor(locale, root, texts);
    spaced = languageProfile(locale, root).spaced;
    generated = generate(grammar, spaced);
  } catch (error) {
    if (error instanceof GrammarFileError) return { text: null, samples: 0, problems: [{ locale, file: error.file, key: error.key, message: error.message }] };
    throw error;
  }
  const problems: Problem[] = [];
  const file = grammar.files.join(' + ');
  for (const c of findConflicts(generated, spaced, voiceFor(locale).numbers)) {
    problems.push({
      locale,
      file,
      key: `"${c.phrase}"`,
      message: `is said by two intents: ${c.first.intent} ("${c.first.pattern}") and ${c.second.intent} ("${c.second.pattern}")`,
    });
  }
  const text = modelText(generated.model);
  const characters = JSON.stringify(generated.model).length;
  if (characters > MAX_MODEL_CHARACTERS)
    problems.push({ locale, file, key: '(size)', message: `generates a model of ${characters} characters; keep it under ${MAX_MODEL_CHARACTERS}` });
  const samples = generated.model.interactionModel.languageModel.intents.reduce((n, i) => n + i.samples.length, 0);
  return { text, problems, samples };
}

/** The problems of a locale's grammar, and whether its committed model is what the grammar writes. */
export function checkGrammar(locale: string, root: string): Problem[] {
  return checkLocaleGrammar(locale, root).problems;
}

/** checkGrammar, with the model the grammar generates (null when it cannot be generated); `read` reads a file of the project. */
export function checkLocaleGrammar(
  locale: string,
  root: string,
  read = (file: string): string => readFileSync(join(root, file), 'utf8'),
): { readonly problems: Problem[]; readonly generated: string | null } {
  const built = buildLocaleModel(locale, root);
  if (built.text === null) return { problems: [...built.problems], generated: null };
  let committed: string | null = null;
  try {
    committed = read(modelFile(locale));
  } catch {
    // Said by the locale checks: the model file is missing.
  }
  const stale: Problem[] =
    committed !== null && committed !== built.text
      ? [{ locale, file: modelFile(locale), key: '(file)', message: `is not what ${grammarFiles(locale, root).join(' + ')} generates: run npm run models` }]
      : [];
  return { problems: [...built.problems, ...stale], generated: built.text };
}
