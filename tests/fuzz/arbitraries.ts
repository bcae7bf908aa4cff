import fc from 'fast-check';
import model from '../../interaction-models/en-US.json';
import en from '../../lambda/locales/en/translation.json';
import { SUPPORTED_LOCALES } from '../../lambda/voice/locales';
import { TECHNIQUE_IDS } from '../../lambda/guide/catalog';
import { STATE_VERSION } from '../../lambda/guide/state';
import { phaseArb, validStateArb } from '../support/states';

/**
 * Arbitraries for the request fuzz suite: Alexa request envelopes, from the
 * ones a real device sends to ones no device would (missing or wrong-typed
 * fields at every level, tampered session attributes, slots of every shape).
 * Every envelope goes through JSON, the way Lambda and the HTTPS server
 * receive it, so what the handler sees is always something JSON.parse made.
 */

/** A JSON-shaped value: what JSON.parse can produce. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

// ---------------------------------------------------------------------------
// The interaction model: intents, slots and the values entity resolution knows.

interface ModelSlot {
  readonly name: string;
  readonly type: string;
}
interface ModelIntent {
  readonly name: string;
  readonly slots?: readonly ModelSlot[];
}
interface ModelType {
  readonly name: string;
  readonly values: readonly { readonly id?: string; readonly name: { readonly value: string; readonly synonyms?: readonly string[] } }[];
}
const languageModel = (model as unknown as { interactionModel: { languageModel: { intents: ModelIntent[]; types: ModelType[] } } }).interactionModel
  .languageModel;

export const MODEL_INTENTS: readonly string[] = languageModel.intents.map((i) => i.name);

const slotNamesOf = (intent: string): string[] => (languageModel.intents.find((i) => i.name === intent)?.slots ?? []).map((s) => s.name);

/** [id, words] for every value and synonym of a slot type, as entity resolution would report them. */
function synonymsOf(type: string): [string, string][] {
  const values = languageModel.types.find((t) => t.name === type)?.values ?? [];
  return values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])].map((heard): [string, string] => [v.id ?? v.name.value, heard]));
}
const TECHNIQUE_SYNONYMS = synonymsOf('TechniqueName');
const PACE_SYNONYMS = synonymsOf('PaceName');

export const USER_PREFIX = 'amzn1.ask.account.FUZZ';

// ---------------------------------------------------------------------------
// Text and values of every shape.

const HUGE = 10_000;

/**
 * Any code point but half a surrogate pair: the characters of fc.string({ unit: 'binary' }), drawn
 * from an integer. Creating fast-check's own 'binary' unit costs 1.3 CPU-seconds (it maps all 1.1
 * million code points back to indexes, to find which of its injected strings it could build); the
 * strings it injects ("__proto__", "constructor"...) are ASCII, and fc.string() below injects them.
 */
const codePointArb = fc.integer({ min: 0, max: 0x10ffff - 0x800 }).map((n) => String.fromCodePoint(n < 0xd800 ? n : n + 0x800));

/** Strings chosen to break things: markup, entities, interpolation, control characters, RTL, emoji, prototype keys. */
const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n',
  '<speak>',
  '</speak>',
  '<speak>the heel</speak>',
  '<break time="10000s"/>',
  '<audio src="https://example.com/a.mp3"/>',
  '<amazon:effect name="whispered">psst</amazon:effect>',
  '&',
  '&amp;',
  '&lt;speak&gt;',
  '&#x3c;',
  ']]>',
  '"\'\\',
  '{{name}}',
  '$t(msg.error)',
  '${process.env}',
  '%s%d%n',
  '\u0000',
  '\uD800',
  '\uFEFF',
  '\u202Ethe heel',
  'مساج القدم',
  'עיסוי כפות רגליים',
  '🦶💆‍♀️👣',
  'ｔｈｅ ｈｅｅｌ',
  'NaN',
  '42',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'a'.repeat(HUGE),
  '🦶'.repeat(HUGE / 2),
  '<speak>'.repeat(HUGE / 7),
  '&'.repeat(HUGE),
];

const textArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 4 },
  { arbitrary: fc.string(), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme' }), weight: 1 },
  { arbitrary: fc.string({ unit: codePointArb }), weight: 1 },
);

