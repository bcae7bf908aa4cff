import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { PROJECT_ROOT } from './projectRoot';

/**
 * `npm run build`: the Lambda bundle, build/lambda/index.js (CommonJS,
 * minified, node20 syntax, a source map beside it that is not uploaded), and
 * the words it reads per locale, build/lambda/locales/.
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

export const LAMBDA_OUT_DIR = join(PROJECT_ROOT, 'build', 'lambda');

/** How the Lambda is bundled; the tests reuse it to see what goes in. */
export function lambdaBuildOptions(): BuildOptions {
  return {
    entryPoints: [join(PROJECT_ROOT, 'lambda', 'index.ts')],
    outfile: join(LAMBDA_OUT_DIR, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    sourcemap: true,
    external: ['@aws-sdk/*'],
    plugins: [substitutes],
    logLevel: 'warning',
  };
}

async function main(): Promise<void> {
  await build(lambdaBuildOptions());
  const locales = join(LAMBDA_OUT_DIR, 'locales');
  rmSync(locales, { recursive: true, force: true });
  cpSync(join(PROJECT_ROOT, 'lambda', 'locales'), locales, { recursive: true });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
