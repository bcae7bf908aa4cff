import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { characterBigrams, trainClassifier } from '../../lambda/local/nlu/classifier';
import { evaluateSet } from '../../lambda/local/nlu/evaluate';
import { main, REPORT_FILE } from '../../lambda/local/nlu/index';
import { maskModel, parseLanguageModel, slotMasker } from '../../lambda/local/nlu/samples';
import { fillerOwners } from '../../lambda/local/nlu/fillerOwners';
import { HIGH_CONFIDENCE } from '../../lambda/local/nlu/thresholds';

// `npm run check:nlu` on a made-up model of three intents: what it must get
// right, and the mistake it exists to report (a phrase sent, with
// confidence, to an intent it was not meant for).

const TINY_MODEL = {
  interactionModel: {
    languageModel: {
      invocationName: 'tiny guide',
      intents: [
        { name: 'AMAZON.FallbackIntent', samples: [] },
        {
          name: 'StartTechniqueIntent',
          slots: [{ name: 'technique', type: 'TechniqueName' }],
          samples: ['start {technique}', 'do the {technique}', 'let us do {technique}', 'begin {technique} please', 'show me {technique}'],
        },
        { name: 'OilsIntent', samples: ['which oil should i use', 'what oil is best', 'can i use lotion', 'tell me about oils', 'which cream should i take'] },
        { name: 'AMAZON.StopIntent', samples: ['stop', 'stop the massage', 'quit', 'end it', 'i am done stop'] },
      ],
      types: [
        {
          name: 'TechniqueName',
          values: [
            { id: 'warmUp', name: { value: 'warm up', synonyms: ['warming up', 'the warm up'] } },
            { id: 'relaxHeel', name: { value: 'heel', synonyms: ['heel rub', 'the heel'] } },
          ],
        },
      ],
    },
  },
};

const model = parseLanguageModel(TINY_MODEL, 'tiny.json');

test("slot values become their type's token, in the samples and in what is classified; the fallback is left out", () => {
  const mask = slotMasker(model, true);
  const masked = maskModel(model, mask);
  expect(masked.intents).toEqual(['StartTechniqueIntent', 'OilsIntent', 'AMAZON.StopIntent']);
  expect(masked.samples).toBe(15);
  expect(masked.phrases.slice(0, 2).map((p) => p.text)).toEqual(['start slottechniquename', 'do the slottechniquename']);
  // The longest value wins, whole words only, and numbers are one token.
  expect(mask('Let us do Heel rub at step 3')).toBe('let us do slottechniquename at step slotamazonnumber');
  expect(mask('wheel heels')).toBe('wheel heels');
});

test('a clearly worded phrase goes to its intent; a phrase labelled with the wrong intent is reported at high confidence', async () => {
  const mask = slotMasker(model, true);
  const trained = await trainClassifier('en', maskModel(model, mask).phrases);
  const classifier = { ...trained, classify: (text: string) => trained.classify(mask(text)) };
  expect((await classifier.classify('which oil is best for feet')).intent).toBe('OilsIntent');
  expect((await classifier.classify('start the heel rub')).intent).toBe('StartTechniqueIntent');

  const result = await evaluateSet(classifier, [
    { say: 'which oil should i use', intent: 'OilsIntent' },
    { say: 'stop the massage now', intent: 'OilsIntent' }, // labelled wrong on purpose
  ]);
  expect(result.correct).toBe(1);
  expect(result.accuracy).toBe(0.5);
  expect(result.wrongHigh).toEqual([{ say: 'stop the massage now', expected: 'OilsIntent', got: 'AMAZON.StopIntent', score: expect.any(Number) as number }]);
  expect(result.wrongHigh[0].score).toBeGreaterThanOrEqual(HIGH_CONFIDENCE);
});

