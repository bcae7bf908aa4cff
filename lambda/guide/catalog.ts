/**
 * The structure of every technique, once, for every language.
 *
 * Locale files hold only the words, keyed by these ids
 * (`techniques.<technique>.name`, `.intro`, `.steps.<step>`), so no language
 * can add or drop a step. The order here is the order the skill offers them in.
 */
export interface Technique {
  readonly id: string;
  readonly steps: readonly string[];
}

export const TECHNIQUES = [
  { id: 'ankleStretch', steps: ['thumbCircles', 'achillesStretch', 'frontStretch'] },
  { id: 'relaxHeel', steps: ['heelCircles', 'ridgeStrokes'] },
  { id: 'easeSole', steps: ['thumbPress', 'heelBand', 'middleBands', 'toeBand'] },
] as const satisfies readonly Technique[];

export type TechniqueId = (typeof TECHNIQUES)[number]['id'];

export const TECHNIQUE_IDS: readonly TechniqueId[] = TECHNIQUES.map((t) => t.id);

export function isTechniqueId(value: unknown): value is TechniqueId {
  return typeof value === 'string' && (TECHNIQUE_IDS as readonly string[]).includes(value);
}

export function techniqueById(id: TechniqueId): Technique {
  // The type guarantees a match; the fallback keeps callers total anyway.
  return TECHNIQUES.find((t) => t.id === id) ?? TECHNIQUES[0];
}

export function stepCount(id: TechniqueId): number {
  return techniqueById(id).steps.length;
}

/** The technique offered after `id` finishes: the next one in order, wrapping round. */
export function techniqueAfter(id: TechniqueId): TechniqueId {
  const i = TECHNIQUE_IDS.indexOf(id);
  return TECHNIQUE_IDS[(i + 1) % TECHNIQUE_IDS.length];
}
