import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  type DynamoDBClientConfig,
} from '@aws-sdk/client-dynamodb';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { isRecord } from '../json';
import { RECOVERED, StaleRevisionError, revisionOf, requireUserId } from './document';

/** The table's one key: the Alexa user id. The CloudFormation template declares the same. */
export const PARTITION_KEY = 'id';

export interface DynamoStoreOptions {
  readonly table: string;
  /** A local DynamoDB-compatible server (dynalite in the tests); AWS when unset. */
  readonly endpoint?: string;
  readonly region?: string;
  readonly client?: DynamoDBClient;
}

/**
 * Progress in DynamoDB, written with the v3 SDK (which the Lambda runtime
 * provides). Items are { id, revision, savedAt, document }, `document` being
 * the saved JSON. Writes are conditional on the revision, so an old session
 * cannot overwrite a newer one.
 */
export class DynamoStore implements PersistenceAdapter {
  readonly table: string;
  private readonly client: DynamoDBClient;

  constructor(options: DynamoStoreOptions) {
    this.table = options.table;
    const config: DynamoDBClientConfig = {
      endpoint: options.endpoint,
      region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
      // Alexa waits 8 s for the whole answer: fail fast and answer without saving.
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000 },
    };
    this.client = options.client ?? new DynamoDBClient(config);
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.table, Key: { [PARTITION_KEY]: { S: requireUserId(envelope) } }, ConsistentRead: true }),
    );
    if (!Item) return {};
    try {
      const document: unknown = JSON.parse(Item.document?.S ?? '');
      if (isRecord(document)) return document;
    } catch {
      // fall through: an unreadable item is treated as lost progress
    }
    // Keep the stored revision so the next conditional write still lines up.
    return { [RECOVERED]: true, revision: Number(Item.revision?.N ?? 0) || 0 };
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const revision = revisionOf(attributes);
    const expected = revision - 1;
    const savedAt = typeof attributes.savedAt === 'number' ? attributes.savedAt : Date.now();
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: {
            [PARTITION_KEY]: { S: requireUserId(envelope) },
            revision: { N: String(revision) },
            savedAt: { N: String(savedAt) },
            document: { S: JSON.stringify(attributes) },
          },
          ConditionExpression: expected === 0 ? 'attribute_not_exists(#id)' : '#revision = :expected',
          ExpressionAttributeNames: expected === 0 ? { '#id': PARTITION_KEY } : { '#revision': 'revision' },
          ExpressionAttributeValues: expected === 0 ? undefined : { ':expected': { N: String(expected) } },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException || (error as Error)?.name === 'ConditionalCheckFailedException') {
        throw new StaleRevisionError();
      }
      throw error;
    }
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    await this.client.send(new DeleteItemCommand({ TableName: this.table, Key: { [PARTITION_KEY]: { S: requireUserId(envelope) } } }));
  }
}
