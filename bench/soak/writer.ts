import '../../lambda/local/quiet';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { buildSkill } from '../../lambda/skill';
import { DynamoStore } from '../../lambda/storage/dynamodb';
import { requireUserId } from '../../lambda/storage/document';
import { FileStore } from '../../lambda/storage/file';

/**
 * One device in a race: a process that talks to the skill in a loop, for one
 * user, through a real store, and prints one JSON line per answer. Run two of
 * these on one folder or one table, kill them, start them again: the lines
 * say what each answer claimed was saved, so the caller can hold the store to
 * "every revision committed at most once, every answer saved or saying so".
 *
 *   node writer.js '{"store":"file","dir":"...","user":"...","turns":200}'
 *   node writer.js '{"store":"dynamodb","endpoint":"http://...","table":"...","user":"...","turns":200}'
 */

export interface WriterOptions {
  readonly store: 'file' | 'dynamodb';
  readonly dir?: string;
  readonly endpoint?: string;
  readonly table?: string;
  readonly user: string;
  /** How many answers to ask for; the process then exits. */
  readonly turns: number;
}

/** What the writer prints: each answer, and each save the store confirmed (printed only once it returned). */
export type WriterLine =
  | {
      readonly kind: 'answer';
      readonly user: string;
      readonly pid: number;
      /** The revision the answer's session is at. */
      readonly revision: number;
      /** The state the answer came from. */
      readonly state: unknown;
      /** Whether this session has been told that progress can't be saved (this answer or before). */
      readonly told: boolean;
      /** How long the turn took, in ms. */
      readonly ms: number;
    }
  | { readonly kind: 'commit'; readonly user: string; readonly pid: number; readonly revision: number; readonly state: unknown };

/** What a set of writers' lines show about the store they shared. */
export interface Verdict {
  readonly answers: number;
  readonly commits: number;
  /** Revisions two saves both claimed: one of them silently overwrote the other. */
  readonly duplicated: number;
  /** Answers whose state no save confirmed, in a session never told. */
  readonly silentlyUnsaved: number;
}

export function judge(lines: readonly WriterLine[]): Verdict {
  const commits = lines.filter((l) => l.kind === 'commit');
  const byRevision = new Map<string, number>();
  for (const c of commits) byRevision.set(`${c.user}:${c.revision}`, (byRevision.get(`${c.user}:${c.revision}`) ?? 0) + 1);
  const confirmed = new Set(commits.map((c) => `${c.user}:${c.pid}:${c.revision}:${JSON.stringify(c.state)}`));
  const answers = lines.filter((l) => l.kind === 'answer');
  return {
    answers: answers.length,
    commits: commits.length,
    duplicated: [...byRevision.values()].filter((n) => n > 1).length,
    silentlyUnsaved: answers.filter((a) => !a.told && !confirmed.has(`${a.user}:${a.pid}:${a.revision}:${JSON.stringify(a.state)}`)).length,
  };
}

/** The store as the skill sees it, telling `sink` of each save it confirmed. */
export function recording(inner: PersistenceAdapter, sink: (line: WriterLine) => void, pid = process.pid): PersistenceAdapter {
  return {
    getAttributes: (envelope) => inner.getAttributes(envelope),
    saveAttributes: async (envelope, attributes) => {
      await inner.saveAttributes(envelope, attributes);
      sink({ kind: 'commit', user: requireUserId(envelope), pid, revision: Number(attributes.revision), state: attributes.state });
    },
  };
}

async function main(options: WriterOptions): Promise<void> {
  const inner: PersistenceAdapter =
    options.store === 'file'
      ? new FileStore(options.dir ?? '.data')
      : new DynamoStore({ table: options.table ?? '', endpoint: options.endpoint, region: 'us-east-1' });
  const print = (line: WriterLine) => process.stdout.write(`${JSON.stringify(line)}\n`);
  const store = recording(inner, print);
  const skill = buildSkill({ store, log: () => undefined });
  let attributes: Record<string, unknown> = {};
  let counter = 0;
  const request = (intent: string, newSession: boolean): RequestEnvelope =>
    ({
      version: '1.0',
      session: {
        new: newSession,
        sessionId: `soak-${process.pid}`,
        application: { applicationId: 'amzn1.ask.skill.soak' },
        attributes,
        user: { userId: options.user },
      },
      context: {
        System: {
          application: { applicationId: 'amzn1.ask.skill.soak' },
          user: { userId: options.user },
          device: { deviceId: 'soak', supportedInterfaces: {} },
        },
      },
      request: {
        type: 'IntentRequest',
        requestId: `soak-${process.pid}-${++counter}`,
        timestamp: new Date().toISOString(),
        locale: 'en-US',
        intent: { name: intent, confirmationStatus: 'NONE', slots: {} },
      },
    }) as unknown as RequestEnvelope;

  for (let turn = 0; turn < options.turns; turn++) {
    // A routine has the most steps to walk; now and then a new session picks up the saved place.
    const fresh = turn % 25 === 0;
    if (fresh) attributes = {};
    const intent = turn === 0 ? 'StartRoutineIntent' : fresh ? 'AMAZON.ResumeIntent' : turn % 3 === 2 ? 'AMAZON.PreviousIntent' : 'AMAZON.NextIntent';
    const started = performance.now();
    const response: ResponseEnvelope = await skill.invoke(request(intent, fresh));
    const ms = performance.now() - started;
    attributes = response.sessionAttributes ?? {};
    print({
      kind: 'answer',
      user: options.user,
      pid: process.pid,
      revision: Number(attributes.revision ?? 0),
      state: attributes.guide,
      told: attributes.storeTrouble === true,
      ms,
    });
  }
}

if (require.main === module) {
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  main(JSON.parse(process.argv[2] ?? '{}') as WriterOptions).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
