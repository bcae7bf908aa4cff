/**
 * The structure of every technique, once, for every language.
 *
 * Locale files hold only the words, keyed by these ids
 * (`techniques.<technique>.name`, `.intro`, `.steps.<step>`, and
 * `practice.cues.<cue>`), so no language can add or drop a step or change
 * its timing. The order here is the order the skill lists techniques in, and
 * the order of the full routine.
 */

/** What the skill says halfway through a timed step. */
export type MidCue = 'halfway' | 'keepSlow' | 'changeHands' | 'nextToe' | 'breathe';
/**
 * How a step closes. A counted step ends with it; an uncounted one says it
 * after the step ('release' goes without saying there). Kept out of the step's
 * words so the count never comes after "then lower the leg".
 */
export type EndCue = 'release' | 'lowerLeg' | 'letGo' | 'wrapTowel';

/** The part of the foot a step works, highlighted on screens. */
export type Area = 'whole' | 'ankle' | 'heel' | 'sole' | 'toes' | 'top';
export const AREAS: readonly Area[] = ['whole', 'ankle', 'heel', 'sole', 'toes', 'top'];

export interface Step {
  readonly id: string;
  readonly area: Area;
  /** Seconds of hands-on practice the skill counts through at normal pace; 0 for none. */
  readonly practiceSeconds: number;
  readonly midCue: MidCue;
  readonly end: EndCue;
}

export interface Technique {
  readonly id: string;
  readonly steps: readonly Step[];
}

const step = (id: string, area: Area, practiceSeconds: number, midCue: MidCue = 'halfway', end: EndCue = 'release'): Step => ({
  id,
  area,
  practiceSeconds,
  midCue,
  end,
});

export const TECHNIQUES = [
  { id: 'warmUp', steps: [step('spreadOil', 'whole', 20, 'keepSlow'), step('glidingStrokes', 'sole', 30, 'keepSlow')] },
  {
    id: 'ankleStretch',
    steps: [
      step('thumbCircles', 'ankle', 30, 'keepSlow'),
      step('achillesStretch', 'heel', 20, 'breathe'),
      step('frontStretch', 'top', 20, 'keepSlow', 'lowerLeg'),
    ],
  },
  { id: 'relaxHeel', steps: [step('heelCircles', 'heel', 40, 'changeHands'), step('ridgeStrokes', 'heel', 20)] },
  {
    id: 'easeSole',
    steps: [
      step('thumbPress', 'sole', 20, 'keepSlow'),
      step('heelBand', 'sole', 20),
      step('middleBands', 'sole', 40),
      step('toeBand', 'sole', 20, 'halfway', 'letGo'),
    ],
  },
  { id: 'toes', steps: [step('toeRotations', 'toes', 40, 'nextToe'), step('toePulls', 'toes', 30, 'nextToe')] },
  { id: 'finish', steps: [step('finishingStrokes', 'top', 20, 'keepSlow'), step('rest', 'whole', 15, 'breathe', 'wrapTowel')] },
] as const satisfies readonly Technique[];

export type TechniqueId = (typeof TECHNIQUES)[number]['id'];

export const TECHNIQUE_IDS: readonly TechniqueId[] = TECHNIQUES.map((t) => t.id);

/** The full routine: every technique in catalog order, on one foot and then the other. */
export const ROUTINE: readonly TechniqueId[] = [...TECHNIQUE_IDS];
/** Where everything starts: the routine's first technique, also what the menu offers first. */
export const FIRST_TECHNIQUE: TechniqueId = ROUTINE[0];
/** The feet, in the order the routine takes them. */
export const FEET = [1, 2] as const;
export type Foot = (typeof FEET)[number];

export function isTechniqueId(value: unknown): value is TechniqueId {
  return typeof value === 'string' && (TECHNIQUE_IDS as readonly string[]).includes(value);
}

function techniqueById(id: TechniqueId): Technique {
  // The type guarantees a match; the fallback keeps callers total anyway.
  return TECHNIQUES.find((t) => t.id === id) ?? TECHNIQUES[0];
}

export function stepCount(id: TechniqueId): number {
  return techniqueById(id).steps.length;
}

/** `step` counts from 0; a step out of range has no practice. */
export function stepOf(id: TechniqueId, step: number): Step | undefined {
  return techniqueById(id).steps[step];
}

/** The technique offered after `id` finishes: the next one in order, wrapping round. */
export function techniqueAfter(id: TechniqueId): TechniqueId {
  const i = TECHNIQUE_IDS.indexOf(id);
  return TECHNIQUE_IDS[(i + 1) % TECHNIQUE_IDS.length];
}
