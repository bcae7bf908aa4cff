import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { NO_API_CLIENT } from '../../lambda/bundle/askSdkModel';
import { lambdaBuildOptions, substitutes } from '../../lambda/local/bundle';
import { startDynamo } from '../../lambda/local/dynalite';
import { lockBuild, unlockBuild } from '../support/buildLock';
import { intentRequest, launchRequest, resolvedTechnique } from '../support/envelopes';

// What Lambda runs is the bundle, not our sources: build it and call it from plain node.

const root = join(__dirname, '..', '..');
const bundle = join(root, 'build', 'lambda', 'index.js');

beforeAll(() => {
  lockBuild();
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'pipe' });
}, 300_000);
afterAll(() => unlockBuild());

type Answer = { response: { outputSpeech: { ssml: string }; shouldEndSession: boolean } };

/**
 * Loads the bundle in a fresh node process, outside the project and with no
 * node_modules to fall back on (the bundle needs nothing the Lambda runtime
 * provides, not even its AWS SDK), and sends it `requests` one after the other.
 */
async function invokeBundle(requests: unknown[], env: Record<string, string>): Promise<{ answers: Answer[]; stderr: string }> {
  const script = `
    const { handler } = require(${JSON.stringify(bundle)});
    (async () => {
      const out = [];
      for (const request of ${JSON.stringify(requests)}) out.push(await handler(request, {}));
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });
  `;
  // Asynchronous, so a dynalite server in this process can answer the child meanwhile.
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--no-warnings', '-e', script],
      { cwd: '/', encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH ?? '', ...env } },
      (error, out, err) => {
        if (error) reject(new Error(`${error.message}\n${err}`));
        else resolve({ stdout: out, stderr: err });
      },
    );
  });
  return { answers: JSON.parse(stdout) as Answer[], stderr };
}

test('npm run build writes a CommonJS bundle with a source map, needing no AWS SDK', () => {
  expect(existsSync(bundle)).toBe(true);
  expect(existsSync(`${bundle}.map`)).toBe(true);
  expect(statSync(bundle).size).toBeGreaterThan(10_000);
  expect(readFileSync(bundle, 'utf8')).not.toMatch(/require\("@aws-sdk\//);
});

test('the DynamoDB client (and its signer) is a file of its own beside the bundle, not compiled by a cold start without a table', () => {
  expect(readFileSync(bundle, 'utf8')).not.toContain('aws4_request');
  expect(readFileSync(join(root, 'build', 'lambda', 'dynamodbApi.js'), 'utf8')).toContain('aws4_request');
});

test("the bundle carries ask-sdk-model's types only, and only the parts of ask-sdk-core the skill runs", () => {
  const code = readFileSync(bundle, 'utf8');
  // ask-sdk-model's service clients (the device address API's path) and ask-sdk-core's unused helpers.
  expect(code).not.toContain('/v1/devices/');
  expect(code).not.toMatch(/ImageHelper|RichTextContentHelper|getViewportProfile|DefaultApiClient/);
  expect(code).toContain(NO_API_CLIENT);
});

test('no module in the Lambda bundle uses an Alexa service API client, which the bundle does not carry', async () => {
  const { metafile } = await build({ ...lambdaBuildOptions(), write: false, metafile: true, logLevel: 'silent' });
  const ours = Object.keys(metafile.inputs).filter((input) => !input.includes('node_modules') && !input.startsWith('lambda/bundle/'));
  expect(ours).toContain('lambda/skill.ts');
  const using = ours.filter((input) => /withApiClient|serviceClientFactory|ServiceClient\b/.test(readFileSync(join(root, input), 'utf8')));
  expect(using).toEqual([]);
});

test('a skill given an API client anyway fails with words saying why, not somewhere odd', async () => {
  const entry = `
    const { SkillBuilders } = require('ask-sdk-core');
    const skill = SkillBuilders.custom()
      .addRequestHandlers({ canHandle: () => true, handle: (input) => input.responseBuilder.getResponse() })
      .withApiClient({ invoke: async () => ({ statusCode: 200, headers: [] }) })
      .create();
    skill.invoke(${JSON.stringify(launchRequest())}).then(() => console.log('answered'), (error) => console.log(error.message));
  `;
  const out = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    plugins: [substitutes],
    logLevel: 'silent',
  });
  const printed = execFileSync(process.execPath, ['-e', out.outputFiles[0].text], { cwd: '/', encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  expect(printed.trim()).toBe(NO_API_CLIENT);
});

test('in Lambda without a table: it answers a launch and a technique, and warns once that progress lasts one session', async () => {
  const requests = [launchRequest(), intentRequest('StartTechniqueIntent', resolvedTechnique('relaxHeel'))];
  const { answers, stderr } = await invokeBundle(requests, { AWS_LAMBDA_FUNCTION_NAME: 'foot-massage-guide' });
  const [launch, start] = answers;
  expect(launch.response.outputSpeech.ssml).toMatch(/Welcome to Foot Massage Guide/);
  expect(launch.response.shouldEndSession).toBe(false);
  expect(start.response.outputSpeech.ssml).toMatch(/relaxing the heel[\s\S]*Step 1 of 2/);
  expect(stderr.match(/DYNAMODB_TABLE is not set/g)).toHaveLength(1);
  expect(stderr.match(/SKILL_ID is not set/g)).toHaveLength(1);
});

test('in Lambda with DYNAMODB_TABLE: progress saved by one session is offered to the next', async () => {
  const dynamo = await startDynamo('bundle-progress');
  try {
    const userId = 'amzn1.ask.account.BUNDLE';
    const requests = [intentRequest('StartTechniqueIntent', resolvedTechnique('easeSole'), { userId, newSession: true }), launchRequest({ userId })];
    const { answers, stderr } = await invokeBundle(requests, {
      AWS_LAMBDA_FUNCTION_NAME: 'foot-massage-guide',
      DYNAMODB_TABLE: dynamo.table,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    });
    expect(stderr).not.toMatch(/DYNAMODB_TABLE is not set|store-unavailable/);
    expect(answers[1].response.outputSpeech.ssml).toMatch(/Welcome back[\s\S]*step 1 of 4 of easing the sole/);
  } finally {
    await dynamo.stop();
  }
});
