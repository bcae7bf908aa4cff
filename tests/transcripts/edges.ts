import { newConversation, transcript } from '../support/transcript';

test('previous on the first step says so and repeats it', async () => {
  await transcript(`
    U: ask foot massage guide for the heel
    A: step 1 of 2
    U: go back
    A: this is the first step | step 1 of 2 | heel of your hand just below
  `);
});

test('steps that do not exist are named, and the place is kept', async () => {
  await transcript(`
    U: ask foot massage guide for the ankle stretch
    U: next
    A: step 2
    U: go to step ninety
    A: there's no step 90 in the ankle stretch: there are 3 steps | you're on step 2 of 3
    U: go to step 0
    A: there's no step 0 | you're on step 2 of 3
    U: step 99
    A: there's no step 99
    U: say that again
    A: step 2 | achilles
  `);
});

test('a step number that was not heard', async () => {
  const conversation = newConversation();
  await transcript(
    `
    U: ask foot massage guide for the sole
    A: step 1 of 4
  `,
    { conversation },
  );
  const noNumber = await conversation.intend('GoToStepIntent');
  expect(noNumber.speech).toMatch(/didn't catch which step/i);
  expect(noNumber.speech).toMatch(/step 1 of 4 of easing the sole/i);
  expect(noNumber.ended).toBe(false);
  const garbled = await conversation.intend('GoToStepIntent', { stepNumber: '?' });
  expect(garbled.speech).toMatch(/didn't catch which step/i);
  const word = await conversation.intend('GoToStepIntent', { stepNumber: 'three' });
  expect(word.speech).toMatch(/step 3\b/i);
});

test('repeat before anything was said', async () => {
  await transcript(`
    U: ask foot massage guide to repeat that
    A: i haven't said anything yet | the warm up strokes, the ankle stretch, relaxing the heel, easing the sole, the toes, and the finishing strokes | which one would you like
  `);
});

test('navigation before a technique is chosen offers one', async () => {
  await transcript(`
    U: open foot massage guide
    A: which one
    U: next
    A: we haven't started a technique yet | how about the warm up strokes
    U: go back
    A: we haven't started a technique yet
    U: start over
    A: we haven't started a technique yet
    U: go to step two
    A: we haven't started a technique yet
    U: where am i
    A: we haven't started a technique yet | which technique would you like | you can say the warm up strokes
    U: yes
    A: the warm up strokes | step 1 of 2
  `);
});

test('an unknown or missing technique lists the real ones and asks again', async () => {
  const conversation = newConversation();
  await conversation.say('open foot massage guide');
  const unknown = await conversation.intend('StartTechniqueIntent', { technique: 'shoulder rub' });
  expect(unknown.speech).toMatch(/don't know that technique/i);
  expect(unknown.speech).toMatch(/the warm up strokes, the ankle stretch, relaxing the heel, easing the sole, the toes, and the finishing strokes/i);
  expect(unknown.ended).toBe(false);
  expect(unknown.reprompt).toMatch(/which technique/i);
  const missing = await conversation.intend('StartTechniqueIntent');
  expect(missing.speech).toMatch(/don't know that technique/i);

  // In the middle of a technique, an unknown name keeps the user's place.
  await conversation.say('the heel');
  await conversation.say('next');
  const midway = await conversation.intend('StartTechniqueIntent', { technique: 'neck' });
  expect(midway.speech).toMatch(/step 2 of 2 of relaxing the heel/i);
  expect((await conversation.say('repeat')).speech).toMatch(/inner ridge/i);
});

test('what the model cannot place gets a contextual reprompt and keeps the place', async () => {
  await transcript(`
    U: open foot massage guide
    U?: the weather in paris
    A: sorry, i didn't catch that | the warm up strokes, the ankle stretch, relaxing the heel, easing the sole, the toes, and the finishing strokes | which one
    U: ankle
    A: step 1 of 3
    U?: purple monkey dishwasher
    A: sorry, i didn't catch that | you're on step 1 of 3 of the ankle stretch | say next
  `);
});

test('no in the middle of a step keeps the session open', async () => {
  await transcript(`
    U: ask foot massage guide for the heel
    U: not yet
    A: no rush | you're on step 1 of 2 of relaxing the heel
  `);
});
