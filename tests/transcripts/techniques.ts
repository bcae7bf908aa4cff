import { transcript } from '../support/transcript';

// A whole walk through each technique, the way a person would say it.

test('the ankle stretch, start to finish', async () => {
  await transcript(`
    U: open foot massage guide
    A: welcome to foot massage guide | the ankle stretch | relaxing the heel | easing the sole | which one would you like
    R: which technique would you like
    U: let's do the ankle stretch
    A: let's start the ankle stretch | raise the lower leg | step 1 of 3 | small ankle bones | say next
    R: step 1 of 3 of the ankle stretch
    U: okay next
    A: step 2 | ball of the foot | achilles | point of resistance | say next
    U: what's next
    A: step 3, the last one | instep | front of the ankle | lower the leg
    R: last step of the ankle stretch
    U: done
    A: you've finished the ankle stretch | would you like the ankle stretch on the other foot too
    U: no thanks
    A: how about relaxing the heel
    U: no thanks
    A!: goodbye
  `);
});

test('relaxing the heel, start to finish', async () => {
  await transcript(`
    U: open foot massage guide
    A: which one would you like
    U: the heel massage please
    A: relaxing the heel | heels of your hands | step 1 of 2 | just below the ankle bone | change hands
    U: next step
    A: step 2, the last one | inner ridge of the heel
    U: i'm ready
    A: you've finished relaxing the heel | would you like relaxing the heel on the other foot too
    U: no
    A: how about easing the sole
    U: yes please
    A: easing the sole | myofascial release | step 1 of 4 | thumb
  `);
});

test('easing the sole, start to finish', async () => {
  await transcript(`
    U: open foot massage guide
    A: which one would you like
    U: walk me through the arch massage
    A: easing the sole | myofascial release | step 1 of 4 | sink the pad of your thumb | release the pressure
    U: next
    A: step 2 | heel | arch | outer edge
    U: got it
    A: step 3 | closer to the toes | band by band
    U: carry on
    A: step 4, the last one | base of the toes
    U: next
    A: you've finished easing the sole | would you like easing the sole on the other foot too
    U: stop
    A!: goodbye
  `);
});

test('one-shot: asking for a technique opens the skill on its first step', async () => {
  await transcript(`
    U: Alexa, ask foot massage guide for the heel massage
    A: relaxing the heel | step 1 of 2
    U: next
    A: step 2
  `);
  await transcript(`
    U: ask foot massage guide for the ankle stretch
    A: the ankle stretch | step 1 of 3
  `);
  await transcript(`
    U: ask foot massage guide to start easing the sole
    A: easing the sole | step 1 of 4
  `);
});

test('yes at the welcome starts the first technique', async () => {
  await transcript(`
    U: open foot massage guide
    A: which one would you like
    U: sure
    A: the warm up strokes | step 1 of 2
  `);
});
