import { getSupportedInterfaces, type HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Command } from '../guide/commands';
import { isWaiting, type Message } from '../guide/messages';
import { reduce, type Reply } from '../guide/reduce';
import { startSession } from '../guide/session';
import { INITIAL_STATE, isRecord, parseState, type GuideState } from '../guide/state';
import { RECOVERED, isStaleRevision, revisionOf, userIdOf, userKey } from '../storage/document';
import { voiceFor, type Voice } from '../voice/i18n';
import { renderDisplay } from '../voice/display';
import { APL_TOKEN, aplDocument } from '../voice/screen';
import { renderSpeech } from '../voice/speech';

/** All of the guide's state lives under this one session attribute… */
export const STATE_KEY = 'guide';
/** …beside the revision of the saved document it came from… */
export const REVISION_KEY = 'revision';
/** …whether this session was already told that progress cannot be saved… */
const TROUBLE_KEY = 'storeTrouble';
/** …and when the user last asked for something (ms), which bounds how long a screen keeps the session open. */
export const QUIET_SINCE_KEY = 'quietSince';

export interface TurnDeps {
  /** False when no store is configured: progress lives in the session only. */
  readonly persistent: boolean;
  readonly now: () => number;
  readonly log: (entry: Record<string, unknown>) => void;
}

export function voiceOf(input: HandlerInput): Voice {
  const locale: unknown = input.requestEnvelope?.request?.locale;
  return voiceFor(typeof locale === 'string' ? locale : undefined);
}

/**
 * The one path every answered request takes:
 * state → reduce(command) → save → messages → words → response.
 * The store can be slow, broken or raced by another device; none of that
 * stops the user from getting an answer.
 */
export async function respond(input: HandlerInput, command: Command, deps: TurnDeps): Promise<Response> {
  const turn = new Turn(input, deps);
  let base = await turn.load();
  let reply = reduce(base.state, command);
  let saved = await turn.save(reply.state, base.revision);
  for (let attempt = 1; saved === 'stale' && attempt < SAVE_ATTEMPTS; attempt++) {
    // Another session saved newer progress: answer from that, never over it.
    base = await turn.loadSaved();
    reply = reduce(base.state, command);
    saved = await turn.save(reply.state, base.revision);
  }
  // Still raced after every attempt: the answer comes from the newest saved progress, and says
  // (once a session) that this turn could not be saved, never silently.
  if (saved === 'stale') turn.unsaved();
  return turn.answer(reply, typeof saved === 'number' ? saved : base.revision);
}

/** How many times a turn reloads and tries again when another session saved first. */
export const SAVE_ATTEMPTS = 3;

/** Only a device that says it renders APL gets a screen; every device gets the card. */
export function supportsApl(input: HandlerInput): boolean {
  try {
    return Boolean(getSupportedInterfaces(input.requestEnvelope)?.['Alexa.Presentation.APL']);
  } catch {
    return false;
  }
}

interface Loaded {
  readonly state: GuideState;
  readonly revision: number;
}

class Turn {
  private readonly notices: Message[] = [];
  private readonly session: Record<string, unknown>;

  constructor(
    private readonly input: HandlerInput,
    private readonly deps: TurnDeps,
  ) {
    // Session attributes come from the request: untrusted, and not always an object.
    const attributes: unknown = input.attributesManager.getSessionAttributes();
    this.session = isRecord(attributes) ? { ...attributes } : {};
  }

  /** The session's state; at the start of a session, the saved progress. */
  async load(): Promise<Loaded> {
    const inSession = this.input.requestEnvelope.session?.new !== true && this.session[STATE_KEY] !== undefined;
    if (inSession) return { state: parseState(this.session[STATE_KEY]), revision: revisionOf(this.session) };
    const saved = await this.loadSaved();
    const savedAt = typeof saved.savedAt === 'number' && Number.isFinite(saved.savedAt) ? saved.savedAt : null;
    return { state: startSession(saved.state, savedAt, this.deps.now()), revision: saved.revision };
  }

  async loadSaved(): Promise<Loaded & { savedAt?: unknown }> {
    if (!this.deps.persistent) return { state: INITIAL_STATE, revision: 0 };
    try {
      const document = await this.input.attributesManager.getPersistentAttributes(false);
      if (document[RECOVERED] === true) {
        this.notices.push({ kind: 'progressLost' });
        this.deps.log({ level: 'warn', event: 'progress-unreadable', requestId: this.requestId(), user: this.user() });
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
      this.input.attributesManager.setPersistentAttributes({ state, savedAt: this.deps.now(), revision: next });
      await this.input.attributesManager.savePersistentAttributes();
      return next;
    } catch (error) {
      if (isStaleRevision(error)) return 'stale';
      this.trouble(error);
      return null;
    }
  }

  answer(reply: Reply, revision: number): Response {
    const voice = voiceOf(this.input);
    const screen = supportsApl(this.input);
    const { speech, reprompt } = renderSpeech([...this.notices, ...reply.say], reply.ask, voice, reply.state.prefs.pace, { screen });
    const { card, data } = renderDisplay(reply, voice);
    // Only our own keys go back: whatever else the request carried is not echoed.
    this.input.attributesManager.setSessionAttributes({
      [STATE_KEY]: reply.state,
      [REVISION_KEY]: revision,
      [QUIET_SINCE_KEY]: this.deps.now(),
      ...(this.session[TROUBLE_KEY] === true ? { [TROUBLE_KEY]: true } : {}),
    });
    const builder = this.input.responseBuilder.speak(speech).withStandardCard(card.title, card.text);
    if (screen) {
      builder.addDirective({ type: 'Alexa.Presentation.APL.RenderDocument', token: APL_TOKEN, document: aplDocument(voice.locale), datasources: { guide: { type: 'object', properties: data } } });
    }
    if (screen && isWaiting(reply.ask)) {
      // A step on screen with nothing counted: shouldEndSession left unset keeps the session open
      // with the microphone closed, so "Alexa, next" reaches us; the screen's keep-alive extends it.
    } else if (reprompt !== null) builder.reprompt(reprompt);
    else builder.withShouldEndSession(true);
    return builder.getResponse();
  }

  /** Every attempt to save this turn lost a race with another session. */
  unsaved(): void {
    this.trouble(new Error(`a newer revision was saved first, ${SAVE_ATTEMPTS} times`));
  }

  /** The store failed: tell the user once per session, log once, and carry on. */
  private trouble(error: unknown): void {
    if (this.session[TROUBLE_KEY] === true) return;
    this.session[TROUBLE_KEY] = true;
    this.notices.push({ kind: 'storeTrouble' });
    this.deps.log({ level: 'error', event: 'store-unavailable', requestId: this.requestId(), user: this.user(), error: String((error as Error)?.message ?? error) });
  }

  private requestId(): string | null {
    const id: unknown = this.input.requestEnvelope?.request?.requestId;
    return typeof id === 'string' ? id : null;
  }

  private user(): string | null {
    try {
      return userKey(userIdOf(this.input.requestEnvelope));
    } catch {
      return null;
    }
  }
}
