import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { VirtualAlexa } from 'virtual-alexa';
import { InteractionModel as AlexaModel } from 'virtual-alexa/lib/src/model/InteractionModel';
import { Utterance, type IModel, type IntentSlot } from 'virtual-core';
import { SamplePhrase, type SamplePhraseTest } from 'virtual-core/lib/src/SampleUtterances';
import { SlotMatch, SlotType } from 'virtual-core/lib/src/SlotTypes';
import { parseSpokenNumber } from '../handlers/slots';
import { voiceFor } from '../voice/i18n';
import { stopWordsFor, withoutFillers } from './fillers';
import { languageProfile, type LanguageProfile } from './language';
import { phrasesOf, type InteractionModel } from './model';
import { NearestSample } from './nearest';
import { PROJECT_ROOT } from './projectRoot';
import { digitsForNumberWords, numberWordsForDigits } from './spokenNumbers';

/**
 * A conversation with the skill the way a device holds one: typed text is
 * resolved against the real interaction model (virtual-alexa), sent to the
 * real handler, and the response comes back as plain words. Used by
 * `npm start` and by the transcript tests, so both hear the same skill.
 */

// virtual-core compiles every sample's pattern again for every utterance it
// tries (thousands of samples a model, generated from the grammars); the
// pattern depends only on the sample, so it is compiled once.
// eslint-disable-next-line @typescript-eslint/unbound-method -- the original, kept to be called with .call(this) on each sample
const compile = SamplePhrase.prototype.regex;
SamplePhrase.prototype.regex = function cachedRegex(this: SamplePhrase & { compiled?: RegExp }): RegExp {
  this.compiled ??= compile.call(this);
  return this.compiled;
};

// To read a slot, virtual-core compares the words heard with every value and synonym of its type,
// lower-casing both sides each time (hundreds of values, for each sample an utterance might fit).
// The values of a type never change once it is built, so each type is indexed once by its lower-cased
// words, each word listing what virtual-core would find for it, in its order: a value whose name is
// the word (its synonyms then not looked at), or else each of its synonyms that is.
type Found = readonly (readonly [SlotType['values'][number], string | undefined])[];
const valueIndexes = new WeakMap<SlotType, ReadonlyMap<string, Found>>();
SlotType.prototype.matchAll = function indexedMatchAll(this: SlotType, heard: string): SlotMatch[] {
  let index = valueIndexes.get(this);
  if (!index) {
    const built = new Map<string, (readonly [SlotType['values'][number], string | undefined])[]>();
    const add = (words: string, found: readonly [SlotType['values'][number], string | undefined]) => {
      const list = built.get(words);
      if (list) list.push(found);
      else built.set(words, [found]);
    };
    for (const value of this.values) {
      // virtual-core's type says every value has synonyms; a model file may leave them out.
      const words: { readonly value: string; readonly synonyms?: readonly string[] } = value.name;
      const name = words.value.toLowerCase();
      add(name, [value, undefined]);
      for (const synonym of words.synonyms ?? []) if (synonym.toLowerCase() !== name) add(synonym.toLowerCase(), [value, synonym]);
    }
    valueIndexes.set(this, (index = built));
  }
  const value = heard.trim();
  return (index.get(value.toLowerCase()) ?? []).map(([slotValue, synonym]) => new SlotMatch(true, value, slotValue, synonym));
};

