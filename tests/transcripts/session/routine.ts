import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTINE, stepCount, type TechniqueId } from '../../../lambda/guide/catalog';
import { SUPPORTED_LOCALES } from '../../../lambda/voice/locales';
import { voiceFor } from '../../../lambda/voice/i18n';
import type { TurnResult } from '../../../lambda/local/conversation';
import { newConversation } from '../../support/transcript';

// The whole two-foot routine in every locale, through the real model, the way a session goes:
// only "next", plus one "skip the toes" on the first foot, one "switch feet" before that foot
// is done, one "how much longer" and one "thank you" on the way. What each locale's people say
// is in phrases/<locale>.json, next to what the answers must hold.

interface Phrases {
  readonly open: string;
  readonly routine: string;
  readonly next: string;
  readonly skipToes: string;
  readonly switchFeet: string;
  readonly howMuchLonger: string;
  readonly thanks: string;
  readonly answers: Readonly<Record<'skipToes' | 'switchFeet' | 'howMuchLonger' | 'thanks' | 'routineDone', string>>;
}

function phrasesFor(locale: string): Phrases {
  return JSON.parse(readFileSync(join(__dirname, '..', 'phrases', `${locale}.json`), 'utf8')) as Phrases;
}

/** Every step of every technique, on one foot: the "next"s the second foot takes to the end. */
const STEPS_PER_FOOT = ROUTINE.reduce((sum, id) => sum + stepCount(id), 0);

test.each([...SUPPORTED_LOCALES])('%s: a full two-foot routine, to a correct end', async (locale) => {
  const phrases = phrasesFor(locale);
  const t = voiceFor(locale).t;
  const name = (id: TechniqueId): string => t(`techniques.${id}.name`).toLowerCase();
  const conversation = newConversation(locale);
  const heard: string[] = [];

  async function say(text: string, intent: string, answer?: string): Promise<TurnResult> {
    const turn = await conversation.say(text);
    heard.push(`U: ${text}\nA: ${turn.speech}`);
    const where = `"${text}" in ${locale}, after:\n${heard.slice(-4).join('\n')}`;
    if (!turn.matched || turn.intent !== intent) throw new Error(`${where}\n→ went to ${turn.intent}, not ${intent}`);
    if (answer && !turn.speech.toLowerCase().includes(answer.toLowerCase())) throw new Error(`${where}\n→ the answer lacks "${answer}"`);
    if (turn.ended && answer !== phrases.answers.routineDone) throw new Error(`${where}\n→ the session ended`);
    return turn;
  }

  await say(phrases.open, 'LaunchRequest');
  const start = await say(phrases.routine, 'StartRoutineIntent');
  expect(start.speech.toLowerCase()).toContain(name(ROUTINE[0]));
  await say(phrases.skipToes, 'SkipTechniqueIntent', phrases.answers.skipToes);

  // First foot: two steps on, then the other foot before this one is done.
  for (let i = 0; i < 2; i += 1) await say(phrases.next, 'AMAZON.NextIntent');
  await say(phrases.howMuchLonger, 'TimeIntent', phrases.answers.howMuchLonger);
  await say(phrases.next, 'AMAZON.NextIntent');
  const switched = await say(phrases.switchFeet, 'SwitchFootIntent', phrases.answers.switchFeet);
  expect(switched.speech.toLowerCase()).toContain(name(ROUTINE[0]));

  // Second foot: every step of every technique once (the toes are back: they were left out on
  // the first foot only), a thank-you halfway that keeps the place, and the last "next" ends it.
  let nexts = 0;
  let last: TurnResult = switched;
  while (!last.speech.toLowerCase().includes(phrases.answers.routineDone.toLowerCase())) {
    if (nexts === Math.floor(STEPS_PER_FOOT / 2)) {
      const thanks = await say(phrases.thanks, 'ThanksIntent', phrases.answers.thanks);
      expect(thanks.ended).toBe(false);
    }
    if (nexts > STEPS_PER_FOOT) throw new Error(`${locale}: the routine never ended:\n${heard.slice(-4).join('\n')}`);
    const expected = nexts === STEPS_PER_FOOT - 1 ? phrases.answers.routineDone : undefined;
    last = await say(phrases.next, 'AMAZON.NextIntent', expected);
    nexts += 1;
  }
  expect(nexts).toBe(STEPS_PER_FOOT);
});
