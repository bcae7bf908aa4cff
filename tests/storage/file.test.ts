import { promises as fs, mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { RECOVERED, StaleRevisionError, userKey } from '../../lambda/storage/document';
import { FileStore } from '../../lambda/storage/file';
import { launchRequest } from '../support/envelopes';

// The file store on a real disk: round trip, whole documents only, corruption, racing writers,
// pruning, and what a killed writer leaves behind.

const USER = 'amzn1.ask.account.FILESTORE';
const KEY = userKey(USER);
const request = launchRequest({ userId: USER });
const freshDir = (): string => mkdtempSync(join(tmpdir(), 'foot-massage-files-'));
const doc = (revision: number, step = 0) => ({ state: { v: 1, phase: { at: 'step', technique: 'relaxHeel', step }, turns: 1 }, savedAt: 1_000, revision });
const revisionsOnDisk = async (dir: string) => (await fs.readdir(join(dir, KEY))).filter((f) => /^\d+\.json$/.test(f)).sort();
const HOST = hostname().replace(/[^A-Za-z0-9-]/g, '-');

test('a saved document comes back as saved, under a name without the user id', async () => {
  const dir = freshDir();
  const store = new FileStore(dir);
  expect(await store.getAttributes(request)).toEqual({});
  await store.saveAttributes(request, doc(1));
  await store.saveAttributes(request, doc(2, 1));
  expect(await store.getAttributes(request)).toEqual(doc(2, 1));
  expect((await fs.readdir(dir)).sort()).toEqual(['.tmp', KEY]);
  expect(await fs.readdir(join(dir, '.tmp'))).toEqual([]);
  expect(JSON.stringify(await fs.readdir(dir, { recursive: true }))).not.toContain('FILESTORE');
  await store.deleteAttributes(request);
  expect(await store.getAttributes(request)).toEqual({});
});

test('a write that dies before it is published leaves the previous document whole, and nothing behind', async () => {
  const dir = freshDir();
  await new FileStore(dir).saveAttributes(request, doc(1, 0));
  const crashing = new FileStore(dir, {
    beforePublish: () => Promise.reject(new Error('power cut')),
  });
  await expect(crashing.saveAttributes(request, doc(2, 1))).rejects.toThrow('power cut');
  expect(await new FileStore(dir).getAttributes(request)).toEqual(doc(1, 0));
  expect(await fs.readdir(join(dir, '.tmp'))).toEqual([]);
  await new FileStore(dir).saveAttributes(request, doc(2, 1));
  expect(await new FileStore(dir).getAttributes(request)).toEqual(doc(2, 1));
});

test('what a killed writer leaves (a half-written temporary file) is never read, and the next process sweeps it', async () => {
  const dir = freshDir();
  await new FileStore(dir).saveAttributes(request, doc(1));
  // A pid that is not running on this machine: the writer that made this file is gone.
  const dead = join(dir, '.tmp', `${HOST}.999999999.deadbeef.tmp`);
  await fs.writeFile(dead, '{"state": {"v": 1, "pha');
  // A temporary file of a writer that is still running (this process) stays.
  const live = join(dir, '.tmp', `${HOST}.${process.pid}.cafe.tmp`);
  await fs.writeFile(live, '{');
  const next = new FileStore(dir);
  expect(await next.getAttributes(request)).toEqual(doc(1));
  await next.saveAttributes(request, doc(2));
  expect(await fs.readdir(join(dir, '.tmp'))).toEqual([`${HOST}.${process.pid}.cafe.tmp`]);
  expect(await next.getAttributes(request)).toEqual(doc(2));
});

test.each([
  ['not json', '{"state": {"v": 1'],
  ['not an object', '[1, 2, 3]'],
  ['empty', ''],
  ['another revision', JSON.stringify(doc(7))],
])('a corrupted newest revision (%s) is kept for a person to look at, and the user starts afresh from the next one', async (_label, content) => {
  const dir = freshDir();
  await new FileStore(dir).saveAttributes(request, doc(1));
  await fs.writeFile(join(dir, KEY, '2.json'), content);
  const store = new FileStore(dir, { now: () => 5_000 });
  expect(await store.getAttributes(request)).toEqual({ [RECOVERED]: true, revision: 2 });
  expect(await fs.readFile(join(dir, KEY, '2.json.corrupt-5000'), 'utf8')).toBe(content);
  await store.saveAttributes(request, doc(3));
  expect(await store.getAttributes(request)).toEqual(doc(3));
});

test('progress saved in the older one-file layout is read, then moved into revisions by the next save', async () => {
  const dir = freshDir();
  await fs.writeFile(join(dir, `${KEY}.json`), JSON.stringify(doc(4, 1)));
  await fs.writeFile(join(dir, `${KEY}.json.lock`), '');
  const store = new FileStore(dir);
  expect(await store.getAttributes(request)).toEqual(doc(4, 1));
  await expect(store.saveAttributes(request, doc(4, 0))).rejects.toBeInstanceOf(StaleRevisionError);
  await store.saveAttributes(request, doc(5, 0));
  expect(await store.getAttributes(request)).toEqual(doc(5, 0));
  expect((await fs.readdir(dir)).sort()).toEqual(['.tmp', KEY]);
});

test('a write over a newer revision, or with no revision, is refused', async () => {
  const store = new FileStore(freshDir());
  await store.saveAttributes(request, doc(1));
  await store.saveAttributes(request, doc(2));
  await expect(store.saveAttributes(request, doc(2, 1))).rejects.toBeInstanceOf(StaleRevisionError);
  await expect(store.saveAttributes(request, doc(1, 1))).rejects.toBeInstanceOf(StaleRevisionError);
  await expect(store.saveAttributes(request, { state: {} })).rejects.toBeInstanceOf(StaleRevisionError);
  expect(await store.getAttributes(request)).toEqual(doc(2));
});

test('of writers racing from the same revision, exactly one wins', async () => {
  const dir = freshDir();
  await new FileStore(dir).saveAttributes(request, doc(1));
  // Separate store objects, as separate processes would have.
  const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => new FileStore(dir).saveAttributes(request, doc(2, i % 2))));
  const won = results.filter((r) => r.status === 'fulfilled');
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(won).toHaveLength(1);
  expect(lost.every((r) => r.reason instanceof StaleRevisionError)).toBe(true);
  expect(((await new FileStore(dir).getAttributes(request)) as { revision: number }).revision).toBe(2);
});

