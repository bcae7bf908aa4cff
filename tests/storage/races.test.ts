import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { buildWriter } from '../../bench/soak/store';
import { judge, recording, type WriterLine } from '../../bench/soak/writer';
import { startDynamo, type LocalDynamo } from '../../lambda/local/dynalite';
import { buildSkill } from '../../lambda/skill';
import { DynamoStore } from '../../lambda/storage/dynamodb';
import { FileStore } from '../../lambda/storage/file';
import { intentRequest, launchRequest } from '../support/envelopes';

// Many devices of one user at once, on both stores: every revision is committed at most once,
// and every answer is either saved or says that it isn't.

process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';

const root = join(__dirname, '..', '..');
let dynamo: LocalDynamo;
let writer: string;
beforeAll(async () => {
  dynamo = await startDynamo('races');
  writer = buildWriter(root);
}, 60_000);
afterAll(() => dynamo.stop());

const stores: [string, () => PersistenceAdapter, () => Record<string, string>][] = [
  ['the file store', () => new FileStore(mkdtempSync(join(tmpdir(), 'fmg-races-'))), () => ({ store: 'file', dir: mkdtempSync(join(tmpdir(), 'fmg-races-')) })],
  [
    'DynamoDB',
    () => new DynamoStore({ table: dynamo.table, endpoint: dynamo.endpoint, region: 'us-east-1' }),
    () => ({ store: 'dynamodb', table: dynamo.table, endpoint: dynamo.endpoint }),
  ],
];

describe.each(stores)('%s', (_name, makeStore, writerOptions) => {
  test('fifty "next" at once from one session: none is answered from a state that silently failed to save', async () => {
    const lines: WriterLine[] = [];
    const store = makeStore();
    const skill = buildSkill({ store: recording(store, (line) => lines.push(line), 0), log: () => undefined });
    const userId = `amzn1.ask.account.RACE-${Math.random()}`;
    await skill.invoke(launchRequest({ userId }));
    const started = await skill.invoke(intentRequest('StartRoutineIntent', {}, { userId }));
    const answers: ResponseEnvelope[] = await Promise.all(
      Array.from({ length: 50 }, () => skill.invoke(intentRequest('AMAZON.NextIntent', {}, { userId, attributes: started.sessionAttributes }))),
    );
    for (const answer of answers) {
      const attributes = answer.sessionAttributes ?? {};
      lines.push({
        kind: 'answer',
        user: userId,
        pid: 0,
        revision: Number(attributes.revision),
        state: attributes.guide,
        told: attributes.storeTrouble === true,
        ms: 0,
      });
    }
    const verdict = judge(lines);
    expect(verdict).toMatchObject({ answers: 50, duplicated: 0, silentlyUnsaved: 0 });
    // Those that could not be saved said so, in words.
    const told = answers.filter((a) => a.sessionAttributes?.storeTrouble === true);
    for (const answer of told) expect(JSON.stringify(answer.response.outputSpeech)).toMatch(/can't save your progress/);
    // The saved place is the newest confirmed save.
    const saved = (await store.getAttributes(launchRequest({ userId }))) as { revision: number };
    expect(saved.revision).toBe(Math.max(...lines.filter((l) => l.kind === 'commit').map((l) => l.revision)));
  });

  test('two processes walking one user at once: each revision committed once, no answer silently unsaved', async () => {
    const options = { ...writerOptions(), user: `amzn1.ask.account.TWOPROC-${Math.random()}`, turns: 120 };
    const run = () =>
      new Promise<WriterLine[]>((resolve, reject) => {
        const child = spawn(process.execPath, [writer, JSON.stringify(options)], {
          cwd: root,
          env: { PATH: process.env.PATH ?? '' },
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('exit', (code) =>
          code === 0
            ? resolve(
                out
                  .trim()
                  .split('\n')
                  .map((l) => JSON.parse(l) as WriterLine),
              )
            : reject(new Error(err)),
        );
      });
    const lines = (await Promise.all([run(), run()])).flat();
    const verdict = judge(lines);
    expect(verdict).toMatchObject({ answers: 240, duplicated: 0, silentlyUnsaved: 0 });
    // They really raced: both processes saved, and more than one process wrote turns.
    expect(new Set(lines.filter((l) => l.kind === 'commit').map((l) => l.pid)).size).toBe(2);
  }, 60_000);
});
