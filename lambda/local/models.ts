import './quiet';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_LOCALES } from '../voice/locales';
import { describe } from './check/problem';
import { buildLocaleModel, modelFile } from './grammar/models';
import { PROJECT_ROOT } from './projectRoot';

/**
 * `npm run models [-- <locale> ...]`: writes interaction-models/<locale>.json
 * from interaction-models/grammar/. The files stay committed (the ASK CLI and
 * the skill package read them); `npm run check` fails when one is not what its
 * grammar writes. A grammar that cannot be read writes nothing; one with
 * conflicts is written (so it can be tried) and the command fails.
 */
export function main(args: readonly string[]): number {
  const unknown = args.filter((a) => !(SUPPORTED_LOCALES as readonly string[]).includes(a));
  if (unknown.length > 0) {
    console.error(`npm run models: unknown locale ${unknown.join(', ')}; supported: ${SUPPORTED_LOCALES.join(', ')}`);
    return 2;
  }
  let failed = 0;
  for (const locale of args.length > 0 ? args : SUPPORTED_LOCALES) {
    const built = buildLocaleModel(locale, PROJECT_ROOT);
    for (const problem of built.problems) console.error(describe(problem));
    if (built.problems.length > 0) failed++;
    if (built.text === null) {
      console.error(`${locale}: not written`);
      continue;
    }
    writeFileSync(join(PROJECT_ROOT, modelFile(locale)), built.text);
    const problems = built.problems.length > 0 ? `, ${built.problems.length} problem${built.problems.length === 1 ? '' : 's'}` : '';
    console.log(`${locale}: ${built.samples} samples → ${modelFile(locale)}${problems}`);
  }
  return failed > 0 ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
