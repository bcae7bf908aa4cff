import { measureSsml } from '../support/ssml';
import { newConversation, transcript } from '../support/transcript';

// Hands-free practice: timed steps, the timer preference, the pace, and prompts that learn.

test('a timed step is counted in the same response, then waits for next', async () => {
  const [, start] = await transcript(`
    U: open foot massage guide
    U: relaxing the heel
    A: step 1 of 2 | let's do it together, for 40 seconds | begin now | halfway. now change hands | and gently release | say next
    R: you're on step 1 of 2 of relaxing the heel
  `);
  const { breakSeconds, audioTags } = measureSsml(start.ssml);
  expect(breakSeconds).toBeGreaterThanOrEqual(40);
  expect(audioTags).toBe(1);
  expect(start.ssml).toContain('soundbank://soundlibrary/');
});

test('skip the timer, then time it again; the choice is remembered next session', async () => {
  const conversation = newConversation();
  const turns = await transcript(
    `
    U: ask foot massage guide for the heel
    A: begin now
    U: skip the timer
    A: no more timing | step 1 of 2 of relaxing the heel
    U: next
    A: step 2
    U: stop
    U: ask foot massage guide for the ankle stretch
    A: step 1 of 3
    U: time it
    A: i'll count you through | step 1 of 3 | begin now
  `,
    { conversation },
  );
  expect(turns[2].speech).not.toMatch(/begin now/i);
  expect(turns[4].speech).not.toMatch(/begin now/i);
  expect(measureSsml(turns[4].ssml).breakSeconds).toBeLessThan(5);
});

test('slower and faster change the speaking rate and the timed steps; normal resets them', async () => {
  const conversation = newConversation();
  const turns = await transcript(
    `
    U: ask foot massage guide for the sole
    A: step 1 of 4 | for 20 seconds
    U: slow down
    A: i'll go slower | step 1 of 4 | for 30 seconds
    U: slower please
    A: already the slowest pace
    U: speed up
    A: back to normal speed | for 20 seconds
    U: faster
    A: a little faster | for 15 seconds
    U: faster
    A: already the fastest pace
    U: normal speed
    A: back to normal speed | for 20 seconds
  `,
    { conversation },
  );
  expect(turns[1].ssml).toContain('<prosody rate="85%">');
  expect(turns[1].response.response.reprompt?.outputSpeech).toMatchObject({ ssml: expect.stringContaining('<prosody rate="85%">') as string });
  expect(turns[4].ssml).toContain('<prosody rate="115%">');
  expect(turns[6].ssml).not.toContain('<prosody');
});

test('prompts get shorter once the user knows to say next; reprompts stay helpful', async () => {
  const turns = await transcript(`
    U: ask foot massage guide for the full routine
    A: when you're ready, say next. you can also say repeat, or go back
    U: next
    A: you can also say repeat, or go back
    U: next
    A: you can also say repeat
    U: next
    A: say next when you're ready
    R: you're on step 2 of 3 of the ankle stretch | say next to go on, or repeat
    U: next
    A: say next when you're done
    R: last step of the ankle stretch | or repeat to hear it again
  `);
  expect(turns[3].speech).not.toMatch(/you can also say/i);
  expect(turns[4].speech).not.toMatch(/you can also say/i);
});
