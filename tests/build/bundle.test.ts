import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { intentRequest, launchRequest, resolvedTechnique } from '../support/envelopes';

// What Lambda runs is the bundle, not our sources: build it and call it from plain node.

const root = join(__dirname, '..', '..');
const bundle = join(root, 'build', 'lambda', 'index.js');

beforeAll(() => {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'pipe' });
}, 60_000);

test('npm run build writes a CommonJS bundle with a source map', () => {
  expect(existsSync(bundle)).toBe(true);
  expect(existsSync(`${bundle}.map`)).toBe(true);
  expect(statSync(bundle).size).toBeGreaterThan(10_000);
});

test('plain node loads the bundle and its handler answers a launch and a technique', () => {
  const requests = [launchRequest(), intentRequest('StartTechniqueIntent', resolvedTechnique('relaxHeel'))];
  // A fresh process, outside jest and outside the project's node_modules resolution, as Lambda would load it.
  const script = `
    const { handler } = require(${JSON.stringify(bundle)});
    (async () => {
      const out = [];
      for (const request of ${JSON.stringify(requests)}) out.push(await handler(request, {}));
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });
  `;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: '/', encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const [launch, start] = JSON.parse(run.stdout) as { response: { outputSpeech: { ssml: string }; shouldEndSession: boolean } }[];
  expect(launch.response.outputSpeech.ssml).toMatch(/Welcome to Foot Massage Guide/);
  expect(launch.response.shouldEndSession).toBe(false);
  expect(start.response.outputSpeech.ssml).toMatch(/relaxing the heel[\s\S]*Step 1 of 2/);
});
