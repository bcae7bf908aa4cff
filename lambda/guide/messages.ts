import type { EndCue, MidCue, TechniqueId } from './catalog';
import type { Concern, Topic } from './commands';
import type { Foot, Pace } from './state';

/** A place in a technique as the user hears it: 1-based step of `of`. */
interface Place {
  readonly technique: TechniqueId;
  readonly step: number;
  readonly of: number;
}

/** In the full routine: how many techniques are still to come on this foot after this one. */
export interface RoutinePlace {
  readonly leftOnFoot: number;
}

/** Which foot a place is on, and where it sits in the routine (null off the routine). */
interface OnFoot {
  readonly foot: Foot;
  readonly routine: RoutinePlace | null;
}

type Located = Place & OnFoot;

/**
 * What the guide wants said, never how: `voice/` turns these into words.
 * Steps are 1-based here, as the user hears them; times are in seconds.
 */
export type Message =
  | { readonly kind: 'safetyNotice' }
  | { readonly kind: 'welcome' }
  | { readonly kind: 'techniqueList' }
  /** Starting a technique; in the routine it is a transition ("Now, the heel."). */
  | { readonly kind: 'techniqueIntro'; readonly technique: TechniqueId; readonly inRoutine: boolean }
  /** `timed`: the user has counting on, so the intro may promise it. */
  | { readonly kind: 'routineIntro'; readonly timed: boolean }
  /** The routine moves on to the second foot. */
  | { readonly kind: 'switchFoot' }
  /** A single technique again, on the other foot. */
  | { readonly kind: 'otherFoot'; readonly technique: TechniqueId }
  /** "switch feet" on the routine's second foot: the first is behind us. */
  | { readonly kind: 'alreadySecondFoot' }
  | { readonly kind: 'routineDone' }
  /** `closing`: the step's closing action, said here when no counted practice follows to say it. */
  | ({ readonly kind: 'step'; readonly closing: EndCue | null } & Place)
  /** Counting the user through a timed step: `seconds` at the current pace, ending with the step's closing action. */
  | ({ readonly kind: 'practice'; readonly seconds: number; readonly midCue: MidCue; readonly end: EndCue } & Place)
  | ({ readonly kind: 'position' } & Located)
  /** "which foot": the foot, the technique, and what comes after it. */
  | ({ readonly kind: 'footPosition'; readonly technique: TechniqueId } & OnFoot)
  | { readonly kind: 'alreadyFirst' }
  /** Back into the technique before; `crossedFoot`: back over the switch, onto the first foot. */
  | { readonly kind: 'backTo'; readonly technique: TechniqueId; readonly crossedFoot: boolean }
  | { readonly kind: 'startingOver'; readonly technique: TechniqueId }
  | { readonly kind: 'skipping'; readonly technique: TechniqueId }
  /** A named technique left out: of the routine (on this foot, or both), or just not wanted now. */
  | { readonly kind: 'skipNamed'; readonly technique: TechniqueId; readonly routine: boolean; readonly bothFeet: boolean }
  /** A technique named mid-routine: the routine goes on from it. */
  | { readonly kind: 'routineJump'; readonly technique: TechniqueId; readonly foot: Foot }
  /** "back to the routine": to where the user was before jumping. */
  | { readonly kind: 'backToRoutine'; readonly technique: TechniqueId; readonly foot: Foot }
  /** "the full routine" while already in it. */
  | { readonly kind: 'alreadyInRoutine' }
  | { readonly kind: 'techniqueDone'; readonly technique: TechniqueId }
  | { readonly kind: 'finishedPosition'; readonly technique: TechniqueId; readonly foot: Foot }
  | { readonly kind: 'routineFinishedPosition' }
  | { readonly kind: 'menuPosition' }
  | { readonly kind: 'backToMenu' }
  | { readonly kind: 'unknownTechnique' }
  | { readonly kind: 'nothingStarted' }
  | { readonly kind: 'stepOutOfRange'; readonly technique: TechniqueId; readonly asked: number; readonly of: number }
  /** "number nine" from a list of `of` techniques. */
  | { readonly kind: 'choiceOutOfRange'; readonly asked: number; readonly of: number }
  | { readonly kind: 'noStepNumber' }
  | { readonly kind: 'nothingToRepeat' }
  | { readonly kind: 'helpMenu' }
  | { readonly kind: 'helpStep' }
  | { readonly kind: 'helpResume' }
  | { readonly kind: 'notUnderstood' }
  | { readonly kind: 'takeYourTime' }
  | { readonly kind: 'youreWelcome' }
  | { readonly kind: 'goodbye' }
  | ({ readonly kind: 'goodbyeMidway' } & Located)
  | ({ readonly kind: 'welcomeBack' } & Located)
  | ({ readonly kind: 'stoppedAt' } & Located)
  /** Back on a saved step, after a break. */
  | { readonly kind: 'resuming'; readonly technique: TechniqueId }
  /** Back on the step after an answer to a question. */
  | { readonly kind: 'backToStep'; readonly technique: TechniqueId }
  | { readonly kind: 'nothingToResume' }
  | ({ readonly kind: 'paused' } & Located)
  | { readonly kind: 'pausedMenu' }
  | { readonly kind: 'timingOn' }
  | { readonly kind: 'timingOff' }
  | { readonly kind: 'paceChanged'; readonly pace: Pace }
  | { readonly kind: 'paceLimit'; readonly pace: Pace }
  | { readonly kind: 'paceUnknown' }
  /**
   * This step's hands-on time (`counted` when the skill counts it), and what is
   * left of the technique from here, and of the routine (null off the routine).
   */
  | {
      readonly kind: 'timeLeft';
      readonly technique: TechniqueId;
      readonly stepSeconds: number;
      readonly counted: boolean;
      readonly seconds: number;
      readonly routineSeconds: number | null;
    }
  /** The whole routine, at the current pace. */
  | { readonly kind: 'routineTime'; readonly seconds: number }
  | { readonly kind: 'knowledge'; readonly topic: Topic; readonly concern: Concern | null }
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
  /** A single technique just ended on the first foot: the same on the other foot? */
  | { readonly kind: 'offerOtherFoot'; readonly technique: TechniqueId }
  /**
   * `brief` once the user has shown they know to say next. `waiting`: nothing is
   * counted, so the user may take longer than a device keeps listening.
   */
  | ({ readonly kind: 'continueStep'; readonly brief: boolean; readonly waiting: boolean } & Place)
  /** After a question answered mid-step: hear the step again, or go on. */
  | ({ readonly kind: 'carryOn' } & Place)
  | ({ readonly kind: 'resumeOffer' } & Place)
  | { readonly kind: 'anythingElse' };

/** A step with nothing counted: the user may take longer than a device keeps listening. */
export function isWaiting(ask: Question | null): boolean {
  return ask?.kind === 'continueStep' && ask.waiting;
}
