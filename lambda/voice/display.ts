import { ROUTINE, TECHNIQUE_IDS, stepCount, stepOf, type Area } from '../guide/catalog';
import { isWaiting, type Message } from '../guide/messages';
import type { Reply } from '../guide/reduce';
import { languageOf } from './locales';
import type { Voice } from './i18n';
import { questionText, stepText } from './speech';

/**
 * What a screen shows for a reply: the same turn as the speech, drawn.
 * `ScreenData` is the APL datasource (`payload.guide.properties` in the
 * document); the card is the Alexa app's copy of it. Actions are what a
 * touch sends back (see handlers/touch.ts).
 */
interface Touch {
  readonly label: string;
  readonly action: string;
}

interface ScreenData {
  readonly screen: 'step' | 'menu' | 'info';
  readonly title: string;
  readonly subtitle: string;
  /** Percent of the current technique done, this step included. */
  readonly progress: number;
  readonly foot: string;
  readonly body: string;
  readonly area: Area | 'none';
  readonly hint: string;
  /** A counted step: how long, and roughly when the counting starts in the speech. */
  readonly practiceMs: number;
  readonly practiceDelayMs: number;
  readonly practiceLabel: string;
  readonly buttons: readonly Touch[];
  readonly items: readonly Touch[];
  /** The step waits for the user: the screen keeps the session open with silent events (screen.ts). */
  readonly keepAlive: boolean;
}

export interface Display {
  readonly card: { readonly title: string; readonly text: string };
  readonly data: ScreenData;
}

/** A rough speaking rate, only to start the screen's practice bar near "Begin now". */
const SPOKEN_WORDS_PER_SECOND = 2.6;

export function renderDisplay(reply: Reply, voice: Voice): Display {
  const data = screenFor(reply, voice);
  // How a card names the technique and the step is the language's ("The toes: step 1 of 2"), in its locale file.
  const phase = reply.state.phase;
  const onStep = data.screen === 'step' && (phase.at === 'step' || phase.at === 'resume');
  const title = onStep ? voice.t('screen.cardTitle', { title: data.title, step: phase.step + 1, of: stepCount(phase.technique) }) : data.title;
  const text = [data.body, data.foot, data.items.map((i) => `• ${i.label}`).join('\n')].filter(Boolean).join('\n\n');
  const ended = reply.ask === null && reply.state.phase.at === 'step';
  return { card: { title: ended ? pausedTitle(reply, voice) : title, text }, data };
}

function screenFor(reply: Reply, voice: Voice): ScreenData {
  const { t } = voice;
  const hint = reply.ask ? questionText(reply.ask, voice) : '';
  const phase = reply.state.phase;
  const base: ScreenData = {
    screen: 'menu',
    title: '',
    subtitle: '',
    progress: 0,
    foot: '',
    body: '',
    area: 'none',
    hint,
    practiceMs: 0,
    practiceDelayMs: 0,
    practiceLabel: '',
    buttons: [],
    items: [],
    keepAlive: isWaiting(reply.ask),
  };
  const stepButtons: Touch[] = [
    { label: t('screen.back'), action: 'previous' },
    { label: t('screen.repeat'), action: 'repeat' },
    { label: t('screen.next'), action: 'next' },
    { label: t('screen.pause'), action: 'pause' },
  ];

  const knowledge = reply.say.find((m): m is Message & { kind: 'knowledge' } => m.kind === 'knowledge');
  if (knowledge) {
    return {
      ...base,
      screen: 'info',
      title: t(`screen.topics.${knowledge.topic}`),
      body: t(knowledge.concern ? `knowledge.concerns.${knowledge.concern}` : `knowledge.${knowledge.topic}`),
      buttons: phase.at === 'step' ? stepButtons : [],
    };
  }

  if (phase.at === 'step' || phase.at === 'resume') {
    const step = stepOf(phase.technique, phase.step);
    const of = stepCount(phase.technique);
    const practice = reply.say.find((m): m is Message & { kind: 'practice' } => m.kind === 'practice');
    const body = stepText(phase.technique, phase.step, t);
    return {
      ...base,
      screen: 'step',
      title: t(`techniques.${phase.technique}.title`),
      subtitle: t('screen.stepOf', { step: phase.step + 1, of }),
      progress: Math.round(((phase.step + 1) / of) * 100),
      foot: phase.routine ? t(`screen.foot.${phase.foot}`) : phase.foot === 2 ? t('screen.otherFoot') : '',
      body,
      area: step?.area ?? 'none',
      practiceMs: practice ? practice.seconds * 1000 : 0,
      practiceDelayMs: practice ? Math.round((wordsBefore(reply.say, practice, voice) / SPOKEN_WORDS_PER_SECOND) * 1000) : 0,
      practiceLabel: practice ? t('screen.practice', { count: practice.seconds }) : '',
      buttons: stepButtons,
    };
  }

  const items: Touch[] = [
    ...TECHNIQUE_IDS.map((id) => ({ label: t(`techniques.${id}.title`), action: `start:${id}` })),
    { label: t('screen.routine'), action: 'routine' },
  ];
  if (phase.at === 'done' && phase.routine) {
    const list = ROUTINE.map((id) => t(`techniques.${id}.title`)).join(t('list.separator'));
    return { ...base, title: t('screen.routineDoneTitle'), body: t('screen.routineSummary', { list }), area: 'whole', items };
  }
  if (phase.at === 'done') return { ...base, title: t('screen.doneTitle', { title: t(`techniques.${phase.technique}.title`) }), items };
  return { ...base, title: t('screen.chooseTitle'), items };
}

/** Words spoken before the practice starts: the messages before it and its own opening cue. */
function wordsBefore(say: readonly Message[], practice: Message, { t, locale }: Voice): number {
  const before = say.slice(0, say.indexOf(practice));
  const text = before
    .map((m) => (m.kind === 'step' ? stepText(m.technique, m.step - 1, t) : m.kind === 'techniqueIntro' ? t(`techniques.${m.technique}.intro`) : ''))
    .join(' ');
  return countWords(`${text} ${t('practice.start', { count: 0 })}`, locale);
}

/** Languages written without spaces between words, of those we speak. */
const UNSPACED: ReadonlySet<string> = new Set(['ja']);
/** A Japanese word is about two characters long: near enough for a rough speaking time. */
const CHARACTERS_PER_UNSPACED_WORD = 2;

/**
 * Words as the language has them, roughly: split on spaces, or for Japanese
 * (no spaces) counted from the characters. ICU's word segmenter would be
 * exact, but building one costs ~10 ms of a cold start, for a progress bar.
 */
function countWords(text: string, locale: string): number {
  if (!UNSPACED.has(languageOf(locale))) return text.split(/\s+/).filter(Boolean).length;
  return Math.round(text.replace(/[\s\p{P}]/gu, '').length / CHARACTERS_PER_UNSPACED_WORD);
}

function pausedTitle(reply: Reply, { t }: Voice): string {
  const phase = reply.state.phase;
  if (phase.at !== 'step') return '';
  return t('screen.pausedTitle', { title: t(`techniques.${phase.technique}.title`), step: phase.step + 1, of: stepCount(phase.technique) });
}
