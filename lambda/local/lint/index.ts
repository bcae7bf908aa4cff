import { execFile } from 'node:child_process';
import { join } from 'node:path';
import ts from 'typescript';
import { ESLint } from 'eslint';
import { PROJECT_ROOT } from '../projectRoot';
import { exitWith } from '../exit';

/**
 * `npm run lint`: every static check of the code, in one process, so the
 * TypeScript program is built and type-checked once:
 *
 * 1. the compiler's diagnostics for tsconfig.json, as `tsc -p .` prints them;
 * 2. ESLint (eslint.config.mjs) over lambda, tests and bench, its type-aware
 *    rules reading that same program (`parserOptions.programs`) instead of
 *    building their own through the project service;
 * 3. Biome's format check of every .ts and .mjs file git does not ignore
 *    (biome.json), in a child process started first so it runs alongside;
 * 4. knip, also in a child process alongside.
 *
 * Every step runs, whatever the others find; each prints only its problems.
 * Exits 1 on any. `--timing` adds each step's CPU seconds (this process only;
 * the children's are their own).
 */

const LINTED = ['lambda', 'tests', 'bench'];
// The files typescript-eslint's typed rules read: all TypeScript. Plain JavaScript keeps
// what eslint.config.mjs gives it (no type information).
const TYPESCRIPT_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

interface Outcome {
  ok: boolean;
  output: string;
}

function typeCheck(program: ts.Program, host: ts.FormatDiagnosticsHost, pretty: boolean): Outcome {
  // The order and short-circuits of tsc's own report (emitFilesAndReportErrors): semantic
  // errors only when the files parse and the options hold.
  const diagnostics = [...program.getConfigFileParsingDiagnostics()];
  const fromConfig = diagnostics.length;
  diagnostics.push(...program.getSyntacticDiagnostics());
  if (diagnostics.length === fromConfig) {
    diagnostics.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
    if (diagnostics.length === fromConfig) diagnostics.push(...program.getSemanticDiagnostics());
  }
  const sorted = ts.sortAndDeduplicateDiagnostics(diagnostics);
  if (sorted.length === 0) return { ok: true, output: '' };
  const errors = sorted.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
  const files = new Set(sorted.flatMap((d) => (d.file ? [d.file.fileName] : []))).size;
  const text = pretty ? ts.formatDiagnosticsWithColorAndContext(sorted, host) : ts.formatDiagnostics(sorted, host);
  return { ok: errors === 0, output: `${text}\nFound ${errors} error${errors === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.\n` };
}

async function lint(program: ts.Program): Promise<Outcome> {
  const eslint = new ESLint({
    cwd: PROJECT_ROOT,
    overrideConfig: { files: TYPESCRIPT_FILES, languageOptions: { parserOptions: { projectService: false, programs: [program] } } },
  });
  const results = await eslint.lintFiles(LINTED);
  const formatter = await eslint.loadFormatter('stylish');
  const errors = results.reduce((n, r) => n + r.errorCount + r.fatalErrorCount, 0);
  return { ok: errors === 0, output: await formatter.format(results) };
}

/** A tool's own command line, in a child process started first so it runs alongside the rest. */
function startChild(script: string, args: readonly string[]): Promise<Outcome> {
  const env = process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(PROJECT_ROOT, 'node_modules', script), ...args],
      { cwd: PROJECT_ROOT, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // Only problems are printed: Biome also reports how many files it checked.
        resolve(error === null ? { ok: true, output: '' } : { ok: false, output: stdout + stderr });
      },
    );
  });
}

async function main(args: readonly string[]): Promise<number> {
  const timing = args.includes('--timing');
  let since = process.cpuUsage();
  const report = (name: string, outcome: Outcome): boolean => {
    if (outcome.output !== '') process.stdout.write(outcome.output.endsWith('\n') ? outcome.output : `${outcome.output}\n`);
    if (timing) {
      const used = process.cpuUsage(since);
      since = process.cpuUsage();
      process.stderr.write(`lint: ${name} ${((used.user + used.system) / 1e6).toFixed(1)} CPU-s\n`);
    }
    return outcome.ok;
  };

  const knip = startChild('knip/bin/knip.js', ['--no-progress']);
  // Biome's formatter (biome.json): the layout Prettier gave, in a native binary; Prettier's
  // check cost this step about 5.4 CPU-seconds, Biome's about 0.5.
  const formatting = startChild('@biomejs/biome/bin/biome', ['format', '--colors=off']);
  const config = ts.getParsedCommandLineOfConfigFile(join(PROJECT_ROOT, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error('tsconfig.json could not be read');
  const host = ts.createCompilerHost(config.options);
  const program = ts.createProgram({
    rootNames: config.fileNames,
    options: config.options,
    host,
    projectReferences: config.projectReferences,
    configFileParsingDiagnostics: config.errors,
  });
  const pretty = process.stdout.isTTY && config.options.pretty !== false;
  const ok = [
    report('types', typeCheck(program, host, pretty)),
    report('eslint', await lint(program)),
    report('format (waiting for Biome)', await formatting),
    report('knip (waiting for it)', await knip),
  ];
  return ok.every(Boolean) ? 0 : 1;
}

if (require.main === module) exitWith(main(process.argv.slice(2)), 2);