// It also tests every sample against every utterance, thousands per utterance. A sample's pattern is
// its words with each slot as "(.*)", anchored at both ends and case-blind: the utterance must start
// with the words before the first slot, end with those after the last, and hold the words between
// slots in order. So the samples are indexed by the first letters of their leading words (per
// model), and a sample whose words the utterance lacks is turned away before
// virtual-core runs its pattern and reads its slots. The rest are tried in virtual-core's order,
// by virtual-core's own test, and the best chosen by its own rule: what matches is exactly what it
// decides. Words with characters whose case does not map one to one are left to the pattern.
/** Punctuation virtual-core drops from an utterance before matching (SamplePhraseTest). */
const DROPPED = /[!"¿?|#$%/()=+\-_<>*{}·¡[\].,;:]/g;

/** A sample's words around its slots, lower-cased; null where only the pattern compares them safely. */
interface Pieces {
  readonly head: string | null;
  readonly between: readonly (string | null)[];
  readonly tail: string | null;
  readonly slots: number;
}

interface SampleIndex {
  /** Every sample, in the order virtual-core tries them: intent by intent. */
  readonly samples: readonly SamplePhrase[];
  readonly pieces: readonly Pieces[];
  /** Samples that start with a slot, or with characters only their pattern compares safely. */
  readonly always: readonly number[];
  /** The other samples by the first letters of their leading words (at most KEY_LENGTH). */
  readonly byStart: ReadonlyMap<string, readonly number[]>;
}

/** Plain letters and spaces whose case maps one to one compare safely without the pattern. */
const plainWords = new Map<string, string | null>();
function plain(words: string): string | null {
  let known = plainWords.get(words);
  if (known === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points on purpose: each one's case mapping is checked
    const safe = /^[\p{L}\p{M} ']*$/u.test(words) && [...words].every((c) => c.toLowerCase().length === 1 && c.toUpperCase().length === 1);
    known = safe ? words.toLowerCase() : null;
    plainWords.set(words, known);
  }
  return known;
}

/** The words around a sample's slots, trimmed as virtual-core trims them when it builds the pattern. */
function piecesOf(sample: SamplePhrase): Pieces {
  const parts = sample.phrase.split(/\{[^}]*\}/);
  // Without a slot, the pattern is the phrase as written, spaces and all.
  if (parts.length === 1) return { head: plain(sample.phrase), between: [], tail: '', slots: 0 };
  return {
    head: plain(parts[0].trim()),
    between: parts.slice(1, -1).map((part) => plain(part.trim())),
    tail: plain(parts[parts.length - 1].trim()),
    slots: parts.length - 1,
  };
}

/** Whether the (cleaned, lower-cased) utterance holds the sample's words where its pattern needs them. */
function fits(pieces: Pieces, cleaned: string): boolean {
  const { head, between, tail, slots } = pieces;
  if (slots === 0) return head === null || cleaned === head;
  const start = head?.length ?? 0;
  const end = cleaned.length - (tail?.length ?? 0);
  if ((head !== null && !cleaned.startsWith(head)) || (tail !== null && !cleaned.endsWith(tail)) || end < start) return false;
  let at = start;
  for (const words of between) {
    if (words === null) continue;
    const found = cleaned.indexOf(words, at);
    if (found === -1 || found + words.length > end) return false;
    at = found + words.length;
  }
  return true;
}

/** Enough letters to split a model's samples into small groups; shorter leading words are keyed whole. */
const KEY_LENGTH = 3;
const indexes = new WeakMap<IModel, SampleIndex>();
function indexOf(model: IModel): SampleIndex {
  let index = indexes.get(model);
  if (!index) {
    const samples = model.intentSchema.intents().flatMap((intent) => model.sampleUtterances.samplesForIntent(intent.name));
    const pieces = samples.map(piecesOf);
    const always: number[] = [];
    const byStart = new Map<string, number[]>();
    pieces.forEach(({ head }, i) => {
      if (head === null || head === '') always.push(i);
      else {
        const key = head.slice(0, KEY_LENGTH);
        const bucket = byStart.get(key);
        if (bucket) bucket.push(i);
        else byStart.set(key, [i]);
      }
    });
    index = { samples, pieces, always, byStart };
    indexes.set(model, index);
  }
  return index;
}

/** The parts of virtual-core's Utterance its matcher sets (declared private there). */
interface Matching {
  interactionModel: IModel;
  phrase: string;
  matchedSample?: SamplePhrase;
  slots?: string[];
}
(Utterance.prototype as unknown as { matchIntent: (this: Matching) => void }).matchIntent = function matchIndexed(this: Matching): void {
  const { samples, pieces, always, byStart } = indexOf(this.interactionModel);
  const cleaned = this.phrase.replace(DROPPED, '').toLowerCase();
  const tried = [...always];
  for (let length = 1; length <= Math.min(KEY_LENGTH, cleaned.length); length++) tried.push(...(byStart.get(cleaned.slice(0, length)) ?? []));
  tried.sort((a, b) => a - b);
  // virtual-core's choice: the highest score, then more slot words on a tie; the first found otherwise.
  let top: SamplePhraseTest | undefined;
  for (const i of tried) {
    if (!fits(pieces[i], cleaned)) continue;
    const match = samples[i].matchesUtterance(this.phrase);
    if (!match.matches()) continue;
    if (!top || match.score() > top.score() || (top.score() === match.score() && match.scoreSlots() > top.scoreSlots())) top = match;
  }
  if (top) {
    this.matchedSample = top.samplePhrase;
    this.slots = top.slotValues();
  }
};

// A model file is read and parsed once, and virtual-alexa builds its form of it once: a test file
// holds dozens of conversations on one model, and every sample's compiled pattern (above) lives on
// that form, so they share it. virtual-alexa only reads the model once built. A file that changed
// on disk (its inode, size or modification time) is parsed again.
type ModelFile = InteractionModel & { interactionModel: { languageModel: { invocationName: string } } };
const parsedModels = new Map<string, { readonly version: string; readonly model: ModelFile }>();
function readModel(path: string): ModelFile {
  const { size, mtimeMs, ino } = statSync(path);
  const version = `${String(ino)}:${String(size)}:${String(mtimeMs)}`;
  const known = parsedModels.get(path);
  if (known?.version === version) return known.model;
  const model = JSON.parse(readFileSync(path, 'utf8')) as ModelFile;
  parsedModels.set(path, { version, model });
  return model;
}
const builtModels = new WeakMap<object, IModel>();
// eslint-disable-next-line @typescript-eslint/unbound-method -- the original, called as a plain function as virtual-alexa does
const build = AlexaModel.fromJSON;
AlexaModel.fromJSON = function sharedModel(json: unknown): IModel {
  if (typeof json !== 'object' || json === null) return build(json);
  let built = builtModels.get(json);
  if (!built) {
    built = build(json);
    builtModels.set(json, built);
  }
  return built;
};

export type SkillHandler = (event: RequestEnvelope) => Promise<ResponseEnvelope>;

/**
 * The parts of an outgoing envelope the filter reshapes. virtual-alexa hands
 * over the raw JSON envelope (typed `any`), whose request depends on its type.
 */
interface OutgoingEnvelope {
  context: { System: { device: { supportedInterfaces: Record<string, unknown> } }; Viewport?: unknown };
  request: Record<string, unknown>;
}

export interface TurnResult {
  /** The intent the text resolved to; 'LaunchRequest' for opening the skill. */
  readonly intent: string;
  /** False when nothing in the model matched and the text went to the fallback intent. */
  readonly matched: boolean;
  /** True when a forgiving conversation understood the text only past fillers or by the nearest sample. */
  readonly guessed: boolean;
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
  /**
   * Understand phrasings the model does not hold, as a device's language
   * understanding would: past filler words ("okay, next please"), then the
   * nearest sample. For the terminal only; tests and checks understand only
   * what the model says, so they measure the model and not this guess.
   */
  readonly forgiving?: boolean;
}

/** What a device makes of what was said, before anything is sent to the skill. */
export type Understood =
  | { readonly kind: 'launch' }
  | { readonly kind: 'intent'; readonly intent: string; readonly slots: Record<string, string>; readonly oneShot: boolean; readonly guessed: boolean }
  | { readonly kind: 'none'; readonly oneShot: boolean };

export class Conversation {
  readonly locale: string;
  private readonly alexa: VirtualAlexa;
  private readonly profile: LanguageProfile;
  private readonly launchForms: readonly RegExp[];
  private readonly oneShotForms: readonly RegExp[];
  /** Slot values and number words, longest first: where to put spaces in text written without them. */
  private readonly wordsToSpace: readonly string[];
  private readonly numberWords: Readonly<Record<string, number>>;
  /** Set only in a forgiving conversation, the one that guesses. */
  private readonly nearest: NearestSample | null;
  private readonly model: InteractionModel;
  private readonly invocationName: string;
  /** Set for one request: a touch on the screen instead of words. */
  private pendingTouch: string | null = null;

  constructor(options: ConversationOptions) {
    this.locale = options.locale ?? 'en-US';
    const modelPath = options.modelPath ?? join(PROJECT_ROOT, 'interaction-models', `${this.locale}.json`);
    const model = readModel(modelPath);
    this.profile = languageProfile(this.locale);
    this.model = model;
    const name = model.interactionModel.languageModel.invocationName.toLowerCase();
    this.invocationName = name;
    this.launchForms = this.profile.launch.map((template) => templateRegExp(template, name));
    this.oneShotForms = this.profile.oneShot.map((template) => templateRegExp(template, name));
    // Only a forgiving conversation guesses: the others never build the index.
    this.nearest = options.forgiving ? new NearestSample(model, stopWordsFor(this.locale), this.profile.spaced) : null;
    this.numberWords = voiceFor(this.locale).numbers;
    this.wordsToSpace = this.profile.spaced
      ? []
      : [...(model.interactionModel.languageModel.types ?? []).flatMap((type) => (type.values ?? []).flatMap(phrasesOf)), ...Object.keys(this.numberWords)]
          .map((word) => word.toLowerCase())
          .sort((a, b) => b.length - a.length);
    this.alexa = VirtualAlexa.Builder()
      .handler((event: RequestEnvelope, _context: unknown, callback: (e: unknown, r?: ResponseEnvelope) => void) => {
        options.handler(event).then((r) => callback(null, r), callback);
      })
      .interactionModel(model)
      .locale(this.locale)
      .create();
    if (options.userId) this.alexa.context().user().setID(options.userId);
    // Requests are shaped on their way out: a screen device, and touches sent as APL UserEvents.
    this.alexa.filter((request: OutgoingEnvelope) => {
      if (options.screen) {
        request.context.System.device.supportedInterfaces = {
          ...request.context.System.device.supportedInterfaces,
          'Alexa.Presentation.APL': { runtime: { maxVersion: '2023.3' } },
        };
        request.context.Viewport = { shape: 'RECTANGLE', mode: 'HUB', pixelWidth: 1280, pixelHeight: 800, dpi: 160 };
      }
      if (this.pendingTouch !== null) {
        const { requestId, timestamp, locale } = request.request;
        request.request = {
          type: 'Alexa.Presentation.APL.UserEvent',
          requestId,
          timestamp,
          locale,
          token: 'footMassageGuide',
          arguments: [this.pendingTouch],
          source: { type: 'TouchWrapper', handler: 'Press' },
        };
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
    const understood = this.understand(text);
    if (understood.kind === 'launch') return this.launch();
    if (understood.oneShot) this.alexa.context().endSession();
    if (understood.kind === 'none') return this.result('AMAZON.FallbackIntent', false, await this.alexa.request().intent('AMAZON.FallbackIntent').send());
    return this.result(understood.intent, true, await this.alexa.request().intent(understood.intent).slots(understood.slots).send(), understood.guessed);
  }

  /**
   * What a device would make of `text`, in this conversation's language,
   * without sending anything: opening the skill, an intent with its slots
   * (and whether that was a forgiving guess), or nothing the model knows. One-shot forms ("ask <invocation> for …") are
   * tried in the order the language lists them, connecting words first.
   */
  understand(text: string): Understood {
    const words = normalise(text, this.profile);
    if (this.launchForms.some((form) => form.test(words))) return { kind: 'launch' };
    const requests = this.oneShotForms.map((form) => form.exec(words)?.[1]?.trim()).filter((r): r is string => Boolean(r));
    for (const request of requests) {
      const match = this.resolve(request);
      if (match) return { kind: 'intent', ...match, oneShot: true };
    }
    if (requests.length > 0) return { kind: 'none', oneShot: true };
    const match = this.resolve(words);
    return match ? { kind: 'intent', ...match, oneShot: false } : { kind: 'none', oneShot: false };
  }

  /**
   * Things to say in this conversation's language, for a newcomer: how to open
   * the skill, then the first sample of the commonest intents, with a slot
   * filled from the model's own values.
   */
  examples(): { readonly open: string; readonly oneShot: string; readonly inSession: readonly string[] } {
    const lm = this.model.interactionModel.languageModel;
    const firstValue = new Map((lm.types ?? []).map((t) => [t.name, t.values?.[0]?.name.value ?? '']));
    const sampleOf = (intent: string): string | undefined => {
      const found = lm.intents.find((i) => i.name === intent);
      const sample = found?.samples?.[0];
      if (!found || sample === undefined) return undefined;
      const types = new Map((found.slots ?? []).map((slot) => [slot.name, slot.type]));
      return sample.replace(/\{(\w+)\}/g, (_, slot: string) => (types.get(slot) === 'AMAZON.NUMBER' ? '2' : (firstValue.get(types.get(slot) ?? '') ?? slot)));
    };
    const fill = (template: string, request = ''): string => template.replace('{name}', this.invocationName).replace('{request}', request).trim();
    const inSession = [
      'StartTechniqueIntent',
      'StartRoutineIntent',
      'AMAZON.NextIntent',
      'AMAZON.PreviousIntent',
      'AMAZON.RepeatIntent',
      'GoToStepIntent',
      'WhereAmIIntent',
      'SetPaceIntent',
      'OilsIntent',
      'AMAZON.HelpIntent',
      'AMAZON.PauseIntent',
      'AMAZON.StopIntent',
    ]
      .map(sampleOf)
      .filter((sample): sample is string => sample !== undefined);
    return {
      open: fill(this.profile.launch[0] ?? '{name}'),
      oneShot: fill(this.profile.oneShot[0] ?? '{name} {request}', sampleOf('AMAZON.ResumeIntent')),
      inSession,
    };
  }

  /** Sends an intent directly, bypassing the model's samples (for inputs no sample produces). */
  async intend(intent: string, slots?: Record<string, string>): Promise<TurnResult> {
    return this.result(
      intent,
      true,
      await this.alexa
        .request()
        .intent(intent)
        .slots(slots ?? {})
        .send(),
    );
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
    return await this.alexa.endSession();
  }

  /**
   * The intent and slots the model gives this text, matched exactly against
   * its samples. Alexa sends numbers as digits, so a number said in words is
   * tried as digits, and number slots are sent as digits; a number outside
   * a slot is tried as the word that was said ("my daughter is 4"); text written
   * without spaces gets them round slot values, as the samples are written
   * (virtual-alexa finds a slot only beside a space). A forgiving
   * conversation then looks past filler words and, last, to the nearest sample.
   */
  private resolve(words: string): { intent: string; slots: Record<string, string>; guessed: boolean } | null {
    const exact = this.match([words]);
    if (exact || this.nearest === null) return exact && { ...exact, guessed: false };
    const guess =
      this.match(withoutFillers(words, this.locale)) ??
      this.nearest.find(digitsForNumberWords(this.profile.spaced ? words : spaceOut(words, this.wordsToSpace), this.numberWords));
    return guess && { ...guess, guessed: true };
  }

  private match(forms: readonly string[]): { intent: string; slots: Record<string, string> } | null {
    const model = modelOf(this.alexa);
    const withSpaces = (list: readonly string[]) => (this.profile.spaced ? list : [...list, ...list.map((form) => spaceOut(form, this.wordsToSpace))]);
    const inWords = forms.flatMap((form) => numberWordsForDigits(form, this.numberWords));
    for (const candidate of [...withSpaces(forms).flatMap((form) => [form, digitsForNumberWords(form, this.numberWords)]), ...withSpaces(inWords)]) {
      const utterance = new Utterance(model, candidate);
      if (!utterance.matched()) continue;
      const intent = utterance.intent();
      const slots = utterance.toJSON() as Record<string, string>;
      // virtual-core leaves `slots` null on an intent without any, whatever its type says.
      const declared = model.intentSchema.intent(intent).slots as readonly IntentSlot[] | null;
      for (const slot of declared ?? []) {
        const value = slots[slot.name] as string | undefined;
        if (slot.type === 'AMAZON.NUMBER' && value !== undefined) {
          const n = parseSpokenNumber(value, this.numberWords);
          if (n !== null) slots[slot.name] = String(n);
        }
      }
      return { intent, slots };
    }
    return null;
  }

  private result(intent: string, matched: boolean, raw: unknown, guessed = false): TurnResult {
    const response = raw as ResponseEnvelope;
    // Whatever the handler sent comes back as it was: read it as possibly without a body.
    const body = (raw as Partial<ResponseEnvelope>).response;
    const ssml = ssmlOf(body?.outputSpeech);
    const repromptSsml = body?.reprompt ? ssmlOf(body.reprompt.outputSpeech) : null;
    return {
      intent,
      matched,
      guessed,
      speech: plainText(ssml),
      reprompt: repromptSsml === null ? null : plainText(repromptSsml),
      ended: body?.shouldEndSession === true,
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

/** Lower case, typographic apostrophes made plain, a leading wake word ("Alexa, …") and punctuation dropped. */
function normalise(text: string, profile: LanguageProfile): string {
  // NFKC: full-width digits and letters from a Japanese keyboard ("ステップ３") become plain ones.
  let words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[.,!?;:"¿¡、。！？，؟،「」‐–—-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const wake of profile.wakeWords) {
    if (words === wake) return '';
    if (words.startsWith(`${wake} `)) words = words.slice(wake.length + 1);
    else if (!profile.spaced && words.startsWith(wake)) words = words.slice(wake.length);
  }
  return profile.spaced ? words.trim() : words.replace(/ /g, '');
}

/** A launch or one-shot template as a pattern: "{name}" is the invocation name, "{request}" the rest. */
function templateRegExp(template: string, name: string): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = template
    .toLowerCase()
    .split(/(\{name\}|\{request\})/)
    .map((part) => (part === '{name}' ? escape(name) : part === '{request}' ? '(.+)' : escape(part)))
    .join('');
  return new RegExp(`^${pattern}$`, 'u');
}

/**
 * Text written without spaces ("かかとを始めて"), with spaces round the slot
 * values and number words in it ("かかと を始めて"), as the samples are written,
 * so virtual-alexa can find the slot. Longest words first; each place once.
 */
function spaceOut(text: string, words: readonly string[]): string {
  const parts: string[] = [];
  let plain = '';
  for (let i = 0; i < text.length; ) {
    const word = words.find((w) => w && text.startsWith(w, i)) ?? /^\d+/.exec(text.slice(i))?.[0];
    if (word) {
      parts.push(plain, word);
      plain = '';
      i += word.length;
    } else plain += text[i++];
  }
  parts.push(plain);
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
}
