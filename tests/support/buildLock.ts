import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Two suites rebuild build/lambda (the bundle test and the deploy test), and
 * jest runs suites in parallel workers: each holds this lock from its build to
 * its last test, so neither reads a bundle the other is rewriting.
 */
const LOCK = join(__dirname, '..', '..', 'build', '.lambda-test-lock');
const STALE_MS = 5 * 60_000;

export function lockBuild(): void {
  mkdirSync(join(LOCK, '..'), { recursive: true });
  const deadline = Date.now() + 4 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      const age = Date.now() - (statSafe(LOCK) ?? Date.now());
      if (age > STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error('build/lambda stayed locked by another test suite');
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}

export function unlockBuild(): void {
  rmSync(LOCK, { recursive: true, force: true });
}

function statSafe(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}
