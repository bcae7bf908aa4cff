import { promises as fs, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Conversation } from '../../lambda/local/conversation';
import { STALE_AFTER_MS } from '../../lambda/guide/session';
import { buildSkill } from '../../lambda/skill';
import { userKey } from '../../lambda/storage/document';
import { DynamoStore } from '../../lambda/storage/dynamodb';
import { FileStore } from '../../lambda/storage/file';
import { startDynamo } from '../../lambda/local/dynalite';
import { newConversation, transcript } from '../support/transcript';

// Progress that outlives a session: the same user comes back later and picks up where they were.

process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';

test('stop in the middle, come back, continue on the same step', async () => {
  const conversation = newConversation();
  await transcript(
    `
    U: open foot massage guide
    U: the ankle stretch
    U: next
    A: step 2 | achilles
    U: stop
    A!: stopping at step 2 of 3 of the ankle stretch | say continue
    # A new session for the same user, later.
    U: open foot massage guide
    A: welcome back | you were on step 2 of 3 of the ankle stretch | say continue to pick up there, or name another technique
    R: continue at step 2 of the ankle stretch
    U: continue
    A: picking up the ankle stretch where you left off | step 2 | achilles
    U: next
    A: step 3
  `,
    { conversation },
  );
});

test('yes and next also pick up; naming a technique starts that one instead', async () => {
  const conversation = newConversation();
  await transcript(
    `
    U: ask foot massage guide for the sole
    U: next
    U: cancel
    U: open foot massage guide
    A: welcome back | step 2 of 4 of easing the sole
    U: yes
    A: step 2 | outer edge
    U: stop
    U: open foot massage guide
    A: welcome back | step 2 of 4 of easing the sole
    U: the heel please
    A: relaxing the heel | step 1 of 2
  `,
    { conversation },
  );
});

test('no to picking up goes to the menu', async () => {
  const conversation = newConversation();
  await transcript(
    `
    U: ask foot massage guide for the heel
    U: stop
    U: open foot massage guide
    A: welcome back
    U: no
    A: the warm up strokes, the ankle stretch, relaxing the heel, easing the sole, the toes, and the finishing strokes | which one would you like
  `,
    { conversation },
  );
});

test('pause, then a one-shot continue', async () => {
  const conversation = newConversation();
  await transcript(
    `
    U: ask foot massage guide for the heel
    U: next
    A: step 2, the last one
    U: hold on
    A!: paused at step 2 of 2 of relaxing the heel | ask foot massage guide to continue
    U: ask foot massage guide to continue
    A: picking up relaxing the heel where you left off | step 2, the last one | inner ridge
  `,
    { conversation },
  );
  await transcript(
    `
    U: give me a minute
    A!: paused at step 2 of 2
    U: ask foot massage guide to resume
    A: step 2, the last one
  `,
    { conversation },
  );
});

test('a user who finished gets the normal welcome', async () => {
  const conversation = newConversation();
  await transcript(
    `
    U: ask foot massage guide for the heel
    U: next
    U: next
    A: you've finished relaxing the heel | on the other foot too
    U: no
    A: how about easing the sole
    U: no
    U: open foot massage guide
    A: welcome to foot massage guide | which one would you like
    U: yes
    A: easing the sole | step 1 of 4
  `,
    { conversation },
  );
});

test('continue with nothing saved says so and offers the techniques', async () => {
  await transcript(`
    U: ask foot massage guide to continue
    A: there's nothing to pick up yet | which one would you like
  `);
});

function skillWithClock(store: FileStore | DynamoStore, clock: { now: number }, log: (entry: Record<string, unknown>) => void = () => undefined) {
  const skill = buildSkill({ store, now: () => clock.now, log });
  return (userId: string) => new Conversation({ userId, handler: (event) => skill.invoke(event) });
}

test(`progress older than ${STALE_AFTER_MS / 86_400_000} days is dropped at launch`, async () => {
  const clock = { now: Date.UTC(2026, 10, 1) };
  const talk = skillWithClock(new FileStore(mkdtempSync(join(tmpdir(), 'fmg-stale-'))), clock);
  const conversation = talk('amzn1.ask.account.STALE');
  await transcript(
    `
    U: ask foot massage guide for the ankle stretch
    U: next
    U: stop
  `,
    { conversation },
  );
  clock.now += STALE_AFTER_MS - 60_000;
  await transcript(
    `
    U: open foot massage guide
    A: welcome back | step 2 of 3
    U: stop
  `,
    { conversation },
  );
  clock.now += STALE_AFTER_MS + 60_000;
  await transcript(
    `
    U: open foot massage guide
    A: welcome to foot massage guide | which one would you like
    U: yes
    A: the ankle stretch | step 1 of 3
  `,
    { conversation },
  );
});

