import type { TechniqueId } from './catalog';

/**
 * Everything a user can ask of the guide, whatever way they asked it
 * (a spoken intent today, a screen button tomorrow). Handlers produce these;
 * `reduce` consumes them.
 */
export type Command =
  | { readonly type: 'launch' }
  /** `technique` is null when the user named something we do not know, or nothing. */
  | { readonly type: 'start'; readonly technique: TechniqueId | null }
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'repeat' }
  | { readonly type: 'startOver' }
  /** `step` counts from 1 as spoken; null when no number was heard. */
  | { readonly type: 'goTo'; readonly step: number | null }
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
  | { readonly type: 'fallback' }
  /** Something failed while answering: apologise, keep the place. */
  | { readonly type: 'error' };

export type CommandType = Command['type'];
