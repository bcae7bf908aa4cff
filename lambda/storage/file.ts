import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { isRecord } from '../json';
import { RECOVERED, StaleRevisionError, revisionOf, requireUserId, userKey } from './document';

export interface FileStoreOptions {
  /** Test seam: runs after the new revision is on disk and before it is published. */
  readonly beforePublish?: () => Promise<void>;
  /** The clock, for pruning and the write deadline (tests move it). */
  readonly now?: () => number;
}

/**
 * One folder per user, one file per revision: `<dir>/<user hash>/<revision>.json`.
 * The default for `npm start` and self-hosting.
 *
 * No locks. A writer builds the whole document in a temporary file, flushes
 * it, and publishes it with link(2) under its revision's name: link fails if
 * the name exists, so of writers racing for one revision exactly one wins,
 * and a reader only ever sees whole documents. A writer killed at any moment
 * leaves at worst a temporary file, swept by the next process; there is
 * nothing to break and nothing to wait for.
 *
 * Revision N is written only when the newest on disk is N-1, and old revisions
 * are pruned only once they are much older than any writer may take between
 * that check and its link (WRITE_DEADLINE_MS < PRUNE_AFTER_MS): so a slow
 * writer can never re-create a pruned revision and commit it twice.
 */
export class FileStore implements PersistenceAdapter {
  private readonly now: () => number;
  private swept: Promise<void> | null = null;

  constructor(
    readonly dir: string,
    private readonly options: FileStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const key = userKey(requireUserId(envelope));
    // The newest revision can be pruned between listing and reading only if a newer one
    // appeared meanwhile: list again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const revisions = await this.revisions(key);
      if (revisions.length === 0) return this.readLegacy(key);
      const newest = Math.max(...revisions);
      const file = join(this.userDir(key), `${newest}.json`);
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (error) {
        if (isMissing(error)) continue;
        throw error;
      }
      const document = parseObject(text);
      if (document && revisionOf(document) === newest) return document;
      // Unreadable (edited by hand, a broken disk): keep a copy for a person to look at, and let
      // the user start afresh from the next revision so every writer still lines up.
      await fs.link(file, `${file}.corrupt-${this.now()}`).catch(() => undefined);
      return { [RECOVERED]: true, revision: newest };
    }
    throw new Error('the progress folder kept changing while it was read');
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const started = this.now();
    const key = userKey(requireUserId(envelope));
    const revision = revisionOf(attributes);
    const onDisk = await this.revisions(key);
    // With no revision files yet, the newest is in the older one-file layout, if there.
    const stored = onDisk.length > 0 ? Math.max(...onDisk) : revisionOf(await this.readLegacy(key));
    if (revision === 0 || stored !== revision - 1) throw new StaleRevisionError(stored);

    await this.sweep();
    const dir = this.userDir(key);
    await fs.mkdir(dir, { recursive: true });
    const temp = join(this.dir, TEMP_DIR, `${HOST}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
    try {
      const handle = await fs.open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(attributes));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.options.beforePublish?.();
      // Past the deadline, the revision we checked may have been written and pruned since.
      if (this.now() - started > WRITE_DEADLINE_MS) throw new Error('the progress write took too long to publish');
      try {
        await fs.link(temp, join(dir, `${revision}.json`));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new StaleRevisionError(revision);
        throw error;
      }
    } finally {
      await fs.unlink(temp).catch(() => undefined);
    }
    await syncDir(dir);
    // Everything listed before the check is older than what was just written.
    if (onDisk.length === 0) await fs.rm(join(this.dir, `${key}.json`), { force: true });
    await this.prune(key, onDisk);
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    const key = userKey(requireUserId(envelope));
    await fs.rm(this.userDir(key), { recursive: true, force: true });
    await fs.rm(join(this.dir, `${key}.json`), { force: true });
  }

  private userDir(key: string): string {
    return join(this.dir, key);
  }

  private async revisions(key: string): Promise<number[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.userDir(key));
    } catch (error) {
      if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
      throw error;
    }
    return names.flatMap((name) => {
      const match = /^(\d{1,15})\.json$/.exec(name);
      return match ? [Number(match[1])] : [];
    });
  }

  /**
   * Progress saved before revisions had files of their own (`<dir>/<user hash>.json`): read
   * until the first new revision is written, then removed.
   */
  private async readLegacy(key: string): Promise<Record<string, unknown>> {
    const file = join(this.dir, `${key}.json`);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if (isMissing(error)) return {};
      throw error;
    }
    const document = parseObject(text);
    if (document) return document;
    await fs.rename(file, `${file}.corrupt-${this.now()}`).catch(() => undefined);
    return { [RECOVERED]: true };
  }

  /** Drops revisions older than the one just written once no writer can still be racing for them. */
  private async prune(key: string, older: readonly number[]): Promise<void> {
    const dir = this.userDir(key);
    // Oldest first: revisions are written in order, so the first one young enough to keep ends the work.
    for (const revision of [...older].sort((a, b) => a - b)) {
      const file = join(dir, `${revision}.json`);
      const stat = await fs.stat(file).catch(() => null);
      if (stat && this.now() - stat.mtimeMs <= PRUNE_AFTER_MS) break;
      await fs.rm(file, { force: true });
    }
  }

  /**
   * Once per process: removes what writers killed mid-write left behind. A temporary file is
   * left alone while the process that made it may still be writing it.
   */
  private sweep(): Promise<void> {
    this.swept ??= (async () => {
      const temps = join(this.dir, TEMP_DIR);
      await fs.mkdir(temps, { recursive: true });
      for (const name of await fs.readdir(temps)) {
        const [host, pid] = name.split('.');
        const file = join(temps, name);
        const mine = host === HOST && Number(pid) === process.pid;
        const orphan = host === HOST && !mine && !alive(Number(pid));
        const stat = orphan ? null : await fs.stat(file).catch(() => null);
        if (orphan || (stat && this.now() - stat.mtimeMs > PRUNE_AFTER_MS)) await fs.rm(file, { force: true });
      }
      // The lock files of the older layout, which nothing takes any more.
      for (const name of await fs.readdir(this.dir)) if (name.endsWith('.json.lock')) await fs.rm(join(this.dir, name), { force: true });
    })();
    return this.swept;
  }
}

/** Temporary files live together, so one folder is swept rather than every user's. */
const TEMP_DIR = '.tmp';
/** This machine's name in temporary file names: pids are only compared on the machine that made them. */
const HOST = hostname().replace(/[^A-Za-z0-9-]/g, '-');
/** A writer that took longer than this between its revision check and its link gives up. */
const WRITE_DEADLINE_MS = 30_000;
/** Old revisions (and temporary files) are kept this long: well past any writer's deadline. */
const PRUNE_AFTER_MS = 120_000;

function alive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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
  return isRecord(error) && error.code === 'ENOENT';
}

/** Makes the link itself durable; some file systems cannot open a folder, which is fine. */
async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
