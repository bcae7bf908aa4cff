import { measure, readHeldOut } from '../../lambda/local/heldout';
import { HANDLED_INTENTS } from '../../lambda/handlers/intents';
import { SUPPORTED_LOCALES } from '../../lambda/voice/locales';

// What native speakers say, written without ever seeing the grammar or the
// models, against each committed model, by exact sample matching (as a test
// transcript is matched). The `final` sets are sealed: nobody tunes the
// grammar to them, so they measure how far the grammar's families reach.
// README ("Held-out phrasings") has the figures; this keeps them from sliding.

/** The least share of a locale's sealed phrasings the model must understand. */
const MIN_UNDERSTOOD = 0.55;
/** A phrase understood as the wrong intent is the worst error (a wrong action, not "sorry?"): at most two in a hundred. */
const MAX_WRONG_INTENT = 0.02;

describe.each(SUPPORTED_LOCALES)('%s', (locale) => {
  const file = readHeldOut(locale);

  test('at least 60 sealed phrasings, covering every intent the model has samples for', () => {
    expect(file.final.length).toBeGreaterThanOrEqual(60);
    const covered = new Set(file.final.map((p) => p.intent));
    expect(HANDLED_INTENTS.filter((intent) => intent !== 'AMAZON.FallbackIntent' && !covered.has(intent))).toEqual([]);
  });

  test(`understands at least ${Math.round(MIN_UNDERSTOOD * 100)}% of them, and sends at most ${Math.round(MAX_WRONG_INTENT * 100)}% to a wrong intent`, () => {
    const result = measure(locale, file.final);
    const wrong = result.misses.filter((m) => !m.got.startsWith('nothing'));
    expect(result.understood / result.total).toBeGreaterThanOrEqual(MIN_UNDERSTOOD);
    expect(wrong.length / result.total).toBeLessThanOrEqual(MAX_WRONG_INTENT);
  });
});
