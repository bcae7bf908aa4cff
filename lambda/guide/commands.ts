import type { TechniqueId } from './catalog';

/** "slower", "faster", or back to "normal": relative to the current pace, except normal. */
export type PaceChange = 'slower' | 'faster' | 'normal';
export type Topic = 'benefits' | 'oils' | 'safety';

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
  /** `step` counts from 1 as spoken; null when no number was heard. */
  | { readonly type: 'goTo'; readonly step: number | null }
  /** Leave this technique for the next one. */
  | { readonly type: 'skip' }
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
  | { readonly type: 'knowledge'; readonly topic: Topic }
  | { readonly type: 'fallback' }
  /** Something failed while answering: apologise, keep the place. */
  | { readonly type: 'error' };

export type CommandType = Command['type'];
