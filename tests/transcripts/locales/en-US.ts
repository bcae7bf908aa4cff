import { newConversation, transcript } from '../../support/transcript';

// en-US as people really say it mid-massage: fillers, half-sentences, oily-hands
// shortcuts, and the questions a newcomer asks. Every line here is a phrasing the
// native review added to the model.

test('en-US: a single technique the way a newcomer talks through it', async () => {
  const conversation = newConversation('en-US');
  await transcript(
    `
    U: alexa open foot massage guide please
    A: welcome to foot massage guide | which one would you like
    U: um how do i put the oil on
    A: the warm up strokes | step 1 of 2 | carrier oil
    U: okay what is the next step
    A: step 2 | gliding strokes
    U: i need more time
    A: i'll go slower
    U: hold up go back
    A: step 1 of 2 | carrier oil
    U: how do i do this
    A: step 1 of 2 | carrier oil
    U: finished that one
    A: step 2 | gliding strokes
    U: i'll tell you when i'm done
    A: no more timing
    U: does this actually help
    A: circulation
    U: can i use vaseline
    A: carrier oil
    U: what's this one
    A: you're on step 2 of 2 of the warm up strokes
    U: done with that one
    A: you've finished the warm up strokes | the warm up strokes on the other foot
    U: nah
    A: how about the ankle stretch
    U: mm hmm
    A: the ankle stretch | step 1 of 3
    U: my ankle hurts
    A: never painful | stop if the pain stays
    U: let's wrap up with the final hold
    A: the finishing strokes | step 1 of 2
    U: stop for a minute
    A!: paused at step 1 of 2 of the finishing strokes | ask foot massage guide to continue
  `,
    { locale: 'en-US', conversation },
  );
  await transcript(
    `
    U: alexa use foot massage guide
    A: welcome back | step 1 of 2 of the finishing strokes
    U: okay i'm back let's continue
    A: step 1 of 2 | sandwich the foot
  `,
    { locale: 'en-US', conversation },
  );
});

test('en-US: the full routine, with questions and timing on the way', async () => {
  await transcript(
    `
    U: ask foot massage guide to give me a foot rub
    A: let's do the full routine | the warm up strokes | step 1 of 2
    U: which foot am i on
    A: first foot of the full routine
    U: skip the countdown
    A: no more timing
    U: start the countdown
    A: i'll count you through
    U: brilliant next one
    A: step 2
    U: thumb pressure
    A: easing the sole | step 1 of 4
    U: one sec
    A!: paused at step 1 of 4 of easing the sole
  `,
    { locale: 'en-US' },
  );
});
