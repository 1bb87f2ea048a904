/** EventBridge Scheduler: a schedule with its one target, drawn, generated, priced, animated and read back. */
import { describe, expect, it } from 'vitest';
import { diagram } from '../../graph/build';
import { connect } from '../../graph/operations';
import { synthesize } from '../../template/synth';
import { estimateCost } from '../../cost/estimate';
import { simulate } from '../../flow/simulate';
import { scenariosFor } from '../../flow/scenarios';
import { importTemplate } from '../../import';
import { runsPerMonth } from './runs';

const nightly = () =>
  diagram({
    nodes: { Nightly: ['scheduler', { scheduleExpression: 'cron(0 2 * * ? *)', timezone: 'Europe/Paris', flexibleWindowMinutes: 15 }], Report: 'lambda', Audit: 'sqs' },
    edges: [['Nightly', 'Report']],
  });

describe('EventBridge Scheduler', () => {
  it('GIVEN a schedule connected to a function WHEN synthesized THEN one Schedule targets it with a role allowed only to invoke it', () => {
    const { template } = synthesize(nightly());
    const schedule = template.Resources.Nightly as { Type: string; Properties: Record<string, any> };
    expect(schedule.Type).toBe('AWS::Scheduler::Schedule');
    expect(schedule.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 2 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Paris',
      FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 15 },
      Target: { RoleArn: { 'Fn::GetAtt': ['NightlyToReportScheduleRole', 'Arn'] }, Input: '{}' },
    });
    const role = template.Resources.NightlyToReportScheduleRole as unknown as { Properties: { Policies: { PolicyDocument: { Statement: { Action: string[]; Resource: unknown[] }[] } }[] } };
    const statements = role.Properties.Policies.flatMap((p) => p.PolicyDocument.Statement);
    expect(statements).toEqual([expect.objectContaining({ Action: ['lambda:InvokeFunction'], Resource: [schedule.Properties.Target.Arn] })]);
    expect(JSON.stringify(schedule.Properties.Target.Arn)).toContain(':function:Report-');
  });

  it('GIVEN a schedule with its target WHEN a second target is drawn THEN it is refused, saying a schedule has one', () => {
    const graph = nightly();
    const second = connect(graph, graph.ids.Nightly, graph.ids.Audit);
    expect(second).toEqual({ ok: false, error: 'Nightly already has its target: a schedule has one. Add another schedule for another target' });
  });

  it('GIVEN schedules THEN the runs a month are counted from the expression, and the estimate charges those, whatever the stated load', () => {
    expect(runsPerMonth('rate(5 minutes)')).toBe(8640);
    expect(runsPerMonth('rate(1 day)')).toBe(30);
    expect(runsPerMonth('cron(0 2 * * ? *)')).toBe(30);
    expect(runsPerMonth('cron(0/15 9-17 ? * MON-FRI *)')).toBe(4 * 9 * 21);
    expect(runsPerMonth('at(2027-01-31T09:00:00)')).toBe(1);
    const graph = nightly();
    const line = estimateCost(graph).lines.find((l) => l.nodeId === graph.ids.Nightly)!;
    expect(line.items[0]).toMatchObject({ label: 'Scheduled invocations', quantity: 30 });
    expect(
      estimateCost(graph)
        .lines.find((l) => l.nodeId === graph.ids.Report)!
        .items.find((i) => /Requests|Invocations/.test(i.label))?.quantity,
    ).toBe(30);
  });

  it('GIVEN the schedule fires THEN the function is invoked, asynchronously', () => {
    const graph = nightly();
    const result = simulate(graph, scenariosFor(graph, graph.ids.Nightly)[0]);
    expect(result.hops.map((h) => h.text)).toContain('Nightly fires (cron(0 2 * * ? *)) and delivers an empty payload to Report');
  });

  it('GIVEN a template with a schedule WHEN imported THEN it is a schedule node showing its expression, and an edge to its target', () => {
    const result = importTemplate(`Resources:
  Queue: { Type: AWS::SQS::Queue }
  Every5:
    Type: AWS::Scheduler::Schedule
    Properties:
      ScheduleExpression: rate(5 minutes)
      FlexibleTimeWindow: { Mode: 'OFF' }
      Target: { Arn: !GetAtt Queue.Arn, RoleArn: !GetAtt Every5Role.Arn, Input: '{"job": "sweep"}' }
  Every5Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: scheduler.amazonaws.com }, Action: sts:AssumeRole }] }
`);
    if (!result.ok) throw new Error(result.error);
    const schedule = result.graph.nodes.find((n) => n.kind === 'scheduler')!;
    expect(schedule.props).toMatchObject({ scheduleExpression: 'rate(5 minutes)', payload: '{"job": "sweep"}', flexibleWindowMinutes: 0 });
    expect(schedule.origin?.logicalIds).toEqual(['Every5', 'Every5Role']);
    expect(result.graph.edges.map((e) => [e.source, e.target])).toEqual([[schedule.id, result.graph.nodes.find((n) => n.name === 'Queue')!.id]]);
  });
});
