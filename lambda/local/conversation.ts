import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { VirtualAlexa } from 'virtual-alexa';
import { Utterance, type IModel } from 'virtual-core';
import { parseSpokenNumber } from '../handlers/slots';
import { voiceFor } from '../voice/i18n';
import { stopWordsFor, withoutFillers } from './fillers';
import { NearestSample, type ModelJson } from './nearest';

/**
 * A conversation with the skill the way a device holds one: typed text is
 * resolved against the real interaction model (virtual-alexa), sent to the
 * real handler, and the response comes back as plain words. Used by
 * `npm start` and by the transcript tests, so both hear the same skill.
 */

export type SkillHandler = (event: RequestEnvelope) => Promise<ResponseEnvelope>;

export interface TurnResult {
  /** The intent the text resolved to; 'LaunchRequest' for opening the skill. */
  readonly intent: string;
  /** False when nothing in the model matched and the text went to the fallback intent. */
  readonly matched: boolean;
  readonly speech: string;
  readonly reprompt: string | null;
  readonly ended: boolean;
  readonly ssml: string;
  readonly response: ResponseEnvelope;
}

export interface ConversationOptions {
  readonly handler: SkillHandler;
  readonly locale?: string;
  /** Defaults to interaction-models/<locale>.json in this project. */
  readonly modelPath?: string;
  /** The Alexa user id every request carries; a stable one lets saved progress find its owner again. */
  readonly userId?: string;
  /** Pretend to be an Echo Show: requests say the device renders APL. */
  readonly screen?: boolean;
}

const PROJECT_ROOT = join(__dirname, '..', '..');

/** Words a device strips before it hands the rest of a one-shot request to the skill. */
const CONNECTING_WORDS = /^(?:to|for|about|and)\s+(.*)$/i;

export class Conversation {
  readonly locale: string;
  private readonly alexa: VirtualAlexa;
  private readonly invocationName: string;
  private readonly numberWords: Readonly<Record<string, number>>;
  private readonly nearest: NearestSample;
  /** Set for one request: a touch on the screen instead of words. */
  private pendingTouch: string | null = null;

