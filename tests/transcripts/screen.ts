import type { ResponseEnvelope } from 'ask-sdk-model';
import { handler } from '../../lambda/index';
import { Conversation, type TurnResult } from '../../lambda/local/conversation';
import { buildSkill } from '../../lambda/skill';
import { KEEP_ALIVE_EVENT, KEEP_ALIVE_MS } from '../../lambda/voice/screen';
import { newConversation, transcript } from '../support/transcript';

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
  const [launch, start] = await transcript(
    `
    U: open foot massage guide
    U: relaxing the heel
  `,
    { conversation: show },
  );
  expect(screenOf(launch)).toMatchObject({ screen: 'menu' });
  expect(screenOf(start)).toMatchObject({ screen: 'step', title: 'Relaxing the heel', subtitle: 'Step 1 of 2', area: 'heel', progress: 50 });
  expect(cardOf(start.response)).toMatchObject({ type: 'Standard', title: 'Relaxing the heel: step 1 of 2' });

  const [, speakerStart] = await transcript(`
    U: open foot massage guide
    U: relaxing the heel
  `);
  expect(screenOf(speakerStart)).toBeUndefined();
  expect(cardOf(speakerStart.response)).toMatchObject({
    type: 'Standard',
    title: 'Relaxing the heel: step 1 of 2',
    text: expect.stringContaining('Raise the foot slightly') as string,
  });
});

test('touching Next, Back, Repeat and Pause does what saying them does', async () => {
  const spoken = onScreen();
  const touched = onScreen();
  await spoken.say('ask foot massage guide for the ankle stretch');
  await touched.say('ask foot massage guide for the ankle stretch');
  for (const [words, action] of [
    ['next', 'next'],
    ['next', 'next'],
    ['go back', 'previous'],
    ['repeat', 'repeat'],
    ['pause', 'pause'],
  ]) {
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

// A step that waits for the user (counting off): a speaker cannot keep its microphone open, so it
// says how to come back; a screen keeps the session open without a reprompt, and its silent
// keep-alive holds it for up to KEEP_ALIVE_MS without a spoken command.

const withClock = (screen: boolean) => {
  const clock = { now: Date.UTC(2026, 11, 3, 20, 0) };
  const skill = buildSkill({ now: () => clock.now, log: () => undefined });
  return { clock, conversation: new Conversation({ handler: (event) => skill.invoke(event), screen }) };
};

test('a waiting step on a speaker says how to come back with a one-shot; that one-shot continues the saved place', async () => {
  const conversation = newConversation();
  await transcript(
    `
    U: open foot massage guide
    U: skip the timer
    U: relaxing the heel
    A: step 1 of 2 | alexa, ask foot massage guide for the next step
    R: step 1 of 2 of relaxing the heel
    U: stop
    U: ask foot massage guide for the next step
    A: relaxing the heel | step 2, the last one | inner ridge
  `,
    { conversation },
  );
});

test('a waiting step on a screen leaves the session open without a reprompt, and the screen keeps it alive', async () => {
  const { conversation } = withClock(true);
  await conversation.say('open foot massage guide');
  await conversation.say('skip the timer');
  const step = await conversation.say('relaxing the heel');
  expect(step.speech).toMatch(/step 1 of 2/i);
  expect(step.speech).toMatch(/alexa, next/i);
  expect(step.response.response.reprompt).toBeUndefined();
  expect(step.response.response.shouldEndSession).toBeUndefined();
  expect(conversation.inSession).toBe(true);
  expect(screenOf(step)).toMatchObject({ keepAlive: true });

  // With counting on, the step is counted in the answer and asked for again as usual: no keep-alive.
  const counted = withClock(true).conversation;
  await counted.say('open foot massage guide');
  const timed = await counted.say('relaxing the heel');
  expect(timed.reprompt).not.toBeNull();
  expect(screenOf(timed)).toMatchObject({ keepAlive: false });
});

test(`the keep-alive is answered silently, keeps the place, and ends the session after ${KEEP_ALIVE_MS / 60000} quiet minutes`, async () => {
  const { clock, conversation } = withClock(true);
  await conversation.say('open foot massage guide');
  await conversation.say('skip the timer');
  const step = await conversation.say('relaxing the heel');
  const place: unknown = step.response.sessionAttributes?.guide;

  // Ticks every few seconds while the hands are busy: silent, the session stays, nothing changes.
  for (let minute = 1; minute < KEEP_ALIVE_MS / 60000; minute += 3) {
    clock.now += 3 * 60000;
    const tick = await conversation.touch(KEEP_ALIVE_EVENT);
    expect([tick.speech, tick.ended, tick.response.response.reprompt]).toEqual(['', false, undefined]);
    expect(tick.response.sessionAttributes?.guide).toEqual(place);
  }
  // "Alexa, next" nine minutes in: the next step, and the quiet time starts again.
  const next = await conversation.say('next');
  expect(next.speech).toMatch(/step 2, the last one/i);
  clock.now += KEEP_ALIVE_MS - 60000;
  expect((await conversation.touch(KEEP_ALIVE_EVENT)).ended).toBe(false);
  // Past the bound with nothing said: the session ends quietly; the place is kept for a one-shot.
  clock.now += 2 * 60000;
  const last = await conversation.touch(KEEP_ALIVE_EVENT);
  expect([last.speech, last.ended]).toEqual(['', true]);
});
