import { CONCERNS } from '../../guide/commands';
import { TECHNIQUES } from '../../guide/catalog';
import { HANDLED_INTENTS } from '../../handlers/intents';
import { PACE_CHANGES } from '../../handlers/slots';
import type { LanguageProfile } from '../language';
import { isRecord } from '../../json';
import { type Problem } from './problem';
import { phraseKey } from '../grammar/generate';
import { phrasesOf, type LanguageModel } from '../model';

/**
 * One interaction model against the skill: the intents it handles (no more,
 * no fewer), the slots en-US declares, slot values by catalog id, samples
 * that are unique and speakable, and an invocation name Alexa accepts.
 */

/** What each slot type's values must be, by entity-resolution id. */
const SLOT_VALUE_IDS: Readonly<Record<string, readonly string[]>> = {
  TechniqueName: TECHNIQUES.map((t) => t.id),
  PaceName: PACE_CHANGES,
  // "the second step": ids are the step numbers, words are each language's ordinals.
  StepOrdinal: [...Array.from({ length: 10 }, (_, i) => String(i + 1)), 'last'],
  FootScope: ['both'],
  SafetyConcern: CONCERNS,
};
const REQUIRED_INTENTS = ['AMAZON.HelpIntent', 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.FallbackIntent', 'AMAZON.NavigateHomeIntent'];
/** Never part of an invocation name, in any language. */
const ALWAYS_FORBIDDEN = ['alexa', 'amazon', 'echo', 'computer', 'skill', 'app'];
const MIN_CUSTOM_SAMPLES = 30;
const MIN_BUILT_IN_SAMPLES = 10;

export function languageModelOf(json: unknown): LanguageModel | undefined {
  const model = isRecord(json) && isRecord(json.interactionModel) ? json.interactionModel.languageModel : undefined;
  return isRecord(model) && typeof model.invocationName === 'string' && Array.isArray(model.intents) ? (model as unknown as LanguageModel) : undefined;
}

export function checkModel(locale: string, file: string, json: unknown, reference: LanguageModel, profile: LanguageProfile | undefined): Problem[] {
  const problems: Problem[] = [];
  const at = { locale, file };
  const model = languageModelOf(json);
  if (!model) return [{ ...at, key: 'interactionModel.languageModel', message: 'needs an invocationName and intents' }];

  // The invocation name.
  const name = model.invocationName;
  const key = 'invocationName';
  if (name !== name.toLowerCase()) problems.push({ ...at, key, message: `"${name}" must be lower case` });
  if (/\d/.test(name)) problems.push({ ...at, key, message: `"${name}" must spell numbers as words` });
  if (!/^[\p{L}\p{M}' .]+$/u.test(name)) problems.push({ ...at, key, message: `"${name}" may hold only letters, spaces, apostrophes and periods` });
  const spaced = profile?.spaced ?? true;
  const normalised = phraseKey(spaced);
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- a name written without spaces (kana, kanji) is counted by code point, not by UTF-16 unit
  if (spaced ? name.trim().split(/\s+/).length < 2 : [...name.replace(/\s/g, '')].length < 2) {
    problems.push({ ...at, key, message: `"${name}" needs at least two ${spaced ? 'words' : 'characters'}` });
  }
  for (const word of [...ALWAYS_FORBIDDEN, ...(profile?.invocationForbidden ?? [])]) {
    const lower = name.toLowerCase();
    const contains = spaced ? lower.split(/\s+/).includes(word) : lower.includes(word);
    if (contains) problems.push({ ...at, key, message: `"${name}" holds "${word}", a launch or wake word` });
  }

  // Intents: exactly those the skill handles.
  const names = model.intents.map((i) => i.name);
  for (const intent of HANDLED_INTENTS) {
    if (!names.includes(intent)) problems.push({ ...at, key: `intents.${intent}`, message: 'is missing: the skill handles it' });
  }
  for (const intent of names) {
    if (!HANDLED_INTENTS.includes(intent))
      problems.push({ ...at, key: `intents.${intent}`, message: 'is not handled by the skill (lambda/handlers/intents.ts)' });
  }
  for (const intent of REQUIRED_INTENTS) {
    if (!names.includes(intent)) problems.push({ ...at, key: `intents.${intent}`, message: 'is required by Alexa' });
  }

  // Slots and samples.
  const types = new Map((model.types ?? []).map((t) => [t.name, t]));
  const seen = new Map<string, string>();
  for (const intent of model.intents) {
    const where = `intents.${intent.name}`;
    const slots = intent.slots ?? [];
    const wanted = reference.intents.find((i) => i.name === intent.name)?.slots ?? [];
    const describeSlots = (list: readonly { name: string; type?: string }[]) =>
      list
        .map((s) => `${s.name}:${s.type}`)
        .sort()
        .join(', ') || 'none';
    if (describeSlots(slots) !== describeSlots(wanted))
      problems.push({ ...at, key: `${where}.slots`, message: `are ${describeSlots(slots)}, en-US has ${describeSlots(wanted)}` });
    for (const slot of slots) {
      if (slot.type === undefined) problems.push({ ...at, key: `${where}.slots.${slot.name}`, message: 'has no type' });
      else if (!slot.type.startsWith('AMAZON.') && !types.has(slot.type))
        problems.push({ ...at, key: `${where}.slots.${slot.name}`, message: `has type ${slot.type}, which the model does not declare` });
    }
    const samples = intent.samples ?? [];
    const custom = !intent.name.startsWith('AMAZON.');
    const referenceHasSamples = (reference.intents.find((i) => i.name === intent.name)?.samples ?? []).length > 0;
    const minimum = custom ? MIN_CUSTOM_SAMPLES : referenceHasSamples ? MIN_BUILT_IN_SAMPLES : 0;
    if (samples.length < minimum)
      problems.push({ ...at, key: `${where}.samples`, message: `has ${samples.length} samples; people say it in more ways than that (at least ${minimum})` });
    for (const sample of samples) {
      const here = `${where}.samples "${sample}"`;
      for (const [, slot] of sample.matchAll(/\{([^}]*)\}/g)) {
        if (!slots.some((s) => s.name === slot)) problems.push({ ...at, key: here, message: `uses slot {${slot}}, which ${intent.name} does not declare` });
      }
      const text = sample.replace(/\{[^}]*\}/g, ' ');
      if (/\d/.test(text)) problems.push({ ...at, key: here, message: 'holds a digit: numbers are said as words or come through a slot' });
      else if (!/^[\p{L}\p{M}' .]*$/u.test(text))
        problems.push({ ...at, key: here, message: 'may hold only letters, spaces, apostrophes, periods and {slots}' });
      if (sample.trim() === '') problems.push({ ...at, key: here, message: 'is empty' });
      const id = normalised(sample);
      const first = seen.get(id);
      if (first === undefined) seen.set(id, intent.name);
      else problems.push({ ...at, key: here, message: first === intent.name ? 'is repeated in this intent' : `is also a sample of ${first}` });
    }
  }

  // Slot values: by catalog id, and no phrase meaning two things.
  for (const [type, ids] of Object.entries(SLOT_VALUE_IDS)) {
    const declared = types.get(type);
    if (!declared) {
      problems.push({ ...at, key: `types.${type}`, message: 'is missing' });
      continue;
    }
    const found = (declared.values ?? []).map((v) => v.id ?? '(no id)');
    if ([...found].sort().join() !== [...ids].sort().join())
      problems.push({ ...at, key: `types.${type}`, message: `has value ids ${found.join(', ')}; the skill knows ${ids.join(', ')}` });
    const phrases = new Map<string, string>();
    for (const value of declared.values ?? []) {
      for (const phrase of phrasesOf(value)) {
        const id = normalised(phrase);
        const other = phrases.get(id);
        if (other !== undefined && other !== value.id)
          problems.push({ ...at, key: `types.${type} "${phrase}"`, message: `means both ${other} and ${value.id}` });
        phrases.set(id, value.id ?? '');
      }
    }
  }
  return problems;
}
