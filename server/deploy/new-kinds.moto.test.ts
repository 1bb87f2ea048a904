/**
 * The connections added for real architectures (EventBridge Pipes from queues and streams, a queue's
 * dead-letter queue as an edge, a table streaming into Kinesis, a function's asynchronous
 * destinations, EventBridge Scheduler's schedules; pipes into a function and their enrichments, stream
 * on-failure destinations, a rule target's retries and dead-letter queue), each deployed from its rule
 * fixture to the local sandbox.
 */
import { describe, expect, it } from 'vitest';
import { diagram } from '../../generators/graph/build';
import { RULE_FIXTURES } from '../../generators/testing/rule-fixtures';
import type { DeployEvent } from '../../protocol';
import { ACKNOWLEDGE_ALL, sharedSandboxForTests } from '../sandbox/testing';
import { carryOutDeployment, planDeployment } from './deployment';

const NEW_ROWS = [
  'sqs->stepfunctions',
  'sqs->sns',
  'sqs->eventbridge',
  'sqs->kinesis',
  'kinesis->stepfunctions',
  'kinesis->sqs',
  'kinesis->sns',
  'kinesis->eventbridge',
  'dynamodb->kinesis',
  'sqs->sqs',
  'scheduler->lambda',
  'scheduler->stepfunctions',
  'scheduler->sqs',
  'scheduler->sns',
  'scheduler->eventbridge',
  'scheduler->kinesis',
  // Pipes into a function, enrichments, stream on-failure destinations, rule-target retries and dead-letter queues.
  'sqs->lambda through a pipe',
  'kinesis->lambda through a pipe enriched by an express workflow',
  'dynamodb->lambda through a pipe enriched by a function',
  'kinesis->lambda with an on-failure queue',
  'dynamodb->lambda with an on-failure topic',
  'sqs->stepfunctions through a pipe enriched by an express workflow',
  'eventbridge->lambda with a dead-letter queue and retries',
  'eventbridge->sqs with a dead-letter queue',
  'eventbridge->eventbridge with a dead-letter queue and retries',
];

const sandbox = sharedSandboxForTests();

describe('new connection kinds on the local sandbox', () => {
  const fixtures = RULE_FIXTURES.filter((f) => NEW_ROWS.includes(f.key)).map((f) => f.spec);

  it('GIVEN the table of rules THEN every new row has its fixture', () => {
    expect(
      RULE_FIXTURES.filter((f) => NEW_ROWS.includes(f.key))
        .map((f) => f.key)
        .sort(),
    ).toEqual([...NEW_ROWS].sort());
  });

  it.each(fixtures.map((f) => [f.name, f] as const))(
    'GIVEN the fixture "%s" WHEN deployed THEN the stack is created',
    async (_name, fixture) => {
      const events: DeployEvent[] = [];
      const graph = diagram(fixture);
      // moto builds a resource's generated name from the whole stack name and cuts it at the service's limit (80 characters for a
      // queue or a state machine), where CloudFormation shortens the stack part: stack names stay short so two names stay apart.
      const stack = `nk-${fixtures.indexOf(fixture)}-${(fixture.name ?? 'fixture')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .slice(5, 35)}`.replace(/-+$/, '');
      const plan = await planDeployment(sandbox.env(), graph, stack, (e) => events.push(e), ACKNOWLEDGE_ALL);
      expect(plan.kind).toBe('changes');
      if (plan.kind !== 'changes') return;
      const done = await carryOutDeployment(sandbox.env(), graph, stack, plan.changeSetName, (e) => events.push(e));
      expect({ done, last: events.at(-1) }).toMatchObject({ done: true, last: { type: 'done', ok: true, status: 'CREATE_COMPLETE' } });
    },
    60_000,
  );

  it('GIVEN a function with an on-failure queue and an on-success topic WHEN deployed THEN the stack is created', async () => {
    const events: DeployEvent[] = [];
    const graph = diagram({
      name: 'Destinations',
      nodes: { Resize: 'lambda', Failed: 'sqs', Done: 'sns' },
      edges: [
        ['Resize', 'Failed', { when: 'on-failure' }],
        ['Resize', 'Done', { when: 'on-success' }],
      ],
    });
    const plan = await planDeployment(sandbox.env(), graph, 'destinations', (e) => events.push(e), ACKNOWLEDGE_ALL);
    expect(plan.kind).toBe('changes');
    if (plan.kind !== 'changes') return;
    expect(plan.changes.map((c) => c.logicalId)).toContain('ResizeInvokeConfig');
    expect(await carryOutDeployment(sandbox.env(), graph, 'destinations', plan.changeSetName, (e) => events.push(e))).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'done', ok: true, status: 'CREATE_COMPLETE' });
  }, 60_000);
});
