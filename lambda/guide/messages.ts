import type { TechniqueId } from './catalog';

/**
 * What the guide wants said, never how: `voice/` turns these into words.
 * Steps are 1-based here, as the user hears them.
 */
export type Message =
  | { readonly kind: 'welcome' }
  | { readonly kind: 'techniqueList' }
  | { readonly kind: 'techniqueIntro'; readonly technique: TechniqueId }
  | { readonly kind: 'step'; readonly technique: TechniqueId; readonly step: number; readonly of: number }
  | { readonly kind: 'position'; readonly technique: TechniqueId; readonly step: number; readonly of: number }
  | { readonly kind: 'alreadyFirst' }
  | { readonly kind: 'startingOver'; readonly technique: TechniqueId }
  | { readonly kind: 'techniqueDone'; readonly technique: TechniqueId }
  | { readonly kind: 'finishedPosition'; readonly technique: TechniqueId }
  | { readonly kind: 'menuPosition' }
  | { readonly kind: 'backToMenu' }
  | { readonly kind: 'unknownTechnique' }
  | { readonly kind: 'nothingStarted' }
  | { readonly kind: 'stepOutOfRange'; readonly technique: TechniqueId; readonly asked: number; readonly of: number }
  | { readonly kind: 'noStepNumber' }
  | { readonly kind: 'nothingToRepeat' }
  | { readonly kind: 'helpMenu' }
  | { readonly kind: 'helpStep' }
  | { readonly kind: 'notUnderstood' }
  | { readonly kind: 'takeYourTime' }
  | { readonly kind: 'goodbye' }
  | { readonly kind: 'goodbyeMidway'; readonly technique: TechniqueId; readonly step: number; readonly of: number }
  | { readonly kind: 'welcomeBack'; readonly technique: TechniqueId; readonly step: number; readonly of: number }
  | { readonly kind: 'stoppedAt'; readonly technique: TechniqueId; readonly step: number; readonly of: number }
  | { readonly kind: 'resuming' }
  | { readonly kind: 'nothingToResume' }
  | { readonly kind: 'helpResume' }
  | { readonly kind: 'paused'; readonly technique: TechniqueId; readonly step: number; readonly of: number }
  | { readonly kind: 'pausedMenu' }
  | { readonly kind: 'error' }
  /** Notices from the store, not the guide: the saved progress was unreadable, or cannot be saved now. */
  | { readonly kind: 'progressLost' }
  | { readonly kind: 'storeTrouble' };

/**
 * The question that ends every open-session response; its reprompt is
 * rendered from the same question. No question means the session ends.
 */
export type Question =
  | { readonly kind: 'chooseTechnique' }
  | { readonly kind: 'offerTechnique'; readonly technique: TechniqueId }
  | { readonly kind: 'continueStep'; readonly technique: TechniqueId; readonly step: number; readonly of: number }
  | { readonly kind: 'resumeOffer'; readonly technique: TechniqueId; readonly step: number; readonly of: number };
