/**
 * A whole number a suite reads from the environment (a seed, a number of runs): `fallback` when
 * unset or blank, and a thrown error naming the variable when it is not a safe integer of at least `min`.
 */
export function integerFromEnv(name: string, fallback: number, min = 0): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}, not ${raw}`);
  return n;
}
