/** A function's asynchronous invocations: on-failure and on-success destinations, and a queue's dead-letter queue as an edge. */
import { describe, expect, it } from 'vitest';
import { diagram } from '../../graph/build';
import type { Graph } from '../../graph/model';
import { synthesize } from '../../template/synth';
import { diagnose } from '../../diagnostics/check';
import { simulate, type FlowTrace } from '../../flow/simulate';
import { scenariosFor } from '../../flow/scenarios';

const trace = (graph: Graph, result: FlowTrace) => {
  const name = (id?: string) => graph.nodes.find((n) => n.id === id)?.name ?? '';
  return result.hops.map((h) => `${h.tick} ${h.from ? `${name(h.from)}->` : ''}${name(h.to)} ${h.outcome} x${h.count}`);
};
const run = (graph: Graph & { ids: Record<string, string> }, source: string, label: string, failing: string[] = []) =>
  simulate(graph, scenariosFor(graph, graph.ids[source]).find((s) => s.label === label)!, { failing: new Set(failing.map((f) => graph.ids[f])) });

const resize = () =>
  diagram({
    nodes: { Photos: 's3', Resize: 'lambda', Failed: 'sqs', Done: 'sns', Thumbs: 's3' },
    edges: [
      ['Photos', 'Resize'],
      ['Resize', 'Thumbs', { access: 'write' }],
      ['Resize', 'Failed', { when: 'on-failure' }],
      ['Resize', 'Done', { when: 'on-success' }],
    ],
  });

describe('asynchronous invocation destinations', () => {
  it('GIVEN a function with an on-failure queue and an on-success topic WHEN synthesized THEN one EventInvokeConfig names both, the role may deliver to each, and neither is in the environment', () => {
    const { template } = synthesize(resize());
    expect(template.Resources.ResizeInvokeConfig).toEqual({
      Type: 'AWS::Lambda::EventInvokeConfig',
      Properties: {
        FunctionName: { Ref: 'Resize' },
        Qualifier: '$LATEST',
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['Failed', 'Arn'] } }, OnSuccess: { Destination: { Ref: 'Done' } } },
      },
    });
    const statements = JSON.stringify(template.Resources.ResizeRole);
    expect(statements).toContain('"Sid":"OnFailureFailed","Effect":"Allow","Action":["sqs:SendMessage"]');
    expect(statements).toContain('"Sid":"OnSuccessDone","Effect":"Allow","Action":["sns:Publish"]');
    const variables = Object.keys((template.Resources.Resize.Properties as { Environment: { Variables: object } }).Environment.Variables);
    expect(variables.some((v) => v.startsWith('FAILED_') || v.startsWith('DONE_'))).toBe(false);
  });

  it('GIVEN the function fails THEN after Lambda’s two retries the event’s record reaches the on-failure queue; GIVEN it succeeds THEN the on-success topic hears of it', () => {
    const graph = resize();
    expect(trace(graph, run(graph, 'Photos', 'upload photo.png', ['Resize']))).toEqual([
      '0 Photos arrived x1',
      '1 Photos->Resize delivered x1',
      '2 Resize retried x1',
      '3 Resize->Failed delivered x1',
      '4 Failed waiting x1',
    ]);
    expect(trace(graph, run(graph, 'Photos', 'upload photo.png'))).toContain('2 Resize->Done delivered x1');
  });

  it('GIVEN two on-failure destinations THEN an error says Lambda keeps one', () => {
    const graph = diagram({
      nodes: { Fn: 'lambda', A: 'sqs', B: 'sns' },
      edges: [
        ['Fn', 'A', { when: 'on-failure' }],
        ['Fn', 'B', { when: 'on-failure' }],
      ],
    });
    expect(diagnose(graph).find((d) => d.code === 'two-destinations')?.message).toBe(
      "Fn has 2 on-failure destinations: Lambda sends an invocation's record to one only. Keep one, and reach the others from it",
    );
  });
});

describe('a queue redriving into a dead-letter queue', () => {
  const jobs = () =>
    diagram({
      nodes: { Jobs: ['sqs', { deadLetterQueue: false }], Worker: 'lambda', Parked: ['sqs', { deadLetterQueue: false, retentionSeconds: 1209600 }] },
      edges: [
        ['Jobs', 'Worker', { batchSize: 10 }],
        ['Jobs', 'Parked', { maxReceiveCount: 3 }],
      ],
    });

  it('GIVEN the redrive WHEN synthesized THEN the queue’s RedrivePolicy names the dead-letter queue with the receive count', () => {
    expect(synthesize(jobs()).template.Resources.Jobs.Properties?.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': ['Parked', 'Arn'] }, maxReceiveCount: 3 });
  });

  it('GIVEN a failing consumer THEN messages are received 3 times, then move along the edge to the dead-letter queue', () => {
    const graph = jobs();
    expect(trace(graph, run(graph, 'Jobs', 'send 1 message', ['Worker']))).toEqual([
      '0 Jobs arrived x1',
      '2 Jobs->Worker delivered x1',
      '3 Worker retried x1',
      '4 Jobs->Parked delivered x1',
      '5 Parked waiting x1',
    ]);
  });

  it('GIVEN a dead-letter queue that keeps messages no longer than its source THEN a warning says dead letters may expire first', () => {
    const graph = diagram({
      nodes: { Jobs: ['sqs', { deadLetterQueue: false }], Parked: ['sqs', { deadLetterQueue: false }] },
      edges: [['Jobs', 'Parked']],
    });
    expect(diagnose(graph).map((d) => d.code)).toContain('dead-letters-expire-first');
  });
});

describe('destinations and dead letters read from a template', () => {
  it('GIVEN an EventInvokeConfig with both destinations and a function dead-letter queue WHEN imported THEN the edges say when Lambda sends there', async () => {
    const { importTemplate } = await import('../../import');
    const result = importTemplate(`Resources:
  Fn: { Type: AWS::Lambda::Function, Properties: { Runtime: python3.13, Handler: index.handler, Role: arn:aws:iam::123456789012:role/r, Code: { ZipFile: x }, DeadLetterConfig: { TargetArn: !GetAtt Dead.Arn } } }
  Dead: { Type: AWS::SQS::Queue }
  Failed: { Type: AWS::SQS::Queue }
  Done: { Type: AWS::SNS::Topic }
  Config:
    Type: AWS::Lambda::EventInvokeConfig
    Properties:
      FunctionName: !Ref Fn
      Qualifier: $LATEST
      DestinationConfig: { OnFailure: { Destination: !GetAtt Failed.Arn }, OnSuccess: { Destination: !Ref Done } }
`);
    if (!result.ok) throw new Error(result.error);
    const when = Object.fromEntries(result.graph.edges.map((e) => [result.graph.nodes.find((n) => n.id === e.target)!.name, e.props.when]));
    expect(when).toEqual({ Dead: 'on-failure', Failed: 'on-failure', Done: 'on-success' });
  });
});
