import { transcript } from '../../support/transcript';

// A real massage session, the way people talk through one (en-US, through the real model).
// One test per capability; the same in de-DE, es-ES, fr-FR and ja-JP beside this file.

test('en-US: skipping a technique by name never starts it; in the routine it is left out, on this foot or both', async () => {
  await transcript(`
    U: open foot massage guide
    A: which one would you like
    U: skip the toes
    A: not the toes | how about the finishing strokes
    U: let's do the full routine
    A: full routine | warm up strokes | step 1 of 2
    U: no toes today
    A: leave out the toes on this foot | in the full routine, on the first foot | 4 more techniques on this foot
    U: leave out the heel on both feet
    A: leave out relaxing the heel on both feet | 3 more techniques on this foot
    U: skip
    A: skipping the warm up strokes | the ankle stretch | step 1 of 3
  `);
});

test('en-US: naming a technique mid-routine stays in the routine; where am I says so; back to the routine returns', async () => {
  await transcript(`
    U: do the full routine
    A: warm up strokes | step 1 of 2
    U: actually let's do the heel
    A: still in the full routine, on the first foot | relaxing the heel | step 1 of 2
    U: where am i
    A: step 1 of 2 of relaxing the heel | full routine, on the first foot | 5 more techniques on this foot
    U: back to the full routine
    A: back to the full routine, on the first foot: the warm up strokes | step 1 of 2
    U: stop
    A!: stopping at step 1 of 2 of the warm up strokes | full routine, on the first foot
  `);
});

test('en-US: feet, in the routine and on a single technique', async () => {
  await transcript(`
    U: the whole massage
    A: warm up strokes | step 1 of 2
    U: which foot am i on
    A: first foot of the full routine | 5 more techniques on this foot after this one, then the other foot
    U: i'm done with this foot
    A: first foot done | switch to the other foot | warm up strokes | step 1 of 2
    U: which foot is this
    A: second foot of the full routine | 5 more techniques after this one, and the massage is done
    U: go back
    A: back to the first foot, and the last step of the finishing strokes | step 2, the last one
    U: switch feet
    A: first foot done | warm up strokes | step 1 of 2
  `);
  await transcript(`
    U: let's do the toes
    A: toes | step 1 of 2
    U: next
    A: step 2, the last one
    U: next
    A: you've finished the toes | would you like the toes on the other foot too
    U: yes
    A: the toes on the other foot | step 1 of 2
    U: which foot
    A: the toes on the second foot
    U: the other foot
    A: the toes on the other foot | step 1 of 2
  `);
});

test('en-US: after the list, "the third one", "number four", "the last one" pick a technique; mid-technique they are steps', async () => {
  await transcript(`
    U: open foot massage guide
    A: i know 6 techniques | which one would you like
    U: the third one
    A: relaxing the heel | step 1 of 2
    U: list techniques
    A: i know 6 techniques
    U: number four
    A: easing the sole | step 1 of 4
    U: the third one
    A: step 3 | move a little closer to the toes
    U: go to the last step
    A: step 4, the last one
    U: main menu
    A: back to the main menu | i know 6 techniques
    U: the last one
    A: the finishing strokes | step 1 of 2
  `);
});

test('en-US: thanks mid-step keep the place and the session; a clear closing ends it', async () => {
  await transcript(`
    U: let's do the ankle stretch
    A: ankle stretch | step 1 of 3
    U: thank you
    A: you're welcome | say next
    U: cheers
    A: you're welcome
    U: next
    A: step 2
    U: thanks that's all
    A!: stopping at step 2 of 3 of the ankle stretch
  `);
});

test('en-US: how long, how much longer, how long is the whole routine', async () => {
  await transcript(`
    U: how long does the whole massage take
    A: the full routine, on both feet, takes about 28 minutes
    U: let's do the full routine
    A: warm up strokes | step 1 of 2
    U: how long do i hold this
    A: this step takes about 20 seconds | about 2 minutes left of the warm up strokes | about 28 minutes of the whole routine
    U: next
    A: step 2
    U: how much longer
    A: this step takes about 30 seconds | about a minute left of the warm up strokes | about 27 minutes of the whole routine
    U: how long is the whole routine
    A: the full routine, on both feet, takes about 28 minutes | about 27 minutes of the whole routine
  `);
});

test('en-US: safety questions get the answer to what was asked', async () => {
  await transcript(`
    U: is it safe if i'm pregnant
    A: usually fine in pregnancy | midwife or doctor
    U: what about diabetes
    A: with diabetes | foot specialist
    U: is it okay for kids
    A: children usually enjoy
    U: is this safe
    A: not medical advice | blood clot
  `);
});

test('en-US: the last step, the final step, go to the end', async () => {
  await transcript(`
    U: let's do the sole
    A: easing the sole | step 1 of 4
    U: go to the last step
    A: step 4, the last one
    U: go back
    A: step 3
    U: the final step
    A: step 4, the last one
    U: start over
    A: back to the top of easing the sole | step 1 of 4
    U: go to the end
    A: step 4, the last one
  `);
});

test('en-US: after a question mid-step, carry on returns to the same step; next goes on', async () => {
  await transcript(`
    U: let's do the heel
    A: relaxing the heel | step 1 of 2
    U: can i use olive oil
    A: carrier oil | say continue to hear step 1 of relaxing the heel again, or next to go on
    U: okay carry on
    A: back to relaxing the heel | step 1 of 2 | raise the foot slightly
    U: what are the benefits
    A: stress and strain
    U: back to it
    A: back to relaxing the heel | step 1 of 2
    U: what oil should i use
    A: carrier oil
    U: next
    A: step 2, the last one
  `);
});