/** Anything JSON can carry: the "wrong type" for any field. */
const wrongArb: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: fc.constantFrom<Json>(null, 0, 1, -1, 2.5, 1e308, true, false, '', 'x', [], {}, [null], ['x'], { '': null }), weight: 4 },
  { arbitrary: textArb, weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>, weight: 2 },
);

// ---------------------------------------------------------------------------
// Slots.

const STATUS_CODES = ['ER_SUCCESS_MATCH', 'ER_SUCCESS_NO_MATCH', 'ER_ERROR_TIMEOUT', 'ER_ERROR_EXCEPTION'];
const statusArb: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: fc.constantFrom(...STATUS_CODES), weight: 4 },
  { arbitrary: fc.constantFrom<Json>('er_success_match', 'ER_SUCCESS_MATCH ', '', null, 0, ['ER_SUCCESS_MATCH']), weight: 1 },
  { arbitrary: wrongArb, weight: 1 },
);

const authority = (code: Json, values: Json): JsonObject => ({
  authority: 'amzn1.er-authority.echo-sdk.amzn1.ask.skill.test.Type',
  status: { code },
  values,
});
const resolved = (name: string, value: Json, authorities: Json): JsonObject => ({
  name,
  value,
  confirmationStatus: 'NONE',
  source: 'USER',
  resolutions: { resolutionsPerAuthority: authorities },
});

/** A slot of `name` whose entity-resolution ids are `ids` (valid ones from the catalog, or anything else). */
function slotArb(name: string, synonyms: readonly [string, string][], validIds: readonly string[], valueArb: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  const idArb: fc.Arbitrary<Json> = fc.oneof(
    fc.constantFrom<Json>(...validIds),
    fc.constantFrom<Json>('__proto__', 'constructor', 'toString', 'shoulderRub', '', ' warmUp', validIds[0].toUpperCase(), 0, null, [validIds[0]], {
      id: validIds[0],
    }),
    textArb,
  );
  const matchArb = fc.record({ name: valueArb, id: idArb }).map((value): Json => ({ value }));
  return fc.oneof(
    // What Alexa sends for a word it knows.
    {
      arbitrary: fc.constantFrom(...synonyms).map(([id, heard]) => resolved(name, heard, [authority('ER_SUCCESS_MATCH', [{ value: { name: heard, id } }])])),
      weight: 5,
    },
    // A match whose id the skill does not know, or the right id under the wrong status.
    {
      arbitrary: fc.tuple(valueArb, idArb, statusArb).map(([heard, id, code]) => resolved(name, heard, [authority(code, [{ value: { name: heard, id } }])])),
      weight: 3,
    },
    // Several authorities, several values each, some broken.
    {
      arbitrary: fc
        .tuple(
          valueArb,
          fc.array(
            fc.oneof(
              fc
                .tuple(statusArb, fc.oneof(fc.array(fc.oneof(matchArb, wrongArb), { maxLength: 4 }), wrongArb))
                .map(([code, values]) => authority(code, values)),
              wrongArb,
            ),
            { maxLength: 4 },
          ),
        )
        .map(([heard, authorities]) => resolved(name, heard, authorities)),
      weight: 2,
    },
    // Heard, but not resolved (no resolutions at all), or resolutions of the wrong shape.
    { arbitrary: valueArb.map((value): Json => ({ name, value, confirmationStatus: 'NONE' })), weight: 2 },
    { arbitrary: fc.tuple(valueArb, wrongArb).map(([value, resolutions]): Json => ({ name, value, resolutions })), weight: 1 },
    { arbitrary: fc.tuple(valueArb, wrongArb).map(([value, authorities]) => resolved(name, value, authorities)), weight: 1 },
    // Empty, and the slot itself the wrong type.
    { arbitrary: fc.constantFrom<Json>({ name }, { name, value: '' }, { name, value: null }, {}), weight: 1 },
    { arbitrary: wrongArb, weight: 1 },
  );
}

/** What a slot's `value` may hold: words, numbers, objects, arrays, null, huge and hostile text. */
const slotValueArb: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: textArb, weight: 4 },
  { arbitrary: fc.constantFrom(...TECHNIQUE_SYNONYMS.map(([, heard]) => heard)), weight: 2 },
  { arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), weight: 1 },
  { arbitrary: wrongArb, weight: 1 },
);

