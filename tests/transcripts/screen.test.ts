import type { ResponseEnvelope } from 'ask-sdk-model';
import { handler } from '../../lambda/index';
import { Conversation, type TurnResult } from '../../lambda/local/conversation';
import { transcript } from '../support/transcript';

// Screens and touch: the same skill, drawn, and touched instead of spoken to.

const onScreen = () => new Conversation({ handler: (event) => handler(event), screen: true });

function screenOf(turn: TurnResult): Record<string, unknown> | undefined {
  const directive = (turn.response.response.directives ?? []).find((d) => d.type === 'Alexa.Presentation.APL.RenderDocument') as
    | { datasources: { guide: { properties: Record<string, unknown> } } }
    | undefined;
  return directive?.datasources.guide.properties;
}

const cardOf = (response: ResponseEnvelope) => response.response.card as { type: string; title: string; text: string } | undefined;

test('an Echo Show gets the screen with every answer; a speaker gets none; both get the card', async () => {
  const show = onScreen();
  const [launch, start] = await transcript(`
    U: open foot massage guide
    U: relaxing the heel
  `, { conversation: show });
  expect(screenOf(launch)).toMatchObject({ screen: 'menu' });
  expect(screenOf(start)).toMatchObject({ screen: 'step', title: 'Relaxing the heel', subtitle: 'Step 1 of 2', area: 'heel', progress: 50 });
  expect(cardOf(start.response)).toMatchObject({ type: 'Standard', title: 'Relaxing the heel: step 1 of 2' });

  const [, speakerStart] = await transcript(`
    U: open foot massage guide
    U: relaxing the heel
  `);
  expect(screenOf(speakerStart)).toBeUndefined();
  expect(cardOf(speakerStart.response)).toMatchObject({ type: 'Standard', title: 'Relaxing the heel: step 1 of 2', text: expect.stringContaining('Raise the foot slightly') });
});

test('touching Next, Back, Repeat and Pause does what saying them does', async () => {
  const spoken = onScreen();
  const touched = onScreen();
  await spoken.say('ask foot massage guide for the ankle stretch');
  await touched.say('ask foot massage guide for the ankle stretch');
  for (const [words, action] of [['next', 'next'], ['next', 'next'], ['go back', 'previous'], ['repeat', 'repeat'], ['pause', 'pause']]) {
    const bySpeech = await spoken.say(words);
    const byTouch = await touched.touch(action);
    expect(byTouch.speech).toBe(bySpeech.speech);
    expect(byTouch.ended).toBe(bySpeech.ended);
    expect(byTouch.response.sessionAttributes?.guide).toEqual(bySpeech.response.sessionAttributes?.guide);
  }
});

test('touching a technique or the routine in the menu starts it', async () => {
  const show = onScreen();
  await show.say('open foot massage guide');
  const heel = await show.touch('start:relaxHeel');
  expect(heel.speech).toMatch(/relaxing the heel.*step 1 of 2/i);
  await show.say('main menu');
  const routine = await show.touch('routine');
  expect(routine.speech).toMatch(/let's do the full routine/i);
  expect(screenOf(routine)).toMatchObject({ foot: 'First foot · full routine' });
  const nonsense = await show.touch('start:backRub');
  expect(nonsense.speech).toMatch(/don't know that technique/i);
});
