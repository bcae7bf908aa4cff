import { TECHNIQUE_IDS, stepOf, type TechniqueId } from '../guide/catalog';
import type { Message, Question, RoutinePlace } from '../guide/messages';
import type { Pace } from '../guide/state';
import type { Translate, Voice } from './i18n';

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
export const MAX_BREAK_SECONDS = 10;
/** A soft chime from the Alexa sound library (no hosting needed) that ends a counted step. */
export const PRACTICE_END_SOUND = 'soundbank://soundlibrary/musical/amzn_sfx_bell_short_chime_01';
const PACE_RATE: Readonly<Record<Pace, string | null>> = { slow: '85%', normal: null, fast: '115%' };

export function renderSpeech(say: readonly Message[], ask: Question | null, voice: Voice, pace: Pace = 'normal'): Speech {
  const parts = say.map((m) => renderMessage(m, voice));
  const question = ask ? escape(renderQuestion(ask, voice, false)) : null;
  const speech = question === null ? parts.join(BETWEEN_MESSAGES) : parts.length ? parts.join(BETWEEN_MESSAGES) + BEFORE_QUESTION + question : question;
  return {
    speech: atPace(speech, pace),
    reprompt: ask ? atPace(escape(renderQuestion(ask, voice, true)), pace) : null,
  };
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
    case 'routineIntro':
      return escape([t('msg.routineIntro', { count: TECHNIQUE_IDS.length }), ...(m.timed ? [t('msg.routineTimed')] : [])].join(' '));
    case 'step':
      return escape(stepHeading(m.step, m.of, t)) + BETWEEN_MESSAGES + withPauses(stepText(m.technique, m.step - 1, t));
    case 'practice':
      return renderPractice(m.seconds, m.midCue, t);
    case 'position':
      return escape([t('msg.position', { ...m, name: name(m.technique, t) }), stepsLeft(m.step, m.of, t), ...routineWords(m.routine, t)].join(' '));
    case 'welcomeBack':
      return escape([t('msg.welcomeBack', { ...m, name: name(m.technique, t) }), ...(m.routine ? [t('msg.welcomeBackRoutine', { foot: t(`feet.${m.routine.foot}`) })] : [])].join(' '));
    case 'stoppedAt':
    case 'paused':
    case 'goodbyeMidway':
    case 'stepOutOfRange':
      return escape(t(`msg.${m.kind}`, { ...m, name: name(m.technique, t) }));
    case 'startingOver':
    case 'skipping':
    case 'backTo':
    case 'techniqueDone':
    case 'finishedPosition':
      return escape(t(`msg.${m.kind}`, { name: name(m.technique, t) }));
    case 'paceChanged':
    case 'paceLimit':
      return escape(t(`msg.${m.kind}.${m.pace}`));
    case 'knowledge':
      return withPauses(t(`knowledge.${m.topic}`));
    default:
      return escape(t(`msg.${m.kind}`));
  }
}

/**
 * Counting the user through a timed step inside the response: a start cue,
 * silence to halfway, a cue, silence to the end, a closing cue and a chime.
 */
function renderPractice(seconds: number, midCue: string, t: Translate): string {
  const half = Math.floor(seconds / 2);
  return [
    // By count, so each language says its plural: "10 ثوان" but "15 ثانية".
    escape(t('practice.start', { count: seconds })),
    silence(half),
    escape(t(`practice.cues.${midCue}`)),
    silence(seconds - half),
    escape(t('practice.end')),
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
export function questionText(q: Question, voice: Voice): string {
  return renderQuestion(q, voice, false);
}

function renderQuestion(q: Question, voice: Voice, reprompt: boolean): string {
  const { t } = voice;
  const suffix = reprompt ? 'Reprompt' : '';
  switch (q.kind) {
    case 'chooseTechnique':
      return t(`ask.chooseTechnique${suffix}`, { choices: techniqueList(voice, 'or') });
    case 'offerTechnique':
      return t(`ask.offerTechnique${suffix}`, { name: name(q.technique, t) });
    case 'resumeOffer':
    case 'carryOn':
      return t(`ask.${q.kind}${suffix}`, { step: q.step, of: q.of, name: name(q.technique, t) });
    case 'continueStep': {
      const key = (q.step === q.of ? 'continueLastStep' : 'continueStep') + (reprompt ? 'Reprompt' : q.brief ? 'Brief' : '');
      return t(`ask.${key}`, { step: q.step, of: q.of, name: name(q.technique, t) });
    }
    case 'anythingElse':
      return t(`ask.anythingElse${suffix}`);
  }
}

/** The words of a step (`step` counts from 0), plain text: spoken here, shown by voice/display.ts. */
export function stepText(technique: TechniqueId, step: number, t: Translate): string {
  return t(`techniques.${technique}.steps.${stepOf(technique, step)?.id ?? ''}`);
}

function stepHeading(step: number, of: number, t: Translate): string {
  if (step === 1) return t('msg.stepFirst', { step, of });
  return t(step === of ? 'msg.stepLast' : 'msg.step', { step, of });
}

function stepsLeft(step: number, of: number, t: Translate): string {
  const left = of - step;
  return left > 0 ? t('msg.stepsLeft', { count: left }) : t('msg.lastStep');
}

function routineWords(routine: RoutinePlace | null, t: Translate): string[] {
  if (!routine) return [];
  const foot = t(`feet.${routine.foot}`);
  return [routine.techniquesLeft > 0 ? t('msg.routinePlace', { foot, count: routine.techniquesLeft }) : t('msg.routineLast', { foot })];
}

function name(technique: TechniqueId, t: Translate): string {
  return t(`techniques.${technique}.name`);
}

/**
 * "a, b, and c" (or "a, b, or c" for a choice), with the connecting words from
 * the locale file. (Intl.ListFormat would do it too, but loading its locale
 * data costs a cold start more than everything else on the first answer.)
 */
function techniqueList({ t }: Voice, type: 'and' | 'or' = 'and'): string {
  const names = TECHNIQUE_IDS.map((id) => name(id, t));
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
