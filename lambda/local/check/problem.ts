/** One thing `npm run check` found wrong, said so that the reader can go straight to it. */
export interface Problem {
  readonly locale: string;
  /** Relative to the project root. */
  readonly file: string;
  /** Where in the file: a key path, an intent, a sample. */
  readonly key: string;
  readonly message: string;
}

export const describe = (p: Problem): string => `${p.locale}  ${p.file}  ${p.key}: ${p.message}`;

/** Reads a JSON file, or says (as a problem) why it cannot. */
export function readJson(read: (file: string) => string, file: string, locale: string, problems: Problem[]): unknown {
  let text: string;
  try {
    text = read(file);
  } catch {
    problems.push({ locale, file, key: '(file)', message: 'file is missing' });
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    problems.push({ locale, file, key: '(file)', message: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}
