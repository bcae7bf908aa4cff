/**
 * The numbers `npm run check:nlu` judges by. NLP.js's scores over all
 * intents sum to 1, so a wrong intent at HIGH_CONFIDENCE or more is one the
 * model is sure of: Alexa would act on it rather than ask or fall back.
 */

/** A miss scored at least this is "wrong at high confidence", and fails the check. */
export const HIGH_CONFIDENCE = 0.8;

/** Held-out `final` accuracy below this fails the check. */
export const MIN_FINAL_ACCURACY = 0.97;

/** Folds of the model's own samples. */
export const FOLDS = 5;

/**
 * Training phrases per fold, at most: past this the fold trains on a
 * stratified sample (every intent in proportion), so that a model of
 * ~10,000 samples still checks in seconds. The full model always trains on
 * everything.
 */
export const MAX_FOLD_TRAINING = 4000;
