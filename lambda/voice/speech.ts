import { TECHNIQUE_IDS, stepOf, type EndCue, type MidCue, type TechniqueId } from '../guide/catalog';
import type { Message, Question, RoutinePlace } from '../guide/messages';
import type { Foot, Pace } from '../guide/state';
import type { Translate, Voice, WordKey } from './i18n';

/**
 * Semantic messages → SSML. Locale strings are plain text: they are escaped
 * here, and the only markup is what this file adds (pauses, the counted
 * practice, the pace). ask-sdk wraps the result in <speak>.
 */
export interface Speech {
  readonly speech: string;
  readonly reprompt: string | null;
}

const BETWEEN_MESSAGES = '<break time="400ms"/>';
const BETWEEN_STEP_SENTENCES = '<break time="300ms"/>';
const BEFORE_QUESTION = '<break time="500ms"/>';
/** Alexa allows at most 10 s in one break: longer silences are chained. */
const MAX_BREAK_SECONDS = 10;
/** A soft chime from the Alexa sound library (no hosting needed) that ends a counted step. */
const PRACTICE_END_SOUND = 'soundbank://soundlibrary/musical/amzn_sfx_bell_short_chime_01';
const PACE_RATE: Readonly<Record<Pace, string | null>> = { slow: '85%', normal: null, fast: '115%' };

/** What a device can do that changes the words: a screen keeps the session open without listening. */
export interface Device {
  readonly screen: boolean;
}

export function renderSpeech(say: readonly Message[], ask: Question | null, voice: Voice, pace: Pace = 'normal', device: Device = { screen: false }): Speech {
  const parts = say.map((m) => renderMessage(m, voice));
  // "Which one would you like?" only right after the list; otherwise the question names the choices.
  const context: QuestionContext = { reprompt: false, listed: say.some((m) => m.kind === 'techniqueList'), screen: device.screen };
  const question = ask ? escape(renderQuestion(ask, voice, context)) : null;
  const speech = question === null ? parts.join(BETWEEN_MESSAGES) : parts.length ? parts.join(BETWEEN_MESSAGES) + BEFORE_QUESTION + question : question;
  return {
    speech: atPace(speech, pace),
    reprompt: ask ? atPace(escape(renderQuestion(ask, voice, { ...context, reprompt: true, listed: false })), pace) : null,
  };
}

interface QuestionContext {
  readonly reprompt: boolean;
  /** The list of techniques was just said. */
  readonly listed: boolean;
  readonly screen: boolean;
}

function atPace(ssml: string, pace: Pace): string {
  const rate = PACE_RATE[pace];
  return rate ? `<prosody rate="${rate}">${ssml}</prosody>` : ssml;
}

