/** A real DynamoDB API (dynalite) on a loopback socket: for the tests and the storage benchmark, never for production. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { PARTITION_KEY } from '../storage/dynamodb';

/** A real DynamoDB API (dynalite) on a loopback socket, with the skill's table created. */
export interface LocalDynamo {
  readonly endpoint: string;
  readonly table: string;
  stop(): Promise<void>;
}

export async function startDynamo(table = 'foot-massage-progress'): Promise<LocalDynamo> {
  const server: Server = dynalite({ createTableMs: 0, deleteTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await client.send(
    new CreateTableCommand({
      TableName: table,
      KeySchema: [{ AttributeName: PARTITION_KEY, KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: PARTITION_KEY, AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  client.destroy();
  let stopped = false;
  return {
    endpoint,
    table,
    stop: () =>
      stopped
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            stopped = true;
            server.close(() => resolve());
            server.closeAllConnections();
          }),
  };
}
