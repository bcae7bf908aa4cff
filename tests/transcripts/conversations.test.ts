import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every conversation in this folder (the .ts files beside this one and below it, each a
 * set of transcripts through tests/support/transcript.ts), run in one test file.
 *
 * Jest gives each test file a module registry of its own, and each conversation file
 * loaded the skill, i18next, virtual-alexa and its locale's model again for a handful of
 * turns: as separate test files the 31 cost 19.6 CPU-seconds, together 6.8. A file added
 * here runs without being listed; each shows under its own path in jest's report. One at
 * a time: `npx jest tests/transcripts -t de-DE`.
 */
const HERE = __dirname;

function conversationFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return conversationFiles(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
    });
}

for (const file of conversationFiles(HERE)) {
  describe(relative(HERE, file), () => {
    // Loaded while jest collects the tests, so each file's tests sit under its path.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(file);
  });
}
