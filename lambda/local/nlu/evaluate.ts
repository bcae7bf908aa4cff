import { trainClassifier, type Classifier, type Example, type Segmentation } from './classifier';
import { shuffled, type Random } from './random';
import { FALLBACK_INTENT, type LabelledPhrase } from './samples';
import { HIGH_CONFIDENCE } from './thresholds';

/** One phrase the classifier sent elsewhere than expected. */
export interface Miss {
  readonly say: string;
  readonly expected: string;
  readonly got: string;
  readonly score: number;
}

export interface SetResult {
  readonly correct: number;
  readonly total: number;
  /** correct / total; null for an empty set. */
  readonly accuracy: number | null;
  /** Sent to another intent with score ≥ HIGH_CONFIDENCE, worst first. */
  readonly wrongHigh: readonly Miss[];
  /** The other misses (low score, or no intent at all), worst first. */
  readonly wrongLow: readonly Miss[];
}

const byScore = (a: Miss, b: Miss): number => b.score - a.score;

/** Classifies every phrase and sorts the misses by how sure the classifier was. */
export async function evaluateSet(
  classifier: Classifier,
  phrases: readonly { say: string; intent: string }[],
  highConfidence: number = HIGH_CONFIDENCE,
): Promise<SetResult> {
  let correct = 0;
  const wrongHigh: Miss[] = [];
  const wrongLow: Miss[] = [];
  for (const { say, intent } of phrases) {
    const guess = await classifier.classify(say);
    if (guess.intent === intent) {
      correct += 1;
      continue;
    }
    const miss = { say, expected: intent, got: guess.intent, score: guess.score };
    // Falling back is Alexa asking again, not doing the wrong thing.
    (guess.score >= highConfidence && guess.intent !== FALLBACK_INTENT ? wrongHigh : wrongLow).push(miss);
  }
  return {
    correct,
    total: phrases.length,
    accuracy: phrases.length === 0 ? null : correct / phrases.length,
    wrongHigh: wrongHigh.sort(byScore),
    wrongLow: wrongLow.sort(byScore),
  };
}

/**
 * `count` items of `items`, every group (intent) in proportion and at least
 * one of each, chosen by `random`; the order of `items` is kept.
 */
function stratifiedSample<T>(items: readonly T[], groupOf: (item: T) => string, count: number, random: Random): T[] {
  if (items.length <= count) return [...items];
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => groups.set(groupOf(item), [...(groups.get(groupOf(item)) ?? []), i]));
  const keep = new Set<number>();
  for (const indices of groups.values()) {
    const share = Math.max(1, Math.round((count * indices.length) / items.length));
    for (const i of shuffled(indices, random).slice(0, share)) keep.add(i);
  }
  return items.filter((_, i) => keep.has(i));
}

/**
 * Each sample's fold: within each intent the samples are shuffled and dealt
 * round the folds, so every fold has every intent in proportion. A sample's
 * fillings share its fold, so a fold never tests a sentence it trained on
 * with only the slot value changed.
 */
function assignFolds(phrases: readonly LabelledPhrase[], folds: number, random: Random): Map<number, number> {
  const samplesOf = new Map<string, number[]>();
  for (const p of phrases) {
    const samples = samplesOf.get(p.intent) ?? [];
    if (!samples.includes(p.sample)) samples.push(p.sample);
    samplesOf.set(p.intent, samples);
  }
  const foldOf = new Map<number, number>();
  let offset = 0;
  for (const samples of samplesOf.values()) {
    shuffled(samples, random).forEach((sample, i) => foldOf.set(sample, (i + offset) % folds));
    // Intents with fewer samples than folds do not all start at fold 0.
    offset += samples.length;
  }
  return foldOf;
}

export interface FoldResult {
  readonly correct: number;
  readonly total: number;
  readonly accuracy: number | null;
  /** The most phrases one fold trained on. */
  readonly largestTraining: number;
  /** True when some fold trained on a stratified sample of its phrases (see MAX_FOLD_TRAINING). */
  readonly capped: boolean;
}

const toExample = (p: LabelledPhrase): Example => ({ text: p.text, intent: p.intent });

/** k-fold cross-validation on the model's own phrases. */
export async function crossValidate(
  language: string,
  phrases: readonly LabelledPhrase[],
  options: { folds: number; maxTraining: number; segmentation: Segmentation; random: Random },
): Promise<FoldResult> {
  const foldOf = assignFolds(phrases, options.folds, options.random);
  let correct = 0;
  let total = 0;
  let largestTraining = 0;
  let capped = false;
  for (let fold = 0; fold < options.folds; fold += 1) {
    const test = phrases.filter((p) => foldOf.get(p.sample) === fold);
    const all = phrases.filter((p) => foldOf.get(p.sample) !== fold);
    if (test.length === 0 || all.length === 0) continue;
    const training = stratifiedSample(all, (p) => p.intent, options.maxTraining, options.random);
    capped ||= training.length < all.length;
    largestTraining = Math.max(largestTraining, training.length);
    const classifier = await trainClassifier(language, training.map(toExample), options.segmentation);
    const result = await evaluateSet(
      classifier,
      test.map((p) => ({ say: p.text, intent: p.intent })),
    );
    correct += result.correct;
    total += result.total;
  }
  return { correct, total, accuracy: total === 0 ? null : correct / total, largestTraining, capped };
}
