import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AREAS, TECHNIQUES } from '../guide/catalog';
import { reduce } from '../guide/reduce';
import { INITIAL_STATE } from '../guide/state';
import { renderDisplay } from '../voice/display';
import { footSvg } from '../voice/footDiagram';
import { voiceFor } from '../voice/i18n';
import { APL_TOKEN, aplDocument } from '../voice/screen';
import { PROJECT_ROOT } from './projectRoot';

/**
 * `npm run preview`: what the screens will show, as files a person can open
 * without a device. Writes into build/preview/: the foot diagram for every
 * area (SVG), and for every step of every technique the RenderDocument
 * directive the skill sends (paste it into the APL authoring tool).
 * `npm run preview -- --readme` also refreshes the README's pictures.
 */

/** The README's copies of the diagram (a test keeps them equal to footSvg). */
export const README_DIAGRAMS = join('lambda', 'voice', 'foot-diagram');

/** Writes foot-<area>.svg for every area into `dir` (created if missing); returns the paths written. */
export function writeFootPreviews(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return AREAS.map((area) => {
    const file = join(dir, `foot-${area}.svg`);
    writeFileSync(file, footSvg(area) + '\n');
    return file;
  });
}

/** Writes <technique>-step<n>.json (the APL directive for that step) for every step; returns the paths. */
export function writeStepPreviews(dir: string, locale = 'en-US'): string[] {
  mkdirSync(dir, { recursive: true });
  const voice = voiceFor(locale);
  return TECHNIQUES.flatMap((technique) =>
    technique.steps.map((_, index) => {
      const started = reduce({ ...INITIAL_STATE, safetyHeard: true, turns: 1 }, { type: 'start', technique: technique.id });
      const reply = index === 0 ? started : reduce(started.state, { type: 'goTo', step: index + 1 });
      const directive = {
        type: 'Alexa.Presentation.APL.RenderDocument',
        token: APL_TOKEN,
        document: aplDocument(voice.locale),
        datasources: { guide: { type: 'object', properties: renderDisplay(reply, voice).data } },
      };
      const file = join(dir, `${technique.id}-step${index + 1}.json`);
      writeFileSync(file, JSON.stringify(directive, null, 2) + '\n');
      return file;
    }),
  );
}

export function main(argv: readonly string[]): void {
  const dir = join(PROJECT_ROOT, 'build', 'preview');
  const written = [...writeFootPreviews(dir), ...writeStepPreviews(dir)];
  if (argv.includes('--readme')) written.push(...writeFootPreviews(join(PROJECT_ROOT, README_DIAGRAMS)));
  console.log(`Wrote ${written.length} preview files:`);
  for (const file of written) console.log(`  ${relative(PROJECT_ROOT, file)}`);
}

if (require.main === module) main(process.argv.slice(2));
