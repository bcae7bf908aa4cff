import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { IModel } from 'virtual-core';
import '../../lambda/local/conversation';
import { phrasesOf, type InteractionModel as ModelFile } from '../../lambda/local/model';
import { InteractionModel } from 'virtual-alexa/lib/src/model/InteractionModel';
import { Utterance } from 'virtual-core';

// Transcripts match what is said against the model's samples through an index (conversation.ts)
// instead of virtual-core trying every sample; it must decide exactly what virtual-core decides.
// (One language written with spaces and one without; virtual-core as published is slow, so 40 each.)
// virtual-core as published, loaded apart from the one conversation.ts changed, with the
// virtual-alexa that builds its models (their slot types are virtual-core's too):
let Original: typeof Utterance | undefined;
let OriginalModel: typeof InteractionModel | undefined;
jest.isolateModules(() => {
  Original = jest.requireActual<{ Utterance: typeof Utterance }>('virtual-core').Utterance;
  OriginalModel = jest.requireActual<{ InteractionModel: typeof InteractionModel }>('virtual-alexa/lib/src/model/InteractionModel').InteractionModel;
});

describe.each(['en-US', 'ja-JP'])('%s', (locale) => {
  const json = JSON.parse(readFileSync(join(__dirname, '..', '..', 'interaction-models', `${locale}.json`), 'utf8')) as ModelFile;
  const model: IModel = InteractionModel.fromJSON(json);
  const published: IModel | undefined = OriginalModel?.fromJSON(json);
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
    if (!Original || !published) throw new Error('virtual-core did not load apart');
    const Published = Original;
    const theirModel = published;
    fc.assert(
      fc.property(said, (text) => {
        const ours = new Utterance(model, text);
        const theirs = new Published(theirModel, text);
        expect([text, ours.matched() ? ours.intent() : null, ours.toJSON()]).toEqual([text, theirs.matched() ? theirs.intent() : null, theirs.toJSON()]);
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});
