import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Miss, SetResult } from './evaluate';
import type { LocaleReport } from './locale';
import { FOLDS, HIGH_CONFIDENCE, MAX_FOLD_TRAINING, MIN_FINAL_ACCURACY } from './thresholds';
import { SEED } from './random';

/** How `npm run check:nlu` shows what it found: per locale, then one table, then report.json. */

/** Low-confidence misses listed per set; the rest are counted. */
const LOW_CONFIDENCE_SHOWN = 5;

const percent = (x: number | null): string => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);
const ratio = (r: SetResult | undefined): string => (r === undefined || r.accuracy === null ? '—' : `${percent(r.accuracy)} (${r.correct}/${r.total})`);
const describeMiss = (set: string, m: Miss): string => `    ${set.padEnd(5)} "${m.say}"  ${m.expected} → ${m.got} (${m.score.toFixed(2)})`;

/** The section printed for one locale as soon as it is checked. */
export function formatLocale(r: LocaleReport): string {
  const lines = [`${r.locale}: ${r.samples} samples → ${r.phrases} phrases, ${r.intents} intents, ${r.segmentation} (${r.seconds.toFixed(1)} s)`];
  if (r.kFold !== null)
    lines.push(
      `  k-fold (${FOLDS}, by sample): ${ratio({ ...r.kFold, wrongHigh: [], wrongLow: [] })}${r.kFold.capped ? `, folds capped at ${MAX_FOLD_TRAINING} training phrases` : ''}`,
    );
  if (r.heldOut !== null) {
    const { dev, final } = r.heldOut;
    lines.push(`  held-out dev: ${ratio(dev)}; final: ${ratio(final)}`);
    // The sealed `final` phrasings are counted, never printed: whoever tunes the grammar must not read them.
    const high = dev.wrongHigh.map((m) => describeMiss('dev', m));
    if (final.wrongHigh.length > 0) high.push(`    final ${final.wrongHigh.length} phrase${final.wrongHigh.length === 1 ? '' : 's'} (sealed: not shown)`);
    if (high.length > 0) lines.push(`  WRONG intent at high confidence (score ≥ ${HIGH_CONFIDENCE}):`, ...high);
    const low = dev.wrongLow.map((m) => ['dev', m] as const);
    if (low.length > 0) {
      lines.push(`  low-confidence misses (${low.length}):`, ...low.slice(0, LOW_CONFIDENCE_SHOWN).map(([set, m]) => describeMiss(set, m)));
      if (low.length > LOW_CONFIDENCE_SHOWN) lines.push(`    … and ${low.length - LOW_CONFIDENCE_SHOWN} more in build/nlu/report.json`);
    }
  }
  for (const note of r.notes) lines.push(`  note: ${note}`);
  for (const failure of r.failures) lines.push(`  FAIL: ${failure}`);
  return lines.join('\n');
}

const COLUMNS = ['locale', 'samples', 'k-fold acc', 'held-out dev acc', 'held-out final acc', 'wrong at high confidence'] as const;

function tableRows(reports: readonly LocaleReport[]): string[][] {
  return reports.map((r) => [
    r.locale,
    String(r.samples),
    percent(r.kFold?.accuracy ?? null),
    ratio(r.heldOut?.dev),
    ratio(r.heldOut?.final),
    r.heldOut === null ? '—' : String(r.wrongAtHighConfidence),
  ]);
}

/** The summary table, columns padded (numbers to the right). */
export function formatTable(reports: readonly LocaleReport[]): string {
  const rows = [[...COLUMNS], ...tableRows(reports)];
  const widths = COLUMNS.map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: readonly string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)].join('\n');
}

export interface RunSummary {
  readonly passed: boolean;
  readonly seconds: number;
  readonly locales: readonly LocaleReport[];
}

/** A locale's result with the `final` misses' phrasings left out (their intents and scores stay): sealed, as on the console. */
function sealFinal(r: LocaleReport): LocaleReport | (Omit<LocaleReport, 'heldOut'> & { heldOut: unknown }) {
  if (r.heldOut === null) return r;
  const seal = (m: Miss) => ({ expected: m.expected, got: m.got, score: m.score });
  const { final } = r.heldOut;
  return { ...r, heldOut: { dev: r.heldOut.dev, final: { ...final, wrongHigh: final.wrongHigh.map(seal), wrongLow: final.wrongLow.map(seal) } } };
}

/** build/nlu/report.json: the table's rows and every locale's full result (the sealed `final` phrasings counted, not quoted). */
export function writeReport(file: string, summary: RunSummary): void {
  const json = {
    generatedBy: 'npm run check:nlu',
    passed: summary.passed,
    seconds: summary.seconds,
    settings: { seed: SEED, folds: FOLDS, maxFoldTraining: MAX_FOLD_TRAINING, highConfidence: HIGH_CONFIDENCE, minFinalAccuracy: MIN_FINAL_ACCURACY },
    table: { columns: COLUMNS, rows: tableRows(summary.locales) },
    locales: summary.locales.map(sealFinal),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}
