import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type CollectionTag, type ScalarTag } from 'yaml';
import { PARTITION_KEY } from '../../lambda/storage/dynamodb';
import { lockBuild, unlockBuild } from '../support/buildLock';
import { STALE_PACKAGE_MESSAGE, packageSkill, withDeployedEndpoint } from '../../lambda/local/package';
import { readPng, readZip } from '../support/binaryFiles';
import { launchRequest } from '../support/envelopes';

// What `ask deploy` reads: ask-resources.json, the CloudFormation template the
// cfn-deployer deploys, and the build/ folders `npm run package` lays out.

const root = join(__dirname, '..', '..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

// ---------------------------------------------------------------------------
// The template, parsed with CloudFormation's short-form tags turned into their
// long forms (!Ref x -> { Ref: x }, !GetAtt a.b -> { 'Fn::GetAtt': [a, b] }, ...).

const FUNCTIONS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!FindInMap': 'Fn::FindInMap',
  '!ImportValue': 'Fn::ImportValue',
};

const CFN_TAGS: (ScalarTag | CollectionTag)[] = Object.entries(FUNCTIONS).flatMap(([tag, name]) => [
  {
    tag,
    resolve: (value: string): unknown => ({
      [name]: name === 'Fn::GetAtt' ? [value.slice(0, value.indexOf('.')), value.slice(value.indexOf('.') + 1)] : value,
    }),
  },
  { tag, collection: 'seq' as const, resolve: (value: { toJSON(): unknown }): unknown => ({ [name]: value.toJSON() }) },
  { tag, collection: 'map' as const, resolve: (value: { toJSON(): unknown }): unknown => ({ [name]: value.toJSON() }) },
]);

interface Resource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly DependsOn?: string | string[];
}
interface Template {
  readonly AWSTemplateFormatVersion: string;
  readonly Parameters: Record<string, { readonly Type: string; readonly Default?: string; readonly AllowedValues?: string[] }>;
  readonly Resources: Record<string, Resource>;
  readonly Outputs: Record<string, { readonly Value: unknown }>;
}
interface Statement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly NotAction?: unknown;
  readonly NotResource?: unknown;
  readonly Condition?: unknown;
}

interface AskResources {
  readonly askcliResourcesVersion: string;
  readonly profiles: Record<
    string,
    {
      readonly skillMetadata: { readonly src: string };
      readonly code: Record<string, { readonly src: string }>;
      readonly skillInfrastructure: {
        readonly type: string;
        readonly userConfig: { readonly runtime: string; readonly handler: string; readonly templatePath: string; readonly awsRegion: string };
      };
    }
  >;
}

const askResources = readJson(join(root, 'ask-resources.json')) as AskResources;
const profile = askResources.profiles.default;
const templatePath = join(root, 'infrastructure', 'cfn-deployer', 'skill-stack.yaml');
const template = parse(readFileSync(templatePath, 'utf8'), { customTags: CFN_TAGS }) as Template;

function resource(name: string, type: string): Record<string, unknown> {
  expect((template.Resources[name] as Resource | undefined)?.Type).toBe(type);
  return template.Resources[name].Properties;
}
const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const ref = (name: string) => ({ Ref: name });
const getAtt = (name: string, attribute: string) => ({ 'Fn::GetAtt': [name, attribute] });

const table = resource('ProgressTable', 'AWS::DynamoDB::Table');
const fn = resource('SkillFunction', 'AWS::Lambda::Function');
const logGroup = resource('LogGroup', 'AWS::Logs::LogGroup');
const role = resource('SkillFunctionRole', 'AWS::IAM::Role');
const permission = resource('AlexaSkillPermission', 'AWS::Lambda::Permission');
const statements: Statement[] = (role.Policies as { PolicyDocument: { Statement: Statement[] } }[]).flatMap((policy) => policy.PolicyDocument.Statement);

/** The ASK CLI's cfn-deployer passes exactly these (alexa/ask-cli, lib/builtins/deploy-delegates/cfn-deployer/index.js). */
const DEPLOYER_PARAMETERS = ['SkillId', 'LambdaRuntime', 'LambdaHandler', 'CodeBucket', 'CodeKey', 'CodeVersion'];

