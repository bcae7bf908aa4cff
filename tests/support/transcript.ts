import { handler } from '../../lambda/index';
import { Conversation, type TurnResult } from '../../lambda/local/conversation';
import { expectValidSsml } from './ssml';

/**
 * Conversations written the way they are read:
 *
 *   U: let's do the heel          the user says this; it must match a sample
 *   U?: flibbertigibbet           …this must match none (it goes to the fallback)
 *   A: step 1 of 2 | heel         Alexa's answer holds each phrase; the session stays
 *                                 open with a reprompt
 *   A!: goodbye                   …and the session ends
 *   R: say next                   the reprompt holds each phrase
 *
 * Lines starting with # are comments. Phrases are matched case-insensitively
 * against what a listener hears (SSML stripped). Every SSML answer is then
 * checked with ssml-check-core.
 */
export interface TranscriptOptions {
  readonly locale?: string;
  readonly conversation?: Conversation;
}

export function newConversation(locale = 'en-US'): Conversation {
  return new Conversation({ locale, handler: (event) => handler(event) });
}

export async function transcript(script: string, options: TranscriptOptions = {}): Promise<TurnResult[]> {
  const locale = options.locale ?? 'en-US';
  const conversation = options.conversation ?? newConversation(locale);
  const turns: TurnResult[] = [];
  let last: TurnResult | undefined;
  let said = '';

  for (const [index, raw] of script.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(U\??|A!?|R):\s*(.*)$/.exec(line);
    if (!match) throw new Error(`transcript line ${index + 1} is not U:, U?:, A:, A!: or R: — ${line}`);
    const [, who, text] = match;
    const where = `after "U: ${said}" (line ${index + 1})`;

    if (who.startsWith('U')) {
      said = text;
      last = await conversation.say(text);
      turns.push(last);
      const expectMatch = who === 'U';
      if (last.matched !== expectMatch) {
        throw new Error(`"${text}" ${expectMatch ? 'matched no sample in the model' : `unexpectedly matched ${last.intent}`}`);
      }
      continue;
    }
    if (!last) throw new Error(`line ${index + 1}: an answer before anything was said`);
    const heard = who === 'R' ? (last.reprompt ?? '') : last.speech;
    for (const phrase of text
      .split('|')
      .map((p) => p.trim())
      .filter(Boolean)) {
      if (!heard.toLowerCase().includes(phrase.toLowerCase())) {
        throw new Error(`${where}: expected "${phrase}" in ${who === 'R' ? 'the reprompt' : 'the answer'}:\n  ${heard}`);
      }
    }
    if (who === 'A' && (last.ended || !last.reprompt)) throw new Error(`${where}: the session should stay open with a reprompt:\n  ${heard}`);
    if (who === 'A!' && !last.ended) throw new Error(`${where}: the session should have ended:\n  ${heard}`);
  }
  await expectValidSsml(
    turns.flatMap((t) => [t.ssml, t.reprompt === null ? '' : (t.response.response.reprompt?.outputSpeech as { ssml: string }).ssml].filter(Boolean)),
    locale,
  );
  return turns;
}
