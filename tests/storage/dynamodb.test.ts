import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoStore } from '../../lambda/storage/dynamodb';
import { RECOVERED, StaleRevisionError } from '../../lambda/storage/document';
import { launchRequest } from '../support/envelopes';
import { startDynamo, type LocalDynamo } from '../../lambda/local/dynalite';

// The DynamoDB store against dynalite: the real DynamoDB API on a real socket.

process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynamo();
});
afterAll(() => dynamo.stop());

const doc = (revision: number, step = 0) => ({ state: { v: 1, phase: { at: 'step', technique: 'easeSole', step }, turns: 2 }, savedAt: 5_000, revision });
const storeFor = (): DynamoStore => new DynamoStore({ table: dynamo.table, endpoint: dynamo.endpoint, region: 'us-east-1' });

test('get, save, get, delete', async () => {
  const store = storeFor();
  const request = launchRequest();
  expect(await store.getAttributes(request)).toEqual({});
  await store.saveAttributes(request, doc(1));
  expect(await store.getAttributes(request)).toEqual(doc(1));
  await store.saveAttributes(request, doc(2, 3));
  expect(await store.getAttributes(request)).toEqual(doc(2, 3));
  await store.deleteAttributes(request);
  expect(await store.getAttributes(request)).toEqual({});
});

test('a conditional write loses to a newer revision', async () => {
  const request = launchRequest();
  const phone = storeFor();
  const speaker = storeFor();
  await phone.saveAttributes(request, doc(1));
  await phone.saveAttributes(request, doc(2, 1));
  await expect(speaker.saveAttributes(request, doc(2, 2))).rejects.toBeInstanceOf(StaleRevisionError);
  await expect(speaker.saveAttributes(request, doc(1, 2))).rejects.toBeInstanceOf(StaleRevisionError);
  expect(await speaker.getAttributes(request)).toEqual(doc(2, 1));
});

test('a first write loses to another first write', async () => {
  const request = launchRequest();
  const results = await Promise.allSettled([storeFor().saveAttributes(request, doc(1, 0)), storeFor().saveAttributes(request, doc(1, 1))]);
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
});

test('an item whose document is unreadable counts as lost progress, keeping its revision', async () => {
  const request = launchRequest();
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1' });
  const userId = request.context.System.user.userId;
  await client.send(new PutItemCommand({ TableName: dynamo.table, Item: { id: { S: userId }, revision: { N: '7' }, document: { S: '{"broken' } } }));
  client.destroy();
  const store = storeFor();
  expect(await store.getAttributes(request)).toEqual({ [RECOVERED]: true, revision: 7 });
  await store.saveAttributes(request, doc(8));
  expect(await store.getAttributes(request)).toEqual(doc(8));
});

// A hang would run into jest's own time limit; the store must answer with an error instead.
test('a store that has gone away fails with an error, not a hang', async () => {
  const local = await startDynamo('gone-away');
  const store = new DynamoStore({ table: local.table, endpoint: local.endpoint, region: 'us-east-1' });
  await store.saveAttributes(launchRequest(), doc(1));
  await local.stop();
  await expect(store.getAttributes(launchRequest())).rejects.toThrow();
  await expect(store.saveAttributes(launchRequest(), doc(1))).rejects.not.toBeInstanceOf(StaleRevisionError);
});
