import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { PROJECT_ROOT } from './projectRoot';

/**
 * `npm run build`: the Lambda bundle, build/lambda/index.js (CommonJS,
 * minified, node20 syntax, a source map beside it that is not uploaded), the
 * DynamoDB client beside it, build/lambda/dynamodbApi.js, and the words it
 * reads per locale, build/lambda/locales/.
 *
 * Why the DynamoDB client is a file of its own: node compiles every byte of
 * a file it loads, used or not, and the client (with aws4, its signer) is
 * a tenth of the bundle that a Lambda without a table, or a cold start that
 * has not reached its store yet, never runs. The store (storage/dynamodb.ts)
 * stays in the bundle and loads the client when it is chosen; nothing the
 * rest of the skill checks by identity lives in the client.
 *
 * Two packages are swapped for what the skill actually runs (lambda/bundle/),
 * because every byte a cold start loads is compiled and run before Alexa
 * hears a word:
 *  - `ask-sdk-core` → only SkillBuilders and the request helpers we call;
 *  - `ask-sdk-model` → no run-time code at all (it is types, plus service API
 *    clients the skill never uses).
 * Only the exact package names are swapped, so the stand-ins can still load
 * ask-sdk-core's own modules by path. Tests, tsc and the other tools use the
 * real packages.
 *
 * `@aws-sdk/*` stays external: nothing in the skill loads it any more (the
 * DynamoDB store has its own small client), and if something ever did, it
 * should be the Lambda runtime's copy, not a second one in the zip.
 */

const SUBSTITUTES: Readonly<Record<string, string>> = {
  'ask-sdk-core': join(PROJECT_ROOT, 'lambda', 'bundle', 'askSdkCore.ts'),
  'ask-sdk-model': join(PROJECT_ROOT, 'lambda', 'bundle', 'askSdkModel.ts'),
};

/** Resolves the exact names in SUBSTITUTES to their stand-ins (esbuild's --alias would also rewrite their subpaths). */
export const substitutes: Plugin = {
  name: 'lambda-substitutes',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^ask-sdk-(core|model)$/ }, (args) => ({ path: SUBSTITUTES[args.path] }));
  },
};

/** The DynamoDB client, as the store imports it, left to be loaded from its own file beside the bundle. */
export const DYNAMODB_CLIENT_FILE = 'dynamodbApi.js';
const clientApart: Plugin = {
  name: 'dynamodb-client-apart',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/dynamodbApi$/ }, (args) =>
      args.importer.endsWith(join('storage', 'dynamodb.ts')) ? { path: `./${DYNAMODB_CLIENT_FILE}`, external: true } : undefined,
    );
  },
};

export const LAMBDA_OUT_DIR = join(PROJECT_ROOT, 'build', 'lambda');

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: true,
  external: ['@aws-sdk/*'],
  logLevel: 'warning',
};

/** How the Lambda is bundled; the tests reuse it to see what goes in. */
export function lambdaBuildOptions(): BuildOptions {
  return { ...common, entryPoints: [join(PROJECT_ROOT, 'lambda', 'index.ts')], outfile: join(LAMBDA_OUT_DIR, 'index.js'), plugins: [substitutes, clientApart] };
}

/** The DynamoDB client's own file. */
export function dynamodbClientBuildOptions(): BuildOptions {
  return { ...common, entryPoints: [join(PROJECT_ROOT, 'lambda', 'storage', 'dynamodbApi.ts')], outfile: join(LAMBDA_OUT_DIR, DYNAMODB_CLIENT_FILE) };
}

/** Writes build/lambda: the bundle, its DynamoDB client and the words. `npm run package` calls it first. */
export async function bundleLambda(): Promise<void> {
  await Promise.all([build(lambdaBuildOptions()), build(dynamodbClientBuildOptions())]);
  const locales = join(LAMBDA_OUT_DIR, 'locales');
  rmSync(locales, { recursive: true, force: true });
  cpSync(join(PROJECT_ROOT, 'lambda', 'locales'), locales, { recursive: true });
}

if (require.main === module) {
  bundleLambda().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
