/**
 * The connections whose props change what they are (a trigger through a pipe, an express workflow
 * enriching a pipe, a stream's on-failure destination, a rule target's dead-letter queue and
 * retries): Eventform's own template of each, imported, draws the same edge with the same props,
 * and SAM's way of writing the same thing is read alike.
 */
import { describe, expect, it } from 'vitest';
import { importTemplate } from '.';
import { diagram } from '../graph/build';
import { parseGraphFile } from '../graph/file';
import type { Graph } from '../graph/model';
import type { PropSpec, Props } from '../props/spec';
import { synthesize } from '../template/synth';
import { toYaml } from '../template/writer';
import { RULE_FIXTURES } from '../testing/rule-fixtures';

const named = (graph: Graph, id: string) => graph.nodes.find((n) => n.id === id)!.name;
const edgeBetween = (graph: Graph, from: string, to: string) => graph.edges.find((e) => named(graph, e.source) === from && named(graph, e.target) === to);

const VARIANTS = RULE_FIXTURES.filter((f) => f.key.includes(' '));

/** The props the inspector shows for an edge (not those its other props hide), JSON text compared as JSON. */
const shown = (specs: readonly PropSpec[], props: Props) =>
  Object.fromEntries(
    specs
      .filter((spec) => spec.key !== 'order' && (!spec.visibleWhen || spec.visibleWhen(props)))
      .map((spec) => {
        const value = props[spec.key];
        return [spec.key, typeof value === 'string' && /^[[{]/.test(value) ? JSON.parse(value) : value];
      }),
  );

describe("Eventform's own templates of the edge variants", () => {
  it('GIVEN the fixtures THEN there is one for each variant the issue names', () => {
    expect(VARIANTS.map((f) => f.key)).toEqual(
      expect.arrayContaining([
        'sqs->lambda through a pipe',
        'kinesis->lambda through a pipe enriched by an express workflow',
        'kinesis->lambda with an on-failure queue',
        'dynamodb->lambda with an on-failure topic',
        'eventbridge->lambda with a dead-letter queue and retries',
      ]),
    );
  });

  it.each(VARIANTS.map((f) => [f.key, f] as const))('GIVEN %s WHEN its template is imported THEN the edge and its props come back', (_, f) => {
    const drawn = diagram(f.spec);
    const result = importTemplate(toYaml(synthesize(drawn).template));
    if (!result.ok) throw new Error(result.error);
    const edge = edgeBetween(result.graph, f.spec.source, f.spec.target);
    expect(edge, `${f.spec.source} -> ${f.spec.target}`).toBeDefined();
    const expected = drawn.edges.find((e) => named(drawn, e.source) === f.spec.source && named(drawn, e.target) === f.spec.target)!;
    expect(shown(f.rule.props, edge!.props)).toEqual(shown(f.rule.props, expected.props));
    // The node a prop names is drawn, and no edge of its own stands for the reference.
    for (const spec of f.rule.props.filter((p) => p.type === 'string' && p.names)) {
      const name = String(expected.props[spec.key] ?? '');
      if (name) expect(edgeBetween(result.graph, f.spec.source, name), `${f.spec.source} -> ${name}`).toBeUndefined();
    }
    expect(result.warnings).toEqual([]);
  });
});

describe('SAM events that say the same', () => {
  const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Orders: { Type: AWS::Kinesis::Stream, Properties: { ShardCount: 1 } }
  Failures: { Type: AWS::SQS::Queue }
  Undelivered: { Type: AWS::SQS::Queue }
  Bus: { Type: AWS::Events::EventBus, Properties: { Name: orders } }
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: index.handler
      InlineCode: x
      Events:
        Stream:
          Type: Kinesis
          Properties:
            Stream: !GetAtt Orders.Arn
            StartingPosition: LATEST
            DestinationConfig: { OnFailure: { Type: SQS, Destination: !GetAtt Failures.Arn } }
        Placed:
          Type: EventBridgeRule
          Properties:
            EventBusName: !Ref Bus
            Pattern: { source: [shop] }
            RetryPolicy: { MaximumRetryAttempts: 3 }
            DeadLetterConfig: { Arn: !GetAtt Undelivered.Arn }
`;
  const result = importTemplate(TEMPLATE);
  if (!result.ok) throw new Error(result.error);

  it('GIVEN a Kinesis event with an on-failure queue WHEN imported THEN the trigger names that queue', () => {
    expect(edgeBetween(result.graph, 'Orders', 'Worker')?.props).toMatchObject({ via: 'mapping', onFailure: 'Failures' });
  });

  it('GIVEN an EventBridgeRule event with retries and a dead-letter queue WHEN imported THEN the rule target says both, and the event age stays CloudFormation’s', () => {
    expect(edgeBetween(result.graph, 'Bus', 'Worker')?.props).toMatchObject({ eventPattern: '{"source":["shop"]}', retryAttempts: 3, maxEventAgeSeconds: 86400, deadLetterQueue: 'Undelivered' });
  });
});

describe('a dead-letter queue or destination the diagram does not draw', () => {
  it('GIVEN a rule target whose dead-letter queue is an ARN from elsewhere WHEN imported THEN the prop is empty and the value is kept as written', () => {
    const result = importTemplate(`Resources:
  Worker: { Type: AWS::Lambda::Function, Properties: { Runtime: python3.13, Handler: index.handler, Role: arn:aws:iam::123456789012:role/x, Code: { ZipFile: x } } }
  Placed:
    Type: AWS::Events::Rule
    Properties:
      EventPattern: { source: [shop] }
      Targets: [{ Id: w, Arn: !GetAtt Worker.Arn, DeadLetterConfig: { Arn: arn:aws:sqs:us-east-1:123456789012:elsewhere } }]
`);
    if (!result.ok) throw new Error(result.error);
    const edge = result.graph.edges.find((e) => named(result.graph, e.target) === 'Worker')!;
    expect(edge.props.deadLetterQueue).toBe('');
    expect(edge.origin?.written?.deadLetterQueue?.value).toBe('arn:aws:sqs:us-east-1:123456789012:elsewhere');
  });
});

describe('a diagram file saved before these props existed', () => {
  // As Eventform wrote it before `via`, `enrichment`, `onFailure`, `retryAttempts`, `maxEventAgeSeconds` and `deadLetterQueue`.
  const OLD_FILE = JSON.stringify({
    format: 'eventform/graph',
    version: 1,
    name: 'Before',
    nodes: [
      { id: 'q', kind: 'sqs', name: 'Orders', position: { x: 0, y: 0 }, props: {} },
      { id: 's', kind: 'kinesis', name: 'Clicks', position: { x: 0, y: 200 }, props: {} },
      { id: 'b', kind: 'eventbridge', name: 'Bus', position: { x: 0, y: 400 }, props: {} },
      { id: 'f', kind: 'lambda', name: 'Handler', position: { x: 400, y: 200 }, props: {} },
    ],
    edges: [
      { id: 'e1', source: 'q', target: 'f', props: { batchSize: 5 } },
      { id: 'e2', source: 's', target: 'f', props: { batchSize: 50, maximumRetryAttempts: 2 } },
      { id: 'e3', source: 'b', target: 'f', props: { eventPattern: '{"source":["orders"]}' } },
    ],
  });

  it('GIVEN the file WHEN opened THEN it opens, each connection a mapping or a plain rule target, and generates no pipe, destination, retry policy or dead-letter queue', () => {
    const opened = parseGraphFile(OLD_FILE);
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.graph.edges.map((e) => e.props.via ?? e.props.retryAttempts)).toEqual(['mapping', 'mapping', 185]);
    const resources = Object.values(synthesize(opened.graph).template.Resources);
    expect(resources.filter((r) => r.Type === 'AWS::Pipes::Pipe' || r.Type === 'AWS::Lambda::EventInvokeConfig')).toEqual([]);
    const mappings = resources.filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping');
    expect(mappings.map((m) => [m.Properties?.BatchSize, m.Properties?.DestinationConfig]).sort()).toEqual([
      [5, undefined],
      [50, undefined],
    ]);
    const targets = resources.filter((r) => r.Type === 'AWS::Events::Rule').flatMap((r) => r.Properties?.Targets as Record<string, unknown>[]);
    expect(targets.map((t) => [t.RetryPolicy, t.DeadLetterConfig])).toEqual([[undefined, undefined]]);
  });
});
