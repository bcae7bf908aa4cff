/**
 * Seeded randomness, so that every run fills the same slots and cuts the
 * same folds: a change in the report is a change in the model.
 */

/** A number in [0, 1). */
export type Random = () => number;

/** The seed every locale's randomness starts from, mixed with the locale's name. */
export const SEED = 20240611;

/** FNV-1a: a string to 32 bits, so that each locale gets its own stream. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast and good enough to shuffle samples. */
function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The stream for one locale and one purpose ('fill', 'folds'…). */
export const randomFor = (...names: string[]): Random => seededRandom(hash([SEED, ...names].join('/')));

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
