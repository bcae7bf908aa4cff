import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkProject } from '../../lambda/local/check/index';
import { describe as describeProblem, type Problem } from '../../lambda/local/check/problem';

// `npm run check` runs on the real project in `npm test`; here it is shown each
// kind of mistake, on a copy of the project, and must name locale, file and key.

const root = join(__dirname, '..', '..');
let copy: string;

beforeEach(() => {
  copy = mkdtempSync(join(tmpdir(), 'fmg-check-'));
  for (const path of [
    'skill.json',
    'interaction-models/en-US.json',
    'interaction-models/grammar/en.yaml',
    'lambda/locales/en',
    'lambda/local/languages/en.json',
  ]) {
    cpSync(join(root, path), join(copy, path), { recursive: true });
  }
});
afterEach(() => rmSync(copy, { recursive: true, force: true }));

const readCopy = (file: string): unknown => JSON.parse(readFileSync(join(copy, file), 'utf8'));
/** What these tests edit in each fixture; everything else is written back as it was read. */
interface WordsFile {
  msg: Record<string, string>;
  techniques: Record<string, { steps: Record<string, string> }>;
}
interface ModelFile {
  interactionModel: { languageModel: { invocationName: string; intents: { name: string; samples: string[] }[] } };
}
interface ManifestFile {
  manifest: {
    publishingInformation: { locales: Record<string, Record<string, unknown>>; testingInstructions?: string };
    apis: { custom: { interfaces: { supportedViewports: { mode: string }[] }[] } };
  };
}
const writeCopy = (file: string, value: unknown): void => {
  mkdirSync(dirname(join(copy, file)), { recursive: true });
  writeFileSync(join(copy, file), JSON.stringify(value));
};
const problemsIn = (file: string, locales: string[] = ['en-US']): Problem[] => checkProject(copy, locales).filter((p) => p.file === file);

test('the English project as it is has no problems', () => {
  expect(checkProject(copy, ['en-US']).map(describeProblem)).toEqual([]);
});

test('a key removed from one language is named with its locale, file and key', () => {
  const words = readCopy('lambda/locales/en/translation.json') as WordsFile;
  delete words.msg.welcome;
  writeCopy('lambda/locales/fr/translation.json', words);
  const problems = problemsIn('lambda/locales/fr/translation.json', ['fr-FR']);
  expect(problems.map(describeProblem)).toEqual(['fr-FR  lambda/locales/fr/translation.json  msg.welcome: is missing (en has it)']);
});

test('a changed variable, a plural form the language lacks, and a step the catalog does not have', () => {
  const words = readCopy('lambda/locales/en/translation.json') as WordsFile;
  words.msg.position = 'Étape {{step}} sur {{total}} de {{name}}.';
  words.techniques.relaxHeel.steps.extraStep = 'Une étape de plus.';
  writeCopy('lambda/locales/fr/translation.json', words);
  const fr = problemsIn('lambda/locales/fr/translation.json', ['fr-FR']).map((p) => `${p.key}: ${p.message}`);
  expect(fr).toContainEqual(expect.stringMatching(/^msg\.position: has variables .*\{\{total\}\}.* but en has .*\{\{of\}\}/));
  expect(fr).toContainEqual(expect.stringMatching(/^techniques\.relaxHeel\.steps\.extraStep: is not a step of this technique in the catalog/));

  writeCopy('lambda/locales/ar/translation.json', readCopy('lambda/locales/en/translation.json'));
  const ar = problemsIn('lambda/locales/ar/translation.json', ['ar-SA']).map((p) => p.key);
  expect(ar).toEqual(expect.arrayContaining(['msg.stepsLeft_zero', 'msg.stepsLeft_two', 'msg.stepsLeft_few', 'msg.stepsLeft_many']));
});

test('a regional file may only change words its language has', () => {
  writeCopy('lambda/locales/en-GB/translation.json', { msg: { welcome: 'Hello.', welcom: 'Typo.' } });
  const gb = problemsIn('lambda/locales/en-GB/translation.json', ['en-GB']).map((p) => p.key);
  expect(gb).toEqual(['msg.welcom']);
});

