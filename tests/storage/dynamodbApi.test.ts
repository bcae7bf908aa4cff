import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DynamoApi, DynamoApiError, endpointFor } from '../../lambda/storage/dynamodbApi';

// How the DynamoDB client behaves when DynamoDB is slow, busy or broken: a turn must get its
// answer (or its error) in time for Alexa, and a conditional write that lost must say so.

const env = { AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };

interface Fake {
  readonly endpoint: string;
  /** Requests received, by operation (X-Amz-Target's last part). */
  readonly requests: string[];
  /** TCP connections opened to it. */
  connections: number;
  close(): Promise<void>;
}

/** A stand-in for DynamoDB whose n-th answer (from 0) is `answer(n, res)`; leaving res alone never answers. */
async function fake(answer: (n: number, res: ServerResponse, req: IncomingMessage) => void): Promise<Fake> {
  const sockets = new Set<Socket>();
  const state: Fake = {
    endpoint: '',
    requests: [],
    connections: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.requests.push(String(req.headers['x-amz-target']).split('.').pop() ?? '');
      answer(state.requests.length - 1, res, req);
    });
  });
  server.on('connection', (socket: Socket) => {
    state.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'Content-Type': 'application/x-amz-json-1.0' }).end(JSON.stringify(body));
const error = (type: string) => ({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: `${type} happened` });

test('the public endpoint of a region, China included', () => {
  expect(endpointFor('eu-central-1')).toBe('https://dynamodb.eu-central-1.amazonaws.com');
  expect(endpointFor('cn-north-1')).toBe('https://dynamodb.cn-north-1.amazonaws.com.cn');
});

test('a lost conditional write is reported by name, at once, without a second try', async () => {
  const server = await fake((_n, res) => json(res, 400, error('ConditionalCheckFailedException')));
  try {
    const call = new DynamoApi({ region: 'us-east-1', endpoint: server.endpoint, env }).call('PutItem', {});
    await expect(call).rejects.toBeInstanceOf(DynamoApiError);
    await expect(call).rejects.toMatchObject({ name: 'ConditionalCheckFailedException', status: 400 });
    expect(server.requests).toEqual(['PutItem']);
  } finally {
    await server.close();
  }
});

test('a server error or throttling is tried once more, and the second answer counts', async () => {
  const server = await fake((n, res) =>
    n === 0
      ? json(res, 500, error('InternalServerError'))
      : n === 1
        ? json(res, 200, { Item: { id: { S: 'x' } } })
        : json(res, 400, error('ThrottlingException')),
  );
  try {
    const api = new DynamoApi({ region: 'us-east-1', endpoint: server.endpoint, env });
    await expect(api.call('GetItem', {})).resolves.toEqual({ Item: { id: { S: 'x' } } });
    expect(server.requests).toHaveLength(2);
    await expect(api.call('GetItem', {})).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(server.requests).toHaveLength(4);
  } finally {
    await server.close();
  }
});

test('a server that never answers fails the call after two attempts instead of hanging the turn', async () => {
  const server = await fake(() => undefined);
  try {
    const api = new DynamoApi({ region: 'us-east-1', endpoint: server.endpoint, env, requestTimeoutMs: 150 });
    await expect(api.call('GetItem', {})).rejects.toThrow(/did not answer within 150 ms/);
    expect(server.requests).toEqual(['GetItem', 'GetItem']);
  } finally {
    await server.close();
  }
});

test('a server that is gone fails the call with an error', async () => {
  const server = await fake((_n, res) => json(res, 200, {}));
  const { endpoint } = server;
  await server.close();
  await expect(new DynamoApi({ region: 'us-east-1', endpoint, env }).call('GetItem', {})).rejects.toThrow(/ECONNREFUSED/);
});

test('an answer that is not DynamoDB JSON is an error, not a result', async () => {
  const server = await fake((_n, res) => res.writeHead(502).end('<html>bad gateway</html>'));
  try {
    await expect(new DynamoApi({ region: 'us-east-1', endpoint: server.endpoint, env, attempts: 1 }).call('GetItem', {})).rejects.toMatchObject({
      name: 'HTTP502',
    });
  } finally {
    await server.close();
  }
});

test('calls share one kept-alive connection', async () => {
  const server = await fake((_n, res) => json(res, 200, {}));
  try {
    const api = new DynamoApi({ region: 'us-east-1', endpoint: server.endpoint, env });
    for (let i = 0; i < 5; i++) await api.call('GetItem', {});
    expect(server.requests).toHaveLength(5);
    expect(server.connections).toBe(1);
  } finally {
    await server.close();
  }
});
