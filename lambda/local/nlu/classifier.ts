import './quiet';
import { containerBootstrap, Nlp, type Container, type Plugin } from '@nlpjs/basic';
import { LangAr } from '@nlpjs/lang-ar';
import { LangDe } from '@nlpjs/lang-de';
import { LangEn } from '@nlpjs/lang-en';
import { LangEs } from '@nlpjs/lang-es';
import { LangFr } from '@nlpjs/lang-fr';
import { LangHi } from '@nlpjs/lang-hi';
import { LangIt } from '@nlpjs/lang-it';
import { LangJa } from '@nlpjs/lang-ja';
import { LangNl } from '@nlpjs/lang-nl';
import { LangPt } from '@nlpjs/lang-pt';
import { FALLBACK_INTENT } from './samples';

/**
 * An intent classifier trained with NLP.js (its neural NLU: normalise,
 * tokenise, stem with the language's package, then one small network per
 * intent). Development only: nothing under lambda/ outside local/ imports it.
 */

/** NLP.js's package for each language the skill speaks. */
const LANGUAGES: Readonly<Partial<Record<string, Plugin>>> = {
  ar: LangAr,
  de: LangDe,
  en: LangEn,
  es: LangEs,
  fr: LangFr,
  hi: LangHi,
  it: LangIt,
  ja: LangJa,
  nl: LangNl,
  pt: LangPt,
};

/**
 * How text becomes the classifier's features:
 * - 'words': the language package's tokens and stems;
 * - 'words + character bigrams': those, plus every pair of adjacent
 *   characters, for a language written without spaces (see segmentationFor);
 * - 'character bigrams': the pairs alone, when the package cannot tokenise.
 */
export type Segmentation = 'words' | 'words + character bigrams' | 'character bigrams';

export interface Example {
  readonly text: string;
  readonly intent: string;
}

interface Guess {
  /** FALLBACK_INTENT when NLP.js knows none of the words. */
  readonly intent: string;
  /** 0–1; NLP.js's scores over all intents sum to 1. */
  readonly score: number;
}

export interface Classifier {
  readonly language: string;
  readonly segmentation: Segmentation;
  classify(text: string): Promise<Guess>;
  /** The features the classifier sees in `text`: stems, character pairs, or both. */
  featuresOf(text: string): Promise<string[]>;
  /** Training phrases that gave the classifier nothing to go on (stop words only, or words too short to keep). */
  readonly emptyPhrases: readonly string[];
}

/** Languages written without spaces between words. */
const UNSPACED = new Set(['ja']);

const PUNCTUATION = /[\s\p{P}\p{S}]+/u;

/** 'どこまで' → 'どこ こま まで'. */
export function characterBigrams(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(PUNCTUATION)
    .filter((run) => run !== '')
    .flatMap((run) => {
      // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points on purpose: NFKC has composed the kana with their voicing marks
      const chars = [...run];
      return chars.length < 2 ? chars : chars.slice(1).map((c, i) => chars[i] + c);
    })
    .join(' ');
}

/** Collects what NLP.js logs while training, instead of printing it through pino. */
class CollectingLogger {
  readonly name = 'logger';
  readonly messages: string[] = [];
  private keep = (...args: unknown[]): void => {
    this.messages.push(args.map(String).join(' '));
  };
  warn = this.keep;
  error = this.keep;
  fatal = this.keep;
  debug = (): void => {};
  info = (): void => {};
  log = (): void => {};
  trace = (): void => {};
}

const ONLY_STOP_WORDS = /^This utterance: "(.*)" contains only stop words$/s;

/** The part of a language package's stemmer that NLP.js's pipeline calls. */
interface Stemmer {
  stem(tokens: string[], input: { text?: string }): string[] | Promise<string[]>;
}

const isStemmer = (value: unknown): value is Stemmer => typeof value === 'object' && value !== null && typeof (value as { stem?: unknown }).stem === 'function';

/** Makes the language's stemmer add the text's character pairs to its stems. */
function addCharacterBigrams(container: Container, language: string): void {
  const stemmer = container.get(`stemmer-${language}`);
  if (!isStemmer(stemmer)) throw new Error(`@nlpjs/lang-${language} registered no stemmer-${language}`);
  const stem = stemmer.stem.bind(stemmer);
  stemmer.stem = async (tokens, input) => [
    ...(await stem(tokens, input)),
    ...characterBigrams(input.text ?? tokens.join(''))
      .split(' ')
      .filter((b) => b !== ''),
  ];
}

