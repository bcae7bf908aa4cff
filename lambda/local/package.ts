import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from './projectRoot';

/**
 * `npm run package`: lays out build/ the way `ask deploy` reads it (see
 * ask-resources.json), after `npm run build` has bundled the Lambda:
 *
 *   build/skill-package/skill.json                              copy of skill.json
 *   build/skill-package/interactionModels/custom/<locale>.json  copy of interaction-models/<locale>.json
 *   build/lambda/index.js, index.js.map                         the bundle (npm run build)
 *   build/lambda/locales/<code>/translation.json                the words, read per locale (npm run build)
 *   build/lambda/package.json                                   no dependencies: the ASK CLI's
 *                                                               nodejs-npm build step installs nothing
 *
 * build/lambda/ is what the cfn-deployer zips and uploads, so anything else
 * found there is removed. The skill package is rebuilt from scratch each time.
 */

export const SKILL_PACKAGE_DIR = join('build', 'skill-package');
export const LAMBDA_DIR = join('build', 'lambda');
export const LAMBDA_PACKAGE_JSON = { name: 'foot-massage-guide-lambda', private: true, main: 'index.js' } as const;
/** Everything build/lambda/ may hold. */
export const LAMBDA_FILES: readonly string[] = ['index.js', 'index.js.map', 'locales', 'package.json'];

export interface PackageResult {
  readonly written: string[];
  readonly removed: string[];
}

/** Copies a JSON file after checking it parses, so a broken file fails here and not in SMAPI. */
function copyJson(from: string, to: string): void {
  try {
    JSON.parse(readFileSync(from, 'utf8'));
  } catch (error) {
    throw new Error(`${from} is not valid JSON: ${(error as Error).message}`);
  }
  copyFileSync(from, to);
}

export function packageSkill(root: string = PROJECT_ROOT): PackageResult {
  const written: string[] = [];
  const removed: string[] = [];

  // The skill package, rebuilt from scratch so a removed locale does not linger.
  const skillPackage = join(root, SKILL_PACKAGE_DIR);
  rmSync(skillPackage, { recursive: true, force: true });
  const custom = join(skillPackage, 'interactionModels', 'custom');
  mkdirSync(custom, { recursive: true });
  copyJson(join(root, 'skill.json'), join(skillPackage, 'skill.json'));
  written.push(join(skillPackage, 'skill.json'));
  const models = readdirSync(join(root, 'interaction-models')).filter((name) => name.endsWith('.json')).sort();
  if (models.length === 0) throw new Error('interaction-models/ has no <locale>.json file');
  for (const model of models) {
    copyJson(join(root, 'interaction-models', model), join(custom, model));
    written.push(join(custom, model));
  }

  // The code the cfn-deployer zips: the bundle, its map and a dependency-free package.json.
  const lambda = join(root, LAMBDA_DIR);
  for (const file of ['index.js', 'index.js.map', join('locales', 'en', 'translation.json')]) {
    if (!existsSync(join(lambda, file))) throw new Error(`${relative(root, join(lambda, file))} is missing: run npm run build first`);
  }
  writeFileSync(join(lambda, 'package.json'), JSON.stringify(LAMBDA_PACKAGE_JSON, null, 2) + '\n');
  written.push(join(lambda, 'package.json'));
  for (const entry of readdirSync(lambda)) {
    if (LAMBDA_FILES.includes(entry)) continue;
    rmSync(join(lambda, entry), { recursive: true, force: true });
    removed.push(join(lambda, entry));
  }
  return { written, removed };
}

export function main(): void {
  const { written, removed } = packageSkill();
  console.log(`Wrote ${written.length} files for ask deploy:`);
  for (const file of written) console.log(`  ${relative(PROJECT_ROOT, file)}`);
  console.log(`  (with ${LAMBDA_FILES.filter((f) => f !== 'package.json').map((f) => join(LAMBDA_DIR, f)).join(', ')} from npm run build)`);
  if (removed.length > 0) console.log(`Removed from ${LAMBDA_DIR}: ${removed.map((file) => relative(PROJECT_ROOT, file)).join(', ')}`);
}

if (require.main === module) main();
