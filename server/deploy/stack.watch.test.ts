/**
 * The poll that asks for a stack's events and status at once, against a CloudFormation whose
 * answers cross: the status already settled, the events read a moment before the last ones were
 * written (real AWS cannot be made to do this on cue, so its two answers are scripted here).
 */
import { DescribeStackEventsCommand, DescribeStacksCommand, ExecuteChangeSetCommand, type StackEvent } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import type { DeployEvent } from './events';
import { executeChangeSet, type StackDeps } from './stack';

const STACK_ID = 'arn:aws:cloudformation:us-east-1:123456789012:stack/shop/1';
const event = (id: string, logicalId: string, type: string, status: string): StackEvent => ({
  StackId: STACK_ID,
  StackName: 'shop',
  EventId: id,
  LogicalResourceId: logicalId,
  ResourceType: type,
  ResourceStatus: status as StackEvent['ResourceStatus'],
  Timestamp: new Date(Date.UTC(2026, 11, 7, 12, 0, Number(id))),
});

/** A stack created in one go, whose events trail its status by one read. */
function crossingCloudFormation() {
  const review = event('1', 'shop', 'AWS::CloudFormation::Stack', 'REVIEW_IN_PROGRESS');
  const written = [
    event('2', 'shop', 'AWS::CloudFormation::Stack', 'CREATE_IN_PROGRESS'),
    event('3', 'Orders', 'AWS::DynamoDB::Table', 'CREATE_COMPLETE'),
    event('4', 'shop', 'AWS::CloudFormation::Stack', 'CREATE_COMPLETE'),
  ];
  let executed = false;
  let eventReads = 0;
  const requests: string[] = [];
  const cfn = {
    async send(command: unknown) {
      requests.push((command as object).constructor.name);
      if (command instanceof ExecuteChangeSetCommand) {
        executed = true;
        return {};
      }
      if (command instanceof DescribeStacksCommand)
        return { Stacks: [{ StackId: STACK_ID, StackName: 'shop', StackStatus: executed ? 'CREATE_COMPLETE' : 'REVIEW_IN_PROGRESS', CreationTime: new Date() }] };
      if (command instanceof DescribeStackEventsCommand) {
        // Newest first, as the API pages them. The first read after the execution misses the last event.
        const upTo = !executed ? 0 : eventReads++ === 0 ? 2 : 3;
        return { StackEvents: [review, ...written.slice(0, upTo)].reverse() };
      }
      throw new Error(`not scripted: ${(command as object).constructor.name}`);
    },
  };
  return { cfn, requests };
}

describe('watching a stack with one request of each kind per poll', () => {
  it('GIVEN a settled status read with events that miss its last event THEN the events are read again and none is lost', async () => {
    const { cfn, requests } = crossingCloudFormation();
    const streamed: DeployEvent[] = [];
    const deps = { cfn, sleep: async () => undefined } as unknown as StackDeps;
    const result = await executeChangeSet(deps, 'shop', 'eventform-1', (e) => streamed.push(e));
    expect(result).toMatchObject({ ok: true, status: 'CREATE_COMPLETE' });
    expect(result.events.map((e) => `${e.logicalId} ${e.status}`)).toEqual(['shop CREATE_IN_PROGRESS', 'Orders CREATE_COMPLETE', 'shop CREATE_COMPLETE']);
    expect(streamed.filter((e) => e.type === 'stack-event')).toHaveLength(3);
    // Before: status and known events; the execution; one poll of both; then the events and the status again.
    expect(requests.slice(3)).toEqual(['DescribeStackEventsCommand', 'DescribeStacksCommand', 'DescribeStackEventsCommand', 'DescribeStacksCommand']);
  });

  it('GIVEN the stack as the change set found it (the command line runs it right away) WHEN executed THEN nothing is asked before the execution, and only the newer events are reported', async () => {
    const { cfn, requests } = crossingCloudFormation();
    const deps = { cfn, sleep: async () => undefined } as unknown as StackDeps;
    const result = await executeChangeSet(deps, 'shop', 'eventform-1', () => undefined, { stackId: STACK_ID, status: 'REVIEW_IN_PROGRESS', newestEventId: '1' });
    expect(requests[0]).toBe('ExecuteChangeSetCommand');
    expect(result.events.map((e) => `${e.logicalId} ${e.status}`)).toEqual(['shop CREATE_IN_PROGRESS', 'Orders CREATE_COMPLETE', 'shop CREATE_COMPLETE']);
  });
});
