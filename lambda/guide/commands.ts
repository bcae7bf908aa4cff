import type { TechniqueId } from './catalog';

/** "slower", "faster", or back to "normal": relative to the current pace, except normal. */
export type PaceChange = 'slower' | 'faster' | 'normal';
export type Topic = 'benefits' | 'oils' | 'safety';
/** What a safety question was about, when it named something we answer specifically. */
export type Concern = 'pregnancy' | 'diabetes' | 'swelling' | 'pain' | 'veins' | 'children' | 'elderly';
export const CONCERNS: readonly Concern[] = ['pregnancy', 'diabetes', 'swelling', 'pain', 'veins', 'children', 'elderly'];
/** "How long": where the user is now (this step, what is left), or the whole routine. */
export type TimeSpan = 'now' | 'routine';

/**
 * Everything a user can ask of the guide, whatever way they asked it
 * (a spoken intent today, a screen button tomorrow). Handlers produce these;
 * `reduce` consumes them.
 */
export type Command =
  | { readonly type: 'launch' }
  /** `technique` is null when the user named something we do not know, or nothing. */
  | { readonly type: 'start'; readonly technique: TechniqueId | null }
  /** Every technique on one foot, then on the other. */
  | { readonly type: 'startRoutine' }
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'repeat' }
  | { readonly type: 'startOver' }
  /**
   * "step two", "the third one", "the last step": `step` counts from 1 as spoken, 'last' is the
   * last, null when no number was heard. Right after the list of techniques, it picks from the list.
   */
  | { readonly type: 'goTo'; readonly step: number | 'last' | null }
  /**
   * Leave a technique out: this one (`technique` null, "skip"), or a named one
   * ("skip the toes"); in the routine on this foot, or on both with `bothFeet`.
   */
  | { readonly type: 'skip'; readonly technique: TechniqueId | null; readonly bothFeet: boolean }
  /** "the other foot", "switch feet", "I'm done with this foot". */
  | { readonly type: 'switchFoot' }
  /** "which foot am I on". */
  | { readonly type: 'whichFoot' }
  /** "thank you", "cheers": not a goodbye. */
  | { readonly type: 'thanks' }
  /** "how long do I hold this", "how much longer", "how long is the whole routine". */
  | { readonly type: 'time'; readonly span: TimeSpan }
  | { readonly type: 'whereAmI' }
  | { readonly type: 'list' }
  | { readonly type: 'help' }
  | { readonly type: 'yes' }
  | { readonly type: 'no' }
  | { readonly type: 'home' }
  | { readonly type: 'stop' }
  /** Keep the place and close the microphone: "hold on", "give me a minute". */
  | { readonly type: 'pause' }
  /** "continue", "pick up where I left off". */
  | { readonly type: 'resume' }
  /** Count the user through timed steps, or don't. */
  | { readonly type: 'timing'; readonly on: boolean }
  /** null when no pace was heard. */
  | { readonly type: 'pace'; readonly change: PaceChange | null }
  /** A question about the massage, answered without losing the place. */
  | { readonly type: 'knowledge'; readonly topic: Topic; readonly concern?: Concern | null }
  | { readonly type: 'fallback' }
  /** Something failed while answering: apologise, keep the place. */
  | { readonly type: 'error' };

export type CommandType = Command['type'];
