import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestEnvelope } from 'ask-sdk-model';
import { StaticAplTemplateValidator, type IValidationInfo } from 'apl-suggester';
import { handler } from '../../lambda/index';
import { SUPPORTED_LOCALES } from '../../lambda/voice/locales';
import { APL_TOKEN } from '../../lambda/voice/screen';
import { envelope } from '../support/envelopes';

// Amazon's APL linter (apl-suggester, what the authoring tool runs) over every
// RenderDocument directive the skill sends: each kind of screen, in every
// locale, with the document's resources as each viewport profile skill.json
// declares resolves them. Nothing it reports is accepted: 0 errors, 0 warnings.

interface Directive {
  readonly type: string;
  readonly token: string;
  readonly document: Record<string, unknown>;
  readonly datasources: { guide: { properties: Record<string, unknown> } };
}

const touch = (action: string) => ({
  type: 'Alexa.Presentation.APL.UserEvent',
  token: APL_TOKEN,
  arguments: [action],
  source: { type: 'TouchWrapper', handler: 'Press' },
});
const intent = (name: string) => ({ type: 'IntentRequest', dialogState: 'COMPLETED', intent: { name, confirmationStatus: 'NONE', slots: {} } });
/** A session that reaches every kind of screen: the menu, counted and waiting steps, an answer, a finished technique, the routine. */
const SESSION = [
  { type: 'LaunchRequest' },
  touch('start:relaxHeel'),
  intent('OilsIntent'),
  intent('TimingOffIntent'),
  touch('next'),
  touch('next'),
  touch('routine'),
];

/** Every directive the skill sends in that session on a device with a screen, in `locale`. */
async function directivesFor(locale: string): Promise<Directive[]> {
  const directives: Directive[] = [];
  let attributes: Record<string, unknown> = {};
  // A new user each time: saved progress would make the launch a resume.
  const userId = `amzn1.ask.account.APL-LINT-${locale}-${process.pid}-${Date.now()}-${Math.random()}`;
  for (const [index, request] of SESSION.entries()) {
    const event = envelope(request, { locale, attributes, userId, newSession: index === 0 }) as RequestEnvelope & {
      context: { System: { device: { supportedInterfaces: unknown } } };
    };
    event.context.System.device.supportedInterfaces = { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2023.3' } } };
    const response = await handler(event);
    attributes = response.sessionAttributes ?? {};
    for (const d of response.response.directives ?? []) if (d.type === 'Alexa.Presentation.APL.RenderDocument') directives.push(d as unknown as Directive);
  }
  return directives;
}

interface Viewport {
  readonly mode: string;
  readonly shape: string;
  readonly width: number;
  readonly height: number;
}
type ViewportRange = { mode: string; shape: string; minWidth: number; maxWidth: number; minHeight: number; maxHeight: number };

/** The smallest and largest viewport of each profile skill.json declares. */
const VIEWPORTS: Viewport[] = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'skill.json'), 'utf8')) as {
    manifest: { apis: { custom: { interfaces: { supportedViewports: ViewportRange[] }[] } } };
  }
).manifest.apis.custom.interfaces[0].supportedViewports.flatMap((v) => [
  { mode: v.mode.toLowerCase(), shape: v.shape.toLowerCase(), width: v.minWidth, height: v.minHeight },
  { mode: v.mode.toLowerCase(), shape: v.shape.toLowerCase(), width: v.maxWidth, height: v.maxHeight },
]);

/**
 * The document as a device of `viewport` resolves its resources: the blocks whose
 * `when` holds, merged into one. Our `when`s compare viewport properties only,
 * so JavaScript evaluates them (with `==` read as APL's strict equality).
 */
function resolvedFor(document: Record<string, unknown>, viewport: Viewport): Record<string, unknown> {
  const holds = (when: string | undefined): boolean =>
    when === undefined ||
    Boolean((new Function('viewport', `return (${when.slice(2, -1).replace(/([!=])=/g, '$1==')});`) as (viewport: Viewport) => unknown)(viewport)); // eslint-disable-line @typescript-eslint/no-implied-eval -- our own document's conditions
  const blocks = document.resources as { when?: string; dimensions: Record<string, string> }[];
  const dimensions = Object.assign({}, ...blocks.filter((b) => holds(b.when)).map((b) => b.dimensions)) as Record<string, string>;
  return { ...document, resources: [{ dimensions }] };
}

