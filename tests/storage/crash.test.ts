import { join } from 'node:path';
import { buildWriter, killRounds } from '../../bench/soak/store';

// Writers killed with SIGKILL in the middle of their work, then started again: the fast version of
// `npm run soak`'s kill -9 rounds. Every save a writer confirmed is on disk, whole; no revision is
// committed twice; nothing is left behind. (How long the first turn after a crash takes is a
// figure of the soak, not something a unit test times.)

let writer: string;
beforeAll(() => {
  writer = buildWriter(join(__dirname, '..', '..'));
}, 60_000);

test('three kill -9 rounds on the file store lose nothing, commit nothing twice and leave nothing behind', async () => {
  // Killed within 150 ms of each writer's first confirmed save: mid-walk, without burning the
  // CPU-seconds of the soak's longer rounds.
  const figures = await killRounds(writer, 3, () => undefined, 150);
  const by = (start: string) => figures.find((f) => f.name.startsWith(start));
  expect(by('confirmed saves lost')).toMatchObject({ ok: true, value: expect.stringMatching(/^0 of [1-9]/) as string });
  expect(by('revisions committed twice')).toMatchObject({ ok: true, value: '0' });
  expect(by('orphan files')).toMatchObject({ ok: true, value: '0' });
}, 60_000);
