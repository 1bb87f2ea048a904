import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeployEvent } from './events';
import { executeChangeSet, explainFailure, type StackDeps } from './stack';
import { startCloudFormationFake, type Fake, type Script } from './testing/cloudformation-fake';

let fake: Fake | undefined;
afterEach(async () => fake?.close());

const STACK = 'fake-stack';
const stackEvent = (status: string, reason?: string) => ({ logicalId: STACK, type: 'AWS::CloudFormation::Stack', status, ...(reason ? { reason } : {}) });

async function run(script: Script, extra: Partial<StackDeps> = {}) {
  fake = await startCloudFormationFake(script);
  // One attempt per call: the deployer's own loop must do the retrying and the backing off.
  const cfn = new CloudFormationClient({ region: 'us-east-1', endpoint: fake.endpoint, credentials: { accessKeyId: 'fake', secretAccessKey: 'fake' }, maxAttempts: 1 });
  const sleeps: number[] = [];
  const events: DeployEvent[] = [];
  const result = await executeChangeSet({ cfn, sleep: async (ms) => void sleeps.push(ms), ...extra }, STACK, 'change-1', (e) => events.push(e));
  return {
    result,
    sleeps,
    events,
    streamed: events.flatMap((e) => (e.type === 'stack-event' ? [`${e.event.logicalId} ${e.event.status}`] : [])),
    notices: events.flatMap((e) => (e.type === 'notice' ? [e.message] : [])),
  };
}

const creation: Script['timeline'] = [
  { status: 'REVIEW_IN_PROGRESS', events: [] },
  { status: 'CREATE_IN_PROGRESS', events: [stackEvent('CREATE_IN_PROGRESS', 'User Initiated'), { logicalId: 'Jobs', type: 'AWS::SQS::Queue', status: 'CREATE_IN_PROGRESS' }] },
  {
    status: 'CREATE_IN_PROGRESS',
    events: [
      { logicalId: 'Jobs', type: 'AWS::SQS::Queue', status: 'CREATE_COMPLETE' },
      { logicalId: 'WorkerRole', type: 'AWS::IAM::Role', status: 'CREATE_IN_PROGRESS' },
    ],
  },
  { status: 'CREATE_IN_PROGRESS', events: [] },
  { status: 'CREATE_COMPLETE', events: [{ logicalId: 'WorkerRole', type: 'AWS::IAM::Role', status: 'CREATE_COMPLETE' }, stackEvent('CREATE_COMPLETE')] },
];

