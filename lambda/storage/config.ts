import { join } from 'node:path';
import type { PersistenceAdapter } from 'ask-sdk-core';

/**
 * Which store keeps progress between sessions, from the environment:
 *
 *   STORAGE=file      one JSON file per user under STORAGE_DIR (default .data/ here)
 *   STORAGE=dynamodb  DYNAMODB_TABLE (and DYNAMODB_ENDPOINT for a local server)
 *   STORAGE=memory    progress lasts while the process runs (tests, trying things out)
 *   STORAGE=none      progress lasts one session
 *
 * Unset: in Lambda, DynamoDB when DYNAMODB_TABLE is set, else none; anywhere
 * else, the file store. A setup that cannot keep progress still answers, and
 * says why once, at cold start.
 */
export interface StoreChoice {
  readonly store: PersistenceAdapter | null;
  readonly description: string;
  readonly warning: string | null;
}

type Env = Readonly<Record<string, string | undefined>>;

export function chooseStore(env: Env, projectRoot: string): StoreChoice {
  const inLambda = Boolean(env.AWS_LAMBDA_FUNCTION_NAME);
  const kind = (env.STORAGE ?? (inLambda ? (env.DYNAMODB_TABLE ? 'dynamodb' : 'none') : 'file')).trim().toLowerCase();
  switch (kind) {
    case 'file': {
      const dir = env.STORAGE_DIR || join(projectRoot, '.data');
      // Each store is loaded only when chosen: a Lambda cold start never pays for the others.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { FileStore } = require('./file') as typeof import('./file');
      return { store: new FileStore(dir), description: `file store in ${dir}`, warning: null };
    }
    case 'dynamodb': {
      if (!env.DYNAMODB_TABLE) {
        return { store: null, description: 'no store', warning: 'STORAGE=dynamodb needs DYNAMODB_TABLE: progress will last one session only.' };
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { DynamoStore } = require('./dynamodb') as typeof import('./dynamodb');
      // The store signs with the credentials in the environment (Lambda puts its role's there); without
      // them every save fails, so say so at start rather than once per session.
      const unsigned = !env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY;
      return {
        store: new DynamoStore({ table: env.DYNAMODB_TABLE, endpoint: env.DYNAMODB_ENDPOINT || undefined, region: env.AWS_REGION, env }),
        description: `DynamoDB table ${env.DYNAMODB_TABLE}`,
        warning: unsigned
          ? 'STORAGE=dynamodb needs AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, and AWS_SESSION_TOKEN for a role): progress will not be saved.'
          : null,
      };
    }
    case 'memory': {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { MemoryStore } = require('./memory') as typeof import('./memory');
      return { store: new MemoryStore(), description: 'memory (progress lasts while the process runs)', warning: null };
    }
    case 'none':
      return {
        store: null,
        description: 'no store',
        warning: inLambda && !env.STORAGE ? 'DYNAMODB_TABLE is not set: progress will last one session only.' : null,
      };
    default:
      return { store: null, description: 'no store', warning: `STORAGE=${kind} is not file, dynamodb, memory or none: progress will last one session only.` };
  }
}
