import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { isRecord } from '../json';
import { bundleLambda } from './bundle';
import { exitWith } from './exit';
import { PROJECT_ROOT } from './projectRoot';
import { STORE_ICONS, drawIcon, iconUri } from './storeIcon';
import { zip } from './zip';

/**
 * `npm run package` (also run by `npm ci`, as the `prepare` script): lays out
 * build/ the way `ask deploy` reads it (see ask-resources.json), after
 * bundling the Lambda as `npm run build` does (bundle.ts, called in this
 * process rather than through a second npm):
 *
 *   build/skill-package/skill.json                              skill.json, plus the endpoint `ask deploy` wrote
 *   build/skill-package/interactionModels/custom/<locale>.json  copy of interaction-models/<locale>.json
 *   build/skill-package/assets/images/*.png                     the store icons, drawn here (storeIcon.ts)
 *   build/lambda/index.js, index.js.map                         the bundle (npm run build)
 *   build/lambda/dynamodbApi.js, dynamodbApi.js.map             its DynamoDB client, loaded when a table is set (npm run build)
 *   build/lambda/locales/<code>/translation.json                the words, read per locale (npm run build)
 *   build/lambda/package.json                                   no dependencies
 *
 * `npm run package -- --zip <file>` is the ASK CLI's build step (hooks/build.sh):
 * the same, then build/lambda zipped into <file>, which the cfn-deployer uploads.
 *
 * Why the endpoint is kept: `ask deploy` writes the Lambda ARN into
 * build/skill-package/skill.json. Laid out from skill.json alone, the package
 * would lose it, and the next deploy would upload a manifest without an
 * endpoint, then the CLI would put the endpoint back and upload the whole
 * package again (it does so whenever icons are `file://` assets): two imports
 * and two model builds for every language, every deploy. Files that have not
 * changed are left alone, so the CLI's hash of the folder changes only when
 * something in it did.
 */

export const SKILL_PACKAGE_DIR = join('build', 'skill-package');
export const LAMBDA_DIR = join('build', 'lambda');
export const LAMBDA_PACKAGE_JSON = { name: 'foot-massage-guide-lambda', private: true, main: 'index.js' } as const;
/** Everything build/lambda/ may hold. */
export const LAMBDA_FILES: readonly string[] = ['index.js', 'index.js.map', 'dynamodbApi.js', 'dynamodbApi.js.map', 'locales', 'package.json'];
/**
 * Left out of the upload: the function runs without --enable-source-maps (it
 * costs about 16 ms of every cold start, and the skill logs error messages,
 * not stack traces), so the map would never be read there.
 */
export const NOT_UPLOADED: readonly string[] = ['index.js.map', 'dynamodbApi.js.map'];

export interface PackageResult {
  readonly written: string[];
  readonly removed: string[];
  /** Whether build/skill-package differs from what it held before. */
  readonly skillPackageChanged: boolean;
  /** The endpoint kept from the earlier build/skill-package/skill.json, if any. */
  readonly keptEndpoint: string | null;
}

/** Reads a JSON file, naming it when it does not parse, so a broken file fails here and not in SMAPI. */
function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * skill.json as the package holds it: where skill.json sets no endpoint, the
 * one `ask deploy` wrote into the earlier package (apis.custom.endpoint and
 * any regional ones) is carried over.
 */
export function withDeployedEndpoint(manifest: unknown, previous: unknown): { manifest: unknown; kept: string | null } {
  const custom = (m: unknown): Record<string, unknown> | null => {
    const apis = isRecord(m) && isRecord(m.manifest) && isRecord(m.manifest.apis) ? m.manifest.apis : null;
    return apis && isRecord(apis.custom) ? apis.custom : null;
  };
  const before = custom(previous);
  const result: unknown = structuredClone(manifest);
  const now = custom(result);
  if (!before || !now) return { manifest: result, kept: null };
  let kept: string | null = null;
  for (const key of ['endpoint', 'regions']) {
    if (now[key] !== undefined || before[key] === undefined) continue;
    now[key] = before[key];
    if (key === 'endpoint' && isRecord(before.endpoint) && typeof before.endpoint.uri === 'string') kept = before.endpoint.uri;
  }
  return { manifest: result, kept };
}

