import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe as describeProblem } from '../../lambda/local/check/problem';
import { findConflicts } from '../../lambda/local/grammar/conflicts';
import { generate } from '../../lambda/local/grammar/generate';
import { checkGrammar } from '../../lambda/local/grammar/models';
import { expand } from '../../lambda/local/grammar/pattern';
import { grammarFor, type GrammarSource } from '../../lambda/local/grammar/source';
import { integerFromEnv } from '../support/envNumber';

// The grammars are the source of every interaction model: what a pattern
// says, what a regional file adds, and the conflicts and stale files that
// `npm run check` must refuse, each naming where to look.

const root = join(__dirname, '..', '..');
/**
 * Random grammars the conflict check is held to filling every value on. Sized by breaking the check on
 * purpose and counting the runs to the first failure: without the case of a value running past the other
 * frame's before (FrameMeeting's tails) it took 580 on average over 60 seeds, 1,000 or fewer for 51 of
 * them and 2,300 at most; nine other breaks failed within 470 runs on every seed tried (one more, not
 * trimming the middle of a phrase read as a frame, never does: these grammars always space their slots).
 * So 1,000 on every `npm test`, and before changing lambda/local/grammar/conflicts.ts the long hunt
 * (about 8 s; add --testTimeout beyond 30,000 runs): GRAMMAR_RUNS=10000 npx jest tests/model/grammar.test.ts
 */
const GRAMMAR_RUNS = integerFromEnv('GRAMMAR_RUNS', 1_000, 1);
/** The part of a model file these tests read: every intent's samples. */
type ModelSamples = { interactionModel: { languageModel: { intents: { samples: string[] }[] } } };

describe('patterns', () => {
  test('choices, optional parts and pieces expand to every phrasing, in order, without repeats', () => {
    const pieces = new Map([
      ['ok', ['okay', 'all right']],
      ['please', ['please', '<ok> please']],
    ]);
    expect(expand('[<ok>] (next|the next step) [<please>]', pieces)).toEqual([
      'next',
      'next please',
      'next okay please',
      'next all right please',
      'the next step',
      'the next step please',
      'the next step okay please',
      'the next step all right please',
      'okay next',
      'okay next please',
      'okay next okay please',
      'okay next all right please',
      'okay the next step',
      'okay the next step please',
      'okay the next step okay please',
      'okay the next step all right please',
      'all right next',
      'all right next please',
      'all right next okay please',
      'all right next all right please',
      'all right the next step',
      'all right the next step please',
      'all right the next step okay please',
      'all right the next step all right please',
    ]);
    expect(expand('go to step {stepNumber} [now]')).toEqual(['go to step {stepNumber}', 'go to step {stepNumber} now']);
    expect(expand('(a|b)|c')).toEqual(['a', 'b', 'c']);
  });

  test('text written without spaces is joined as written', () => {
    expect(expand('[ちょっと](待って|止めて)[ください]')).toEqual([
      '待って',
      '待ってください',
      '止めて',
      '止めてください',
      'ちょっと待って',
      'ちょっと待ってください',
      'ちょっと止めて',
      'ちょっと止めてください',
    ]);
  });

  test('mistakes are named: unknown or self-referring pieces, unbalanced brackets, runaway patterns', () => {
    expect(() => expand('<nope> next')).toThrow('<nope> is not a piece of this grammar');
    expect(() => expand('<a>', new Map([['a', ['x <a>']]]))).toThrow('<a> refers to itself (a → a)');
    expect(() => expand('(next|step')).toThrow('missing )');
    expect(() => expand('next]')).toThrow('] without its opening bracket');
    expect(() => expand('(a|b|c|d|e|f|g|h|i|j) '.repeat(5))).toThrow(/more than 5000 phrasings/);
  });
});

