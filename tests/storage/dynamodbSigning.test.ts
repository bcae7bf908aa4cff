import { createHash, createHmac, type BinaryLike } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';
import { DynamoApi } from '../../lambda/storage/dynamodbApi';

// dynalite never checks a signature, so it cannot prove ours: here the exact request our
// client puts on the wire is signed again by the AWS SDK's own signer, and the two must agree.

interface Captured {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let server: Server;
let endpoint: string;
const captured: Captured[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      captured.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.0' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData): BinaryLike =>
  typeof data === 'string' ? data : data instanceof ArrayBuffer ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** SHA-256 for the SDK's signer, as the SDK's own node Hash does it (node:crypto, HMAC when given a secret). */
class Sha256 {
  private readonly hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.hash.digest());
  }
}

const KEYS = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

/** The parts of an Authorization header: Credential, SignedHeaders, Signature. */
function parts(authorization: string | undefined): Record<string, string> {
  return Object.fromEntries(
    (authorization ?? '')
      .replace(/^AWS4-HMAC-SHA256 /, '')
      .split(', ')
      .map((p) => p.split('=', 2) as [string, string]),
  );
}

/** What the SDK's signer makes of the request as it arrived: same method, host, headers (less the signature), body and date. */
async function signedBySdk(request: Captured, env: Record<string, string>, region: string, body = request.body): Promise<string> {
  const signer = new SignatureV4({
    service: 'dynamodb',
    region,
    sha256: Sha256,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN },
    // The SDK also sends x-amz-content-sha256; DynamoDB does not ask for it and our client does not send it.
    applyChecksum: false,
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name !== 'authorization' && typeof value === 'string') headers[name] = value;
  }
  const date = request.headers['x-amz-date'] as string;
  const signingDate = new Date(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`);
  const host = new URL(endpoint);
  const signed = await signer.sign(
    { method: request.method, protocol: host.protocol, hostname: host.hostname, port: Number(host.port), path: request.path, query: {}, headers, body },
    { signingDate },
  );
  return signed.headers.authorization;
}

test.each([
  ['role credentials with a session token, as Lambda gives them', { ...KEYS, AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEXAMPLE//token+with/odd=chars' }, 'eu-west-1'],
  ['long-term keys without a token', KEYS, 'us-east-1'],
])('the request on the wire carries the signature the AWS SDK computes for it: %s', async (_name, env, region) => {
  captured.length = 0;
  const api = new DynamoApi({ region, endpoint, env });
  await api.call('PutItem', { TableName: 'progress', Item: { id: { S: 'ab12' }, document: { S: '{"note":"ünïcödé & <tags>"}' } } });
  const [request] = captured;
  expect(request.headers['x-amz-target']).toBe('DynamoDB_20120810.PutItem');
  expect(request.headers['content-type']).toBe('application/x-amz-json-1.0');

  const ours = parts(request.headers.authorization);
  const sdk = parts(await signedBySdk(request, env, region));
  expect(ours.Credential).toBe(`${env.AWS_ACCESS_KEY_ID}/${request.headers['x-amz-date']?.toString().slice(0, 8)}/${region}/dynamodb/aws4_request`);
  expect(ours.SignedHeaders).toBe(sdk.SignedHeaders);
  expect(ours.SignedHeaders.split(';')).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'x-amz-target', 'content-type']));
  if ('AWS_SESSION_TOKEN' in env) {
    expect(request.headers['x-amz-security-token']).toBe(env.AWS_SESSION_TOKEN);
    expect(ours.SignedHeaders.split(';')).toContain('x-amz-security-token');
  }
  expect(ours.Signature).toMatch(/^[0-9a-f]{64}$/);
  expect(ours.Signature).toBe(sdk.Signature);
});

test('the signature covers the body: the same request with another body signs differently', async () => {
  captured.length = 0;
  await new DynamoApi({ region: 'us-east-1', endpoint, env: KEYS }).call('GetItem', { TableName: 'progress', Key: { id: { S: 'ab12' } } });
  const [request] = captured;
  const tampered = request.body.replace('ab12', 'ab13');
  expect(parts(request.headers.authorization).Signature).not.toBe(parts(await signedBySdk(request, KEYS, 'us-east-1', tampered)).Signature);
});

test('without credentials in the environment nothing is sent, and the error says what is missing', async () => {
  captured.length = 0;
  await expect(new DynamoApi({ region: 'us-east-1', endpoint, env: {} }).call('GetItem', { TableName: 'progress' })).rejects.toThrow(/AWS_ACCESS_KEY_ID/);
  expect(captured).toHaveLength(0);
});
