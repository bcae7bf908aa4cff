import '../lambda/local/quiet';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { startDynamo } from '../lambda/local/dynalite';
import { DynamoStore } from '../lambda/storage/dynamodb';
import { FileStore } from '../lambda/storage/file';

/**
 * `npm run bench:storage`: what one turn's save (a conditional write) and a
 * session start's load cost, on the file store and on DynamoDB (dynalite on
 * loopback: the API and the conditional writes are real, the network is not).
 */

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 500);
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';

const envelope = (userId: string) => ({ context: { System: { user: { userId } } } }) as unknown as RequestEnvelope;
const document = (revision: number) => ({
  state: { v: 1, phase: { at: 'step', technique: 'relaxHeel', step: revision % 2 }, turns: revision },
  savedAt: Date.now(),
  revision,
});

async function measure(store: PersistenceAdapter): Promise<{ save: number[]; load: number[] }> {
  const request = envelope(`amzn1.ask.account.bench-${Math.random()}`);
  const save: number[] = [];
  const load: number[] = [];
  for (let revision = 1; revision <= ROUNDS; revision++) {
    let t = process.hrtime.bigint();
    await store.saveAttributes(request, document(revision));
    save.push(Number(process.hrtime.bigint() - t) / 1e6);
    t = process.hrtime.bigint();
    await store.getAttributes(request);
    load.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { save, load };
}

function quantile(values: number[], q: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2);
}

async function main(): Promise<void> {
  const dynamo = await startDynamo('bench');
  const stores: [string, PersistenceAdapter][] = [
    ['file store (tmp folder)', new FileStore(mkdtempSync(join(tmpdir(), 'fmg-bench-')))],
    ['DynamoDB (dynalite, loopback)', new DynamoStore({ table: dynamo.table, endpoint: dynamo.endpoint, region: 'us-east-1' })],
  ];
  console.log(`| store | save p50 ms | save p90 ms | save p99 ms | load p50 ms | load p99 ms |  (${ROUNDS} rounds)`);
  console.log('|---|---|---|---|---|---|');
  for (const [name, store] of stores) {
    const { save, load } = await measure(store);
    console.log(`| ${name} | ${quantile(save, 0.5)} | ${quantile(save, 0.9)} | ${quantile(save, 0.99)} | ${quantile(load, 0.5)} | ${quantile(load, 0.99)} |`);
  }
  await dynamo.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
