import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_LOCALES } from '../../lambda/voice/locales';

// What `npm run check` (run by `npm test` before jest) does not ask of every
// locale: the facts of this skill's listing that hold in all of them. The
// check's own behaviour is shown in check.test.ts.

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'skill.json'), 'utf8')) as {
  manifest: { publishingInformation: { locales: Record<string, { name: string }>; category: string; distributionCountries: string[] }; apis: unknown };
};

test('skill.json is a health skill, listed in every supported locale', () => {
  const info = manifest.manifest.publishingInformation;
  expect(info.category).toBe('HEALTH_AND_FITNESS');
  expect(Object.keys(info.locales)).toEqual([...SUPPORTED_LOCALES]);
});

test('the English invocation name is the product name', () => {
  const model = JSON.parse(readFileSync(join(root, 'interaction-models', 'en-US.json'), 'utf8')) as {
    interactionModel: { languageModel: { invocationName: string } };
  };
  expect(model.interactionModel.languageModel.invocationName).toBe('foot massage guide');
  expect(manifest.manifest.publishingInformation.locales['en-US'].name).toBe('Foot Massage Guide');
});
