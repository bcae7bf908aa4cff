import { languageOf } from '../../voice/locales';
import { segmentationFor, trainClassifier, type Segmentation } from './classifier';
import { crossValidate, evaluateSet, type FoldResult, type SetResult } from './evaluate';
import { readHeldOut, type HeldOut } from './heldout';
import { randomFor } from './random';
import { FALLBACK_INTENT, maskModel, readLanguageModel, slotMasker, type IndexedModel } from './samples';
import { languageProfile } from '../language';
import { fillerOwners } from './fillerOwners';
import { FOLDS, HIGH_CONFIDENCE, MAX_FOLD_TRAINING, MIN_FINAL_ACCURACY } from './thresholds';

/** What `npm run check:nlu` found for one locale; also its entry in build/nlu/report.json. */
export interface LocaleReport {
  readonly locale: string;
  /** The model's own samples, and the phrases they filled to. 0 when the model could not be read. */
  readonly samples: number;
  readonly phrases: number;
  readonly intents: number;
  readonly segmentation: Segmentation;
  readonly kFold: FoldResult | null;
  /** null when tests/heldout/<locale>.json does not exist yet. */
  readonly heldOut: { readonly dev: SetResult; readonly final: SetResult } | null;
  /** Held-out phrases (dev and final) sent to a wrong intent at HIGH_CONFIDENCE or more. */
  readonly wrongAtHighConfidence: number;
  /** Why this locale fails the check; empty when it passes. */
  readonly failures: readonly string[];
  readonly notes: readonly string[];
  readonly seconds: number;
}

const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** The report for a locale that could not be checked at all. */
export const failedReport = (locale: string, failure: string, seconds = 0): LocaleReport => ({
  locale,
  samples: 0,
  phrases: 0,
  intents: 0,
  segmentation: 'words',
  kFold: null,
  heldOut: null,
  wrongAtHighConfidence: 0,
  failures: [failure],
  notes: [],
  seconds,
});

const segmentations = new Map<string, Promise<{ segmentation: Segmentation; note?: string }>>();

/** The k-fold and held-out checks for one locale, on its own model (en-GB is not en-US). */
export async function checkLocale(root: string, locale: string): Promise<LocaleReport> {
  const started = Date.now();
  const language = languageOf(locale);
  const notes: string[] = [];
  const failures: string[] = [];
  const seconds = () => (Date.now() - started) / 1000;

  let model: IndexedModel;
  try {
    model = readLanguageModel(root, locale);
  } catch (error) {
    return failedReport(locale, `interaction model unreadable: ${(error as Error).message}`, seconds());
  }
  const profile = languageProfile(locale);
  // The words people end any request with (thanks, please, now): the leading ones include yes and no, which rightly belong to one intent.
  for (const owner of fillerOwners(model, profile.fillers.trailing, profile.spaced)) {
    notes.push(
      `"${owner.filler}" is in ${percent(owner.share)} of ${owner.intent}'s samples and ${percent(owner.elsewhere)} of the others': people add it to any request, so put it on every short command or on none`,
    );
  }
  const mask = slotMasker(model, profile.spaced);
  const filled = maskModel(model, mask);
  notes.push(...filled.notes);

  if (!segmentations.has(language)) segmentations.set(language, segmentationFor(language));
  const { segmentation, note } = await (segmentations.get(language) ?? segmentationFor(language));
  if (note !== undefined) notes.push(note);

  const kFold = await crossValidate(language, filled.phrases, {
    folds: FOLDS,
    maxTraining: MAX_FOLD_TRAINING,
    segmentation,
    random: randomFor(locale, 'folds'),
  });
  if (kFold.capped) notes.push(`k-fold trained each fold on a stratified sample of at most ${MAX_FOLD_TRAINING} phrases (MAX_FOLD_TRAINING), not all of them`);

  let heldOut: LocaleReport['heldOut'] = null;
  let heldOutFile: HeldOut | undefined;
  try {
    heldOutFile = readHeldOut(root, locale);
  } catch (error) {
    failures.push(`held-out phrasings unreadable: ${(error as Error).message}`);
  }
  if (heldOutFile === undefined && failures.length === 0) notes.push(`no tests/heldout/${locale}.json yet: held-out columns left empty, and not gated`);

  const trained = await trainClassifier(language, filled.phrases, segmentation);
  // Held-out phrases are masked as the samples were: slot values become their type's token.
  const classifier = { ...trained, classify: (text: string) => trained.classify(mask(text)) };
  if (classifier.emptyPhrases.length > 0) {
    const shown = classifier.emptyPhrases.slice(0, 10).map((p) => `"${p}"`);
    notes.push(
      `${classifier.emptyPhrases.length} sample phrase(s) gave NLP.js no usable word: ${shown.join(', ')}${classifier.emptyPhrases.length > shown.length ? ', …' : ''}`,
    );
  }
  if (heldOutFile !== undefined) {
    const known = new Set([...filled.intents, FALLBACK_INTENT]);
    const unknown = [...new Set([...heldOutFile.dev, ...heldOutFile.final].map((p) => p.intent).filter((i) => !known.has(i)))];
    if (unknown.length > 0) notes.push(`held-out phrasings expect intents the model has no samples for: ${unknown.join(', ')}`);
    heldOut = { dev: await evaluateSet(classifier, heldOutFile.dev), final: await evaluateSet(classifier, heldOutFile.final) };
    const { final } = heldOut;
    if (final.accuracy !== null && final.accuracy < MIN_FINAL_ACCURACY)
      failures.push(`held-out final accuracy ${percent(final.accuracy)} < ${percent(MIN_FINAL_ACCURACY)}`);
  }
  const wrongAtHighConfidence = heldOut === null ? 0 : heldOut.dev.wrongHigh.length + heldOut.final.wrongHigh.length;
  if (wrongAtHighConfidence > 0) failures.push(`${wrongAtHighConfidence} held-out phrase(s) sent to a wrong intent at score ≥ ${HIGH_CONFIDENCE}`);

  return {
    locale,
    samples: filled.samples,
    phrases: filled.phrases.length,
    intents: filled.intents.length,
    segmentation,
    kFold,
    heldOut,
    wrongAtHighConfidence,
    failures,
    notes,
    seconds: seconds(),
  };
}
