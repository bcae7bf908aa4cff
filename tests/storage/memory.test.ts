import { StaleRevisionError } from '../../lambda/storage/document';
import { MemoryStore } from '../../lambda/storage/memory';
import { launchRequest } from '../support/envelopes';

// The store the handler and fuzz suites run on: the same revision rule as the file store and
// DynamoDB, and documents copied in and out as a real store serialises them.

const doc = (revision: number, step = 0) => ({ state: { v: 3, phase: { at: 'step', technique: 'toes', step } }, savedAt: 1, revision });

test('keeps a document per user, refuses a write over a newer revision, and hands back copies', async () => {
  const store = new MemoryStore();
  const me = launchRequest({ userId: 'amzn1.ask.account.ME' });
  const you = launchRequest({ userId: 'amzn1.ask.account.YOU' });
  expect(await store.getAttributes(me)).toEqual({});
  await store.saveAttributes(me, doc(1));
  await expect(store.saveAttributes(me, doc(1, 1))).rejects.toBeInstanceOf(StaleRevisionError);
  await expect(store.saveAttributes(me, doc(3))).rejects.toBeInstanceOf(StaleRevisionError);
  await store.saveAttributes(me, doc(2, 1));
  const loaded = await store.getAttributes(me);
  expect(loaded).toEqual(doc(2, 1));
  (loaded.state as { phase: { step: number } }).phase.step = 99;
  expect(await store.getAttributes(me)).toEqual(doc(2, 1));
  expect(await store.getAttributes(you)).toEqual({});
  await store.deleteAttributes(me);
  expect(await store.getAttributes(me)).toEqual({});
});
