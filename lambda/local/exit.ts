/**
 * Runs a command-line tool's main: the number it settles on is the exit code; if it throws, the
 * error is printed and the exit code is `crashed` (a tool whose 1 means "found problems" picks
 * another, so a crash is not read as a finding).
 */
export function exitWith(main: Promise<number>, crashed = 1): void {
  main.then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = crashed;
    },
  );
}
