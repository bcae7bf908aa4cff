import { promises as fs, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RECOVERED, StaleRevisionError, userKey } from '../../lambda/storage/document';
import { FileStore } from '../../lambda/storage/file';
import { launchRequest } from '../support/envelopes';

// The file store on a real disk: round trip, atomic replace, corruption, racing writers.

const USER = 'amzn1.ask.account.FILESTORE';
const request = launchRequest({ userId: USER });
const freshDir = (): string => mkdtempSync(join(tmpdir(), 'foot-massage-files-'));
const doc = (revision: number, step = 0) => ({ state: { v: 1, phase: { at: 'step', technique: 'relaxHeel', step }, turns: 1 }, savedAt: 1_000, revision });

test('a saved document comes back as saved, in a file named without the user id', async () => {
  const dir = freshDir();
  const store = new FileStore(dir);
  expect(await store.getAttributes(request)).toEqual({});
  await store.saveAttributes(request, doc(1));
  expect(await store.getAttributes(request)).toEqual(doc(1));
  const files = await fs.readdir(dir);
  expect(files).toEqual([`${userKey(USER)}.json`]);
  expect(files.join()).not.toContain('FILESTORE');
  await store.deleteAttributes(request);
  expect(await store.getAttributes(request)).toEqual({});
});

test('a write that dies before its rename leaves the previous document whole', async () => {
  const dir = freshDir();
  await new FileStore(dir).saveAttributes(request, doc(1, 0));
  const crashing = new FileStore(dir, {
    beforeRename: async () => {
      throw new Error('power cut');
    },
  });
  await expect(crashing.saveAttributes(request, doc(2, 1))).rejects.toThrow('power cut');
  expect(await new FileStore(dir).getAttributes(request)).toEqual(doc(1, 0));
  // No temporary file or lock is left behind to confuse the next writer.
  expect(await fs.readdir(dir)).toEqual([`${userKey(USER)}.json`]);
  await new FileStore(dir).saveAttributes(request, doc(2, 1));
  expect(await new FileStore(dir).getAttributes(request)).toEqual(doc(2, 1));
});

test('a process killed mid-write leaves the previous document, never a torn one', async () => {
  const dir = freshDir();
  const store = new FileStore(dir);
  await store.saveAttributes(request, doc(1));
  // What a crash leaves at worst: a half-written temporary file beside the real one.
  await fs.writeFile(join(dir, `.${userKey(USER)}.deadbeef.tmp`), '{"state": {"v": 1, "pha');
  expect(await store.getAttributes(request)).toEqual(doc(1));
});

test.each([['not json', '{"state": {"v": 1'], ['not an object', '[1, 2, 3]'], ['empty', '']])(
  'a corrupted document (%s) is moved aside, not deleted, and the user starts afresh',
  async (_label, content) => {
    const dir = freshDir();
    const file = join(dir, `${userKey(USER)}.json`);
    await fs.writeFile(file, content);
    const store = new FileStore(dir);
    expect(await store.getAttributes(request)).toEqual({ [RECOVERED]: true });
    const files = await fs.readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^${userKey(USER)}\\.json\\.corrupt-\\d+$`));
    expect(await fs.readFile(join(dir, files[0]), 'utf8')).toBe(content);
    // Starting afresh: the first save is revision 1 again.
    await store.saveAttributes(request, doc(1));
    expect(await store.getAttributes(request)).toEqual(doc(1));
  },
);

test('a write over a newer revision is refused', async () => {
  const store = new FileStore(freshDir());
  await store.saveAttributes(request, doc(1));
  await store.saveAttributes(request, doc(2));
  await expect(store.saveAttributes(request, doc(2, 1))).rejects.toBeInstanceOf(StaleRevisionError);
  await expect(store.saveAttributes(request, doc(1, 1))).rejects.toBeInstanceOf(StaleRevisionError);
  expect(await store.getAttributes(request)).toEqual(doc(2));
});

test('of writers racing from the same revision, exactly one wins', async () => {
  const dir = freshDir();
  await new FileStore(dir).saveAttributes(request, doc(1));
  // Separate store objects, as separate processes would have.
  const results = await Promise.allSettled(
    Array.from({ length: 8 }, (_, i) => new FileStore(dir).saveAttributes(request, doc(2, i % 2))),
  );
  const won = results.filter((r) => r.status === 'fulfilled');
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(won).toHaveLength(1);
  expect(lost.every((r) => r.reason instanceof StaleRevisionError)).toBe(true);
  expect(((await new FileStore(dir).getAttributes(request)) as { revision: number }).revision).toBe(2);
});

test('a lock left by a writer that died is broken after a while', async () => {
  const dir = freshDir();
  await fs.writeFile(join(dir, `${userKey(USER)}.json.lock`), '');
  const past = new Date(Date.now() - 60_000);
  await fs.utimes(join(dir, `${userKey(USER)}.json.lock`), past, past);
  await new FileStore(dir).saveAttributes(request, doc(1));
  expect(await new FileStore(dir).getAttributes(request)).toEqual(doc(1));
});