/** Every `file://` icon skill.json names must be one this package draws, or SMAPI rejects the import. */
function checkIconUris(manifest: unknown): void {
  const info = isRecord(manifest) && isRecord(manifest.manifest) ? manifest.manifest.publishingInformation : undefined;
  const locales = isRecord(info) && isRecord(info.locales) ? info.locales : {};
  const drawn = new Set(STORE_ICONS.map(iconUri));
  for (const [locale, listing] of Object.entries(locales)) {
    for (const field of ['smallIconUri', 'largeIconUri']) {
      const uri = isRecord(listing) ? listing[field] : undefined;
      if (typeof uri === 'string' && uri.startsWith('file://') && !drawn.has(uri)) {
        throw new Error(`skill.json: ${locale}.${field} is ${uri}, which the skill package does not hold (it holds ${[...drawn].join(', ')})`);
      }
    }
  }
}

/** What build/skill-package should hold, by path inside it. skill.json is serialised as the ASK CLI writes it. */
function skillPackageFiles(root: string, previousManifest: unknown): { files: Map<string, Buffer>; kept: string | null } {
  const files = new Map<string, Buffer>();
  const source = readJson(join(root, 'skill.json'));
  checkIconUris(source);
  const { manifest, kept } = withDeployedEndpoint(source, previousManifest);
  // JSON.stringify(…, null, 2), no final newline: byte for byte what `ask deploy` writes back after it sets the endpoint.
  files.set('skill.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  const models = readdirSync(join(root, 'interaction-models'))
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (models.length === 0) throw new Error('interaction-models/ has no <locale>.json file');
  for (const model of models) {
    const path = join(root, 'interaction-models', model);
    // Written without indentation: Alexa refuses a model definition over 1,000,000 characters, and
    // the committed files are indented for people (ja-JP would be over the limit as committed).
    files.set(['interactionModels', 'custom', model].join('/'), Buffer.from(JSON.stringify(readJson(path))));
  }
  for (const icon of STORE_ICONS) files.set(icon.file, drawIcon(icon.size));
  return { files, kept };
}

/** Every file under `dir`, as paths with forward slashes relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split(sep).join('/'))
    .sort();
}

function sameContent(path: string, existing: Buffer, wanted: Buffer): boolean {
  if (existing.equals(wanted)) return true;
  // Only the manifest is compared as JSON: ask deploy writes it back in its own layout. A model
  // must be byte for byte what is wanted (compact), whatever an earlier package held.
  if (path !== 'skill.json') return false;
  try {
    return isDeepStrictEqual(JSON.parse(existing.toString('utf8')), JSON.parse(wanted.toString('utf8')));
  } catch {
    return false;
  }
}

export function packageSkill(root: string = PROJECT_ROOT): PackageResult {
  const written: string[] = [];
  const removed: string[] = [];

  // The skill package: only what changed is written, and whatever is not wanted any more is removed.
  const skillPackage = join(root, SKILL_PACKAGE_DIR);
  const previousPath = join(skillPackage, 'skill.json');
  let previousManifest: unknown = null;
  try {
    previousManifest = existsSync(previousPath) ? JSON.parse(readFileSync(previousPath, 'utf8')) : null;
  } catch {
    // An unreadable earlier package keeps no endpoint: the next deploy writes it again.
  }
  const { files, kept } = skillPackageFiles(root, previousManifest);
  let changed = false;
  for (const [path, data] of files) {
    const target = join(skillPackage, ...path.split('/'));
    if (existsSync(target) && sameContent(path, readFileSync(target), data)) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
    written.push(target);
    changed = true;
  }
  for (const path of filesUnder(skillPackage).filter((p) => !files.has(p))) {
    rmSync(join(skillPackage, ...path.split('/')), { force: true });
    removed.push(join(skillPackage, ...path.split('/')));
    changed = true;
  }

  // The code the cfn-deployer zips: the bundle, its map and a dependency-free package.json.
  const lambda = join(root, LAMBDA_DIR);
  for (const file of ['index.js', 'index.js.map', 'dynamodbApi.js', join('locales', 'en', 'translation.json')]) {
    if (!existsSync(join(lambda, file))) throw new Error(`${relative(root, join(lambda, file))} is missing: run npm run build first`);
  }
  writeFileSync(join(lambda, 'package.json'), JSON.stringify(LAMBDA_PACKAGE_JSON, null, 2) + '\n');
  written.push(join(lambda, 'package.json'));
  for (const entry of readdirSync(lambda)) {
    if (LAMBDA_FILES.includes(entry)) continue;
    rmSync(join(lambda, entry), { recursive: true, force: true });
    removed.push(join(lambda, entry));
  }
  return { written, removed, skillPackageChanged: changed, keptEndpoint: kept };
}

/** Zips build/lambda (less what is not uploaded) into `file`; returns the names it holds. */
export function zipLambda(file: string, root: string = PROJECT_ROOT): string[] {
  const lambda = join(root, LAMBDA_DIR);
  const names = filesUnder(lambda).filter((name) => !NOT_UPLOADED.includes(name));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, zip(names.map((name) => ({ name, data: readFileSync(join(lambda, ...name.split('/'))) }))));
  return names;
}