const techniqueSlotArb = slotArb('technique', TECHNIQUE_SYNONYMS, TECHNIQUE_IDS, slotValueArb);
const paceSlotArb = slotArb('pace', PACE_SYNONYMS, ['slower', 'faster', 'normal'], slotValueArb);

const NUMBER_WORDS = Object.keys((en as { numbers: Record<string, number> }).numbers);

/** AMAZON.NUMBER as digits, words, and everything that is not quite a step number. */
const stepNumberValueArb: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: fc.integer({ min: -2, max: 6 }).map(String), weight: 4 },
  { arbitrary: fc.integer().map(String), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      '0',
      '-1',
      '-0',
      '+2',
      ' 3 ',
      '03',
      '1e9',
      '1e999',
      'NaN',
      'Infinity',
      '-Infinity',
      '2.5',
      '0x2',
      '0b1',
      '2n',
      '½',
      '٢',
      '२',
      '二',
      '２',
      'deux',
      'zwei',
      'dos',
      'drei',
      'tres',
      'два',
      'two',
      'Two',
      'TWO',
      'twenty one',
      'twenty-one',
      'one hundred',
      'hundred hundred hundred hundred hundred hundred hundred',
      'ninety nine',
      'zero',
      'one two three',
      'a hundred',
      'one thousand',
      'second',
      'the third',
      'step two',
      '__proto__',
      'constructor',
      'toString',
    ),
    weight: 4,
  },
  { arbitrary: fc.stringMatching(/^-?[0-9]{16,80}$/), weight: 1 },
  { arbitrary: fc.constant('9'.repeat(HUGE)), weight: 1 },
  { arbitrary: fc.array(fc.constantFrom(...NUMBER_WORDS), { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')), weight: 2 },
  { arbitrary: slotValueArb, weight: 2 },
);
const stepNumberSlotArb: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: stepNumberValueArb.map((value): Json => ({ name: 'stepNumber', value, confirmationStatus: 'NONE' })), weight: 6 },
  { arbitrary: fc.constantFrom<Json>({ name: 'stepNumber' }, { name: 'stepNumber', value: '?' }), weight: 1 },
  { arbitrary: wrongArb, weight: 1 },
);

const SLOT_ARBS: Readonly<Record<string, fc.Arbitrary<Json>>> = { technique: techniqueSlotArb, stepNumber: stepNumberSlotArb, pace: paceSlotArb };

/** The slots of an intent: its own (usually there), others' (sometimes), stray ones, or slots of the wrong type. */
function slotsArb(intent: string): fc.Arbitrary<Json> {
  const own = slotNamesOf(intent);
  const record = fc
    .record(SLOT_ARBS, { requiredKeys: [] })
    .chain((others) =>
      fc
        .record(Object.fromEntries(own.map((name) => [name, SLOT_ARBS[name] ?? wrongArb])), { requiredKeys: [] })
        .map((mine): Json => ({ ...(others as JsonObject), ...(mine as JsonObject) })),
    );
  const withOwn = fc.record(Object.fromEntries(own.map((name) => [name, SLOT_ARBS[name] ?? wrongArb]))) as fc.Arbitrary<Json>;
  return fc.oneof(
    { arbitrary: withOwn, weight: own.length ? 6 : 1 },
    { arbitrary: record, weight: 2 },
    { arbitrary: fc.constant<Json>({}), weight: 1 },
    { arbitrary: fc.dictionary(textArb, wrongArb, { maxKeys: 3 }), weight: 1 },
    { arbitrary: wrongArb, weight: 1 },
  );
}

// ---------------------------------------------------------------------------
// Requests.

