import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AREAS, TECHNIQUES, TECHNIQUE_IDS } from '../../lambda/guide/catalog';
import type { Command } from '../../lambda/guide/commands';
import { reduce, type Reply } from '../../lambda/guide/reduce';
import { INITIAL_STATE, type Phase } from '../../lambda/guide/state';
import { renderDisplay } from '../../lambda/voice/display';
import { footSvg } from '../../lambda/voice/footDiagram';
import { voiceFor, type WordKey } from '../../lambda/voice/i18n';
import { KEEP_ALIVE_EVENT, KEEP_ALIVE_MS, KEEP_ALIVE_TICK_MS, aplDocument } from '../../lambda/voice/screen';
import { everyPhase } from '../support/states';

// The screen: a valid APL document whose every binding the datasource fills, for every step.

const voice = voiceFor('en-US');
const document = aplDocument() as unknown as Record<string, unknown>;
const json = JSON.stringify(document);

const COMMANDS: Command[] = [
  { type: 'launch' },
  { type: 'repeat' },
  { type: 'next' },
  { type: 'whereAmI' },
  { type: 'stop' },
  { type: 'pause' },
  { type: 'knowledge', topic: 'oils' },
  { type: 'knowledge', topic: 'safety' },
  { type: 'timing', on: true },
];
const replies: Reply[] = everyPhase().flatMap((phase: Phase) =>
  COMMANDS.map((command) => reduce({ ...INITIAL_STATE, phase, safetyHeard: true, turns: 2 }, command)),
);

const COMPONENTS = new Set(['Container', 'Text', 'Frame', 'VectorGraphic', 'TouchWrapper', 'ScrollView', 'Sequence', 'Image', 'Pager', 'GridSequence']);
const COMMAND_TYPES = new Set(['SendEvent', 'AnimateItem', 'SetValue', 'Sequential', 'Parallel', 'Idle', 'SpeakItem']);

function walk(node: unknown, visit: (n: Record<string, unknown>, key: string) => void, key = ''): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit, key));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>, key);
    for (const [k, v] of Object.entries(node)) walk(v, visit, k);
  }
}

test('the document is APL, with a main template taking the payload and the foot graphic', () => {
  expect(document.type).toBe('APL');
  expect((document.mainTemplate as { parameters: string[] }).parameters).toEqual(['payload']);
  const foot = (document.graphics as Record<string, { type: string; parameters: { name: string }[] }>).foot;
  expect(foot.type).toBe('AVG');
  expect(foot.parameters.map((p) => p.name)).toContain('area');
});

test('every component and command in the document exists in APL or is one of its layouts', () => {
  const layouts = Object.keys(document.layouts as Record<string, unknown>);
  walk([document.mainTemplate, document.layouts], (node, key) => {
    if (key === 'item' || key === 'items') expect([...COMPONENTS, ...layouts]).toContain(node.type);
    if (key === 'onPress' || key === 'onMount') expect(COMMAND_TYPES).toContain(node.type);
  });
});

test("the screen's keep-alive tick is the one the handler answers, at the bound the handler keeps", () => {
  const [tick] = document.handleTick as { when: string; minimumDelay: number; commands: { type: string; arguments: string[] }[] }[];
  expect(tick.minimumDelay).toBe(KEEP_ALIVE_TICK_MS);
  expect(tick.when).toContain(`elapsedTime < ${KEEP_ALIVE_MS}`);
  expect(tick.commands).toEqual([{ type: 'SendEvent', arguments: [KEEP_ALIVE_EVENT] }]);
});

test("the sample datasource beside the document is what the skill sends for the heel's first step", () => {
  const sample: unknown = JSON.parse(readFileSync(join(__dirname, '../../lambda/voice/apl/sample-data.json'), 'utf8'));
  const reply = reduce(INITIAL_STATE, { type: 'start', technique: 'relaxHeel' });
  expect(sample).toEqual({ guide: { type: 'object', properties: renderDisplay(reply, voiceFor('en-US')).data } });
});

test('every resource the document uses is defined for every viewport', () => {
  const resources = document.resources as { dimensions: Record<string, string> }[];
  const used = new Set([...json.matchAll(/"@(\w+)"/g)].map((m) => m[1]));
  for (const name of used) expect([name, resources[0].dimensions[name]]).toEqual([name, expect.any(String)]);
  for (const variant of resources.slice(1)) expect(Object.keys(variant.dimensions).sort()).toEqual(Object.keys(resources[0].dimensions).sort());
});