/** One line for what changed in the skill package: "wrote skill.json, 17 models, 2 icons" or "unchanged". */
function describeWritten({ written }: PackageResult): string {
  const inPackage = written.map((file) => relative(join(PROJECT_ROOT, SKILL_PACKAGE_DIR), file).split(sep).join('/')).filter((file) => !file.startsWith('..'));
  if (inPackage.length === 0) return 'unchanged';
  const count = (prefix: string) => inPackage.filter((file) => file.startsWith(prefix)).length;
  const parts = [
    inPackage.includes('skill.json') ? 'skill.json' : '',
    count('interactionModels/') ? `${count('interactionModels/')} interaction model${count('interactionModels/') === 1 ? '' : 's'}` : '',
    count('assets/') ? `${count('assets/')} icon${count('assets/') === 1 ? '' : 's'}` : '',
  ];
  return `wrote ${parts.filter(Boolean).join(', ')}`;
}

/** What the ASK CLI's build step says when the skill package it already uploaded was out of date. */
export const STALE_PACKAGE_MESSAGE =
  'build/skill-package was out of date (skill.json, a model or an icon changed since npm run package), and ask deploy ' +
  'uploads the skill package before it runs this build step, so the old one went up. It is up to date now: run ask deploy again.';

async function main(argv: readonly string[]): Promise<number> {
  const zipAt = argv.indexOf('--zip');
  const zipFile = zipAt >= 0 ? argv[zipAt + 1] : undefined;
  if (zipAt >= 0 && !zipFile) {
    console.error('npm run package -- --zip <file>: name the zip to write');
    return 2;
  }
  await bundleLambda();
  const result = packageSkill();
  console.log(`npm run package: ${SKILL_PACKAGE_DIR} ${describeWritten(result)}; ${LAMBDA_DIR} ready for ask deploy`);
  if (result.keptEndpoint) console.log(`  kept the endpoint ask deploy set: ${result.keptEndpoint}`);
  if (result.removed.length > 0) console.log(`  removed: ${result.removed.map((file) => relative(PROJECT_ROOT, file)).join(', ')}`);
  if (!zipFile) return 0;
  if (result.skillPackageChanged) {
    console.error(STALE_PACKAGE_MESSAGE);
    return 1;
  }
  const names = zipLambda(zipFile);
  console.log(`Zipped ${LAMBDA_DIR} (${names.length} files, without ${NOT_UPLOADED.join(', ')}) into ${zipFile}`);
  return 0;
}

if (require.main === module) exitWith(main(process.argv.slice(2)));
