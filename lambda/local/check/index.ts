import '../quiet';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, languageOf } from '../../voice/locales';
import { languageProfile, type LanguageProfile } from '../language';
import { checkListing } from './listing';
import { checkModel, languageModelOf } from './model';
import { describe, readJson, type Problem } from './problem';
import { checkCatalogWords, checkLanguageWords, checkRegionalWords } from './words';
import { isRecord } from '../../json';
import { PROJECT_ROOT } from '../projectRoot';
import { checkLocaleGrammar } from '../grammar/models';
import { checkSmapiTypes, type SmapiFile } from './smapiTypes';

/**
 * `npm run check [-- <locale> ...]`: every locale's words, grammar,
 * interaction model and store listing against English, the catalog, the
 * handlers and Alexa's rules: the committed model must be what its grammar
 * generates, and no phrase may belong to two intents. Each problem names the
 * locale, the file and the key. Exits 1 on any.
 */

const wordsFile = (code: string) => join('lambda', 'locales', code, 'translation.json');
const modelFile = (locale: string) => join('interaction-models', `${locale}.json`);

export function checkProject(root: string = PROJECT_ROOT, only: readonly string[] = SUPPORTED_LOCALES): Problem[] {
  const problems: Problem[] = [];
  // Each file read once: a model is type-checked, compared with its grammar's and checked as JSON.
  const texts = new Map<string, string>();
  const read = (file: string): string => {
    let text = texts.get(file);
    if (text === undefined) texts.set(file, (text = readFileSync(join(root, file), 'utf8')));
    return text;
  };
  const exists = (file: string) => existsSync(join(root, file));

  // The same locales everywhere: the code's list, the models, the listing, privacy.
  const manifest = readJson(read, 'skill.json', '*', problems);
  const info = isRecord(manifest) && isRecord(manifest.manifest) ? manifest.manifest : {};
  const listings = isRecord(info.publishingInformation) && isRecord(info.publishingInformation.locales) ? info.publishingInformation.locales : {};
  const privacy = isRecord(info.privacyAndCompliance) && isRecord(info.privacyAndCompliance.locales) ? info.privacyAndCompliance.locales : {};
  const models = exists('interaction-models')
    ? readdirSync(join(root, 'interaction-models'))
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -5))
    : [];
  const supported: readonly string[] = SUPPORTED_LOCALES;
  for (const [where, file, key, locales] of [
    ['interaction-models/', 'interaction-models', '(files)', models],
    ['skill.json publishing locales', 'skill.json', 'manifest.publishingInformation.locales', Object.keys(listings)],
    ['skill.json privacy locales', 'skill.json', 'manifest.privacyAndCompliance.locales', Object.keys(privacy)],
  ] as const) {
    for (const locale of supported.filter((l) => only.includes(l) && !locales.includes(l)))
      problems.push({ locale, file, key, message: `${where} has no ${locale}, which lambda/voice/locales.ts supports` });
    for (const locale of locales.filter((l) => !supported.includes(l) && only.length === supported.length))
      problems.push({ locale, file, key, message: `${where} has ${locale}, which lambda/voice/locales.ts does not list` });
  }

  // What certification asks of the listing as a whole.
  if (
    isRecord(info.publishingInformation) &&
    (typeof info.publishingInformation.testingInstructions !== 'string' || info.publishingInformation.testingInstructions.trim() === '')
  ) {
    problems.push({
      locale: '*',
      file: 'skill.json',
      key: 'manifest.publishingInformation.testingInstructions',
      message: 'is missing: certification reads it to test the skill',
    });
  }
  // Each locale's grammar, and the model it generates (its problems are said with the locale's below).
  const grammars = new Map(only.map((locale) => [locale, checkLocaleGrammar(locale, root, read)]));
  // Amazon's types for the manifest and for each model checked (ask-smapi-model). A model that is
  // byte for byte what its grammar generates has its type already: tsc checks the generator's.
  const smapiFiles: SmapiFile[] = [];
  if (manifest !== undefined) smapiFiles.push({ locale: '*', file: 'skill.json', text: read('skill.json'), type: 'manifest' });
  for (const locale of only.filter((l) => exists(modelFile(l)))) {
    const text = read(modelFile(locale));
    if (text !== grammars.get(locale)?.generated) smapiFiles.push({ locale, file: modelFile(locale), text, type: 'interactionModel' });
  }
  problems.push(...checkSmapiTypes(smapiFiles));

  const en = readJson(read, wordsFile(languageOf(DEFAULT_LOCALE)), DEFAULT_LOCALE, problems);
  const reference = languageModelOf(readJson(read, modelFile(DEFAULT_LOCALE), DEFAULT_LOCALE, []));
  const checkedLanguages = new Set<string>();
  for (const locale of only) {
    const language = languageOf(locale);
    let profile: LanguageProfile | undefined;
    try {
      profile = languageProfile(locale, root);
    } catch {
      problems.push({
        locale,
        file: join('lambda', 'local', 'languages', `${language}.json`),
        key: '(file)',
        message: 'is missing or not valid JSON: how people address Alexa in this language',
      });
    }

    const words = readJson(read, wordsFile(language), locale, problems);
    if (words !== undefined && !checkedLanguages.has(language)) {
      checkedLanguages.add(language);
      problems.push(
        ...(language === languageOf(DEFAULT_LOCALE)
          ? checkCatalogWords(locale, wordsFile(language), words)
          : checkLanguageWords(locale, wordsFile(language), words, en)),
      );
    }
    if (exists(wordsFile(locale))) {
      const regional = readJson(read, wordsFile(locale), locale, problems);
      if (regional !== undefined && words !== undefined) problems.push(...checkRegionalWords(locale, wordsFile(locale), regional, words, en));
    }

    problems.push(...(grammars.get(locale)?.problems ?? []));
    const model = readJson(read, modelFile(locale), locale, problems);
    if (model !== undefined && reference) problems.push(...checkModel(locale, modelFile(locale), model, reference, profile));
    if (model !== undefined && languageModelOf(model))
      problems.push(...checkListing(locale, 'skill.json', listings[locale], profile, join(root, modelFile(locale))));
  }
  return problems;
}

export function main(args: readonly string[]): number {
  const unknown = args.filter((a) => !(SUPPORTED_LOCALES as readonly string[]).includes(a));
  if (unknown.length > 0) {
    console.error(`npm run check: unknown locale ${unknown.join(', ')}; supported: ${SUPPORTED_LOCALES.join(', ')}`);
    return 2;
  }
  const locales = args.length > 0 ? args : SUPPORTED_LOCALES;
  const problems = checkProject(PROJECT_ROOT, locales);
  for (const problem of problems) console.error(describe(problem));
  const summary = `${locales.length} locale${locales.length === 1 ? '' : 's'} (${locales.join(', ')})`;
  if (problems.length > 0) {
    console.error(`\nnpm run check: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${summary}`);
    return 1;
  }
  console.log(`npm run check: ${summary}: words, models and listings agree`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