describe('the CloudFormation template (infrastructure/cfn-deployer/skill-stack.yaml)', () => {
  test('declares the parameters the cfn-deployer passes, and needs no other', () => {
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(Object.keys(template.Parameters).sort()).toEqual([...DEPLOYER_PARAMETERS].sort());
    for (const name of DEPLOYER_PARAMETERS) expect(template.Parameters[name].Type).toBe('String');
  });

  test('every Ref and GetAtt names a parameter, a pseudo parameter or a resource of the template', () => {
    const names = new Set([...Object.keys(template.Parameters), ...Object.keys(template.Resources)]);
    const seen: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) {
        node.forEach(walk);
        return;
      }
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'Ref' && typeof value === 'string') seen.push(value);
        else if (key === 'Fn::GetAtt' && Array.isArray(value)) seen.push(String(value[0]));
        walk(value);
      }
    };
    walk(template.Resources);
    walk(template.Outputs);
    expect(seen.length).toBeGreaterThan(10);
    for (const name of seen) expect(name.startsWith('AWS::') || names.has(name)).toBe(true);
  });

  test('the function runs nodejs22.x on arm64, small and quick, from the uploaded code', () => {
    expect(template.Parameters.LambdaRuntime.Default).toBe('nodejs22.x');
    expect(template.Parameters.LambdaRuntime.AllowedValues).toEqual(['nodejs22.x']);
    expect(fn.Runtime).toEqual(ref('LambdaRuntime'));
    expect(fn.Handler).toEqual(ref('LambdaHandler'));
    expect(fn.Architectures).toEqual(['arm64']);
    expect(fn.MemorySize).toBeGreaterThanOrEqual(128);
    expect(fn.MemorySize).toBeLessThanOrEqual(512);
    // Alexa waits 8 s for an answer.
    expect(fn.Timeout).toBeLessThanOrEqual(8);
    expect(fn.Code).toEqual({ S3Bucket: ref('CodeBucket'), S3Key: ref('CodeKey'), S3ObjectVersion: ref('CodeVersion') });
    expect(fn.Role).toEqual(getAtt('SkillFunctionRole', 'Arn'));
  });

  test('the function is told its table and its skill id, and starts without source maps (they cost every cold start)', () => {
    expect(fn.Environment).toEqual({ Variables: { DYNAMODB_TABLE: ref('ProgressTable'), SKILL_ID: ref('SkillId') } });
    // The template says why, for the next person tempted to turn them back on.
    expect(readFileSync(templatePath, 'utf8')).toMatch(/No NODE_OPTIONS=--enable-source-maps: it costs about \d+ ms of every cold/);
  });

  test('the table: on demand, keyed by the id the code uses, with point-in-time recovery, kept on delete', () => {
    expect(table.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.ProvisionedThroughput).toBeUndefined();
    expect(table.KeySchema).toEqual([{ AttributeName: PARTITION_KEY, KeyType: 'HASH' }]);
    expect(table.AttributeDefinitions).toEqual([{ AttributeName: PARTITION_KEY, AttributeType: 'S' }]);
    expect(table.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.SSESpecification).toEqual({ SSEEnabled: true });
    expect(template.Resources.ProgressTable.DeletionPolicy).toBe('Retain');
    expect(template.Resources.ProgressTable.UpdateReplacePolicy).toBe('Retain');
  });

  test("the log group is the function's (/aws/lambda/<its name>), used by it, with a retention", () => {
    expect(logGroup.RetentionInDays).toBe(30);
    const [groupName, groupVars] = (logGroup.LogGroupName as { 'Fn::Sub': [string, unknown] })['Fn::Sub'];
    const [functionName, functionVars] = (fn.FunctionName as { 'Fn::Sub': [string, unknown] })['Fn::Sub'];
    expect(groupName).toBe(`/aws/lambda/${functionName}`);
    expect(groupVars).toEqual(functionVars);
    expect(fn.LoggingConfig).toEqual({ LogGroup: ref('LogGroup') });
  });

  test('the role: assumed by Lambda only, nothing attached beyond its inline policy', () => {
    expect(role.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    expect(role.ManagedPolicyArns).toBeUndefined();
    const policies = Object.values(template.Resources).filter((r) => r.Type.startsWith('AWS::IAM::') && r.Type !== 'AWS::IAM::Role');
    expect(policies).toEqual([]);
  });

  test('least privilege: no wildcard in any action or resource, only Allow, no Not* or conditions', () => {
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(statement.Effect).toBe('Allow');
      expect(statement.NotAction).toBeUndefined();
      expect(statement.NotResource).toBeUndefined();
      expect(statement.Condition).toBeUndefined();
      for (const action of asList(statement.Action)) {
        expect(typeof action).toBe('string');
        expect(action).not.toContain('*');
      }
      expect(JSON.stringify(statement.Resource)).not.toContain('*');
    }
  });

  test('DynamoDB: exactly GetItem, PutItem and DeleteItem, on the progress table only', () => {
    const dynamo = statements.filter((s) => asList(s.Action).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    expect([...asList(dynamo[0].Action)].sort()).toEqual(['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem']);
    expect(dynamo[0].Resource).toEqual(getAtt('ProgressTable', 'Arn'));
  });

  test("logs: create streams and put events in the function's own log group, nothing else", () => {
    const logs = statements.filter((s) => asList(s.Action).some((a) => a.startsWith('logs:')));
    expect(logs).toHaveLength(1);
    expect([...asList(logs[0].Action)].sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    // LogGroup.Arn is "arn:…:log-group:<name>:*" (CloudFormation's documented form): this
    // group and its streams, which PutLogEvents acts on. The template's comment says so.
    expect(logs[0].Resource).toEqual(getAtt('LogGroup', 'Arn'));
    expect(readFileSync(templatePath, 'utf8')).toContain('"arn:...:log-group:<name>:*"');
    // Every statement is one of the two above.
    expect(statements).toHaveLength(2);
  });

  test('only the skill, through Alexa, may invoke the function', () => {
    expect(permission).toEqual({
      Action: 'lambda:InvokeFunction',
      FunctionName: getAtt('SkillFunction', 'Arn'),
      Principal: 'alexa-appkit.amazon.com',
      EventSourceToken: ref('SkillId'),
    });
  });

  test('outputs SkillEndpoint, the function ARN the cfn-deployer sets as the skill endpoint', () => {
    expect(template.Outputs.SkillEndpoint.Value).toEqual(getAtt('SkillFunction', 'Arn'));
  });
});

