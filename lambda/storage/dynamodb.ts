import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { isRecord } from '../json';
import { DynamoApi } from './dynamodbApi';
import { RECOVERED, StaleRevisionError, requireUserId, revisionOf, userKey } from './document';

/** The table's one key: a hash of the Alexa user id (userKey). The CloudFormation template declares the same. */
export const PARTITION_KEY = 'id';

export interface DynamoStoreOptions {
  readonly table: string;
  /** A local DynamoDB-compatible server (dynalite in the tests); AWS when unset. */
  readonly endpoint?: string;
  readonly region?: string;
  /** Where AWS credentials are read (process.env when unset). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** An item as DynamoDB's JSON API has it: attribute name → typed value ({ S }, { N }); any attribute may be missing. */
// Read from a table anyone with access can edit: any attribute may be missing.
type Item = Partial<Record<string, { S?: string; N?: string }>>;

/**
 * Progress in DynamoDB. Items are { id, revision, savedAt, document },
 * `document` being the saved JSON, and `id` a hash of the Alexa user id
 * (userKey): the table, like the files and the logs, never holds the id
 * itself. Writes are conditional on the revision, so an old session cannot
 * overwrite a newer one.
 *
 * Items saved before the hash (keyed by the raw user id) are read when the
 * hashed one is missing, copied under the hash and removed: one extra read
 * for a user's very first launch, nothing after.
 */
export class DynamoStore implements PersistenceAdapter {
  readonly table: string;
  private readonly api: DynamoApi;

  constructor(options: DynamoStoreOptions) {
    this.table = options.table;
    this.api = new DynamoApi({ region: options.region ?? process.env.AWS_REGION ?? 'us-east-1', endpoint: options.endpoint, env: options.env });
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const userId = requireUserId(envelope);
    const key = userKey(userId);
    let item = await this.get(key);
    if (!item) {
      item = await this.get(userId);
      if (item) await this.moveUnderHash(item, userId, key);
    }
    if (!item) return {};
    try {
      const document: unknown = JSON.parse(item.document?.S ?? '');
      if (isRecord(document)) return document;
    } catch {
      // fall through: an unreadable item is treated as lost progress
    }
    // Keep the stored revision so the next conditional write still lines up.
    return { [RECOVERED]: true, revision: Number(item.revision?.N ?? 0) || 0 };
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const revision = revisionOf(attributes);
    const expected = revision - 1;
    const savedAt = typeof attributes.savedAt === 'number' ? attributes.savedAt : Date.now();
    try {
      await this.api.call('PutItem', {
        TableName: this.table,
        Item: {
          [PARTITION_KEY]: { S: userKey(requireUserId(envelope)) },
          revision: { N: String(revision) },
          savedAt: { N: String(savedAt) },
          document: { S: JSON.stringify(attributes) },
        },
        ...(expected === 0
          ? {
              // Nothing saved yet, or an item so damaged it has no revision (it was read as lost progress):
              // either way there is no newer revision to protect.
              ConditionExpression: 'attribute_not_exists(#id) OR attribute_not_exists(#revision)',
              ExpressionAttributeNames: { '#id': PARTITION_KEY, '#revision': 'revision' },
            }
          : {
              ConditionExpression: '#revision = :expected',
              ExpressionAttributeNames: { '#revision': 'revision' },
              ExpressionAttributeValues: { ':expected': { N: String(expected) } },
            }),
      });
    } catch (error) {
      if (isConditionFailed(error)) throw new StaleRevisionError();
      throw error;
    }
  }

  /** Forgets the user: the hashed item and any item left under the raw id. */
  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    const userId = requireUserId(envelope);
    await this.api.call('DeleteItem', { TableName: this.table, Key: { [PARTITION_KEY]: { S: userKey(userId) } } });
    await this.api.call('DeleteItem', { TableName: this.table, Key: { [PARTITION_KEY]: { S: userId } } });
  }

  private async get(id: string): Promise<Item | undefined> {
    const { Item } = await this.api.call('GetItem', { TableName: this.table, Key: { [PARTITION_KEY]: { S: id } }, ConsistentRead: true });
    return isRecord(Item) ? (Item as Item) : undefined;
  }

  /**
   * An item saved under the raw user id, copied as it is under the hash and
   * then removed. Only created under the hash if nothing is there: when two
   * devices move it at once, one copy wins and the other leaves it alone; a
   * write from either then goes through the usual revision check.
   */
  private async moveUnderHash(item: Item, userId: string, key: string): Promise<void> {
    try {
      await this.api.call('PutItem', {
        TableName: this.table,
        Item: { ...item, [PARTITION_KEY]: { S: key } },
        ConditionExpression: 'attribute_not_exists(#id)',
        ExpressionAttributeNames: { '#id': PARTITION_KEY },
      });
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
    await this.api.call('DeleteItem', { TableName: this.table, Key: { [PARTITION_KEY]: { S: userId } } });
  }
}

function isConditionFailed(error: unknown): boolean {
  return (error as Error | null)?.name === 'ConditionalCheckFailedException';
}