/**
 * Trains on `examples` (in their order: the same examples give the same
 * model). `language` is the locale's language ('de' for de-DE).
 */
export async function trainClassifier(language: string, examples: readonly Example[], segmentation: Segmentation = 'words'): Promise<Classifier> {
  const plugin = LANGUAGES[language];
  const usesPackage = segmentation !== 'character bigrams';
  if (usesPackage && plugin === undefined)
    throw new Error(`NLP.js has no package for language '${language}' here; add @nlpjs/lang-${language} to lambda/local/nlu/classifier.ts`);
  // isChild: take these settings as they are, read no ./conf.json; false: read no .env.
  const container = containerBootstrap({ isChild: true }, false);
  const logger = new CollectingLogger();
  container.register('logger', logger, true);
  // NLP.js defaults to printing every training epoch.
  container.registerConfiguration('nlu-manager', { log: false });
  if (usesPackage && plugin !== undefined) container.use(plugin);
  if (segmentation === 'words + character bigrams') addCharacterBigrams(container, language);
  // characterBigrams has normalised already; NLP.js's default would split off the voicing marks (で → て + ゙).
  if (segmentation === 'character bigrams') container.register(`normalizer-${language}`, { normalize: (text: string): string => text }, true);

  const nlp = new Nlp({ languages: [language], autoSave: false, autoLoad: false, calculateSentiment: false }, container);
  const prepare = segmentation === 'character bigrams' ? characterBigrams : (text: string) => text;
  for (const { text, intent } of examples) nlp.addDocument(language, prepare(text), intent);
  await nlp.train();
  const domainManager = nlp.nluManager.domainManagers[language];
  return {
    language,
    segmentation,
    emptyPhrases: logger.messages.flatMap((m) => ONLY_STOP_WORDS.exec(m)?.[1] ?? []),
    async classify(text) {
      const best = (await nlp.process(language, prepare(text))).classifications.at(0);
      // 'None': NLP.js knows none of the words; score 0: no intent has any of them.
      if (best === undefined || best.intent === 'None' || best.score === 0) return { intent: FALLBACK_INTENT, score: best?.score ?? 1 };
      return { intent: best.intent, score: best.score };
    },
    async featuresOf(text) {
      if (domainManager === undefined) return [];
      return Object.keys(await domainManager.prepare(prepare(text)));
    },
  };
}

/** A sentence whose words any tokeniser of the language must find more than one of. */
const PROBES: Readonly<Record<string, string>> = { ja: '足首をゆっくり回してください' };
const MIN_PROBE_WORDS = 3;

/**
 * 'words' for a language written with spaces. For one written without:
 * 'words + character bigrams' when NLP.js's package tokenises a probe
 * sentence, 'character bigrams' alone when it fails or finds no words.
 *
 * Why the pairs even when @nlpjs/lang-ja works: it tokenises with kuromoji
 * but keeps each word's *reading* in katakana, drops numbers and every
 * one-character reading (次 as the prefix ジ, 目 as メ), so that 「4つ目」
 * gives no feature at all and 「次お願いします」 loses 次. On the
 * held-out Japanese phrasings the words alone misclassified ten at high
 * confidence where words + pairs misclassified one.
 */
export async function segmentationFor(language: string): Promise<{ segmentation: Segmentation; note?: string }> {
  if (!UNSPACED.has(language)) return { segmentation: 'words' };
  const probe = PROBES[language] ?? '';
  try {
    const classifier = await trainClassifier(language, [{ text: probe, intent: 'Probe' }]);
    const words = await classifier.featuresOf(probe);
    if (words.length >= MIN_PROBE_WORDS) {
      return {
        segmentation: 'words + character bigrams',
        note: `@nlpjs/lang-${language} tokenises ("${probe}" → ${words.join(' | ')}); character bigrams added for the one-character words and numbers it drops`,
      };
    }
    return { segmentation: 'character bigrams', note: `@nlpjs/lang-${language} found ${words.length} word(s) in "${probe}"; character bigrams instead` };
  } catch (error) {
    return { segmentation: 'character bigrams', note: `@nlpjs/lang-${language} failed (${(error as Error).message}); character bigrams instead` };
  }
}