  constructor(options: ConversationOptions) {
    this.locale = options.locale ?? 'en-US';
    const modelPath = options.modelPath ?? join(PROJECT_ROOT, 'interaction-models', `${this.locale}.json`);
    const model = JSON.parse(readFileSync(modelPath, 'utf8')) as ModelJson & { interactionModel: { languageModel: { invocationName: string } } };
    this.invocationName = model.interactionModel.languageModel.invocationName.toLowerCase();
    this.nearest = new NearestSample(model, stopWordsFor(this.locale));
    this.numberWords = voiceFor(this.locale).numbers;
    this.alexa = VirtualAlexa.Builder()
      .handler((event: RequestEnvelope, _context: unknown, callback: (e: unknown, r?: ResponseEnvelope) => void) => {
        options.handler(event).then((r) => callback(null, r), callback);
      })
      .interactionModelFile(modelPath)
      .locale(this.locale)
      .create();
    if (options.userId) this.alexa.context().user().setID(options.userId);
    // Requests are shaped on their way out: a screen device, and touches sent as APL UserEvents.
    // `any`: virtual-alexa hands over the raw JSON envelope, whose shape depends on the request type.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    this.alexa.filter((request: Record<string, any>) => {
      if (options.screen) {
        request.context.System.device.supportedInterfaces = {
          ...request.context.System.device.supportedInterfaces,
          'Alexa.Presentation.APL': { runtime: { maxVersion: '2023.3' } },
        };
        request.context.Viewport = { shape: 'RECTANGLE', mode: 'HUB', pixelWidth: 1280, pixelHeight: 800, dpi: 160 };
      }
      if (this.pendingTouch !== null) {
        const { requestId, timestamp, locale } = request.request;
        request.request = { type: 'Alexa.Presentation.APL.UserEvent', requestId, timestamp, locale, token: 'footMassageGuide', arguments: [this.pendingTouch], source: { type: 'TouchWrapper', handler: 'Press' } };
        this.pendingTouch = null;
      }
    });
  }

  get inSession(): boolean {
    return this.alexa.context().activeSession();
  }

  /** "open foot massage guide" */
  async launch(): Promise<TurnResult> {
    this.alexa.context().endSession();
    return this.result('LaunchRequest', true, await this.alexa.launch());
  }

  /**
   * Anything a person might say: "open <invocation>", "ask <invocation> to/for …"
   * (a one-shot request in a new session), or a reply inside the session.
   */
  async say(text: string): Promise<TurnResult> {
    const words = normalise(text);
    const invocation = this.parseInvocation(words);
    if (invocation === 'launch') return this.launch();
    if (invocation !== null) {
      this.alexa.context().endSession();
      const rest = CONNECTING_WORDS.exec(invocation);
      // Try the request without the connecting word first, as a device does.
      return rest && this.resolve(rest[1]) ? this.utter(rest[1]) : this.utter(invocation);
    }
    return this.utter(words);
  }

  /** Sends an intent directly, bypassing the model's samples (for inputs no sample produces). */
  async intend(intent: string, slots?: Record<string, string>): Promise<TurnResult> {
    return this.result(intent, true, await this.alexa.request().intent(intent).slots(slots ?? {}).send());
  }

  /** A touch on an on-screen button that sends `action` (what voice/display.ts puts on buttons). */
  async touch(action: string): Promise<TurnResult> {
    this.pendingTouch = action;
    // An intent request carries the session; the filter turns it into the UserEvent a screen sends.
    return this.result(`touch:${action}`, true, await this.alexa.request().intent('AMAZON.FallbackIntent').send());
  }

  /** Alexa closing the session on its own (the user walked away). */
  async endSession(): Promise<ResponseEnvelope | undefined> {
    if (!this.inSession) return undefined;
    return (await this.alexa.endSession()) as unknown as ResponseEnvelope;
  }

  private parseInvocation(words: string): string | 'launch' | null {
    const name = this.invocationName;
    if (words === name) return 'launch';
    for (const verb of ['open', 'launch', 'start', 'begin', 'talk to', 'play']) {
      if (words === `${verb} ${name}`) return 'launch';
    }
    for (const verb of ['ask', 'tell', 'use']) {
      const prefix = `${verb} ${name} `;
      if (words.startsWith(prefix)) return words.slice(prefix.length);
    }
    return null;
  }

  private async utter(words: string): Promise<TurnResult> {
    const match = this.resolve(words);
    if (!match) return this.result('AMAZON.FallbackIntent', false, await this.alexa.request().intent('AMAZON.FallbackIntent').send());
    return this.result(match.intent, true, await this.alexa.request().intent(match.intent).slots(match.slots).send());
  }

  /**
   * The intent and slots the model gives this text. Alexa sends numbers as
   * digits, so a number said in words is tried as digits when the words
   * alone match nothing, and number slots are sent as digits. Filler words
   * round the request ("okay, next please") are dropped last, as Alexa's
   * language understanding would look past them.
   */
  private resolve(words: string): { intent: string; slots: Record<string, string> } | null {
    const model = modelOf(this.alexa);
    const forms = [words, ...withoutFillers(words, this.locale)];
    for (const candidate of forms.flatMap((form) => [form, digitsForNumberWords(form, this.numberWords)])) {
      const utterance = new Utterance(model, candidate);
      if (!utterance.matched()) continue;
      const intent = utterance.intent() as string;
      const slots = utterance.toJSON() as Record<string, string>;
      for (const slot of model.intentSchema.intent(intent).slots ?? []) {
        const value = slots[slot.name];
        if (slot.type === 'AMAZON.NUMBER' && value !== undefined) {
          const n = parseSpokenNumber(value, this.numberWords);
          if (n !== null) slots[slot.name] = String(n);
        }
      }
      return { intent, slots };
    }
    // As a device would, understand a phrasing close to a sample.
    return this.nearest.find(digitsForNumberWords(words, this.numberWords));
  }

  private result(intent: string, matched: boolean, raw: unknown): TurnResult {
    const response = raw as ResponseEnvelope;
    const ssml = ssmlOf(response.response?.outputSpeech);
    const repromptSsml = response.response?.reprompt ? ssmlOf(response.response.reprompt.outputSpeech) : null;
    return {
      intent,
      matched,
      speech: plainText(ssml),
      reprompt: repromptSsml === null ? null : plainText(repromptSsml),
      ended: response.response?.shouldEndSession === true,
      ssml,
      response,
    };
  }
}

/** The model virtual-alexa parsed; its context exposes it at run time, but not in its types. */
function modelOf(alexa: VirtualAlexa): IModel {
  return (alexa.context() as unknown as { interactionModel(): IModel }).interactionModel();
}

function ssmlOf(speech: unknown): string {
  if (typeof speech !== 'object' || speech === null) return '';
  const s = speech as { ssml?: unknown; text?: unknown };
  return typeof s.ssml === 'string' ? s.ssml : typeof s.text === 'string' ? s.text : '';
}

/**
 * What a listener hears, for reading in a terminal: counted silences shown
 * as "(… 20 s …)" and sounds as "(chime)", everything else as plain text.
 */
export function readableText(ssml: string): string {
  const marked = ssml
    .replace(/(?:<break time="(\d+)s"\/>\s*)+/g, (run) => {
      const seconds = [...run.matchAll(/time="(\d+)s"/g)].reduce((sum, m) => sum + Number(m[1]), 0);
      return ` (… ${seconds} s …) `;
    })
    .replace(/<audio\b[^>]*>/g, ' (chime) ');
  return plainText(marked);
}

/** What a listener hears: SSML tags dropped, entities decoded, spaces tidied. */
export function plainText(ssml: string): string {
  return ssml
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,!?;:])/g, '$1')
    .trim();
}

/** Lower case, typographic apostrophes made plain, a leading "Alexa" and end punctuation dropped. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[.,!?;:"]/g, ' ')
    .replace(/^\s*alexa\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "go to step ninety nine" → "go to step 99", as Alexa's speech recognition would send it. */
function digitsForNumberWords(text: string, words: Readonly<Record<string, number>>): string {
  const tokens = text.split(' ');
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j < tokens.length && Object.prototype.hasOwnProperty.call(words, tokens[j])) j++;
    if (j > i) {
      out.push(String(parseSpokenNumber(tokens.slice(i, j).join(' '), words)));
      i = j;
    } else out.push(tokens[i++]);
  }
  return out.join(' ');
}
