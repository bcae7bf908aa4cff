import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { IModel } from 'virtual-core';
import '../../lambda/local/conversation';
import { phrasesOf, type InteractionModel as ModelFile } from '../../lambda/local/model';
import { InteractionModel } from 'virtual-alexa/lib/src/model/InteractionModel';
import { SlotType, Utterance } from 'virtual-core';

// Transcripts match what is said against the model's samples through an index (conversation.ts)
// instead of virtual-core trying every sample; it must decide exactly what virtual-core decides.
// (One language written with spaces and one without; virtual-core as published is slow, so 40 each.)
// virtual-core as published, loaded apart from the one conversation.ts changed:
let Original: typeof Utterance | undefined;
let originalMatchAll: SlotType['matchAll'] | undefined;
jest.isolateModules(() => {
  Original = jest.requireActual<{ Utterance: typeof Utterance }>('virtual-core').Utterance;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call on each slot type
  originalMatchAll = jest.requireActual<{ SlotType: typeof SlotType }>('virtual-core').SlotType.prototype.matchAll;
});

describe.each(['en-US', 'ja-JP'])('%s', (locale) => {
  const json = JSON.parse(readFileSync(join(__dirname, '..', '..', 'interaction-models', `${locale}.json`), 'utf8')) as ModelFile;
  const model: IModel = InteractionModel.fromJSON(json);
  const lm = json.interactionModel.languageModel;
  const values = new Map((lm.types ?? []).map((t) => [t.name, (t.values ?? []).flatMap(phrasesOf)]));
  const samples = lm.intents.flatMap((intent) =>
    (intent.samples ?? []).map((sample) => ({ sample, slots: new Map((intent.slots ?? []).map((s) => [s.name, s.type])) })),
  );
  const words = samples.flatMap(({ sample }) => sample.split(' ').filter((w) => !w.includes('{')));

  /** A sample with its slots filled from the model's values, then often changed the way people change it. */
  const said = fc
    .record({
      sample: fc.constantFrom(...samples),
      pick: fc.nat(),
      word: fc.constantFrom(...words),
      change: fc.constantFrom('as is', 'word before', 'word after', 'word dropped', 'shouted', 'asked', 'number'),
    })
    .map(({ sample: { sample, slots }, pick, word, change }) => {
      const filled = sample.replace(/\{(\w+)\}/g, (_, name: string) => {
        const type = slots.get(name) ?? '';
        const options = values.get(type);
        return type === 'AMAZON.NUMBER' || !options ? String(pick % 12) : options[pick % options.length];
      });
      const parts = filled.split(' ');
      if (change === 'word before') return `${word} ${filled}`;
      if (change === 'word after') return `${filled} ${word}`;
      if (change === 'word dropped' && parts.length > 1) return parts.filter((_, i) => i !== pick % parts.length).join(' ');
      if (change === 'shouted') return filled.toUpperCase();
      if (change === 'asked') return `${filled}?`;
      if (change === 'number') return `${filled} ${String(pick % 100)}`;
      return filled;
    });

  test('the indexed matcher finds the intent and slots virtual-core finds, for samples as written and as changed', () => {
    if (!Original) throw new Error('virtual-core did not load apart');
    const Published = Original;
    fc.assert(
      fc.property(said, (text) => {
        const ours = new Utterance(model, text);
        const theirs = new Published(model, text);
        expect([text, ours.matched() ? ours.intent() : null, ours.toJSON()]).toEqual([text, theirs.matched() ? theirs.intent() : null, theirs.toJSON()]);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  // Both sides above read slots through the model's own slot types, which conversation.ts indexes:
  // the index is held to virtual-core's reading here: every word two values or synonyms share and
  // every value's name, a spread of the other synonyms (a type may have thousands, and virtual-core
  // compares each with all), each also changed in case and spacing, and words that are none of them.
  test("the slot value index finds what virtual-core's comparison with every value and synonym finds", () => {
    if (!originalMatchAll || !model.slotTypes) throw new Error('virtual-core did not load apart');
    const published = originalMatchAll;
    // And a type with what the models happen not to have: a synonym that is its own name in another
    // case, a word two values share, a synonym said twice (virtual-core reports each, in its order).
    const awkward = new SlotType('Awkward', [
      { id: 'a', name: { value: 'Heel', synonyms: ['heel', 'sole', 'the heel'] } },
      { id: 'b', name: { value: 'sole', synonyms: ['HEEL', 'arch', 'arch'] } },
      { id: 'c', name: { value: 'Toes', synonyms: ['Arch', 'toes', 'the heel'] } },
    ]);
    for (const type of [...model.slotTypes.types, awkward]) {
      const names = type.values.map((v) => v.name.value);
      const synonyms = type.values.flatMap((v) => {
        const own: { readonly value: string; readonly synonyms?: readonly string[] } = v.name;
        return own.synonyms ?? [];
      });
      const times = new Map<string, number>();
      for (const word of [...names, ...synonyms]) times.set(word.toLowerCase(), (times.get(word.toLowerCase()) ?? 0) + 1);
      const shared = [...names, ...synonyms].filter((word) => (times.get(word.toLowerCase()) ?? 0) > 1);
      const spread = synonyms.filter((_, i) => i % Math.ceil(synonyms.length / 100) === 0);
      const heard = [...new Set([...names, ...shared, ...spread])];
      const tries = [...heard, ...heard.map((h) => ` ${h.toUpperCase()} `), ...words.slice(0, 50), '', ' '];
      const differing = tries.filter((h) => JSON.stringify(type.matchAll(h)) !== JSON.stringify(published.call(type, h)));
      expect([type.name, differing]).toEqual([type.name, []]);
    }
  });
});