const UNKNOWN_INTENTS: readonly string[] = [
  'OrderPizzaIntent',
  'AMAZON.ScrollUpIntent',
  'AMAZON.SelectIntent',
  'AMAZON.ShuffleOffIntent',
  'amazon.nextintent',
  'AMAZON.NextIntent ',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

const UNKNOWN_REQUEST_TYPES: readonly string[] = [
  'Connections.Response',
  'CanFulfillIntentRequest',
  'AudioPlayer.PlaybackStarted',
  'PlaybackController.NextCommandIssued',
  'Display.ElementSelected',
  'Alexa.Presentation.APL.LoadIndexListData',
  'Alexa.Presentation.APL.RuntimeError',
  'Messaging.MessageReceived',
  'System.ExceptionEncountered',
  'Dialog.InputRequest',
  'launchrequest',
  'LaunchRequest ',
  'intentRequest',
  '__proto__',
  'constructor',
];

const TOUCH_ACTIONS: readonly string[] = [
  'next',
  'previous',
  'repeat',
  'pause',
  'routine',
  'home',
  ...TECHNIQUE_IDS.map((id) => `start:${id}`),
  'start:',
  'start:__proto__',
  'start:constructor',
  'start:shoulderRub',
  'Next',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
];

/** What kind of request the fuzzer built: the persistence property treats the nonsense ones specially. */
type RequestKind = 'launch' | 'intent' | 'unknownIntent' | 'sessionEnded' | 'touch' | 'unknownType' | 'noType';

interface RequestCase {
  readonly kind: RequestKind;
  readonly request: JsonObject;
}

const knownIntentArb: fc.Arbitrary<RequestCase> = fc.constantFrom(...MODEL_INTENTS).chain((name) =>
  fc
    .record(
      {
        dialogState: fc.constantFrom<Json>('STARTED', 'IN_PROGRESS', 'COMPLETED'),
        intent: fc.record(
          { name: fc.constant<Json>(name), confirmationStatus: fc.constantFrom<Json>('NONE', 'CONFIRMED', 'DENIED'), slots: slotsArb(name) },
          { requiredKeys: ['name'] },
        ),
      },
      { requiredKeys: ['intent'] },
    )
    .map((r): RequestCase => ({ kind: 'intent', request: { type: 'IntentRequest', ...(r as JsonObject) } })),
);

const unknownIntentArb: fc.Arbitrary<RequestCase> = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(...UNKNOWN_INTENTS),
      textArb.filter((s) => !MODEL_INTENTS.includes(s)),
    ),
    fc.oneof(slotsArb('AMAZON.FallbackIntent'), slotsArb('StartTechniqueIntent')),
  )
  .map(([name, slots]): RequestCase => ({ kind: 'unknownIntent', request: { type: 'IntentRequest', intent: { name, confirmationStatus: 'NONE', slots } } }));

/** An IntentRequest whose intent is missing or not an object, or whose name is not a string. */
const brokenIntentArb: fc.Arbitrary<RequestCase> = fc
  .oneof(
    wrongArb.map((intent): JsonObject => ({ type: 'IntentRequest', intent })),
    fc.constant<JsonObject>({ type: 'IntentRequest' }),
    wrongArb.filter((n) => typeof n !== 'string').map((name): JsonObject => ({ type: 'IntentRequest', intent: { name, slots: {} } })),
  )
  .map((request): RequestCase => ({ kind: 'unknownIntent', request }));

const touchArb: fc.Arbitrary<RequestCase> = fc
  .record(
    {
      token: fc.constantFrom<Json>('guide', 'other', ''),
      arguments: fc.oneof(
        { arbitrary: fc.tuple(fc.constantFrom(...TOUCH_ACTIONS), fc.array(wrongArb, { maxLength: 2 })).map(([a, rest]): Json => [a, ...rest]), weight: 4 },
        { arbitrary: fc.array(wrongArb, { maxLength: 4 }), weight: 1 },
        { arbitrary: wrongArb, weight: 1 },
      ),
      source: fc.constantFrom<Json>({ type: 'TouchWrapper', handler: 'Press', id: 'next' }, null, 'x'),
      components: fc.constantFrom<Json>({}, null),
    },
    { requiredKeys: [] },
  )
  .map((r): RequestCase => {
    const args: unknown = (r as JsonObject).arguments;
    const action: unknown = Array.isArray(args) ? args[0] : undefined;
    const known = typeof action === 'string' && TOUCH_ACTIONS.slice(0, 6 + TECHNIQUE_IDS.length).includes(action);
    return { kind: known ? 'touch' : 'unknownType', request: { type: 'Alexa.Presentation.APL.UserEvent', ...(r as JsonObject) } };
  });

