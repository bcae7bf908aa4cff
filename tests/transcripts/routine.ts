import { ROUTINE, stepCount } from '../../lambda/guide/catalog';
import { expectValidSsml, measureSsml } from '../support/ssml';
import { newConversation, transcript } from '../support/transcript';

// The full routine: every technique, on one foot and then the other, by saying only "next".

test('a complete two-foot massage, saying only next', async () => {
  const conversation = newConversation();
  const [start] = await transcript(
    `
    U: ask foot massage guide for the full routine
    A: let's do the full routine | 6 techniques on one foot, then the same on the other | the warm up strokes | step 1 of 2 | begin now
  `,
    { conversation },
  );
  const turns = [start];
  while (!turns[turns.length - 1].ended && turns.length < 100) {
    const turn = await conversation.say('next');
    expect(turn.intent).toBe('AMAZON.NextIntent');
    if (!turn.ended) expect(turn.reprompt).toBeTruthy();
    turns.push(turn);
    if (/would you like anything else/i.test(turn.speech)) break;
  }
  const totalSteps = ROUTINE.reduce((sum, id) => sum + stepCount(id), 0);
  expect(turns).toHaveLength(2 * totalSteps + 1);
  const heard = turns.map((t) => t.speech).join('\n');
  // Each technique is introduced once per foot (the first by the routine's own introduction), in order.
  const transitions = [
    ...heard.matchAll(/Now, (the warm up strokes|the ankle stretch|relaxing the heel|easing the sole|the toes|the finishing strokes)\./g),
  ].map((m) => m[1]);
  expect(transitions).toEqual([
    'the ankle stretch',
    'relaxing the heel',
    'easing the sole',
    'the toes',
    'the finishing strokes',
    'the warm up strokes',
    'the ankle stretch',
    'relaxing the heel',
    'easing the sole',
    'the toes',
    'the finishing strokes',
  ]);
  expect(heard.match(/switch to the other foot/g)).toHaveLength(1);
  expect(turns[turns.length - 1].speech).toMatch(/that's the full massage, on both feet.*would you like anything else/i);
  // Every response within Alexa's limits, and every timed step counted with one chime.
  await expectValidSsml(turns.map((t) => t.ssml));
  for (const t of turns) expect(measureSsml(t.ssml).audioTags).toBeLessThanOrEqual(1);
});

test('where am I, skip and back across techniques and feet', async () => {
  await transcript(`
    U: open foot massage guide
    U: let's do the whole massage
    A: the warm up strokes | step 1 of 2
    U: where am i
    A: step 1 of 2 of the warm up strokes | in the full routine, on the first foot | 5 more techniques on this foot after this one, then the other foot
    U: skip this one
    A: skipping the warm up strokes | now, the ankle stretch | step 1 of 3
    U: go back
    A: back to the warm up strokes | step 2, the last one
    U: skip
    A: now, the ankle stretch
    U: skip
    A: relaxing the heel
    U: skip
    A: easing the sole
    U: skip
    A: the toes
    U: skip
    A: the finishing strokes
    U: how many steps are left
    A: first foot | this is the last technique on this foot; then the other foot
    U: skip
    A: switch to the other foot | the warm up strokes | step 1 of 2
    U: where am i
    A: in the full routine, on the second foot | 5 more techniques after this one, and the massage is done
    U: go back
    A: back to the first foot, and the last step of the finishing strokes | step 2, the last one
    U: where am i
    A: in the full routine, on the first foot
  `);
});

test('stopping in the routine and coming back picks up on the same foot', async () => {
  const conversation = newConversation();
  await transcript(
    `
    U: ask foot massage guide for the full routine
    U: skip
    U: skip
    U: next
    A: step 2, the last one | inner ridge of the heel
    U: stop
    U: open foot massage guide
    A: welcome back | step 2 of 2 of relaxing the heel | in the full routine, on the first foot
    U: continue
    A: step 2, the last one
    U: next
    A: now, easing the sole
  `,
    { conversation },
  );
});

test('the routine only promises to count when counting is on', async () => {
  await transcript(`
    U: open foot massage guide
    U: do the full routine
    A: let's do the full routine | i'll time the steps that need it | step 1 of 2
  `);
  const turns = await transcript(`
    U: open foot massage guide
    U: skip the timer
    U: do the full routine
  `);
  expect(turns[2].speech).not.toMatch(/time the steps/i);
});