test(`every binding the document uses is in the datasource, for all ${replies.length} screens`, () => {
  const bound = new Set([...json.matchAll(/payload\.guide\.properties\.(\w+)/g)].map((m) => m[1]));
  expect(bound.size).toBeGreaterThan(8);
  for (const reply of replies) {
    const { data } = renderDisplay(reply, voice);
    for (const name of bound) expect([name, name in data]).toEqual([name, true]);
    for (const touch of [...data.buttons, ...data.items]) {
      expect(touch.label).toEqual(expect.any(String));
      expect(touch.action).toMatch(/^(next|previous|repeat|pause|routine|start:\w+)$/);
    }
  }
});

test('every step of every technique shows its own text, number, progress and highlighted area', () => {
  for (const technique of TECHNIQUES) {
    technique.steps.forEach((step, index) => {
      const reply = reduce({ ...INITIAL_STATE, safetyHeard: true, turns: 1 }, { type: 'start', technique: technique.id });
      const at = index === 0 ? reply : reduce(reply.state, { type: 'goTo', step: index + 1 });
      const { data, card } = renderDisplay(at, voice);
      expect(data.screen).toBe('step');
      expect(data.subtitle).toBe(`Step ${index + 1} of ${technique.steps.length}`);
      expect(data.progress).toBe(Math.round(((index + 1) / technique.steps.length) * 100));
      expect(data.area).toBe(step.area);
      expect(data.body).toBe(voice.t(`techniques.${technique.id}.steps.${step.id}` as WordKey));
      const practice = at.say.find((m) => m.kind === 'practice');
      expect(data.practiceMs).toBe(practice ? practice.seconds * 1000 : 0);
      expect(card.title).toContain(voice.t(`techniques.${technique.id}.title`));
      expect(card.text).toContain(data.body);
      expect(data.buttons.map((b) => b.action)).toEqual(['previous', 'repeat', 'next', 'pause']);
    });
  }
});

test('the menu lists every technique and the routine, to touch', () => {
  const { data } = renderDisplay(reduce(INITIAL_STATE, { type: 'launch' }), voice);
  expect(data.screen).toBe('menu');
  expect(data.items.map((i) => i.action)).toEqual([...TECHNIQUE_IDS.map((id) => `start:${id}`), 'routine']);
});

test('every reply has a card with a title and text', () => {
  for (const reply of replies) {
    const { card } = renderDisplay(reply, voice);
    expect(card.title.trim()).not.toBe('');
    expect(card.text.trim()).not.toBe('');
  }
});

test('the finished routine gets a summary card', () => {
  const done = reduce(
    { ...INITIAL_STATE, phase: { at: 'step', technique: 'finish', step: 1, foot: 2, routine: true }, safetyHeard: true, turns: 3 },
    { type: 'next' },
  );
  const { card } = renderDisplay(done, voice);
  expect(card.title).toBe('Full routine: complete');
  expect(card.text).toMatch(/Both feet: Warm up strokes, The ankle stretch, .*Finishing strokes\./);
});

test("the README's foot diagrams are what the skill draws (refresh: npm run preview -- --readme)", () => {
  for (const area of AREAS) {
    const committed = readFileSync(join(__dirname, '..', '..', 'lambda', 'voice', 'foot-diagram', `foot-${area}.svg`), 'utf8');
    expect(committed).toBe(footSvg(area) + '\n');
  }
});

test('the screen is laid out in the language it speaks: Arabic right to left, set where APL 2023 reads it', () => {
  expect(aplDocument('ar-SA').environment).toEqual({ lang: 'ar-SA', layoutDirection: 'RTL' });
  expect(aplDocument('ja-JP').environment).toEqual({ lang: 'ja-JP', layoutDirection: 'LTR' });
  // At the document's root these are deprecated (apl-suggester flags them).
  expect(Object.keys(aplDocument('ar-SA'))).not.toContain('lang');
  expect(Object.keys(aplDocument('ar-SA'))).not.toContain('layoutDirection');
  expect(aplDocument('ar-SA')).toBe(aplDocument('ar-SA'));
  expect(aplDocument('ar-SA').mainTemplate).toBe(aplDocument('en-US').mainTemplate);
});