const sessionEndedArb: fc.Arbitrary<RequestCase> = fc
  .record(
    {
      reason: fc.constantFrom<Json>('USER_INITIATED', 'ERROR', 'EXCEEDED_MAX_REPROMPTS', null, 7),
      error: fc.oneof(
        fc.record({ type: fc.constantFrom<Json>('INVALID_RESPONSE', 'INTERNAL_SERVICE_ERROR'), message: textArb }) as fc.Arbitrary<Json>,
        wrongArb,
      ),
    },
    { requiredKeys: [] },
  )
  .map((r): RequestCase => ({ kind: 'sessionEnded', request: { type: 'SessionEndedRequest', ...(r as JsonObject) } }));

const unknownTypeArb: fc.Arbitrary<RequestCase> = fc
  .tuple(
    fc.oneof(fc.constantFrom(...UNKNOWN_REQUEST_TYPES), textArb),
    fc.dictionary(fc.constantFrom('name', 'status', 'payload', 'token', 'intent'), wrongArb, { maxKeys: 3 }),
  )
  .filter(([type]) => !['LaunchRequest', 'IntentRequest', 'SessionEndedRequest', 'Alexa.Presentation.APL.UserEvent'].includes(type))
  .map(([type, rest]): RequestCase => ({ kind: 'unknownType', request: { ...(rest as JsonObject), type } }));

const noTypeArb: fc.Arbitrary<RequestCase> = fc
  .oneof(
    fc.constant<JsonObject>({}),
    fc.constant<JsonObject>({ type: '' }),
    wrongArb.filter((t) => typeof t !== 'string').map((type): JsonObject => ({ type })),
    fc.constant<JsonObject>({ intent: { name: 'AMAZON.NextIntent' } }),
  )
  .map((request): RequestCase => ({ kind: 'noType', request }));

const requestArb: fc.Arbitrary<RequestCase> = fc.oneof(
  { arbitrary: fc.constant<RequestCase>({ kind: 'launch', request: { type: 'LaunchRequest' } }), weight: 3 },
  { arbitrary: knownIntentArb, weight: 14 },
  { arbitrary: unknownIntentArb, weight: 2 },
  { arbitrary: brokenIntentArb, weight: 1 },
  { arbitrary: touchArb, weight: 3 },
  { arbitrary: sessionEndedArb, weight: 1 },
  { arbitrary: unknownTypeArb, weight: 2 },
  { arbitrary: noTypeArb, weight: 1 },
);

const localeArb: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: fc.constant('en-US'), weight: 6 },
  // Every locale we speak, and others of the same languages (de-AT) or of none (he-IL, sv-SE).
  { arbitrary: fc.constantFrom(...SUPPORTED_LOCALES, 'de-AT', 'fr-BE', 'es-AR', 'en-NZ', 'pt-PT', 'he-IL', 'sv-SE'), weight: 4 },
  {
    arbitrary: fc.constantFrom('xx-XX', 'EN-us', 'en_US', 'en', 'en-', 'english', '', ' en-US', 'en-US\n', '__proto__', 'constructor', 'toString', 'zzz-ZZ'),
    weight: 2,
  },
  { arbitrary: fc.stringMatching(/^[a-z]{2}-[A-Z]{2}$/), weight: 1 },
  { arbitrary: textArb, weight: 1 },
  { arbitrary: wrongArb, weight: 1 },
);

// ---------------------------------------------------------------------------
// Session attributes, honest and tampered.

const STATE_FIELDS = ['v', 'phase', 'prefs', 'nexts', 'safetyHeard', 'turns'] as const;
const PHASE_FIELDS = ['at', 'offer', 'technique', 'step', 'foot', 'routine'] as const;
const PREFS_FIELDS = ['timing', 'pace'] as const;