describe('ask-resources.json', () => {
  test('version 2020-03-31, the cfn-deployer with this template, nodejs22.x, index.handler', () => {
    expect(askResources.askcliResourcesVersion).toBe('2020-03-31');
    expect(profile.skillInfrastructure.type).toBe('@ask-cli/cfn-deployer');
    const { userConfig } = profile.skillInfrastructure;
    expect(userConfig).toEqual({
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      templatePath: './infrastructure/cfn-deployer/skill-stack.yaml',
      awsRegion: 'us-east-1',
    });
    expect(join(root, userConfig.templatePath)).toBe(templatePath);
    expect(existsSync(templatePath)).toBe(true);
    expect(template.Parameters.LambdaRuntime.AllowedValues).toContain(userConfig.runtime);
  });

  test('reads the skill package and the code from what npm run package writes', () => {
    expect(profile.skillMetadata.src).toBe('./build/skill-package');
    expect(profile.code).toEqual({ default: { src: './build/lambda' } });
  });
});

/** A German launch answered by the bundle in `folder`, run by plain node with nothing else around it. */
function launchGermanIn(folder: string): { status: number | null; stdout: string; stderr: string } {
  const launch = { ...launchRequest(), request: { ...launchRequest().request, locale: 'de-DE' } };
  const script = `require(${JSON.stringify(join(folder, 'index.js'))}).handler(${JSON.stringify(launch)}).then((r) => process.stdout.write(r.response.outputSpeech.ssml))`;
  return spawnSync(process.execPath, ['-e', script], { cwd: folder, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', STORAGE: 'none' } });
}

describe('npm run package', () => {
  const skillPackage = join(root, 'build', 'skill-package');
  const lambda = join(root, 'build', 'lambda');
  const custom = join(skillPackage, 'interactionModels', 'custom');
  let output = '';

  afterAll(() => unlockBuild());
  beforeAll(() => {
    lockBuild();
    // Leftovers from an earlier run, which must not reach ask deploy; no endpoint from an earlier deploy.
    mkdirSync(custom, { recursive: true });
    writeFileSync(join(custom, 'xx-XX.json'), '{}');
    rmSync(join(skillPackage, 'skill.json'), { force: true });
    rmSync(join(skillPackage, 'assets'), { recursive: true, force: true });
    mkdirSync(lambda, { recursive: true });
    writeFileSync(join(lambda, 'stale.txt'), 'old');
    output = execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, encoding: 'utf8', stdio: 'pipe', timeout: 120_000 });
  }, 300_000);

  test('copies skill.json into build/skill-package/, written as the ASK CLI writes it back', () => {
    expect(readJson(join(skillPackage, 'skill.json'))).toEqual(readJson(join(root, 'skill.json')));
    // ask deploy rewrites the file with JSON.stringify(manifest, null, 2): the same bytes, so its hash only moves with the content.
    expect(readFileSync(join(skillPackage, 'skill.json'), 'utf8')).toBe(JSON.stringify(readJson(join(root, 'skill.json')), null, 2));
  });

  test('copies every interaction model to interactionModels/custom/<locale>.json, and nothing stale', () => {
    const models = readdirSync(join(root, 'interaction-models')).filter((name) => name.endsWith('.json'));
    expect(models).toContain('en-US.json');
    for (const model of models) {
      expect(readJson(join(custom, model))).toEqual(readJson(join(root, 'interaction-models', model)));
      // What is uploaded is compact, well under Alexa's 1,000,000-character limit for a model.
      expect(readFileSync(join(custom, model), 'utf8').length).toBeLessThan(800_000);
    }
    expect(readdirSync(custom).sort()).toEqual([...models].sort());
    expect(readdirSync(skillPackage).sort()).toEqual(['assets', 'interactionModels', 'skill.json']);
  });

  test('build/lambda/ holds the bundle, its DynamoDB client, their maps and a package.json without dependencies, and nothing else', () => {
    expect(readdirSync(lambda).sort()).toEqual(['dynamodbApi.js', 'dynamodbApi.js.map', 'index.js', 'index.js.map', 'locales', 'package.json']);
    expect(readJson(join(lambda, 'package.json'))).toEqual({ name: 'foot-massage-guide-lambda', private: true, main: 'index.js' });
  });

  test('the handler in ask-resources.json is what build/lambda exports', () => {
    const [file, exported] = profile.skillInfrastructure.userConfig.handler.split('.');
    const kind = execFileSync(
      process.execPath,
      ['-e', `process.stdout.write(typeof require(${JSON.stringify(join(lambda, `${file}.js`))})[${JSON.stringify(exported)}])`],
      {
        cwd: root,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
      },
    );
    expect(kind).toBe('function');
  });

  test('build/lambda/locales/ holds every language and regional file, as in the source', () => {
    const files = (dir: string) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.json'))
        .sort();
    expect(files(join(lambda, 'locales'))).toEqual(files(join(root, 'lambda', 'locales')));
    expect(files(join(lambda, 'locales'))).toContain(join('de', 'translation.json'));
  });

  test('the zipped folder alone speaks every language: copied elsewhere, it answers a German launch in German', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'fmg-zip-'));
    cpSync(lambda, elsewhere, { recursive: true });
    const { stdout: speech } = launchGermanIn(elsewhere);
    expect(speech).toMatch(/Fußmassage|Fuß/);
    expect(speech).not.toMatch(/Welcome/);
  });

  test('a package that lost its locale files still answers, in English, and says why in the log', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'fmg-zip-'));
    cpSync(join(lambda, 'index.js'), join(elsewhere, 'index.js'));
    const run = launchGermanIn(elsewhere);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Welcome to Foot Massage Guide/);
    expect(run.stderr).toMatch(/"event":"locale".*words for \\"de\\" could not be read/);
  });

  test('says in a line what it wrote and removed (npm ci runs it, so it stays short)', () => {
    expect(output).toMatch(/^npm run package: build\/skill-package wrote skill\.json, 2 icons; build\/lambda ready for ask deploy$/m);
    expect(output).toContain('removed: build/skill-package/interactionModels/custom/xx-XX.json, build/lambda/stale.txt');
    expect(output.trim().split('\n').length).toBeLessThanOrEqual(2);
  });

  // -------------------------------------------------------------------------
  // The store icons: required to submit, drawn by npm run package.

  const listingLocales = () =>
    Object.entries(
      (readJson(join(root, 'skill.json')) as { manifest: { publishingInformation: { locales: Record<string, Record<string, string>> } } }).manifest
        .publishingInformation.locales,
    );

  test('every locale names a 108×108 and a 512×512 PNG icon that the skill package holds', () => {
    expect(listingLocales()).toHaveLength(17);
    for (const [locale, listing] of listingLocales()) {
      for (const [field, size] of [
        ['smallIconUri', 108],
        ['largeIconUri', 512],
      ] as const) {
        const uri = listing[field];
        expect([locale, field, uri]).toEqual([locale, field, expect.stringMatching(/^file:\/\/assets\/images\/\w+\.png$/)]);
        const png = readPng(readFileSync(join(skillPackage, uri.slice('file://'.length))));
        expect([locale, field, png.width, png.height]).toEqual([locale, field, size, size]);
      }
    }
  });

  test('the icons are opaque, with a background in the corners and the foot in the middle', () => {
    for (const file of ['smallIcon.png', 'largeIcon.png']) {
      const png = readPng(readFileSync(join(skillPackage, 'assets', 'images', file)));
      expect(png.colourType).toBe(2); // RGB, no alpha: nothing shows through on the store's white or dark pages
      const corners = [png.pixel(0, 0), png.pixel(png.width - 1, 0), png.pixel(0, png.height - 1), png.pixel(png.width - 1, png.height - 1)];
      expect(new Set(corners)).toEqual(new Set(['#2A7F86']));
      // Along the middle row: the background, then the cream foot; somewhere lower, the coral sole.
      const row = (y: number) => Array.from({ length: png.width }, (_, x) => png.pixel(x, y));
      expect(row(Math.round(png.height * 0.55))).toContain('#F4F1EA');
      expect(Array.from({ length: png.height }, (_, y) => row(y)).flat()).toContain('#F4846A');
    }
  });

  // -------------------------------------------------------------------------
  // The endpoint `ask deploy` writes into build/skill-package/skill.json survives re-packaging.

  const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:foot-massage-guide-test';
  /** What the ASK CLI does after the stack deploy (Manifest.setApisEndpointByDomainRegion, then write). */
  function writeEndpointAsTheCliDoes(): void {
    const manifest = readJson(join(skillPackage, 'skill.json')) as { manifest: { apis: { custom: Record<string, unknown> } } };
    manifest.manifest.apis.custom.endpoint = { uri: ARN };
    writeFileSync(join(skillPackage, 'skill.json'), JSON.stringify(manifest, null, 2));
  }

  test('re-packaging keeps the endpoint ask deploy wrote, byte for byte, so the CLI uploads nothing again', () => {
    writeEndpointAsTheCliDoes();
    const before = readFileSync(join(skillPackage, 'skill.json'));
    const result = packageSkill(root);
    expect(result.keptEndpoint).toBe(ARN);
    expect(result.skillPackageChanged).toBe(false);
    expect(readFileSync(join(skillPackage, 'skill.json')).equals(before)).toBe(true);
    // A change to skill.json itself still goes through, with the endpoint kept.
    const changed = readJson(join(root, 'skill.json')) as { manifest: Record<string, unknown> };
    const elsewhere = mkdtempSync(join(tmpdir(), 'fmg-endpoint-'));
    cpSync(join(root, 'interaction-models'), join(elsewhere, 'interaction-models'), { recursive: true });
    for (const dir of ['skill-package', 'lambda']) cpSync(join(root, 'build', dir), join(elsewhere, 'build', dir), { recursive: true });
    (changed.manifest.publishingInformation as { locales: Record<string, { keywords: string[] }> }).locales['en-US'].keywords.push('feet care');
    writeFileSync(join(elsewhere, 'skill.json'), JSON.stringify(changed));
    const again = packageSkill(elsewhere);
    expect(again.skillPackageChanged).toBe(true);
    const packaged = readJson(join(elsewhere, 'build', 'skill-package', 'skill.json')) as {
      manifest: { apis: { custom: { endpoint: unknown } }; publishingInformation: { locales: Record<string, { keywords: string[] }> } };
    };
    expect(packaged.manifest.apis.custom.endpoint).toEqual({ uri: ARN });
    expect(packaged.manifest.publishingInformation.locales['en-US'].keywords).toContain('feet care');
    // The made-up endpoint must not stay in this checkout's package, where a real deploy would find it.
    rmSync(join(skillPackage, 'skill.json'));
    expect(packageSkill(root).keptEndpoint).toBeNull();
  });

  test('an endpoint skill.json sets itself wins over the deployed one', () => {
    const own = { manifest: { apis: { custom: { endpoint: { uri: 'https://example.test/alexa', sslCertificateType: 'Wildcard' } } } } };
    const deployed = { manifest: { apis: { custom: { endpoint: { uri: ARN } } } } };
    expect(withDeployedEndpoint(own, deployed)).toEqual({ manifest: own, kept: null });
    expect(withDeployedEndpoint({ manifest: { apis: { custom: {} } } }, deployed)).toEqual({ manifest: deployed, kept: ARN });
  });

  // -------------------------------------------------------------------------
  // `ask deploy`'s build step: the CLI runs {project root}/hooks/build.sh "<zip>" <debug>
  // in a copy of the code folder (ask-cli lib/builtins/build-flows/custom.js), then uploads the zip.

  const hook = join(root, 'hooks', 'build.sh');
  /** The zip the first build step wrote, for the next to be compared with. */
  let firstZip: Buffer | undefined;
  function runHookAsTheCliDoes(): { status: number | null; stdout: string; stderr: string; zipFile: string } {
    const askCopy = mkdtempSync(join(tmpdir(), 'fmg-ask-build-'));
    const zipFile = join(askCopy, 'build.zip');
    const run = spawnSync(`${hook} "${zipFile}" false`, { shell: true, cwd: askCopy, encoding: 'utf8', timeout: 120_000 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, zipFile };
  }

  test('the build hook is executable, and a PowerShell twin exists for Windows', () => {
    expect(statSync(hook).mode & 0o111).not.toBe(0);
    expect(readFileSync(join(root, 'hooks', 'build.ps1'), 'utf8')).toContain('npm run --silent package -- --zip $OutFile');
  });

  test("ask deploy's build step rebuilds the bundle and zips what Lambda needs, and the zip answers in German", () => {
    writeFileSync(join(lambda, 'index.js'), 'exports.handler = () => "a stale bundle";');
    const run = runHookAsTheCliDoes();
    expect([run.status, run.stderr]).toEqual([0, '']);
    const files = readZip(readFileSync(run.zipFile));
    expect(files.map((f) => f.name)).toEqual(
      expect.arrayContaining(['index.js', 'dynamodbApi.js', 'package.json', 'locales/en/translation.json', 'locales/de/translation.json']),
    );
    expect(files.map((f) => f.name)).not.toContain('index.js.map');
    expect(files.map((f) => f.name)).not.toContain('dynamodbApi.js.map');
    for (const file of files) expect([file.name, file.mode]).toEqual([file.name, 0o644]);
    const unpacked = mkdtempSync(join(tmpdir(), 'fmg-unzipped-'));
    for (const file of files) {
      mkdirSync(join(unpacked, file.name, '..'), { recursive: true });
      writeFileSync(join(unpacked, file.name), file.data);
    }
    const { stdout: speech } = launchGermanIn(unpacked);
    expect(speech).toMatch(/Fußmassage|Fuß/);
    firstZip = readFileSync(run.zipFile);
  });

  test("ask deploy's build step stops the deploy when the skill package it already uploaded was out of date, and brings it up to date", () => {
    rmSync(join(skillPackage, 'assets', 'images', 'largeIcon.png'));
    const run = runHookAsTheCliDoes();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(STALE_PACKAGE_MESSAGE);
    expect(existsSync(run.zipFile)).toBe(false);
    expect(readPng(readFileSync(join(skillPackage, 'assets', 'images', 'largeIcon.png'))).width).toBe(512);
    const again = runHookAsTheCliDoes();
    expect(again.status).toBe(0);
    // The same code gives the same zip as the step before: the CLI's hash of it only moves when the code does.
    expect(firstZip && readFileSync(again.zipFile).equals(firstZip)).toBe(true);
  });
});

describe('a fresh clone', () => {
  test("npm ci lays out build/ for ask deploy (the prepare script), and .ask/ (the CLI's state) is not committed", () => {
    const scripts = (readJson(join(root, 'package.json')) as { scripts: Record<string, string> }).scripts;
    // …when the build tools are there: `npm ci --omit=dev` (a server that only runs) skips it.
    expect(scripts.prepare).toMatch(/require\.resolve\('esbuild'\).*process\.exit\(0\).*npm run --silent package/);
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toContain('/.ask/');
  });

  test('the Node version is written where tools read it', () => {
    const engines = (readJson(join(root, 'package.json')) as { engines: { node: string } }).engines;
    const nvmrc = readFileSync(join(root, '.nvmrc'), 'utf8').trim();
    expect(engines.node).toBe(`>=${nvmrc}`);
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(Number(nvmrc));
  });
});
