import type { MidCue, TechniqueId } from './catalog';
import type { Topic } from './commands';
import type { Foot, Pace } from './state';

/** A place in a technique as the user hears it: 1-based step of `of`. */
interface Place {
  readonly technique: TechniqueId;
  readonly step: number;
  readonly of: number;
}

/** Where a place sits in the full routine: which foot, and how many techniques come after this one. */
export interface RoutinePlace {
  readonly foot: Exclude<Foot, null>;
  readonly techniquesLeft: number;
}

/**
 * What the guide wants said, never how: `voice/` turns these into words.
 * Steps are 1-based here, as the user hears them.
 */
export type Message =
  | { readonly kind: 'safetyNotice' }
  | { readonly kind: 'welcome' }
  | { readonly kind: 'techniqueList' }
  /** Starting a technique; in the routine it is a transition ("Now, the heel."). */
  | { readonly kind: 'techniqueIntro'; readonly technique: TechniqueId; readonly inRoutine: boolean }
  /** `timed`: the user has counting on, so the intro may promise it. */
  | { readonly kind: 'routineIntro'; readonly timed: boolean }
  | { readonly kind: 'switchFoot' }
  | { readonly kind: 'routineDone' }
  | ({ readonly kind: 'step' } & Place)
  /** Counting the user through a timed step: `seconds` at the current pace. */
  | ({ readonly kind: 'practice'; readonly seconds: number; readonly midCue: MidCue } & Place)
  | ({ readonly kind: 'position'; readonly routine: RoutinePlace | null } & Place)
  | { readonly kind: 'alreadyFirst' }
  | { readonly kind: 'backTo'; readonly technique: TechniqueId }
  | { readonly kind: 'startingOver'; readonly technique: TechniqueId }
  | { readonly kind: 'skipping'; readonly technique: TechniqueId }
  | { readonly kind: 'techniqueDone'; readonly technique: TechniqueId }
  | { readonly kind: 'finishedPosition'; readonly technique: TechniqueId }
  | { readonly kind: 'routineFinishedPosition' }
  | { readonly kind: 'menuPosition' }
  | { readonly kind: 'backToMenu' }
  | { readonly kind: 'unknownTechnique' }
  | { readonly kind: 'nothingStarted' }
  | { readonly kind: 'stepOutOfRange'; readonly technique: TechniqueId; readonly asked: number; readonly of: number }
  | { readonly kind: 'noStepNumber' }
  | { readonly kind: 'nothingToRepeat' }
  | { readonly kind: 'helpMenu' }
  | { readonly kind: 'helpStep' }
  | { readonly kind: 'helpResume' }
  | { readonly kind: 'notUnderstood' }
  | { readonly kind: 'takeYourTime' }
  | { readonly kind: 'goodbye' }
  | ({ readonly kind: 'goodbyeMidway' } & Place)
  | ({ readonly kind: 'welcomeBack'; readonly routine: RoutinePlace | null } & Place)
  | ({ readonly kind: 'stoppedAt' } & Place)
  | { readonly kind: 'resuming' }
  | { readonly kind: 'nothingToResume' }
  | ({ readonly kind: 'paused' } & Place)
  | { readonly kind: 'pausedMenu' }
  | { readonly kind: 'timingOn' }
  | { readonly kind: 'timingOff' }
  | { readonly kind: 'paceChanged'; readonly pace: Pace }
  | { readonly kind: 'paceLimit'; readonly pace: Pace }
  | { readonly kind: 'paceUnknown' }
  | { readonly kind: 'knowledge'; readonly topic: Topic }
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
  /** `brief` once the user has shown they know to say next. */
  | ({ readonly kind: 'continueStep'; readonly brief: boolean } & Place)
  /** After a question answered mid-step: hear the step again, or go on. */
  | ({ readonly kind: 'carryOn' } & Place)
  | ({ readonly kind: 'resumeOffer' } & Place)
  | { readonly kind: 'anythingElse' };