test('a corrupted saved state at launch: a short apology, a fresh start, the file kept aside', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fmg-corrupt-'));
  const talk = skillWithClock(new FileStore(dir), { now: Date.now() });
  const user = 'amzn1.ask.account.CORRUPT';
  await fs.writeFile(join(dir, `${userKey(user)}.json`), '{"state": {"v": 1, "phase": {"at": "st');
  await transcript(
    `
    U: open foot massage guide
    A: couldn't read your saved progress | start fresh | welcome to foot massage guide | which one
    U: relaxing the heel
    A: step 1 of 2
    U: stop
    U: open foot massage guide
    A: welcome back | step 1 of 2 of relaxing the heel
  `,
    { conversation: talk(user) },
  );
  expect((await fs.readdir(dir)).some((f) => f.includes('.corrupt-'))).toBe(true);
});

test('a saved state that no longer makes sense becomes a safe one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fmg-nonsense-'));
  const talk = skillWithClock(new FileStore(dir), { now: 10_000_000 });
  const user = 'amzn1.ask.account.NONSENSE';
  const saved = { state: { v: 1, phase: { at: 'step', technique: 'relaxHeel', step: 57 }, turns: 'many' }, savedAt: 9_999_000, revision: 4 };
  await fs.writeFile(join(dir, `${userKey(user)}.json`), JSON.stringify(saved));
  await transcript(
    `
    U: open foot massage guide
    A: welcome back | step 1 of 2 of relaxing the heel
    U: continue
    A: step 1 of 2
  `,
    { conversation: talk(user) },
  );
});

test('an old session never overwrites newer progress from another device', async () => {
  const store = new FileStore(mkdtempSync(join(tmpdir(), 'fmg-race-')));
  const talk = skillWithClock(store, { now: Date.now() });
  const kitchen = talk('amzn1.ask.account.TWODEVICES');
  const bedroom = talk('amzn1.ask.account.TWODEVICES');
  await transcript(
    `
    U: ask foot massage guide for the sole
    A: step 1 of 4
  `,
    { conversation: kitchen },
  );
  await transcript(
    `
    U: open foot massage guide
    A: welcome back | step 1 of 4 of easing the sole
    U: continue
    U: next
    U: next
    A: step 3
  `,
    { conversation: bedroom },
  );
  // The kitchen session still thinks it is on step 1; the store knows better.
  await transcript(
    `
    U: next
    A: step 4, the last one
  `,
    { conversation: kitchen },
  );
  await transcript(
    `
    U: where am i
    A: step 4 of 4
  `,
    { conversation: bedroom },
  );
});

test('the whole journey on DynamoDB (dynalite), and a store that goes down mid-session', async () => {
  const dynamo = await startDynamo('journey');
  const log: Record<string, unknown>[] = [];
  const talk = skillWithClock(new DynamoStore({ table: dynamo.table, endpoint: dynamo.endpoint, region: 'us-east-1' }), { now: Date.now() }, (e) =>
    log.push(e),
  );
  const user = 'amzn1.ask.account.DYNAMOJOURNEY';
  const conversation = talk(user);
  try {
    await transcript(
      `
      U: ask foot massage guide for the ankle stretch
      U: next
      U: stop
      U: open foot massage guide
      A: welcome back | step 2 of 3 of the ankle stretch
      U: continue
      A: step 2
    `,
      { conversation },
    );
    await dynamo.stop();
    // The user still gets every answer; they are told once that progress may not be saved.
    const down = await transcript(
      `
      U: next
      A: can't save your progress right now | step 3
      U: go back
      A: step 2
    `,
      { conversation },
    );
    expect(down[1].speech).not.toMatch(/can't save/i);
    expect(log.filter((e) => e.event === 'store-unavailable')).toHaveLength(1);
    expect(JSON.stringify(log)).not.toContain('DYNAMOJOURNEY');
  } finally {
    await dynamo.stop();
  }
});
