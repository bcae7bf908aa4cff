import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TECHNIQUES } from '../../lambda/guide/catalog';
import { HANDLED_INTENTS } from '../../lambda/handlers/intents';
import en from '../../lambda/locales/en/translation.json';
import { newConversation } from '../support/transcript';

// The model, the code, the catalog and the words must agree: a mismatch is a
// phrase that silently does nothing, or a step with nothing to say.

interface Model {
  interactionModel: {
    languageModel: {
      invocationName: string;
      intents: { name: string; slots?: { name: string; type: string }[]; samples?: string[] }[];
      types: { name: string; values: { id?: string; name: { value: string; synonyms?: string[] } }[] }[];
    };
  };
}

const root = join(__dirname, '..', '..');
const model = (JSON.parse(readFileSync(join(root, 'interaction-models', 'en-US.json'), 'utf8')) as Model).interactionModel.languageModel;
const manifest = JSON.parse(readFileSync(join(root, 'skill.json'), 'utf8')) as {
  manifest: { publishingInformation: { locales: Record<string, { examplePhrases: string[]; description: string }>; category: string } };
};

test('every intent in the model has a handler, and every handled intent is in the model', () => {
  expect(model.intents.map((i) => i.name).sort()).toEqual([...HANDLED_INTENTS].sort());
});

test('the model has the intents Alexa requires', () => {
  const names = model.intents.map((i) => i.name);
  for (const required of ['AMAZON.HelpIntent', 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.FallbackIntent', 'AMAZON.NavigateHomeIntent']) {
    expect(names).toContain(required);
  }
});

test('every catalog technique is a slot value, by id, and no slot value is unknown to the catalog', () => {
  const type = model.types.find((t) => t.name === 'TechniqueName');
  expect(type?.values.map((v) => v.id).sort()).toEqual(TECHNIQUES.map((t) => t.id).sort());
});

test('no synonym points at two techniques', () => {
  const seen = new Map<string, string>();
  for (const value of model.types.flatMap((t) => t.values)) {
    for (const word of [value.name.value, ...(value.name.synonyms ?? [])]) {
      expect(`${word} → ${seen.get(word) ?? value.id}`).toBe(`${word} → ${value.id}`);
      seen.set(word, value.id ?? '');
    }
  }
});

test('every catalog technique and step has words, and the words have no steps the catalog lacks', () => {
  const words = en.techniques as Record<string, { name?: string; intro?: string; steps?: Record<string, string> }>;
  expect(Object.keys(words).sort()).toEqual(TECHNIQUES.map((t) => t.id).sort());
  for (const technique of TECHNIQUES) {
    const entry = words[technique.id];
    expect(entry.name).toEqual(expect.any(String));
    expect(entry.intro).toEqual(expect.any(String));
    expect(Object.keys(entry.steps ?? {})).toEqual(technique.steps.map((s) => s.id));
    for (const step of technique.steps) expect((entry.steps ?? {})[step.id]?.length).toBeGreaterThan(20);
  }
});

test('every cue a timed step uses has words', () => {
  const cues = en.practice.cues as Record<string, string>;
  for (const step of TECHNIQUES.flatMap((t) => t.steps)) expect([step.id, typeof cues[step.midCue]]).toEqual([step.id, 'string']);
});

test('samples are unique across intents, well formed, and use only declared slots', () => {
  const seen = new Map<string, string>();
  for (const intent of model.intents) {
    const declared = new Set((intent.slots ?? []).map((s) => s.name));
    for (const sample of intent.samples ?? []) {
      const key = sample.toLowerCase().replace(/\s+/g, ' ').trim();
      expect(`${sample}: ${seen.get(key) ?? intent.name}`).toBe(`${sample}: ${intent.name}`);
      seen.set(key, intent.name);
      expect(sample).toMatch(/^([a-z' ]|\{[A-Za-z]+\})+$/);
      for (const [, slot] of sample.matchAll(/\{(\w+)\}/g)) expect(declared).toContain(slot);
    }
  }
});

test('custom intents have dozens of samples', () => {
  for (const intent of model.intents.filter((i) => !i.name.startsWith('AMAZON.'))) {
    expect([intent.name, (intent.samples ?? []).length >= 30]).toEqual([intent.name, true]);
  }
});

test('the invocation name follows Alexa rules', () => {
  const name = model.invocationName;
  expect(name).toBe('foot massage guide');
  expect(name).toMatch(/^[a-z]+( [a-z]+)+$/);
  for (const word of ['ask', 'open', 'tell', 'launch', 'load', 'begin', 'enable', 'alexa', 'amazon', 'echo', 'computer', 'skill', 'app']) {
    expect(name.split(' ')).not.toContain(word);
  }
});

test('skill.json is a health skill with the medical disclaimer', () => {
  const info = manifest.manifest.publishingInformation;
  expect(info.category).toBe('HEALTH_AND_FITNESS');
  expect(info.locales['en-US'].description).toMatch(/not a substitute for professional medical advice/i);
});

test('every example phrase in skill.json really works', async () => {
  const phrases = manifest.manifest.publishingInformation.locales['en-US'].examplePhrases;
  expect(phrases.length).toBeGreaterThanOrEqual(1);
  for (const phrase of phrases) {
    const turn = await newConversation().say(phrase);
    expect([phrase, turn.matched]).toEqual([phrase, true]);
    expect([phrase, turn.ended]).toEqual([phrase, false]);
    expect(['LaunchRequest', 'StartTechniqueIntent', 'StartRoutineIntent']).toContain(turn.intent);
  }
});