describe('watching a deployment against a scripted CloudFormation', () => {
  it('GIVEN events appearing over several polls THEN each is streamed once, in order, and the stack completes', async () => {
    const { result, streamed, sleeps } = await run({ stackName: STACK, timeline: creation });
    expect(result).toMatchObject({ ok: true, status: 'CREATE_COMPLETE' });
    expect(streamed).toEqual([
      `${STACK} CREATE_IN_PROGRESS`,
      'Jobs CREATE_IN_PROGRESS',
      'Jobs CREATE_COMPLETE',
      'WorkerRole CREATE_IN_PROGRESS',
      'WorkerRole CREATE_COMPLETE',
      `${STACK} CREATE_COMPLETE`,
    ]);
    // Quick polls while events arrive, slower after an idle poll.
    expect(sleeps[0]).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...sleeps)).toBeGreaterThan(1000);
  });

  it('GIVEN a resource that fails and a rollback THEN the first failed resource and its reason are surfaced, not the cancellations', async () => {
    const { result } = await run({
      stackName: STACK,
      timeline: [
        { status: 'REVIEW_IN_PROGRESS', events: [] },
        {
          status: 'CREATE_IN_PROGRESS',
          events: [
            stackEvent('CREATE_IN_PROGRESS'),
            { logicalId: 'Uploads', type: 'AWS::S3::Bucket', status: 'CREATE_IN_PROGRESS' },
            { logicalId: 'Worker', type: 'AWS::Lambda::Function', status: 'CREATE_IN_PROGRESS' },
          ],
        },
        {
          status: 'ROLLBACK_IN_PROGRESS',
          events: [
            {
              logicalId: 'Worker',
              type: 'AWS::Lambda::Function',
              status: 'CREATE_FAILED',
              reason: 'Resource handler returned message: "The role defined for the function cannot be assumed by Lambda."',
            },
            { logicalId: 'Uploads', type: 'AWS::S3::Bucket', status: 'CREATE_FAILED', reason: 'Resource creation cancelled' },
            stackEvent('ROLLBACK_IN_PROGRESS', 'The following resource(s) failed to create: [Worker, Uploads].'),
          ],
        },
        { status: 'ROLLBACK_COMPLETE', events: [{ logicalId: 'Uploads', type: 'AWS::S3::Bucket', status: 'DELETE_COMPLETE' }, stackEvent('ROLLBACK_COMPLETE')] },
      ],
    });
    expect(result).toMatchObject({ ok: false, status: 'ROLLBACK_COMPLETE' });
    const explained = explainFailure(result.status, result.events);
    expect(explained.resource).toBe('Worker');
    expect(explained.message).toBe(
      'Deployment failed: Worker (AWS::Lambda::Function) failed: Resource handler returned message: "The role defined for the function cannot be assumed by Lambda.". Everything it created was rolled back.',
    );
  });

  it('GIVEN throttling while polling THEN the deployer waits longer each time, says so, and still finishes', async () => {
    // Each poll asks for the events and the status at once (requests 4 and 5, 6 and 7, ...): one throttled request in each of two polls.
    const { result, sleeps, notices } = await run({ stackName: STACK, timeline: creation, faults: { 6: 'throttle', 8: 'throttle' } });
    expect(result.ok).toBe(true);
    expect(notices.filter((n) => n.startsWith('AWS asked to slow down'))).toHaveLength(2);
    const throttledWaits = sleeps.filter((s) => s >= 2000);
    expect(throttledWaits.length).toBeGreaterThanOrEqual(2);
    expect(throttledWaits[1]).toBeGreaterThan(throttledWaits[0]);
  });

  it('GIVEN a connection dropped during polling THEN it is retried and no event is lost or repeated', async () => {
    const { result, streamed, notices } = await run({ stackName: STACK, timeline: creation, faults: { 6: 'drop' } });
    expect(result.ok).toBe(true);
    expect(notices.some((n) => n.startsWith('Lost the connection to CloudFormation'))).toBe(true);
    expect(streamed).toHaveLength(6);
    expect(new Set(streamed).size).toBe(6);
  });

  it('GIVEN an update whose rollback fails THEN UPDATE_ROLLBACK_FAILED is explained with the way out', async () => {
    const { result } = await run({
      stackName: STACK,
      timeline: [
        { status: 'UPDATE_COMPLETE', events: [] },
        {
          status: 'UPDATE_IN_PROGRESS',
          events: [stackEvent('UPDATE_IN_PROGRESS'), { logicalId: 'Orders', type: 'AWS::DynamoDB::Table', status: 'UPDATE_FAILED', reason: 'Attribute definitions cannot change' }],
        },
        {
          status: 'UPDATE_ROLLBACK_FAILED',
          events: [{ logicalId: 'Worker', type: 'AWS::Lambda::Function', status: 'UPDATE_FAILED', reason: 'Function was deleted outside CloudFormation' }, stackEvent('UPDATE_ROLLBACK_FAILED')],
        },
      ],
    });
    expect(result).toMatchObject({ ok: false, status: 'UPDATE_ROLLBACK_FAILED' });
    const explained = explainFailure(result.status, result.events);
    expect(explained.message).toMatch(
      /^The update failed and CloudFormation could not roll it back \(UPDATE_ROLLBACK_FAILED\)\. Orders \(AWS::DynamoDB::Table\) failed: Attribute definitions cannot change\./,
    );
    expect(explained.message).toMatch(/aws cloudformation continue-update-rollback --stack-name/);
  });
});

describe('deploys always end', () => {
  const forever: Script['timeline'] = [{ status: 'REVIEW_IN_PROGRESS', events: [] }, ...Array.from({ length: 500 }, () => ({ status: 'CREATE_IN_PROGRESS', events: [] }))];

  it('GIVEN a stack that never settles WHEN the deadline passes THEN following stops with what was last seen, instead of polling forever', async () => {
    let clock = 0;
    const failure = run({ stackName: STACK, timeline: forever }, { now: () => (clock += 60_000), deadlineMs: 10 * 60_000 });
    await expect(failure).rejects.toThrow(/Stopped following after 10 minutes: the stack was still CREATE_IN_PROGRESS/);
  });

  it('GIVEN the user stops following THEN the wait ends at once, and says CloudFormation goes on', async () => {
    const stop = new AbortController();
    let polls = 0;
    const failure = run({ stackName: STACK, timeline: forever }, { sleep: async () => void (++polls === 3 && stop.abort()), signal: stop.signal });
    await expect(failure).rejects.toThrow(/Stopped following\. CloudFormation goes on with the stack/);
    expect(polls).toBe(3);
  });

  it('GIVEN a created stack whose change set never starts (it stays in REVIEW_IN_PROGRESS) THEN the deploy fails and says so', async () => {
    const never = Array.from({ length: 200 }, () => ({ status: 'REVIEW_IN_PROGRESS', events: [] }));
    await expect(run({ stackName: STACK, timeline: never })).rejects.toThrow(/never started the change set: the stack stayed in REVIEW_IN_PROGRESS/);
  });
});
