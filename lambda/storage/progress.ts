import type { HandlerInput } from 'ask-sdk-core';
import type { Message } from '../guide/messages';
import { startSession } from '../guide/session';
import { INITIAL_STATE, parseState, type GuideState } from '../guide/state';
import { isRecord } from '../json';
import { RECOVERED, isStaleRevision, revisionOf, userKey, type SavedDocument } from './document';
import { errorText, requestIdOf, userIdOf } from '../envelope';

/** All of the guide's state lives under this one session attribute… */
export const STATE_KEY = 'guide';
/** …beside the revision of the saved document it came from… */
const REVISION_KEY = 'revision';
/** …whether this session was already told that progress cannot be saved… */
const TROUBLE_KEY = 'storeTrouble';
/** …and when the user last asked for something (ms), which bounds how long a screen keeps the session open. */
export const QUIET_SINCE_KEY = 'quietSince';

/** How many times a turn reloads and tries again when another session saved first. */
export const SAVE_ATTEMPTS = 3;

export interface ProgressDeps {
  /** False when no store is configured: progress lives in the session only. */
  readonly persistent: boolean;
  readonly now: () => number;
  readonly log: (entry: Record<string, unknown>) => void;
}

export interface Loaded {
  readonly state: GuideState;
  readonly revision: number;
}

/**
 * One request's view of the user's progress: the session's state, or the
 * saved one at the start of a session; conditional saves by revision; and
 * what the user must hear about it (progress unreadable, not saved). The
 * store can be slow, broken or raced by another device: none of that throws.
 */
export class Progress {
  /** What to tell the user about their progress before the answer. */
  readonly notices: Message[] = [];
  private readonly session: Record<string, unknown>;
  /** Whether the request has a session to read state from and hand state back in. */
  readonly inSession: boolean;

  constructor(
    private readonly input: HandlerInput,
    private readonly deps: ProgressDeps,
  ) {
    // Session attributes come from the request: untrusted, not always an object, and absent from a
    // request that has no session (ask-sdk then throws rather than hand back nothing).
    this.inSession = isRecord(input.requestEnvelope.session);
    const attributes: unknown = this.inSession ? input.attributesManager.getSessionAttributes() : {};
    this.session = isRecord(attributes) ? { ...attributes } : {};
  }

  /** The session's state; at the start of a session, the saved progress. */
  async load(): Promise<Loaded> {
    const inSession = this.inSession && this.input.requestEnvelope.session?.new !== true && this.session[STATE_KEY] !== undefined;
    if (inSession) return { state: parseState(this.session[STATE_KEY]), revision: revisionOf(this.session) };
    const saved = await this.loadSaved();
    const savedAt = typeof saved.savedAt === 'number' && Number.isFinite(saved.savedAt) ? saved.savedAt : null;
    return { state: startSession(saved.state, savedAt, this.deps.now()), revision: saved.revision };
  }

  /** The newest saved progress. */
  async loadSaved(): Promise<Loaded & { savedAt?: unknown }> {
    if (!this.deps.persistent) return { state: INITIAL_STATE, revision: 0 };
    try {
      const document = await this.input.attributesManager.getPersistentAttributes(false);
      if (document[RECOVERED] === true) {
        // Said and logged once, though a raced turn may load the same lost progress again.
        if (!this.notices.some((n) => n.kind === 'progressLost')) {
          this.notices.push({ kind: 'progressLost' });
          this.deps.log({ level: 'warn', event: 'progress-unreadable', requestId: this.requestId(), user: this.user() });
        }
        return { state: INITIAL_STATE, revision: revisionOf(document) };
      }
      return { state: parseState(document.state), revision: revisionOf(document), savedAt: document.savedAt };
    } catch (error) {
      this.trouble(error);
      return { state: INITIAL_STATE, revision: 0 };
    }
  }

  /** The new revision, 'stale' when a newer one is already saved, or null when nothing was saved. */
  async save(state: GuideState, revision: number): Promise<number | 'stale' | null> {
    if (!this.deps.persistent) return null;
    const next = revision + 1;
    try {
      const document: SavedDocument = { state, savedAt: this.deps.now(), revision: next };
      this.input.attributesManager.setPersistentAttributes({ ...document });
      await this.input.attributesManager.savePersistentAttributes();
      return next;
    } catch (error) {
      if (isStaleRevision(error)) return 'stale';
      this.trouble(error);
      return null;
    }
  }

  /** Every attempt to save this turn lost a race with another session. */
  couldNotSave(): void {
    this.trouble(new Error(`a newer revision was saved first, ${SAVE_ATTEMPTS} times`));
  }

  /** What goes back in the session: only our own keys, whatever else the request carried. */
  sessionAfter(state: GuideState, revision: number): Record<string, unknown> {
    return {
      [STATE_KEY]: state,
      [REVISION_KEY]: revision,
      [QUIET_SINCE_KEY]: this.deps.now(),
      ...(this.session[TROUBLE_KEY] === true ? { [TROUBLE_KEY]: true } : {}),
    };
  }

  /** The store failed: tell the user once per session, log once, and carry on. */
  private trouble(error: unknown): void {
    if (this.session[TROUBLE_KEY] === true) return;
    this.session[TROUBLE_KEY] = true;
    this.notices.push({ kind: 'storeTrouble' });
    this.deps.log({ level: 'error', event: 'store-unavailable', requestId: this.requestId(), user: this.user(), error: errorText(error) });
  }

  private requestId(): string | null {
    return requestIdOf(this.input.requestEnvelope);
  }

  /** The user, for logs: only ever as a hash. */
  private user(): string | null {
    const id = userIdOf(this.input.requestEnvelope);
    return id === null ? null : userKey(id);
  }
}
