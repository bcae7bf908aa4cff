import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { SUPPORTED_LOCALES } from '../../voice/locales';
import { exitWith } from '../exit';
import { PROJECT_ROOT } from '../projectRoot';
import { checkLocales, serveIfWorker } from './parallel';
import { formatLocale, formatTable, writeReport } from './report';
import { HIGH_CONFIDENCE, MIN_FINAL_ACCURACY } from './thresholds';

/**
 * `npm run check:nlu [-- [--jobs=N] <locale> ...]`: a local, repeatable stand-in for
 * Alexa's NLU evaluation. Per locale, on that locale's own model:
 *  1. k-fold cross-validation on the model's samples (slots filled);
 *  2. a classifier trained on all of them, run on tests/heldout/<locale>.json
 *     (dev and final apart), every miss listed.
 * Then a table, and build/nlu/report.json. Exits 1 when a held-out phrase
 * goes to a wrong intent at high confidence, or held-out final accuracy is
 * under MIN_FINAL_ACCURACY, after printing everything. Locales run in
 * parallel, one per core (--jobs=N to change).
 *
 * NLP.js is not Alexa: its numbers are a guide to where the model is thin or
 * ambiguous, not Amazon's. Development only: the Lambda bundle never imports it.
 */

export const REPORT_FILE = join('build', 'nlu', 'report.json');

export async function main(args: readonly string[], root: string = PROJECT_ROOT): Promise<number> {
  const supported: readonly string[] = SUPPORTED_LOCALES;
  const jobsArg = args.find((a) => a.startsWith('--jobs='));
  const jobs = jobsArg === undefined ? availableParallelism() : Number(jobsArg.slice('--jobs='.length));
  const unknown = args.filter((a) => a !== jobsArg && !supported.includes(a));
  if (unknown.length > 0 || !Number.isInteger(jobs) || jobs < 1) {
    console.error(
      `npm run check:nlu: ${unknown.length > 0 ? `unknown locale ${unknown.join(', ')}` : `bad ${jobsArg}`}; usage: npm run check:nlu -- [--jobs=N] [locale ...] with locales from ${SUPPORTED_LOCALES.join(', ')}`,
    );
    return 2;
  }
  const asked = args.filter((a) => a !== jobsArg);
  const locales = asked.length > 0 ? asked : SUPPORTED_LOCALES;
  const started = Date.now();
  const reports = await checkLocales(root, locales, jobs, REPORT_FILE, (report) => console.log(`${formatLocale(report)}\n`));
  const seconds = (Date.now() - started) / 1000;
  const failed = reports.filter((r) => r.failures.length > 0);
  writeReport(join(root, REPORT_FILE), { passed: failed.length === 0, seconds, locales: reports });

  console.log(formatTable(reports));
  console.log(`\n${locales.length} locale(s) in ${seconds.toFixed(1)} s (${Math.min(jobs, locales.length)} at a time); full results in ${REPORT_FILE}`);
  if (failed.length > 0) {
    console.error(
      `npm run check:nlu: ${failed.map((r) => r.locale).join(', ')} fail (a held-out phrase sent to a wrong intent at score ≥ ${HIGH_CONFIDENCE}, or held-out final accuracy < ${(100 * MIN_FINAL_ACCURACY).toFixed(0)}%)`,
    );
    return 1;
  }
  console.log('npm run check:nlu: passed');
  return 0;
}

if (serveIfWorker()) {
  // A worker of checkLocales: it answers its parent until terminated.
} else if (require.main === module) {
  exitWith(main(process.argv.slice(2)));
}