const validator = new StaticAplTemplateValidator();
const lint = (document: Record<string, unknown>): Promise<IValidationInfo[]> => validator.validate(document);

beforeAll(() => {
  // apl-suggester notes "No mixin for component" on console.warn for components it has no extra rules for.
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterAll(() => jest.restoreAllMocks());

let directivesDocument: Record<string, unknown> = {};
beforeAll(async () => {
  directivesDocument = (await directivesFor('en-US'))[0].document;
});

test('the viewport profiles resolve to different sizes (round drops the diagram, large screens grow)', () => {
  expect(VIEWPORTS.length).toBeGreaterThanOrEqual(6);
  const dims = (vp: Viewport) => (resolvedFor(directivesDocument, vp).resources as { dimensions: Record<string, string> }[])[0].dimensions;
  expect(dims(VIEWPORTS.find((v) => v.shape === 'round') as Viewport).footWidth).toBe('0dp');
  expect(dims(VIEWPORTS.find((v) => v.width >= 1200) as Viewport).titleSize).toBe('44dp');
  expect(dims(VIEWPORTS.find((v) => v.mode === 'tv') as Viewport).titleSize).toBe('36dp');
});

test.each(SUPPORTED_LOCALES.map((locale) => [locale]))('%s: every screen the skill sends passes apl-suggester on every viewport profile', async (locale) => {
  const directives = await directivesFor(locale);
  const screens = directives.map((d) => d.datasources.guide.properties);
  // The session reached every kind of screen.
  expect(new Set(screens.map((s) => s.screen))).toEqual(new Set(['menu', 'step', 'info']));
  expect(screens.some((s) => s.screen === 'step' && (s.practiceMs as number) > 0)).toBe(true);
  expect(screens.some((s) => s.screen === 'step' && s.keepAlive === true)).toBe(true);

  // The document differs between locales only in its environment; per locale it is the same object every time.
  expect(new Set(directives.map((d) => d.document)).size).toBe(1);
  const [document] = directives.map((d) => d.document);
  expect(document.environment).toMatchObject({ lang: locale });
  for (const viewport of VIEWPORTS) {
    expect([`${viewport.mode} ${viewport.shape} ${viewport.width}×${viewport.height}`, await lint(resolvedFor(document, viewport))]).toEqual([
      `${viewport.mode} ${viewport.shape} ${viewport.width}×${viewport.height}`,
      [],
    ]);
  }
  expect(await lint(document)).toEqual([]);
  for (const directive of directives) expect(await validator.validateDataSources(directive.datasources)).toEqual([]);
});

test('the linter is awake: it flags what the document used to do (lang at the root, a 100%-wide bar in an auto-width column)', async () => {
  const old = { ...directivesDocument, lang: 'en-US' };
  const results = await lint(old);
  expect(results).toEqual([expect.objectContaining({ level: 'WARNING', errorMessage: expect.stringContaining('lang') as string })]);
  const relative = JSON.parse(
    JSON.stringify(directivesDocument).replace('"type":"Frame","height":"14dp"', '"type":"Frame","width":"100%","height":"14dp"'),
  ) as Record<string, unknown>;
  expect((await lint(relative)).map((r) => r.errorMessage)).toEqual(['Frame width must be an absolute value when the parent width is set to auto.']);
});

test('the document as kept (apl/document.json) and its sample datasource pass apl-suggester, as the authoring tool would open them', async () => {
  const root = join(__dirname, '..', '..', 'lambda', 'voice', 'apl');
  const kept = JSON.parse(readFileSync(join(root, 'document.json'), 'utf8')) as Record<string, unknown>;
  const sample = JSON.parse(readFileSync(join(root, 'sample-data.json'), 'utf8')) as Record<string, unknown>;
  expect(await lint(kept)).toEqual([]);
  expect(await validator.validateDataSources(sample)).toEqual([]);
  // What the skill sends is that document, with the foot diagram and the locale added.
  const { graphics, environment, ...rest } = directivesDocument as { graphics: unknown; environment: unknown };
  expect(Object.keys(graphics as object)).toEqual(['foot']);
  expect(environment).toEqual({ lang: 'en-US', layoutDirection: 'LTR' });
  expect({ ...rest, graphics: {} }).toEqual(kept);
});
