import { voiceFor } from '../../../lambda/voice/i18n';
import { newConversation } from '../../support/transcript';

// "The second step", said the way each language says it, goes to step 2 (a StepOrdinal slot,
// resolved by id); "the ninth step" is named as missing, in that language.

test.each([
  ['en-US', 'go to the second step', 'take me to the ninth step'],
  ['en-IN', 'the second step', 'go to the ninth step'],
  ['de-DE', 'geh zum zweiten schritt', 'zum neunten schritt'],
  ['fr-FR', 'va à la deuxième étape', 'passe à la neuvième étape'],
  ['fr-CA', 'la deuxième étape', 'va à la neuvième étape'],
  ['es-ES', 've al segundo paso', 'el noveno paso'],
  ['es-MX', 'pasa al segundo paso', 've al noveno paso'],
  ['es-US', 'el segundo paso', 'llévame al noveno paso'],
  ['it-IT', 'vai al secondo passo', 'il nono passo'],
  ['pt-BR', 'vai pro segundo passo', 'o nono passo'],
  ['nl-NL', 'ga naar de tweede stap', 'de negende stap'],
  ['ja-JP', '二番目のステップに移動', '九番目のステップ'],
  ['hi-IN', 'दूसरे स्टेप पर जाओ', 'नौवें स्टेप पर जाओ'],
  ['ar-SA', 'انتقل إلى الخطوة الثانية', 'الخطوة التاسعة'],
])('%s: "%s" and "%s"', async (locale, second, ninth) => {
  const { t } = voiceFor(locale);
  const conversation = newConversation(locale);
  await conversation.launch();
  await conversation.intend('StartRoutineIntent');
  const toSecond = await conversation.say(second);
  expect([toSecond.intent, toSecond.speech]).toEqual(['GoToStepIntent', expect.stringContaining(t('msg.stepLast', { step: 2 }))]);
  const toNinth = await conversation.say(ninth);
  expect(toNinth.intent).toBe('GoToStepIntent');
  // The warm-up has two steps: step 9 is named as missing, and the user stays on step 2.
  expect(toNinth.speech).toContain('9');
  expect(toNinth.speech).toContain(t('msg.position', { step: 2, of: 2, name: t('techniques.warmUp.name') }).slice(0, 12));
});

test.each([
  ['en-US', 'the second one', 'number two'],
  ['de-DE', 'die zweite', 'nummer zwei'],
  ['it-IT', 'il secondo', 'numero due'],
  ['ja-JP', '二つ目', '2番'],
  ['ar-SA', 'الخطوة الثانية', 'رقم اثنين'],
])('%s: a bare "%s" or "%s" mid-routine is a step, and the routine goes on', async (locale, ordinal, numbered) => {
  const { t } = voiceFor(locale);
  const conversation = newConversation(locale);
  await conversation.launch();
  await conversation.intend('StartRoutineIntent');
  for (const said of [ordinal, numbered]) {
    const turn = await conversation.say(said);
    expect([said, turn.intent]).toEqual([said, 'GoToStepIntent']);
    expect(turn.speech).toContain(t('msg.stepLast', { step: 2 }));
  }
  const where = await conversation.intend('WhereAmIIntent');
  expect(where.speech).toContain(t('feet.1'));
});