/** A valid state with one field (at any depth) replaced by a value of the wrong type, or removed. */
const wrongTypedStateArb: fc.Arbitrary<Json> = fc
  .tuple(
    validStateArb,
    fc.oneof(
      fc.constantFrom(...STATE_FIELDS).map((f) => [f]),
      fc.constantFrom(...PHASE_FIELDS).map((f) => ['phase', f]),
      fc.constantFrom(...PREFS_FIELDS).map((f) => ['prefs', f]),
    ),
    // 'DELETE' (a string, so a Json) removes the field.
    fc.oneof(wrongArb, fc.constantFrom<Json>('DELETE', -1, 1.5, 1e21, 'step', 'warmUp', 3, 99, 'slow', 'SLOW', '2', 1, 2, 0)),
  )
  .map(([state, path, value]) => {
    const copy = JSON.parse(JSON.stringify(state)) as JsonObject;
    setPath(copy, path, value === 'DELETE' ? DELETE : (JSON.parse(JSON.stringify(value)) as Json));
    return copy;
  });

/** v1: single techniques only (no foot, no prefs). */
const v1StateArb: fc.Arbitrary<Json> = fc.tuple(phaseArb, fc.nat(50)).map(([phase, turns]): Json => {
  const p = { ...phase } as Record<string, unknown>;
  delete p.foot;
  return { v: 1, phase: p as JsonObject, turns };
});

const BIG = 20_000;

/** Built once: big enough to cost something, small enough for thousands of runs. */
const HUGE_ATTRIBUTES: readonly Json[] = [
  { guide: new Array<Json>(BIG).fill({ v: STATE_VERSION }) },
  { guide: { v: STATE_VERSION, phase: { at: 'step', technique: 'toes', step: new Array<Json>(BIG).fill(1), foot: 1 }, turns: new Array<Json>(BIG).fill(7) } },
  {
    guide: {
      v: STATE_VERSION,
      phase: { at: 'menu', offer: 'warmUp' },
      prefs: { timing: true, pace: 'normal' },
      nexts: 0,
      safetyHeard: true,
      turns: 1,
      junk: new Array<Json>(BIG).fill('x'),
    },
  },
  { guide: { v: STATE_VERSION, phase: new Array<Json>(BIG).fill({ at: 'step' }) }, revision: new Array<Json>(BIG).fill(1) },
  new Array<Json>(BIG).fill(0),
  { padding: 'x'.repeat(100_000) },
];

/** Prototype-pollution attempts, parsed by JSON.parse so `__proto__` is an own key, as it would be in a request. */
const POLLUTION_JSON: readonly string[] = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"guide":{"__proto__":{"polluted":"yes","v":2,"phase":{"at":"step","technique":"toes","step":1,"foot":null}}}}',
  '{"guide":{"v":2,"phase":{"__proto__":{"at":"step","technique":"toes","step":1}},"prefs":{"__proto__":{"timing":false,"pace":"slow"}}}}',
  '{"guide":{"constructor":{"prototype":{"polluted":"yes"}},"v":2,"phase":{"at":"menu","offer":"toes"}}}',
  '{"constructor":{"prototype":{"polluted":"yes"}},"guide":{"v":1,"phase":{"at":"done","technique":"finish","routine":true}}}',
  '{"guide":{"v":2,"phase":{"at":"step","technique":"__proto__","step":0}},"revision":{"__proto__":{"valueOf":1}}}',
  '{"guide":{"v":2,"phase":{"at":"step","technique":"constructor","step":"__proto__"},"prefs":{"pace":"constructor","timing":"__proto__"}}}',
  '{"__proto__":null,"guide":null}',
  '{"guide":{"v":2,"phase":{"at":"__proto__"}},"storeTrouble":{"__proto__":true}}',
];

const revisionArb: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: fc.nat(1_000), weight: 4 },
  { arbitrary: fc.constantFrom<Json>(0, -1, 1.5, '3', null, true, 1e300, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2), weight: 1 },
  { arbitrary: wrongArb, weight: 1 },
);

const guideArb: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: validStateArb as unknown as fc.Arbitrary<Json>, weight: 6 },
  { arbitrary: v1StateArb, weight: 2 },
  { arbitrary: wrongTypedStateArb, weight: 4 },
  { arbitrary: fc.constantFrom<Json>({ v: 99, phase: { at: 'step', technique: 'relaxHeel', step: 1 } }, { v: '2' }, { v: 2 }, { v: 1 }, {}), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>, weight: 1 },
  { arbitrary: fc.anything({ maxDepth: 3 }) as fc.Arbitrary<Json>, weight: 1 },
);