function renderMessage(m: Message, voice: Voice): string {
  const { t } = voice;
  switch (m.kind) {
    case 'techniqueList':
      return escape(t('msg.techniqueList', { count: TECHNIQUE_IDS.length, list: techniqueList(voice) }));
    case 'techniqueIntro':
      return escape(t(m.inRoutine ? 'msg.routineNext' : 'msg.techniqueIntro', { name: name(m.technique, t), intro: t(`techniques.${m.technique}.intro`) }));
    case 'otherFoot':
    case 'skipping':
    case 'startingOver':
    case 'techniqueDone':
    case 'resuming':
    case 'backToStep':
      return escape(t(`msg.${m.kind}`, { name: name(m.technique, t) }));
    case 'routineJump':
    case 'backToRoutine':
      return escape(t(`msg.${m.kind}`, { name: name(m.technique, t), foot: t(`feet.${m.foot}`) }));
    case 'backTo':
      return escape(t(m.crossedFoot ? 'msg.backToFirstFoot' : 'msg.backTo', { name: name(m.technique, t) }));
    case 'skipNamed':
      return escape(t(m.routine ? (m.bothFeet ? 'msg.skipNamedBothFeet' : 'msg.skipNamedThisFoot') : 'msg.skipNamed', { name: name(m.technique, t) }));
    case 'finishedPosition':
      return escape(t(m.foot === 2 ? 'msg.finishedPositionOtherFoot' : 'msg.finishedPosition', { name: name(m.technique, t) }));
    case 'footPosition':
      return escape(
        [
          t(m.routine ? 'msg.footInRoutine' : m.foot === 1 ? 'msg.footSingleFirst' : 'msg.footSingleSecond', {
            foot: t(`feet.${m.foot}`),
            name: name(m.technique, t),
          }),
          ...routineWords(m.foot, m.routine, t),
        ].join(' '),
      );
    case 'choiceOutOfRange':
      return escape(t('msg.choiceOutOfRange', { asked: m.asked, count: m.of }));
    case 'timeLeft':
      return escape(timeLeftWords(m, t));
    case 'routineTime':
      return escape(t('msg.routineTime', { time: duration(m.seconds, t) }));
    case 'routineIntro':
      return escape([t('msg.routineIntro', { count: TECHNIQUE_IDS.length }), ...(m.timed ? [t('msg.routineTimed')] : [])].join(' '));
    case 'step': {
      const closing = m.closing ? [t(`practice.ends.${m.closing}`)] : [];
      return escape(stepHeading(m.step, m.of, t)) + BETWEEN_MESSAGES + withPauses([stepText(m.technique, m.step - 1, t), ...closing].join(' '));
    }
    case 'practice':
      return renderPractice(m.seconds, m.midCue, m.end, t);
    case 'position':
      return escape([t('msg.position', { ...m, name: name(m.technique, t) }), stepsLeft(m.step, m.of, t), ...footWords(m.foot, m.routine, t)].join(' '));
    case 'welcomeBack':
    case 'stoppedAt':
    case 'paused':
    case 'goodbyeMidway': {
      // Where the user stopped, then (in the routine, or on the second foot) which foot; the goodbye's last words stay last.
      const at = t(`msg.${m.kind}`, { ...m, name: name(m.technique, t) });
      const foot = m.routine || m.foot === 2 ? [t(m.routine ? 'msg.inRoutineOnFoot' : 'msg.onFoot', { foot: t(`feet.${m.foot}`) })] : [];
      const after = m.kind === 'paused' || m.kind === 'goodbyeMidway' ? [t(`msg.${m.kind}After`)] : [];
      return escape([at, ...foot, ...after].join(' '));
    }
    case 'stepOutOfRange':
      return escape(t(`msg.${m.kind}`, { ...m, name: name(m.technique, t) }));
    case 'paceChanged':
    case 'paceLimit':
      return escape(t(`msg.${m.kind}.${m.pace}`));
    case 'knowledge':
      return withPauses(t(m.concern ? `knowledge.concerns.${m.concern}` : `knowledge.${m.topic}`));
    default:
      return escape(t(`msg.${m.kind}`));
  }
}

/**
 * Counting the user through a timed step inside the response: a start cue,
 * silence to halfway, a cue, silence to the end, a closing cue and a chime.
 */
function renderPractice(seconds: number, midCue: MidCue, end: EndCue, t: Translate): string {
  const half = Math.floor(seconds / 2);
  return [
    // By count, so each language says its plural: "10 ثوان" but "15 ثانية".
    escape(t('practice.start', { count: seconds })),
    silence(half),
    escape(t(`practice.cues.${midCue}`)),
    silence(seconds - half),
    escape(t(`practice.ends.${end}`)),
    `<audio src="${PRACTICE_END_SOUND}"/>`,
  ].join(' ');
}

/** `seconds` of silence as chained breaks of at most 10 s each. */
function silence(seconds: number): string {
  const breaks: string[] = [];
  for (let left = seconds; left > 0; left -= MAX_BREAK_SECONDS) breaks.push(`<break time="${Math.min(left, MAX_BREAK_SECONDS)}s"/>`);
  return breaks.join('');
}

/** A question as plain text (for a screen's hint), unescaped and without markup. */
export function questionText(q: Question, voice: Voice, device: Device = { screen: true }): string {
  return renderQuestion(q, voice, { reprompt: false, listed: true, screen: device.screen });
}

function renderQuestion(q: Question, voice: Voice, context: QuestionContext): string {
  const { t } = voice;
  const suffix = context.reprompt ? 'Reprompt' : '';
  switch (q.kind) {
    case 'chooseTechnique':
      return context.listed ? t('ask.chooseTechnique') : t('ask.chooseTechniqueReprompt', { choices: techniqueList(voice, 'or', true) });
    case 'offerTechnique':
    case 'offerOtherFoot':
      return t(`ask.${q.kind}${suffix}`, { name: name(q.technique, t) });
    case 'resumeOffer':
    case 'carryOn':
      return t(`ask.${q.kind}${suffix}`, { step: q.step, of: q.of, name: name(q.technique, t) });
    case 'continueStep': {
      const last = q.step === q.of ? 'continueLastStep' : 'continueStep';
      // Nothing counted: the user may take longer than a device listens. A screen keeps the
      // session open and hears "Alexa, next"; a speaker needs the one-shot way back in.
      const waiting = q.waiting && !context.reprompt ? (context.screen ? 'WaitingScreen' : 'Waiting') : '';
      const key = waiting ? (`${last}${waiting}` as const) : (`${last}${context.reprompt ? 'Reprompt' : q.brief ? 'Brief' : ''}` as const);
      return t(`ask.${key}`, { step: q.step, of: q.of, name: name(q.technique, t) });
    }
    case 'anythingElse':
      return t(`ask.anythingElse${suffix}`);
  }
}

