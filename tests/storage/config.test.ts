import { chooseStore } from '../../lambda/storage/config';
import { DynamoStore } from '../../lambda/storage/dynamodb';
import { FileStore } from '../../lambda/storage/file';
import { MemoryStore } from '../../lambda/storage/memory';

// Which store a deployment gets, from its environment alone.

const LAMBDA = {
  AWS_LAMBDA_FUNCTION_NAME: 'foot-massage-guide',
  AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
  AWS_SESSION_TOKEN: 'token',
};
const KEYS = { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' };

test.each([
  ['locally, nothing set', {}, FileStore, null],
  ['locally, STORAGE=file with a folder', { STORAGE: 'file', STORAGE_DIR: '/tmp/somewhere' }, FileStore, null],
  ['locally, STORAGE=none', { STORAGE: 'none' }, null, null],
  [
    'locally, STORAGE=dynamodb with a table, an endpoint and keys',
    { STORAGE: 'dynamodb', DYNAMODB_TABLE: 't1', DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000', ...KEYS },
    DynamoStore,
    null,
  ],
  ['locally, STORAGE=dynamodb without credentials', { STORAGE: 'dynamodb', DYNAMODB_TABLE: 't1' }, DynamoStore, /needs AWS credentials in the environment/],
  ['locally, STORAGE=dynamodb without a table', { STORAGE: 'dynamodb' }, null, /needs DYNAMODB_TABLE/],
  ['in Lambda with DYNAMODB_TABLE', { ...LAMBDA, DYNAMODB_TABLE: 'progress' }, DynamoStore, null],
  ['in Lambda without DYNAMODB_TABLE', LAMBDA, null, /DYNAMODB_TABLE is not set: progress will last one session only/],
  ['in Lambda, STORAGE=none on purpose', { ...LAMBDA, STORAGE: 'none' }, null, null],
  ['locally, STORAGE=memory', { STORAGE: 'memory' }, MemoryStore, null],
  ['a misspelt STORAGE', { STORAGE: 'dynamo' }, null, /STORAGE=dynamo is not file, dynamodb, memory or none/],
] as const)('%s', (_label, env, kind, warning) => {
  const choice = chooseStore(env, '/project');
  if (kind === null) expect(choice.store).toBeNull();
  else expect(choice.store).toBeInstanceOf(kind);
  if (warning === null) expect(choice.warning).toBeNull();
  else expect(choice.warning).toMatch(warning);
});

test('the file store defaults to .data/ in the project', () => {
  expect((chooseStore({}, '/project').store as FileStore).dir).toBe('/project/.data');
  expect((chooseStore({ STORAGE_DIR: '/var/lib/fmg' }, '/project').store as FileStore).dir).toBe('/var/lib/fmg');
});
