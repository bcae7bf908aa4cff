import { dirname, join } from 'node:path';
import ts from 'typescript';
import type { Problem } from './problem';

/**
 * skill.json and the interaction models against Amazon's own types for them
 * (ask-smapi-model, the SMAPI SDK's model): each file is type-checked as an
 * object literal of its type, so a misspelt field, a value outside an enum or
 * a wrong shape is found here, with its line, and not at upload. This is the
 * schema SMAPI publishes for the manifest and the models; it checks shape,
 * not policy (the rest of `npm run check` does that). A committed model that
 * is byte for byte what its grammar generates is not checked here again: the
 * generator's own type is Amazon's (lambda/local/grammar/generate.ts).
 */

export interface SmapiFile {
  readonly locale: string;
  /** Relative to the project root. */
  readonly file: string;
  readonly text: string;
  readonly type: 'manifest' | 'interactionModel';
}

const TYPES: Readonly<Record<SmapiFile['type'], string>> = {
  manifest: 'v1.skill.Manifest.SkillManifestEnvelope',
  interactionModel: 'v1.skill.interactionModel.InteractionModelData',
};

/** The type declarations of ask-smapi-model (a devDependency), without their extension for an import. */
function smapiModule(): string {
  const typesFile = join(dirname(require.resolve('ask-smapi-model/package.json')), 'index.d.ts');
  return typesFile.slice(0, -'.d.ts'.length);
}

const OPTIONS: ts.CompilerOptions = { strict: true, noEmit: true, skipLibCheck: true, types: [], lib: ['lib.es2020.d.ts'], target: ts.ScriptTarget.ES2020 };

/**
 * The declaration files (TypeScript's lib, ask-smapi-model) as parsed by the
 * first check, for every later one: they do not change while the process
 * runs, and a file shared by programs with the same options is parsed and
 * bound once (as TypeScript's own language service does).
 */
const declarations = new Map<string, ts.SourceFile>();

/**
 * What the last few files checked were found to be, by type and text: a
 * process that checks one project many times over (the tests) checks an
 * unchanged file once. Each file is its own module, so what is found in one
 * never depends on the others checked with it.
 */
const findings = new Map<string, readonly Omit<Problem, 'locale' | 'file'>[]>();
const KEEP_FINDINGS = 8;

export function checkSmapiTypes(files: readonly SmapiFile[]): Problem[] {
  const ids = files.map((f) => `${f.type}\u0000${f.text}`);
  const unchecked = files.filter((_, index) => !findings.has(ids[index]) && ids.indexOf(ids[index]) === index);
  const found = typeCheck(unchecked);
  unchecked.forEach((f, index) => findings.set(`${f.type}\u0000${f.text}`, found[index]));
  const problems = files.flatMap((f, index) => (findings.get(ids[index]) ?? []).map((p) => ({ locale: f.locale, file: f.file, ...p })));
  for (const old of findings.keys()) if (findings.size > KEEP_FINDINGS) findings.delete(old);
  return problems;
}

/** Each file's problems, but for its locale and name. */
function typeCheck(files: readonly SmapiFile[]): Omit<Problem, 'locale' | 'file'>[][] {
  if (files.length === 0) return [];
  const module = smapiModule();
  // One virtual TypeScript file per JSON file: the JSON starts on the virtual file's second
  // line, so a diagnostic's zero-based line is the JSON's one-based line.
  const virtual = new Map(
    files.map((f, index) => [
      `/smapi-check/file${index}.ts`,
      `import type { v1 } from ${JSON.stringify(module)};\nexport const value: ${TYPES[f.type]} = ${f.text.trim()};\n`,
    ]),
  );
  const host = ts.createCompilerHost(OPTIONS);
  // As tsc reads them: of the JSDoc in TypeScript files only what type errors can name (@see, @link).
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (name, language, onError, create) => {
    if (virtual.has(name)) return ts.createSourceFile(name, virtual.get(name) ?? '', language);
    const id = `${name}\u0000${JSON.stringify(language)}`;
    let file = declarations.get(id);
    if (!file) {
      file = getSourceFile(name, language, onError, create);
      if (file) declarations.set(id, file);
    }
    return file;
  };
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  host.readFile = (name) => virtual.get(name) ?? readFile(name);
  const program = ts.createProgram([...virtual.keys()], OPTIONS, host);

  return [...virtual.keys()].map((name, index) => {
    const source = program.getSourceFile(name);
    if (!source) return [];
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((diagnostic) => ({
      key: `line ${diagnostic.start === undefined ? 0 : source.getLineAndCharacterOfPosition(diagnostic.start).line}`,
      message: `not a ${TYPES[files[index].type]} (ask-smapi-model): ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
    }));
  });
}
