import { TECHNIQUE_IDS, techniqueById, type TechniqueId } from '../guide/catalog';
import type { Message, Question } from '../guide/messages';
import type { Translate, Voice } from './i18n';

/**
 * Semantic messages → SSML. Locale strings are plain text: they are escaped
 * here, and the only markup is the pauses this file adds. ask-sdk wraps the
 * result in <speak>.
 */
export interface Speech {
  readonly speech: string;
  readonly reprompt: string | null;
}

const BETWEEN_MESSAGES = '<break time="400ms"/>';
const BETWEEN_STEP_SENTENCES = '<break time="300ms"/>';
const BEFORE_QUESTION = '<break time="500ms"/>';

export function renderSpeech(say: readonly Message[], ask: Question | null, voice: Voice): Speech {
  const parts = say.map((m) => renderMessage(m, voice));
  if (!ask) return { speech: parts.join(BETWEEN_MESSAGES), reprompt: null };
  const question = escape(renderQuestion(ask, voice, false));
  return {
    speech: parts.length ? parts.join(BETWEEN_MESSAGES) + BEFORE_QUESTION + question : question,
    reprompt: escape(renderQuestion(ask, voice, true)),
  };
}

function renderMessage(m: Message, voice: Voice): string {
  const { t } = voice;
  switch (m.kind) {
    case 'techniqueList':
      return escape(t('msg.techniqueList', { count: TECHNIQUE_IDS.length, list: techniqueList(voice) }));
    case 'techniqueIntro':
      return escape(t('msg.techniqueIntro', { name: name(m.technique, t), intro: t(`techniques.${m.technique}.intro`) }));
    case 'step':
      return escape(stepHeading(m.step, m.of, t)) + BETWEEN_MESSAGES + withPauses(t(`techniques.${m.technique}.steps.${stepId(m.technique, m.step)}`));
    case 'position':
    case 'welcomeBack':
    case 'stoppedAt':
    case 'paused':
    case 'goodbyeMidway':
    case 'stepOutOfRange':
    case 'startingOver':
    case 'techniqueDone':
    case 'finishedPosition': {
      const text = t(`msg.${m.kind}`, { ...m, name: name(m.technique, t) });
      return escape(m.kind === 'position' ? `${text} ${stepsLeft(m.step, m.of, t)}` : text);
    }
    default:
      return escape(t(`msg.${m.kind}`));
  }
}

function renderQuestion(q: Question, voice: Voice, reprompt: boolean): string {
  const { t } = voice;
  const suffix = reprompt ? 'Reprompt' : '';
  switch (q.kind) {
    case 'chooseTechnique':
      return t(`ask.chooseTechnique${suffix}`, { choices: techniqueList(voice, 'disjunction') });
    case 'offerTechnique':
      return t(`ask.offerTechnique${suffix}`, { name: name(q.technique, t) });
    case 'resumeOffer':
      return t(`ask.resumeOffer${suffix}`, { step: q.step, of: q.of, name: name(q.technique, t) });
    case 'continueStep': {
      const key = q.step === q.of ? 'continueLastStep' : 'continueStep';
      return t(`ask.${key}${suffix}`, { step: q.step, of: q.of, name: name(q.technique, t) });
    }
  }
}

function stepHeading(step: number, of: number, t: Translate): string {
  if (step === 1) return t('msg.stepFirst', { step, of });
  return t(step === of ? 'msg.stepLast' : 'msg.step', { step, of });
}

function stepsLeft(step: number, of: number, t: Translate): string {
  const left = of - step;
  return left > 0 ? t('msg.stepsLeft', { count: left }) : t('msg.lastStep');
}

function name(technique: TechniqueId, t: Translate): string {
  return t(`techniques.${technique}.name`);
}

/** "a, b, and c" (or "a, b, or c" for a choice) in the request's language. */
function techniqueList({ t, locale }: Voice, type: Intl.ListFormatType = 'conjunction'): string {
  return listFormat(locale, type).format(TECHNIQUE_IDS.map((id) => name(id, t)));
}

const listFormats = new Map<string, Intl.ListFormat>();
/** Cached: building a list format is not free, and every menu turn needs one. */
function listFormat(locale: string, type: Intl.ListFormatType): Intl.ListFormat {
  const key = `${locale}/${type}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(locale, { type });
    listFormats.set(key, format);
  }
  return format;
}

function stepId(technique: TechniqueId, step: number): string {
  return techniqueById(technique).steps[step - 1] ?? '';
}

/** Instructions get a short pause after each sentence: the listener's hands are moving. */
function withPauses(text: string): string {
  return escape(text).split(/(?<=[.!?;:。！？])\s+/u).join(` ${BETWEEN_STEP_SENTENCES} `);
}

export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