test('old revisions are pruned only once no writer can still race for them; the newest is always kept', async () => {
  const dir = freshDir();
  let clock = 1_000_000;
  const store = new FileStore(dir, { now: () => clock });
  for (let revision = 1; revision <= 3; revision++) await store.saveAttributes(request, doc(revision));
  expect(await revisionsOnDisk(dir)).toEqual(['1.json', '2.json', '3.json']);
  // File times are the real clock's; the store's clock moves past the pruning age.
  clock = Date.now() + 10 * 60_000;
  await store.saveAttributes(request, doc(4));
  expect(await revisionsOnDisk(dir)).toEqual(['4.json']);
  expect(await store.getAttributes(request)).toEqual(doc(4));
});

test('a writer too slow to publish gives up rather than re-create a revision that was written and pruned meanwhile', async () => {
  const dir = freshDir();
  let clock = Date.now();
  await new FileStore(dir).saveAttributes(request, doc(1));
  const others = new FileStore(dir, { now: () => clock });
  const slow = new FileStore(dir, {
    now: () => clock,
    beforePublish: async () => {
      // While the slow writer stalls, others write 2, 3 and 4, and a long time passes, so 2 is pruned.
      for (let revision = 2; revision <= 3; revision++) await others.saveAttributes(request, doc(revision, 1));
      clock += 10 * 60_000;
      await others.saveAttributes(request, doc(4, 1));
    },
  });
  await expect(slow.saveAttributes(request, doc(2, 0))).rejects.toThrow('took too long');
  expect(await revisionsOnDisk(dir)).toEqual(['4.json']);
  expect(await new FileStore(dir).getAttributes(request)).toEqual(doc(4, 1));
});