test('the command gates: a wrong intent at high confidence fails it, prints it, and writes the report', async () => {
  const root = mkdtempSync(join(tmpdir(), 'fmg-nlu-'));
  const logged: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
  const error = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
  try {
    mkdirSync(join(root, 'interaction-models'));
    mkdirSync(join(root, 'tests', 'heldout'), { recursive: true });
    writeFileSync(join(root, 'interaction-models', 'en-US.json'), JSON.stringify(TINY_MODEL));
    // Both sets get a phrase labelled wrong on purpose; the final one is sealed: counted, never quoted.
    const heldOut = {
      locale: 'en-US',
      dev: [
        { say: 'what oil is good', intent: 'OilsIntent' },
        { say: 'stop the massage now', intent: 'OilsIntent' },
      ],
      final: [
        { say: 'quit the massage please', intent: 'OilsIntent' },
        { say: 'which cream is best', intent: 'OilsIntent' },
      ],
    };
    writeFileSync(join(root, 'tests', 'heldout', 'en-US.json'), JSON.stringify(heldOut));

    expect(await main(['en-US', '--jobs=1'], root)).toBe(1);
    const output = logged.join('\n');
    expect(output).toContain('"stop the massage now"  OilsIntent → AMAZON.StopIntent');
    expect(output).toContain('final 1 phrase (sealed: not shown)');
    expect(output).toMatch(/^locale \| samples \| k-fold acc \| held-out dev acc \| held-out final acc \| wrong at high confidence$/m);
    const text = readFileSync(join(root, REPORT_FILE), 'utf8');
    expect(text).not.toContain('quit the massage');
    const report = JSON.parse(text) as { passed: boolean; table: { rows: string[][] } };
    expect(report.passed).toBe(false);
    expect(report.table.rows).toEqual([['en-US', '15', expect.stringMatching(/%$/), '50.0% (1/2)', '50.0% (1/2)', '2']]);
  } finally {
    log.mockRestore();
    error.mockRestore();
    rmSync(root, { recursive: true, force: true });
  }
});

test('an unknown locale is refused before anything runs', async () => {
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    expect(await main(['xx-XX'], '/nonexistent')).toBe(2);
  } finally {
    error.mockRestore();
  }
});

test('Japanese is split into words by @nlpjs/lang-ja, or else into character pairs', async () => {
  const examples = [
    { text: '次のステップに進んで', intent: 'AMAZON.NextIntent' },
    { text: '次へ進んで', intent: 'AMAZON.NextIntent' },
    { text: 'マッサージを止めて', intent: 'AMAZON.StopIntent' },
    { text: 'やめて', intent: 'AMAZON.StopIntent' },
  ];
  const words = await trainClassifier('ja', examples);
  expect((await words.featuresOf('次のステップに進んで')).length).toBeGreaterThan(1);

  expect(characterBigrams('どこまで、進んだ?')).toBe('どこ こま まで 進ん んだ');
  const pairs = await trainClassifier('ja', examples, 'character bigrams');
  expect(await pairs.featuresOf('次へ進んで')).toEqual(['次へ', 'へ進', '進ん', 'んで']);
  expect((await pairs.classify('マッサージ止めて')).intent).toBe('AMAZON.StopIntent');
}, 60_000);

test('a filler one intent carries far more often than the others is named, from the model alone', () => {
  const goodbyes = ['stop', 'quit', 'end it', 'goodbye', 'bye now', 'that is all', 'we are done', 'finish here', 'close it', 'enough', 'see you', 'good night'];
  const requests = [
    'next',
    'go on',
    'the next step',
    'carry on',
    'what is next',
    'move on',
    'keep going',
    'onwards',
    'and now',
    'what now',
    'then',
    'continue please',
    'next please',
    'okay next',
    'okay go on',
    'the next one',
    'forward',
    'skip ahead',
    'go forward',
    'step on',
  ];
  const model = (stop: string[]) =>
    parseLanguageModel(
      {
        interactionModel: {
          languageModel: {
            invocationName: 'tiny guide',
            intents: [
              { name: 'AMAZON.NextIntent', samples: requests },
              { name: 'AMAZON.StopIntent', samples: stop },
            ],
          },
        },
      },
      'tiny.json',
    );
  const lopsided = fillerOwners(model([...goodbyes, ...goodbyes.map((g) => `${g} thanks`)]), ['thanks', 'please', 'okay'], true);
  expect(lopsided.map((o) => `${o.intent} ${o.filler}`)).toEqual(['AMAZON.StopIntent thanks']);
  expect(lopsided[0].share).toBeCloseTo(0.5);
  // "please" and "okay" sit on a few of Next's 20 samples only: below the share that is learnt.
  expect(fillerOwners(model([...goodbyes, ...goodbyes.map((g) => `${g} now`)]), ['thanks', 'please', 'okay'], true)).toEqual([]);
});