const sessionAttributesArb: fc.Arbitrary<Json> = fc.oneof(
  {
    arbitrary: fc
      .record({ guide: guideArb, revision: revisionArb, storeTrouble: fc.constantFrom<Json>(true, false, 'yes') }, { requiredKeys: ['guide'] })
      .map((r) => r as Json),
    weight: 12,
  },
  { arbitrary: fc.constant<Json>({}), weight: 3 },
  { arbitrary: fc.anything({ maxDepth: 3 }) as fc.Arbitrary<Json>, weight: 1 },
  { arbitrary: fc.constantFrom(...HUGE_ATTRIBUTES), weight: 1 },
  { arbitrary: fc.constantFrom(...POLLUTION_JSON).map((text) => JSON.parse(text) as Json), weight: 2 },
);

// ---------------------------------------------------------------------------
// Envelopes.

export interface EnvelopeCase {
  readonly kind: RequestKind;
  /** What the handler is given (already through JSON). */
  readonly envelope: Json;
  /** The user id the envelope was built with (before any mutation). */
  readonly userId: string;
}

export interface EnvelopeOptions {
  /** Every envelope carries this user id (and mutations never touch it). */
  readonly userId?: string;
  /** Put this token where Alexa puts API access tokens. */
  readonly apiAccessToken?: string;
  /** Whether fields anywhere in the envelope may be removed or replaced with the wrong type. */
  readonly mutate?: boolean;
  /** With `userId` and `mutate`: the user id fields may be mutated too (all but one copy may go). */
  readonly mutateIdentity?: boolean;
}

/** Every field (at every level) a mutation may remove or replace. */
const MUTABLE_PATHS: readonly (readonly string[])[] = [
  [],
  ['version'],
  ['session'],
  ['session', 'new'],
  ['session', 'sessionId'],
  ['session', 'attributes'],
  ['session', 'attributes', 'guide'],
  ['session', 'attributes', 'revision'],
  ['session', 'application'],
  ['session', 'user'],
  ['session', 'user', 'userId'],
  ['context'],
  ['context', 'System'],
  ['context', 'System', 'application'],
  ['context', 'System', 'application', 'applicationId'],
  ['context', 'System', 'user'],
  ['context', 'System', 'user', 'userId'],
  ['context', 'System', 'device'],
  ['context', 'System', 'device', 'supportedInterfaces'],
  ['context', 'System', 'device', 'supportedInterfaces', 'Alexa.Presentation.APL'],
  ['context', 'System', 'apiAccessToken'],
  ['context', 'Viewport'],
  ['request'],
  ['request', 'type'],
  ['request', 'requestId'],
  ['request', 'timestamp'],
  ['request', 'locale'],
  ['request', 'intent'],
  ['request', 'intent', 'name'],
  ['request', 'intent', 'slots'],
  ['request', 'intent', 'slots', 'technique'],
  ['request', 'intent', 'slots', 'technique', 'value'],
  ['request', 'intent', 'slots', 'technique', 'resolutions'],
  ['request', 'intent', 'slots', 'stepNumber'],
  ['request', 'intent', 'slots', 'stepNumber', 'value'],
  ['request', 'intent', 'slots', 'pace'],
  ['request', 'arguments'],
];
/** Paths whose mutation would take away the user id (excluded when the case must keep its user). */
const IDENTITY_PATHS = new Set([
  '',
  'session',
  'session.user',
  'session.user.userId',
  'context',
  'context.System',
  'context.System.user',
  'context.System.user.userId',
]);

const DELETE = Symbol('delete');
type Mutation = { readonly path: readonly string[]; readonly value: Json | typeof DELETE };

const mutationArb = (keepIdentity: boolean): fc.Arbitrary<Mutation> =>
  fc.record({
    path: fc.constantFrom(...MUTABLE_PATHS.filter((p) => !(keepIdentity && IDENTITY_PATHS.has(p.join('.'))))),
    value: fc.oneof(fc.constant<typeof DELETE>(DELETE), wrongArb),
  });

/** Sets (or deletes) `path` in `root` where every parent on the way is an object; otherwise does nothing. */
function setPath(root: JsonObject, path: readonly string[], value: Json | typeof DELETE): void {
  let node: Json = root;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
    node = node[key];
  }
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
  const last = path[path.length - 1];
  if (value === DELETE) Reflect.deleteProperty(node, last);
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
}