describe('a grammar made into a model', () => {
  const source = (over: Partial<GrammarSource>): GrammarSource => ({
    invocation: 'foot massage guide',
    pieces: new Map(),
    intents: new Map(),
    types: new Map(),
    files: ['interaction-models/grammar/xx.yaml'],
    ...over,
  });

  test('except removes what belongs to another intent; the first phrasing of a value is its name', () => {
    const { model } = generate(
      source({
        intents: new Map([['AMAZON.StartOverIntent', { say: ['[go] back to the (start|first step)'], except: ['[go] back to the first step'] }]]),
        types: new Map([['TechniqueName', new Map([['toes', ['the toes', '[the] toe (massage|stretch)']]])]]),
      }),
      true,
    );
    const lm = model.interactionModel.languageModel;
    expect(lm.intents.find((i) => i.name === 'AMAZON.StartOverIntent')?.samples).toEqual(['back to the start', 'go back to the start']);
    expect(lm.intents.find((i) => i.name === 'StartTechniqueIntent')?.slots).toEqual([{ name: 'technique', type: 'TechniqueName' }]);
    expect(lm.types[0]).toEqual({
      name: 'TechniqueName',
      values: [{ id: 'toes', name: { value: 'the toes', synonyms: ['toe massage', 'toe stretch', 'the toe massage', 'the toe stretch'] } }],
    });
  });

  test('a phrase two intents produce once slots are filled is a conflict naming both patterns', () => {
    const generated = generate(
      source({
        intents: new Map([
          ['GoToStepIntent', { say: ['[go] back to the {stepOrdinal} step', 'step {stepNumber}'], except: [] }],
          ['AMAZON.StartOverIntent', { say: ['go back to the first step'], except: [] }],
          ['AMAZON.NextIntent', { say: ['step three'], except: [] }],
        ]),
        types: new Map([['StepOrdinal', new Map([['1', ['first']]])]]),
      }),
      true,
    );
    expect(findConflicts(generated, true, { three: 3 })).toEqual([
      {
        phrase: 'step three',
        first: { intent: 'GoToStepIntent', pattern: 'step {stepNumber}' },
        second: { intent: 'AMAZON.NextIntent', pattern: 'step three' },
      },
      {
        phrase: 'go back to the first step',
        first: { intent: 'GoToStepIntent', pattern: '[go] back to the {stepOrdinal} step' },
        second: { intent: 'AMAZON.StartOverIntent', pattern: 'go back to the first step' },
      },
    ]);
  });

  test('a technique name round a frame is a conflict too, though technique samples are never all filled in', () => {
    // 60 names: more than a slot type that is left open, as the real technique names are.
    const names = ['the heel', 'heel', ...Array.from({ length: 58 }, (_, i) => `name ${i}`)];
    const generated = generate(
      source({
        intents: new Map([
          ['StartTechniqueIntent', { say: ["[let's do] {technique} [please]"], except: [] }],
          ['AMAZON.NextIntent', { say: ['next [please]', "let's do heel"], except: [] }],
          ['AMAZON.HelpIntent', { say: ['the heel please'], except: [] }],
        ]),
        types: new Map([['TechniqueName', new Map([['relaxHeel', names]])]]),
      }),
      true,
    );
    expect(
      findConflicts(generated, true, {})
        .map((c) => `${c.phrase}: ${c.first.intent} / ${c.second.intent}`)
        .sort(),
    ).toEqual(["let's do heel: StartTechniqueIntent / AMAZON.NextIntent", 'the heel please: StartTechniqueIntent / AMAZON.HelpIntent']);
  });

  test('leaving large slot types open finds exactly the conflicts that filling every value finds', () => {
    // Small words, so values hold each other, run into their frames and meet across types;
    // more than 50 values each, so both large types are left open.
    const sequences = (words: readonly string[]) => [
      ...words,
      ...words.flatMap((a) => words.map((b) => `${a} ${b}`)),
      ...words.flatMap((a) => words.flatMap((b) => words.map((c) => `${a} ${b} ${c}`))),
    ];
    const techniques = sequences(['a', 'b', 'c', 'd']);
    const concerns = sequences(['b', 'c', 'e', 'ab']);
    const slots: Record<string, readonly string[]> = {
      StartTechniqueIntent: ['{technique}'],
      SkipTechniqueIntent: ['{technique}', '{feet}'],
      SafetyIntent: ['{concern}'],
      'AMAZON.NextIntent': [],
    };
    const sample = (intent: string) =>
      fc
        .array(fc.constantFrom('a', 'b', 'c', 'e', 'x', 'ab', ...slots[intent]), { minLength: 1, maxLength: 4 })
        .map((tokens) => tokens.filter((t, i) => !t.startsWith('{') || tokens.indexOf(t) === i).join(' '));
    const grammar = fc.record(Object.fromEntries(Object.keys(slots).map((intent) => [intent, fc.uniqueArray(sample(intent), { maxLength: 6 })])));
    const filledPairs = (generated: ReturnType<typeof generate>, spaced: boolean) => {
      const key = (s: string) =>
        s
          .toLowerCase()
          .replace(/\s+/g, spaced ? ' ' : '')
          .trim();
      const lm = generated.model.interactionModel.languageModel;
      const values = new Map(lm.types.map((t) => [t.name, t.values.flatMap((v) => [v.name.value, ...v.name.synonyms])]));
      const owners = new Map<string, { intent: string; pattern: string }[]>();
      for (const intent of lm.intents) {
        const typeOf = new Map((intent.slots ?? []).map((s) => [`{${s.name}}`, s.type]));
        for (const s of intent.samples) {
          const owner = { intent: intent.name, pattern: String(generated.origins.get(intent.name)?.get(s)) };
          let phrases = [''];
          for (const p of s.split(/(\{\w+\})/))
            phrases = phrases.flatMap((left) => (typeOf.has(p) ? (values.get(typeOf.get(p) ?? '') ?? []) : [p]).map((right) => left + right));
          for (const phrase of phrases) {
            const k = key(phrase);
            const who = owners.get(k);
            if (who) who.push(owner);
            else owners.set(k, [owner]);
          }
        }
      }
      const pairs = new Set<string>();
      for (const who of owners.values()) {
        for (const a of who) for (const b of who) if (a.intent !== b.intent) pairs.add([a.pattern, b.pattern].sort().join(' / '));
      }
      return [...pairs].sort();
    };
    fc.assert(
      fc.property(grammar, fc.boolean(), (say, spaced) => {
        const generated = generate(
          source({
            intents: new Map(Object.entries(say).map(([intent, patterns]) => [intent, { say: patterns, except: [] }])),
            types: new Map([
              ['TechniqueName', new Map(techniques.map((t, i) => [`t${i}`, [t]]))],
              ['SafetyConcern', new Map(concerns.map((c, i) => [`c${i}`, [c]]))],
              ['FootScope', new Map([['both', ['a', 'b x']]])],
            ]),
          }),
          spaced,
        );
        const found = findConflicts(generated, spaced, {})
          .map((c) => [c.first.pattern, c.second.pattern].sort().join(' / '))
          .sort();
        expect(found).toEqual(filledPairs(generated, spaced));
      }),
      { numRuns: GRAMMAR_RUNS },
    );
  });

  test('an intent or slot type the skill does not have is refused with its file and key', () => {
    expect(() => generate(source({ intents: new Map([['DanceIntent', { say: ['dance'], except: [] }]]) }), true)).toThrow('is not an intent the skill handles');
    expect(() => generate(source({ types: new Map([['Colour', new Map()]]) }), true)).toThrow('is not a slot type of the skill');
  });
});

