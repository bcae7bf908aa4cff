import { voiceFor } from '../../../lambda/voice/i18n';
import { newConversation } from '../../support/transcript';

// Someone who says a foot hurts hears the advice for pain (knowledge.concerns.pain), in their language, not a massage of the sore spot.

test.each([
  ['en-US', 'my heel hurts'],
  ['de-DE', 'meine ferse tut weh'],
  ['fr-FR', "j'ai mal au talon"],
  ['es-ES', 'me duele el talón'],
  ['es-MX', 'me duele la planta del pie'],
  ['it-IT', 'mi fa male il tallone'],
  ['pt-BR', 'meu calcanhar dói'],
  ['ja-JP', 'かかとが痛い'],
  ['hi-IN', 'मेरी एड़ी में दर्द है'],
])('%s: "%s" gets the advice for pain', async (locale, said) => {
  const conversation = newConversation(locale);
  await conversation.launch();
  const turn = await conversation.say(said);
  expect(turn.intent).toBe('SafetyIntent');
  const advice = voiceFor(locale).t('knowledge.concerns.pain');
  expect(turn.speech).toContain(advice.slice(0, 25));
});
