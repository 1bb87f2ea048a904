import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedSandboxForTests } from '../server/sandbox/testing';
import { main, type Io } from './cli';
import { deployCommand, destroyCommand } from './commands/deploy';

const sandbox = sharedSandboxForTests();
beforeAll(() => {
  process.env.AWS_ACCESS_KEY_ID = 'cli-test-key';
  process.env.AWS_SECRET_ACCESS_KEY = 'cli-test-secret';
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t) };
  return { io, out: () => out.join(''), err: () => err.join('') };
}
const answer = (yes: boolean) => ({ confirm: async () => yes });

describe('eventform deploy and destroy', () => {
  it('GIVEN a blueprint WHEN deployed with --yes THEN the identity, the diff and the events are printed and the exit code is 0', async () => {
    const c = capture();
    const code = await deployCommand(['image-processing', '--stack', 'cli-images', '--endpoint', sandbox.endpoint(), '--yes'], c.io);
    expect(code).toBe(0);
    expect(c.err()).toMatch(/Account 123456789012, as arn:aws:sts::123456789012:user\/moto/);
    expect(c.err()).toMatch(/\+ Thumbnailer {2}AWS::Lambda::Function/);
    expect(c.err()).toMatch(/CREATE_COMPLETE\s+cli-images \(AWS::CloudFormation::Stack\)/);
    expect(c.err()).toMatch(/Done: cli-images: CREATE_COMPLETE/);
    expect(c.err() + c.out()).not.toContain('cli-test-secret');
  }, 60_000);

  it('GIVEN the same blueprint again THEN nothing changes and the exit code is 0', async () => {
    const c = capture();
    expect(await deployCommand(['image-processing', '--stack', 'cli-images', '--endpoint', sandbox.endpoint(), '--yes'], c.io)).toBe(0);
    expect(c.err()).toMatch(/already up to date/);
  }, 60_000);

  it('GIVEN a "no" at the prompt THEN nothing is deployed and the exit code is 4', async () => {
    const c = capture();
    expect(await deployCommand(['website', '--stack', 'cli-declined', '--endpoint', sandbox.endpoint()], c.io, answer(false))).toBe(4);
    const list = capture();
    await destroyCommand(['--stack', 'cli-declined', '--endpoint', sandbox.endpoint(), '--yes'], list.io);
    expect(list.err()).not.toMatch(/Emptying/);
  }, 60_000);

  it('GIVEN the deployed stack WHEN destroyed and confirmed THEN its buckets are named in the question, emptied, and the stack deleted', async () => {
    const c = capture();
    let asked = '';
    const code = await destroyCommand(['--stack', 'cli-images', '--endpoint', sandbox.endpoint()], c.io, { confirm: async (q) => ((asked = q), true) });
    expect(code).toBe(0);
    expect(asked).toMatch(/^Delete stack cli-images and every object in thumbnails-.*, uploads-.*\?$/);
    expect(c.err()).toMatch(/Done: cli-images: DELETE_COMPLETE/);
  }, 60_000);

  it('GIVEN a diagram that does not load WHEN deployed THEN only its problem is printed: no account, no question, exit code 2', async () => {
    const c = capture();
    const asked: string[] = [];
    const prompt = { confirm: async (question: string) => (asked.push(question), true) };
    expect(await deployCommand(['no-such-blueprint', '--stack', 'never', '--endpoint', sandbox.endpoint()], c.io, prompt)).toBe(2);
    expect(await deployCommand(['no-such-blueprint', '--stack', 'never', '--endpoint', sandbox.endpoint(), '--profile', 'default'], c.io, prompt)).toBe(2);
    expect(c.err()).toMatch(/^eventform deploy: "no-such-blueprint" is neither a blueprint .* nor a readable file\n/);
    expect(c.err()).not.toMatch(/Account/);
    expect(asked).toEqual([]);
  });

  it('GIVEN bad usage THEN the exit code is 2', async () => {
    expect(await main(['deploy', 'website'], capture().io)).toBe(2);
    expect(await main(['deploy', 'nope', '--stack', 'x', '--endpoint', sandbox.endpoint()], capture().io)).toBe(2);
    expect(await main(['destroy'], capture().io)).toBe(2);
  });
});

describe('eventform deploy of an imported template', () => {
  it('GIVEN a template written by hand WHEN deployed directly THEN its resources are created as written, Parameters and Outputs included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eventform-import-deploy-'));
    const file = join(dir, 'jobs.yaml');
    writeFileSync(
      file,
      `Parameters:
  Retention:
    Type: Number
    Default: 3600
Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      MessageRetentionPeriod: !Ref Retention
  Alerts:
    Type: AWS::SNS::Topic
  JobsSubscription:
    Type: AWS::SNS::Subscription
    Properties: { TopicArn: !Ref Alerts, Protocol: sqs, Endpoint: !GetAtt Jobs.Arn }
Outputs:
  JobsUrl:
    Value: !Ref Jobs
`,
    );
    const c = capture();
    const code = await deployCommand([file, '--stack', 'cli-imported', '--endpoint', sandbox.endpoint(), '--yes'], c.io);
    expect(c.err()).toMatch(/\+ Jobs {2}AWS::SQS::Queue/);
    expect(c.err()).toMatch(/\+ JobsSubscription {2}AWS::SNS::Subscription/);
    expect(code).toBe(0);
    expect(c.err()).toMatch(/Done: cli-imported: CREATE_COMPLETE/);
    const destroyed = capture();
    expect(await destroyCommand(['--stack', 'cli-imported', '--endpoint', sandbox.endpoint(), '--yes'], destroyed.io)).toBe(0);
  }, 60_000);
});