describe('the project', () => {
  // One copy, for the test that edits it: the grammars, and the models they are checked against.
  let copy: string;
  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'fmg-grammar-'));
    for (const path of [
      'interaction-models/grammar',
      ...['en-US', 'en-CA', 'fr-CA'].map((locale) => `interaction-models/${locale}.json`),
      'lambda/local/languages',
    ])
      cpSync(join(root, path), join(copy, path), { recursive: true });
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  test('a regional file adds to its language: its model holds everything the language says, and more', () => {
    const en = grammarFor('en-US', root);
    const gb = grammarFor('en-GB', root);
    expect(gb.files).toEqual(['interaction-models/grammar/en.yaml', 'interaction-models/grammar/en-GB.yaml']);
    const samples = (locale: string) =>
      new Set(
        (JSON.parse(readFileSync(join(root, 'interaction-models', `${locale}.json`), 'utf8')) as ModelSamples).interactionModel.languageModel.intents.flatMap(
          (i) => i.samples,
        ),
      );
    const us = samples('en-US');
    const uk = samples('en-GB');
    expect([...us].every((s) => uk.has(s))).toBe(true);
    expect(uk.size).toBeGreaterThan(us.size);
    expect(gb.invocation).toBe(en.invocation);
  });

  test('every committed model is exactly what its grammar generates, with no conflicts', () => {
    for (const locale of ['en-US', 'fr-CA']) expect(checkGrammar(locale, root).map(describeProblem)).toEqual([]);
  });

  test('a hand-edited model, a conflict and a broken pattern are each refused, naming the file', () => {
    const model = JSON.parse(readFileSync(join(copy, 'interaction-models/en-US.json'), 'utf8')) as ModelSamples;
    model.interactionModel.languageModel.intents[0].samples.push('dance for me');
    writeFileSync(join(copy, 'interaction-models/en-US.json'), JSON.stringify(model, null, 2));
    // What npm run check prints for each (tests/model/check.test.ts sees checkProject pass them on).
    expect(checkGrammar('en-US', copy).map(describeProblem)).toContain(
      'en-US  interaction-models/en-US.json  (file): is not what interaction-models/grammar/en.yaml generates: run npm run models',
    );

    writeFileSync(join(copy, 'interaction-models/grammar/en-CA.yaml'), 'intents:\n  AMAZON.HelpIntent: [next]\n');
    expect(checkGrammar('en-CA', copy).map(describeProblem)).toContainEqual(
      expect.stringMatching(
        /^en-CA {2}interaction-models\/grammar\/en\.yaml \+ interaction-models\/grammar\/en-CA\.yaml {2}"next": is said by two intents: AMAZON\.NextIntent \(".*"\) and AMAZON\.HelpIntent \("next"\)$/,
      ),
    );

    writeFileSync(join(copy, 'interaction-models/grammar/fr-CA.yaml'), 'intents:\n  AMAZON.NextIntent: ["(suivant"]\n');
    expect(checkGrammar('fr-CA', copy).map(describeProblem)).toContain(
      'fr-CA  interaction-models/grammar/fr-CA.yaml  intents.AMAZON.NextIntent: "(suivant": missing )',
    );
  });
});