test('model mistakes: a lost intent, an unhandled one, a repeated sample, an undeclared slot, a bad invocation name', () => {
  const model = readCopy('interaction-models/en-US.json') as ModelFile;
  const lm = model.interactionModel.languageModel;
  lm.invocationName = 'Open Foot Guide';
  lm.intents = lm.intents.filter((i) => i.name !== 'WhereAmIIntent');
  lm.intents.push({ name: 'DanceIntent', samples: ['dance'] });
  const next = lm.intents.find((i) => i.name === 'AMAZON.NextIntent');
  if (!next) throw new Error('the en-US model has no AMAZON.NextIntent');
  next.samples.push('go back', 'jump to {stepNumber}');
  writeCopy('interaction-models/en-US.json', model);
  const found = problemsIn('interaction-models/en-US.json').map((p) => `${p.key}: ${p.message}`);
  expect(found).toEqual(
    expect.arrayContaining([
      '(file): is not what interaction-models/grammar/en.yaml generates: run npm run models',
      'invocationName: "Open Foot Guide" must be lower case',
      expect.stringMatching(/^invocationName: .* holds "open", a launch or wake word$/) as unknown as string,
      'intents.WhereAmIIntent: is missing: the skill handles it',
      'intents.DanceIntent: is not handled by the skill (lambda/handlers/intents.ts)',
      'intents.AMAZON.PreviousIntent.samples "go back": is also a sample of AMAZON.NextIntent',
      'intents.AMAZON.NextIntent.samples "jump to {stepNumber}": uses slot {stepNumber}, which AMAZON.NextIntent does not declare',
    ]),
  );
});

test('skill.json: a locale missing, and an example phrase the model does not understand', () => {
  const manifest = readCopy('skill.json') as ManifestFile;
  (manifest.manifest.publishingInformation.locales['en-US'].examplePhrases as string[]).push('Alexa, ask foot massage guide to sing a song');
  manifest.manifest.publishingInformation.locales['xx-XX'] = {};
  delete manifest.manifest.publishingInformation.locales['en-GB'];
  writeCopy('skill.json', manifest);
  const found = checkProject(copy, ['en-US', 'en-GB'])
    .filter((p) => p.file === 'skill.json')
    .map(describeProblem);
  expect(found).toEqual(
    expect.arrayContaining([
      'en-US  skill.json  manifest.publishingInformation.locales.en-US.examplePhrases: has 4; Alexa wants one to three',
      'en-US  skill.json  manifest.publishingInformation.locales.en-US.examplePhrases[3] "Alexa, ask foot massage guide to sing a song": names the skill, but the request matches no sample of the model',
      'en-GB  skill.json  manifest.publishingInformation.locales: skill.json publishing locales has no en-GB, which lambda/voice/locales.ts supports',
    ]),
  );
});

test("Amazon's types for the manifest and the models (ask-smapi-model): a misspelt field and a value outside an enum, by line", () => {
  const manifest = readCopy('skill.json') as ManifestFile;
  manifest.manifest.publishingInformation.locales['en-US'].exmplePhrases = ['Alexa, open foot massage guide'];
  manifest.manifest.apis.custom.interfaces[0].supportedViewports[0].mode = 'HUBB';
  writeFileSync(join(copy, 'skill.json'), JSON.stringify(manifest, null, 2));
  const problems = problemsIn('skill.json').filter((p) => p.message.includes('ask-smapi-model'));
  expect(problems.map((p) => p.message)).toEqual([
    expect.stringContaining("'\"exmplePhrases\"' does not exist in type 'SkillManifestLocalizedPublishingInformation'"),
    expect.stringContaining("Type '\"HUBB\"' is not assignable to type 'ViewportMode'"),
  ]);
  const lines = JSON.stringify(manifest, null, 2).split('\n');
  expect(lines[Number(problems[1].key.replace('line ', '')) - 1]).toContain('"HUBB"');

  const model = readCopy('interaction-models/en-US.json') as ModelFile;
  model.interactionModel.languageModel.intents[0].samples = 'next' as unknown as string[]; // not a list, on purpose
  writeCopy('interaction-models/en-US.json', model);
  expect(
    problemsIn('interaction-models/en-US.json')
      .filter((p) => p.message.includes('ask-smapi-model'))
      .map((p) => p.message),
  ).toEqual([expect.stringContaining("Type 'string' is not assignable to type 'string[]'")]);
});

test('the listing names the store icons npm run package draws, and carries testing instructions', () => {
  const manifest = readCopy('skill.json') as ManifestFile;
  delete manifest.manifest.publishingInformation.locales['en-US'].smallIconUri;
  manifest.manifest.publishingInformation.locales['en-US'].largeIconUri = 'https://example.test/icon.png';
  delete manifest.manifest.publishingInformation.testingInstructions;
  writeCopy('skill.json', manifest);
  expect(problemsIn('skill.json').map((p) => `${p.key}: ${p.message}`)).toEqual([
    'manifest.publishingInformation.testingInstructions: is missing: certification reads it to test the skill',
    'manifest.publishingInformation.locales.en-US.smallIconUri: must be file://assets/images/smallIcon.png (the 108×108 icon npm run package draws), not null',
    'manifest.publishingInformation.locales.en-US.largeIconUri: must be file://assets/images/largeIcon.png (the 512×512 icon npm run package draws), not "https://example.test/icon.png"',
  ]);
});
