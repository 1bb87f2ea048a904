import { CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { sharedSandboxForTests } from '../sandbox/testing';
import { clientsFor, prefetchStackStatus, takeStackStatus } from './clients';

const sandbox = sharedSandboxForTests();
const TEMPLATE = JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue' } } });

describe('the stack status asked ahead of the plan', () => {
  it('GIVEN a status prefetched before the stack existed WHEN the plan takes it THEN it gets that answer once, and the next ask is answered afresh', async () => {
    const env = sandbox.env();
    await expect(prefetchStackStatus(env, 'prefetched-status')).resolves.toBeNull();
    await clientsFor(env).cfn.send(new CreateStackCommand({ StackName: 'prefetched-status', TemplateBody: TEMPLATE }));
    await expect(takeStackStatus(env, 'prefetched-status')).resolves.toBeNull();
    await expect(takeStackStatus(env, 'prefetched-status')).resolves.toMatchObject({ status: 'CREATE_COMPLETE' });
  });

  it('GIVEN a status prefetched for another stack WHEN the plan asks about its own THEN it is asked afresh', async () => {
    const env = sandbox.env();
    await clientsFor(env).cfn.send(new CreateStackCommand({ StackName: 'asked-afresh', TemplateBody: TEMPLATE }));
    await prefetchStackStatus(env, 'some-other-stack');
    await expect(takeStackStatus(env, 'asked-afresh')).resolves.toMatchObject({ status: 'CREATE_COMPLETE' });
  });
});