const supportedInterfacesArb: fc.Arbitrary<Json> = fc.oneof(
  fc.constant<Json>({}),
  fc.constant<Json>({ 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.2' } } }),
  fc.constant<Json>({ 'Alexa.Presentation.APL': {}, AudioPlayer: {} }),
  fc.constant<Json>({ 'Alexa.Presentation.APL': null }),
);

const viewportArb: fc.Arbitrary<Json> = fc.oneof(
  fc.constant<Json>({ shape: 'RECTANGLE', pixelWidth: 1280, pixelHeight: 800, dpi: 160, currentPixelWidth: 1280, currentPixelHeight: 800 }),
  fc.constant<Json>({ shape: 'ROUND', pixelWidth: 480, pixelHeight: 480, dpi: 160 }),
  wrongArb,
);

const timestampArb: fc.Arbitrary<Json> = fc.oneof(
  fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms).toISOString()),
  fc.constantFrom<Json>('', 'yesterday', 0),
);

const userIdArb: fc.Arbitrary<string> = fc.integer({ min: 0, max: 7 }).map((n) => `${USER_PREFIX}-${n}`);

/** A fresh copy, as JSON.parse would make it. */
const viaJson = (value: Json): Json => JSON.parse(JSON.stringify(value)) as Json;

export function envelopeArb(options: EnvelopeOptions = {}): fc.Arbitrary<EnvelopeCase> {
  const keepIdentity = options.userId !== undefined && !options.mutateIdentity;
  return fc
    .record({
      req: requestArb,
      userId: options.userId !== undefined ? fc.constant(options.userId) : userIdArb,
      requestId: fc.uuid().map((u) => `amzn1.echo-api.request.${u}`),
      timestamp: timestampArb,
      locale: fc.option(localeArb, { nil: undefined, freq: 8 }),
      isNew: fc.oneof({ arbitrary: fc.boolean(), weight: 8 }, { arbitrary: wrongArb, weight: 1 }),
      attributes: fc.option(sessionAttributesArb, { nil: undefined, freq: 8 }),
      supportedInterfaces: supportedInterfacesArb,
      viewport: fc.option(viewportArb, { nil: undefined }),
      applicationId: fc.constantFrom('amzn1.ask.skill.test', 'amzn1.ask.skill.other'),
      mutations: options.mutate ? fc.array(mutationArb(keepIdentity), { minLength: 1, maxLength: 4 }) : fc.constant([] as Mutation[]),
    })
    .map(({ req, userId, requestId, timestamp, locale, isNew, attributes, supportedInterfaces, viewport, applicationId, mutations }): EnvelopeCase => {
      const request: JsonObject = { ...req.request, requestId, timestamp };
      if (locale !== undefined) request.locale = locale;
      const session: JsonObject = {
        new: isNew,
        sessionId: 'amzn1.echo-api.session.fuzz',
        application: { applicationId },
        user: { userId, ...(options.apiAccessToken ? { accessToken: options.apiAccessToken } : {}) },
      };
      if (attributes !== undefined) session.attributes = attributes;
      const system: JsonObject = {
        application: { applicationId },
        user: { userId, ...(options.apiAccessToken ? { accessToken: options.apiAccessToken } : {}) },
        device: { deviceId: 'amzn1.ask.device.fuzz', supportedInterfaces },
        apiEndpoint: 'https://api.amazonalexa.com',
      };
      if (options.apiAccessToken) system.apiAccessToken = options.apiAccessToken;
      const context: JsonObject = { System: system };
      if (viewport !== undefined) context.Viewport = viewport;
      // What Lambda hands over is always the result of JSON.parse. Cloning first also keeps
      // mutations off the values fast-check shares between runs (constants, shrinking).
      let envelope = viaJson({ version: '1.0', session, context, request });
      for (const { path, value } of mutations) {
        const replacement = value === DELETE ? DELETE : viaJson(value);
        if (path.length === 0) envelope = replacement === DELETE ? null : replacement;
        else if (typeof envelope === 'object' && envelope !== null && !Array.isArray(envelope)) setPath(envelope, path, replacement);
      }
      return { kind: req.kind, envelope, userId };
    });
}
