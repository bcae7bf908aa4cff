import { handler } from '../../lambda/index';
import { Conversation } from '../../lambda/local/conversation';
import { transcript } from '../support/transcript';

test('back, repeat, start over and jumping to a step', async () => {
  await transcript(`
    U: open foot massage guide
    A: which one would you like
    U: easing the sole
    A: step 1 of 4
    U: next
    A: step 2
    U: next
    A: step 3
    U: go back
    A: step 2 | heel
    U: say that again
    A: step 2 | heel
    U: take me to step four
    A: step 4, the last one | base of the toes
    U: jump to step 1
    A: step 1 of 4 | sink the pad of your thumb
    U: next
    A: step 2
    U: start over
    A: back to the top of easing the sole | step 1 of 4
    U: one more time
    A: step 1 of 4
  `);
});

test('where am I, and how many steps are left', async () => {
  await transcript(`
    U: ask foot massage guide for the sole
    A: step 1 of 4
    U: which step am i on
    A: you're on step 1 of 4 of easing the sole | 3 more steps after this one | say next
    U: next
    U: next
    U: how many steps are left
    A: step 3 of 4 | one more step after this one
    U: next
    U: where am i
    A: step 4 of 4 | this is the last step
    U: next
    U: where am i
    A: you've just finished easing the sole | would you like easing the sole on the other foot too
  `);
});

test('switching technique in the middle, and listing them', async () => {
  await transcript(`
    U: ask foot massage guide for the ankle stretch
    A: step 1 of 3
    U: what are my options
    A: the warm up strokes, the ankle stretch, relaxing the heel, easing the sole, the toes, and the finishing strokes | step 1 of 3 of the ankle stretch
    U: switch to the heel
    A: relaxing the heel | step 1 of 2
  `);
});

test('help is different in the menu and during a technique', async () => {
  await transcript(`
    U: open foot massage guide
    A: which one
    U: what can i say
    A: name a technique, or say the full routine | say next, go back, repeat | the other foot | how much longer | which technique would you like | you can say the warm up strokes
    U: relaxing the heel
    A: step 1 of 2
    U: help
    A: say next for the next step | go back | repeat | the other foot to switch feet | how much longer | you're on step 1 of 2 of relaxing the heel | say next
  `);
});

test('going home keeps the place: the list, and continue goes back to the same step', async () => {
  await transcript(`
    U: ask foot massage guide for the heel
    A: step 1 of 2
    U: next
    U: main menu
    A: back to the main menu | you stopped at step 2 of 2 of relaxing the heel | the warm up strokes, the ankle stretch, relaxing the heel, easing the sole, the toes, and the finishing strokes | say continue
    U: continue
    A: picking up relaxing the heel where you left off | step 2
    U: main menu
    U: yes
    A: picking up relaxing the heel where you left off | step 2
  `);
});

test('after finishing, back returns to the last step; the other foot is offered, and no moves on', async () => {
  await transcript(`
    U: ask foot massage guide for the heel
    U: next
    U: next
    A: you've finished relaxing the heel | would you like relaxing the heel on the other foot too
    U: go back
    A: step 2, the last one | inner ridge
    U: next
    A: you've finished relaxing the heel | on the other foot too
    U: no
    A: how about easing the sole
    U: yes
    A: easing the sole | step 1 of 4
  `);
});

test('stop and cancel end politely and say where the user stopped', async () => {
  await transcript(`
    U: ask foot massage guide for the ankle stretch
    U: next
    U: stop
    A!: stopping at step 2 of 3 of the ankle stretch | goodbye
  `);
  await transcript(`
    U: open foot massage guide
    U: never mind
    A!: goodbye
  `);
});

test('words people wrap round a request are looked past, as Alexa would', async () => {
  await transcript(`
    U: okay so let's do the heel please
    A: relaxing the heel | step 1 of 2
    U: great thanks next
    A: step 2
    U: hmm where am i now
    A: step 2 of 2 of relaxing the heel
    U: wait go back
    A: step 1 of 2
    U: sorry can you say that again please
    A: step 1 of 2
    U?: the capital of peru please
  `);
});

test('a number outside a step slot is the word that was said: "give me 2 minutes" is a pause, "step 2" still a step', async () => {
  await transcript(`
    U: let's do the heel
    A: relaxing the heel | step 1 of 2
    U: give me 2 minutes
    A!: paused at step 1 of 2
    U: ask foot massage guide to continue
    A: step 1 of 2
    U: go to step 2
    A: step 2, the last one
  `);
});

test('the terminal (not the tests) guesses phrasings no sample has by their nearest sample, and nonsense still goes nowhere', async () => {
  const conversation = new Conversation({ locale: 'en-US', forgiving: true, handler: (event) => handler(event) });
  const turns = await transcript(
    `
    U: can we do the whole thing
    A: let's do the full routine
    U: is it okay if my foot is swollen
    A: don't massage a swollen foot or ankle until a doctor has seen it
    U: what kind of oil do i really need here
    A: carrier oil
    U: this is too fast
    A: i'll go slower
    U: take me to step number two please
    A: step 2
    U: hmm erm say that again please mate
    A: step 2
    U?: what is the capital of peru
    U?: purple monkey dishwasher
  `,
    { conversation },
  );
  expect(turns.some((t) => t.guessed)).toBe(true);
});
