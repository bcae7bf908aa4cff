import { DynamoDBClient, GetItemCommand, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DynamoStore } from '../../lambda/storage/dynamodb';
import { RECOVERED, StaleRevisionError, userKey } from '../../lambda/storage/document';
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

/** What the table holds, read with the AWS SDK (a second opinion on what our client wrote). */
async function tableItems(): Promise<Record<string, unknown>[]> {
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1' });
  try {
    return (await client.send(new ScanCommand({ TableName: dynamo.table, ConsistentRead: true }))).Items ?? [];
  } finally {
    client.destroy();
  }
}

async function itemUnder(id: string): Promise<Record<string, unknown> | undefined> {
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1' });
  try {
    return (await client.send(new GetItemCommand({ TableName: dynamo.table, Key: { id: { S: id } }, ConsistentRead: true }))).Item;
  } finally {
    client.destroy();
  }
}

test('the table never holds the Alexa user id: items are keyed by its hash, as files and logs are', async () => {
  const userId = `amzn1.ask.account.PRIVATE-${Math.random()}`;
  const request = launchRequest({ userId });
  await storeFor().saveAttributes(request, doc(1));
  await storeFor().saveAttributes(request, doc(2, 1));
  expect(JSON.stringify(await tableItems())).not.toContain(userId);
  expect(await itemUnder(userKey(userId))).toMatchObject({ revision: { N: '2' } });
});

test('progress saved under the raw user id (before the hash) is picked up, then kept only under the hash', async () => {
  const userId = `amzn1.ask.account.BEFOREHASH-${Math.random()}`;
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1' });
  await client.send(
    new PutItemCommand({
      TableName: dynamo.table,
      Item: { id: { S: userId }, revision: { N: '4' }, savedAt: { N: '5000' }, document: { S: JSON.stringify(doc(4, 2)) } },
    }),
  );
  client.destroy();
  const request = launchRequest({ userId });
  expect(await storeFor().getAttributes(request)).toEqual(doc(4, 2));
  expect(await itemUnder(userId)).toBeUndefined();
  // The next turn's conditional write lines up with the moved item.
  await storeFor().saveAttributes(request, doc(5, 3));
  await expect(storeFor().saveAttributes(request, doc(5, 1))).rejects.toBeInstanceOf(StaleRevisionError);
  expect(await storeFor().getAttributes(request)).toEqual(doc(5, 3));
  expect(JSON.stringify(await tableItems())).not.toContain(userId);
});

test('deleting forgets the user under the hash and under the raw id', async () => {
  const userId = `amzn1.ask.account.FORGET-${Math.random()}`;
  const request = launchRequest({ userId });
  await storeFor().saveAttributes(request, doc(1));
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1' });
  await client.send(
    new PutItemCommand({ TableName: dynamo.table, Item: { id: { S: userId }, revision: { N: '9' }, document: { S: JSON.stringify(doc(9)) } } }),
  );
  client.destroy();
  await storeFor().deleteAttributes(request);
  expect(await itemUnder(userKey(userId))).toBeUndefined();
  expect(await itemUnder(userId)).toBeUndefined();
  expect(await storeFor().getAttributes(request)).toEqual({});
});

test('an item so damaged it has no revision is read as lost progress, and the next save replaces it', async () => {
  const userId = `amzn1.ask.account.NOREVISION-${Math.random()}`;
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1' });
  await client.send(new PutItemCommand({ TableName: dynamo.table, Item: { id: { S: userKey(userId) }, state: { S: 'written by something else' } } }));
  client.destroy();
  const request = launchRequest({ userId });
  expect(await storeFor().getAttributes(request)).toEqual({ [RECOVERED]: true, revision: 0 });
  await storeFor().saveAttributes(request, doc(1));
  expect(await storeFor().getAttributes(request)).toEqual(doc(1));
  await expect(storeFor().saveAttributes(request, doc(1, 3))).rejects.toBeInstanceOf(StaleRevisionError);
});