/** The words of a step (`step` counts from 0), plain text: spoken here, shown by voice/display.ts. */
export function stepText(technique: TechniqueId, step: number, t: Translate): string {
  // A step id is a plain string in the catalog; that each one has words is checked by `npm run check`.
  return t(`techniques.${technique}.steps.${stepOf(technique, step)?.id ?? ''}` as WordKey);
}

function stepHeading(step: number, of: number, t: Translate): string {
  if (step === 1) return t('msg.stepFirst', { step, of });
  return t(step === of ? 'msg.stepLast' : 'msg.step', { step, of });
}

function stepsLeft(step: number, of: number, t: Translate): string {
  const left = of - step;
  return left > 0 ? t('msg.stepsLeft', { count: left }) : t('msg.lastStep');
}

/** In the routine: which foot, and what is left on it ("two more on this foot, then the other foot"). */
function routineWords(foot: Foot, routine: RoutinePlace | null, t: Translate): string[] {
  if (!routine) return [];
  const left = routine.leftOnFoot;
  if (foot === 1) return [left > 0 ? t('msg.leftOnFirstFoot', { count: left }) : t('msg.lastOnFirstFoot')];
  return [left > 0 ? t('msg.leftOnSecondFoot', { count: left }) : t('msg.routineLast')];
}

/** Where a place sits: in the routine, its foot and what is left; off it, the second foot when it is. */
function footWords(foot: Foot, routine: RoutinePlace | null, t: Translate): string[] {
  if (routine) return [t('msg.inRoutineOnFoot', { foot: t(`feet.${foot}`) }), ...routineWords(foot, routine, t)];
  return foot === 2 ? [t('msg.onFoot', { foot: t(`feet.${foot}`) })] : [];
}

/** "This step takes about 40 seconds. About 2 minutes are left of the heel, and about 20 of the whole routine." */
function timeLeftWords(m: Message & { kind: 'timeLeft' }, t: Translate): string {
  const step = t(m.counted ? 'msg.stepTimeCounted' : 'msg.stepTime', { time: duration(m.stepSeconds, t) });
  const left = t(m.routineSeconds === null ? 'msg.techniqueLeft' : 'msg.techniqueAndRoutineLeft', {
    name: name(m.technique, t),
    time: duration(m.seconds, t),
    routine: duration(m.routineSeconds ?? 0, t),
  });
  return `${step} ${left}`;
}

/** A duration as people say it: seconds under a minute (in fives), then whole minutes ("about a minute"). */
function duration(seconds: number, t: Translate): string {
  if (seconds < 55) return t('time.seconds', { count: Math.max(5, Math.round(seconds / 5) * 5) });
  return t('time.minutes', { count: Math.round(seconds / 60) });
}

function name(technique: TechniqueId, t: Translate): string {
  return t(`techniques.${technique}.name`);
}

/**
 * "a, b, and c" (or "a, b, or c" for a choice), with the connecting words from
 * the locale file. (Intl.ListFormat would do it too, but loading its locale
 * data costs a cold start more than everything else on the first answer.)
 */
function techniqueList({ t }: Voice, type: 'and' | 'or' = 'and', withRoutine = false): string {
  const names = [...TECHNIQUE_IDS.map((id) => name(id, t)), ...(withRoutine ? [t('msg.routineName')] : [])];
  if (names.length < 3) return names.join(t(type === 'and' ? 'list.pairAnd' : 'list.pairOr'));
  return names.slice(0, -1).join(t('list.separator')) + t(`list.${type}`) + names[names.length - 1];
}

/** Instructions get a short pause after each sentence: the listener's hands are moving. */
function withPauses(text: string): string {
  // Latin-script stops are followed by a space; the Japanese, Devanagari and Arabic ones may not be.
  return escape(text)
    .split(/(?<=[.!?;:])\s+|(?<=[。！？।؟])\s*(?=\S)/u)
    .join(` ${BETWEEN_STEP_SENTENCES} `);
}

export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
