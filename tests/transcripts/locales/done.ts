import { voiceFor } from '../../../lambda/voice/i18n';
import { newConversation } from '../../support/transcript';

// Each step ends "when you're done, say next": saying "I'm done" mid-step goes on; it must not end the session.

test.each([
  ['en-US', "i'm done"],
  ['en-GB', 'all done'],
  ['fr-FR', "j'ai fini"],
  ['fr-CA', 'terminé'],
  ['it-IT', 'ho finito'],
  ['nl-NL', 'ik ben klaar'],
  ['de-DE', 'ich bin fertig'],
  ['es-ES', 'he terminado'],
])('%s: "%s" on a step goes to the next step', async (locale, said) => {
  const conversation = newConversation(locale);
  await conversation.launch();
  await conversation.intend('StartRoutineIntent');
  const turn = await conversation.say(said);
  expect([turn.intent, turn.ended]).toEqual(['AMAZON.NextIntent', false]);
  expect(turn.speech).toContain(voiceFor(locale).t('msg.stepLast', { step: 2 }));
});
