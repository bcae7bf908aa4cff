/**
 * NLP.js's logger hands pino 7 an option pino has deprecated, and pino says
 * so on every run (PINODEP008). It is nothing this project can act on, so
 * that one warning is dropped; every other warning still reaches stderr.
 * classifier.ts imports it before NLP.js, so the filter is in place when
 * NLP.js's logger loads (in the tool, its workers and jest alike).
 */
const emitWarning = process.emitWarning.bind(process);
const PINO_PRETTY_PRINT = 'PINODEP008';

function isPinoPrettyPrint(warning: unknown, rest: readonly unknown[]): boolean {
  if (warning instanceof Error && (warning as NodeJS.ErrnoException).code === PINO_PRETTY_PRINT) return true;
  return rest.some((arg) => arg === PINO_PRETTY_PRINT || (typeof arg === 'object' && arg !== null && (arg as { code?: unknown }).code === PINO_PRETTY_PRINT));
}

process.emitWarning = (warning: string | Error, ...rest: unknown[]): void => {
  if (isPinoPrettyPrint(warning, rest)) return;
  (emitWarning as (warning: string | Error, ...rest: unknown[]) => void)(warning, ...rest);
};

export {};
