import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { isRecord } from '../guide/state';
import { RECOVERED, StaleRevisionError, revisionOf, userIdOf, userKey } from './document';

export interface FileStoreOptions {
  /** Test seam: runs after the new document is on disk and before it replaces the old one. */
  readonly beforeRename?: () => Promise<void>;
  /** How long a lock may be held before another writer may break it (a writer that died). */
  readonly staleLockMs?: number;
}

/**
 * One JSON document per user in a folder: the default for `npm start` and
 * self-hosting. A write goes to a temporary file, is flushed to disk, and is
 * renamed over the old one, so a process killed mid-write leaves the previous
 * document whole. The revision check and the rename happen under a lock file,
 * so two writers cannot both win.
 */
export class FileStore implements PersistenceAdapter {
  private readonly staleLockMs: number;

  constructor(
    readonly dir: string,
    private readonly options: FileStoreOptions = {},
  ) {
    this.staleLockMs = options.staleLockMs ?? 10_000;
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const file = this.fileFor(envelope);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if (isMissing(error)) return {};
      throw error;
    }
    const document = parseObject(text);
    if (document) return document;
    // Unreadable: keep it for a person to look at, and let the user start afresh.
    await fs.rename(file, `${file}.corrupt-${Date.now()}`).catch(() => undefined);
    return { [RECOVERED]: true };
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const key = userKey(userIdOf(envelope));
    const file = join(this.dir, `${key}.json`);
    const expected = revisionOf(attributes) - 1;
    await fs.mkdir(this.dir, { recursive: true });
    await this.withLock(file, async () => {
      const stored = await this.storedRevision(file);
      if (stored !== expected) throw new StaleRevisionError(stored);
      // Unique enough with the pid and a random part; 'wx' below refuses a clash anyway.
      const temp = join(this.dir, `.${key}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
      try {
        const handle = await fs.open(temp, 'wx', 0o600);
        try {
          await handle.writeFile(JSON.stringify(attributes));
          await handle.sync();
        } finally {
          await handle.close();
        }
        await this.options.beforeRename?.();
        await fs.rename(temp, file);
      } catch (error) {
        await fs.unlink(temp).catch(() => undefined);
        throw error;
      }
      await syncDir(this.dir);
    });
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    await fs.unlink(this.fileFor(envelope)).catch((error: unknown) => {
      if (!isMissing(error)) throw error;
    });
  }

  private fileFor(envelope: RequestEnvelope): string {
    return join(this.dir, `${userKey(userIdOf(envelope))}.json`);
  }

  /** The revision on disk; an unreadable document counts as none, so the user can save again. */
  private async storedRevision(file: string): Promise<number> {
    try {
      return revisionOf(parseObject(await fs.readFile(file, 'utf8')));
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
  }

  private async withLock<T>(file: string, work: () => Promise<T>): Promise<T> {
    const lock = `${file}.lock`;
    const deadline = Date.now() + 5_000;
    for (;;) {
      try {
        await (await fs.open(lock, 'wx')).close();
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const age = await fs.stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
        if (age > this.staleLockMs) await fs.unlink(lock).catch(() => undefined);
        else if (Date.now() > deadline) throw new Error('the progress file stayed locked');
        else await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
      }
    }
    try {
      return await work();
    } finally {
      await fs.unlink(lock).catch(() => undefined);
    }
  }
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}

/** Makes the rename itself durable; some file systems cannot open a folder, which is fine. */
async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
