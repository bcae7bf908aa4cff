import { newConversation, transcript } from '../support/transcript';

// Questions about the massage, answered anywhere without losing the place.

test.each([
  ['what oil should i use', 'carrier oil | peppermint | lavender'],
  ['what are the benefits', 'tendons, ligaments | nerve endings | circulation | lymph | reflexology'],
  ['is this safe', 'not medical advice | injured | open wound | swollen | blood clot | diabetes | circulation problem | hurts'],
])('"%s" in the middle of a technique, then back to the same step', async (question, keywords) => {
  await transcript(`
    U: ask foot massage guide for the ankle stretch
    U: next
    A: step 2 | achilles
    U: ${question}
    A: ${keywords} | say continue to hear step 2 of the ankle stretch again, or next to go on
    R: you're on step 2 of 3 of the ankle stretch
    U: okay carry on
    A: step 2 | achilles
    U: next
    A: step 3
  `);
});

test('questions in the menu and at a resume offer keep those places too', async () => {
  const conversation = newConversation();
  await transcript(
    `
    U: open foot massage guide
    U: which oil is best
    A: carrier oil | which technique would you like | you can say the warm up strokes
    U: the heel
    U: stop
    U: open foot massage guide
    A: welcome back
    U: why massage the feet
    A: circulation | say continue to pick up there
    U: continue
    A: step 1 of 2
  `,
    { conversation },
  );
});

test('the first launch ever opens with one safety sentence, never again', async () => {
  const conversation = newConversation();
  const [first] = await transcript(
    `
    U: open foot massage guide
    A: one thing first: this is for relaxation, not medical advice | welcome to foot massage guide
    U: stop
    U: open foot massage guide
    A: welcome to foot massage guide
  `,
    { conversation },
  );
  expect(first.speech.indexOf('One thing first')).toBe(0);
  const again = await conversation.say('open foot massage guide');
  expect(again.speech).not.toMatch(/one thing first/i);
});
