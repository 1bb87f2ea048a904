/**
 * What an imported node or edge shows is the template's value, or is marked as kept as written
 * (with why); and the export stays what was read.
 */
import { describe, expect, it } from 'vitest';
import { importTemplate } from '.';
import { readTemplateSource } from './source';
import { synthesize } from '../template/synth';
import { toYaml } from '../template/writer';
import { diagnose } from '../diagnostics/check';
import { parseGraphFile, serializeGraph } from '../graph/file';
import { addNode, connect, setNodeProp } from '../graph/operations';
import { emptyGraph, type Graph } from '../graph/model';
import { propBag } from '../props/spec';
import { INLINE_CODE_LIMIT } from '../../lambda-templates';

const read = (text: string) => {
  const result = importTemplate(text);
  if (!result.ok) throw new Error(result.error);
  return result.graph;
};
const nodeOf = (graph: Graph, logicalId: string) => graph.nodes.find((n) => n.origin?.logicalIds[0] === logicalId)!;
const edgeInto = (graph: Graph, logicalId: string) => graph.edges.find((e) => e.target === nodeOf(graph, logicalId).id)!;
const meaning = (text: string) => JSON.parse(JSON.stringify(readTemplateSource(text).value));
const lossless = (graph: Graph, text: string) => expect(meaning(toYaml(synthesize(graph).template))).toEqual(meaning(text));

const FUNCTIONS = `Transform: AWS::Serverless-2016-10-31
Parameters:
  Runtime: { Type: String, Default: python3.12 }
Resources:
  Old:
    Type: AWS::Serverless::Function
    Properties: { Runtime: nodejs18.x, Handler: app.handler, CodeUri: s3://b/k.zip }
  Chosen:
    Type: AWS::Serverless::Function
    Properties: { Runtime: !Ref Runtime, Handler: app.handler, CodeUri: s3://b/k.zip }
  Java:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: java21
      Handler: app.Handler
      Role: arn:aws:iam::123456789012:role/r
      Code: { S3Bucket: b, S3Key: app.jar }
`;

describe('imported functions show their runtime', () => {
  it('GIVEN a Node.js 18 function WHEN imported THEN it shows nodejs18.x, editable, and a warning names the upgrade', () => {
    const graph = read(FUNCTIONS);
    const old = nodeOf(graph, 'Old');
    expect(propBag(old).runtime).toBe('nodejs18.x');
    expect(old.origin?.bound).toContain('runtime');
    const warning = diagnose(graph).find((d) => d.code === 'runtime-deprecated' && d.nodeIds.includes(old.id));
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(/nodejs18\.x, which Lambda deprecated on 2025-09-01.*Upgrade to nodejs24\.x/);
    lossless(graph, FUNCTIONS);
  });

  it('GIVEN a runtime from a parameter WHEN imported THEN it is shown as written, with why, and not offered for editing', () => {
    const chosen = nodeOf(read(FUNCTIONS), 'Chosen');
    expect(chosen.origin?.bound).not.toContain('runtime');
    expect(chosen.origin?.written?.runtime).toEqual({ value: '${Runtime}', why: 'the template computes it when the stack is deployed' });
  });

  it('GIVEN a Java function whose code is in S3 THEN it shows java21 and raises no error: its code is its own', () => {
    const graph = read(FUNCTIONS);
    const java = nodeOf(graph, 'Java');
    expect(propBag(java).runtime).toBe('java21');
    expect(diagnose(graph).filter((d) => d.nodeIds.includes(java.id) && d.severity === 'error')).toEqual([]);
  });

  it('GIVEN a drawn function WHEN a file gives it a runtime Eventform writes no code for THEN the error says which ones it does', () => {
    const added = addNode(emptyGraph(), 'lambda', { x: 0, y: 0 }, { props: { runtime: 'java21' } });
    if (!added.ok) throw new Error(added.error);
    const graph = added.graph;
    expect(diagnose(graph).find((d) => d.code === 'runtime-without-code')?.message).toMatch(/java21, but Eventform writes function code in Python and Node\.js only/);
  });
});

const TABLES = `Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      AttributeDefinitions:
        - { AttributeName: PK, AttributeType: S }
        - { AttributeName: createdAt, AttributeType: N }
      KeySchema:
        - { AttributeName: PK, KeyType: HASH }
        - { AttributeName: createdAt, KeyType: RANGE }
      ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 2 }
  Carts:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: cart_id, AttributeType: B }]
      KeySchema: [{ AttributeName: cart_id, KeyType: HASH }]
  Simple:
    Type: AWS::Serverless::SimpleTable
    Properties: { PrimaryKey: { Name: orderId, Type: Number } }
`;

describe('imported tables show their keys and capacity', () => {
  it('GIVEN tables with their own key names, types and capacity WHEN imported THEN the node shows them, keys as written with why', () => {
    const graph = read(TABLES);
    const orders = nodeOf(graph, 'Orders');
    expect(orders.props).toMatchObject({ partitionKey: 'PK', partitionKeyType: 'S', sortKey: 'createdAt', sortKeyType: 'N', billingMode: 'PROVISIONED', readCapacity: 3, writeCapacity: 2 });
    expect(orders.origin?.written?.partitionKey).toEqual({ value: 'PK', why: expect.stringMatching(/keys cannot change without replacing it/) });
    expect(orders.origin?.written?.billingMode?.value).toBe('PROVISIONED (the default: the template leaves it out)');
    expect(orders.origin?.bound).toEqual(expect.arrayContaining(['readCapacity', 'writeCapacity']));
    expect(nodeOf(graph, 'Carts').props).toMatchObject({ partitionKey: 'cart_id', partitionKeyType: 'B', sortKey: '', billingMode: 'PAY_PER_REQUEST' });
    expect(nodeOf(graph, 'Simple').props).toMatchObject({ partitionKey: 'orderId', partitionKeyType: 'N' });
    lossless(graph, TABLES);
  });

  it('GIVEN a provisioned table THEN the estimate charges its capacity by the hour, whatever the load', async () => {
    const { estimateCost } = await import('../cost/estimate');
    const graph = read(TABLES);
    const line = estimateCost(graph).lines.find((l) => l.nodeId === nodeOf(graph, 'Orders').id)!;
    expect(line.items.map((i) => i.label)).toEqual(['Storage', 'Provisioned write units', 'Provisioned read units']);
    expect(line.items[1].usd).toBeCloseTo(2 * 730 * 0.00065, 6);
  });
});

const MAPPINGS = `Transform: AWS::Serverless-2016-10-31
Resources:
  Queue: { Type: AWS::SQS::Queue }
  Stream: { Type: AWS::Kinesis::Stream, Properties: { ShardCount: 1 } }
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      InlineCode: "def handler(event, context): pass"
      Events:
        Jobs:
          Type: SQS
          Properties:
            Queue: !GetAtt Queue.Arn
            BatchSize: 1
            FilterCriteria: { Filters: [{ Pattern: '{"body": {"type": ["order"]}}' }] }
  Reader:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/r
      Code: { ZipFile: "def handler(event, context): pass" }
  ReaderMapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      EventSourceArn: !GetAtt Stream.Arn
      FunctionName: !Ref Reader
      StartingPosition: LATEST
      BatchSize: !Ref AWS::NoValue
`;

describe('imported event source mappings show what the template sets, and CloudFormation’s values for the rest', () => {
  it('GIVEN a SAM SQS event with batch size 1 and a filter WHEN imported THEN the edge says 1, no partial failures, and the filter', () => {
    const edge = edgeInto(read(MAPPINGS), 'Worker');
    expect(edge.props).toEqual({ via: 'mapping', enrichment: '', batchSize: 1, batchingWindowSeconds: 0, reportBatchItemFailures: false, filterPatterns: '[{"body":{"type":["order"]}}]' });
  });

  it('GIVEN a stream mapping that sets nothing but an intrinsic THEN the edge has CloudFormation’s defaults (100, retry until expiry, no bisect) and the intrinsic is shown as written', () => {
    const edge = edgeInto(read(MAPPINGS), 'Reader');
    expect(edge.props).toMatchObject({ batchSize: 100, maximumRetryAttempts: -1, bisectOnError: false, reportBatchItemFailures: false });
    expect(edge.origin?.written?.batchSize).toEqual({ value: '${AWS::NoValue}', why: 'the template computes it when the stack is deployed' });
    lossless(read(MAPPINGS), MAPPINGS);
  });

  it('GIVEN the imported diagram WHEN saved and opened again THEN what is kept as written survives', () => {
    const graph = read(MAPPINGS);
    const reopened = parseGraphFile(serializeGraph(graph));
    if (!reopened.ok) throw new Error(reopened.error);
    expect(reopened.graph.edges.find((e) => e.id === edgeInto(graph, 'Reader').id)?.origin?.written).toEqual(edgeInto(graph, 'Reader').origin?.written);
  });
});

const RULES = `Resources:
  Bus: { Type: AWS::Events::EventBus, Properties: { Name: orders } }
  Target: { Type: AWS::SQS::Queue }
  OwnAccount:
    Type: AWS::Events::Rule
    Properties:
      EventBusName: !Ref Bus
      EventPattern:
        account: [!Sub '\${AWS::AccountId}']
        source: [orders.service]
      Targets: [{ Arn: !GetAtt Target.Arn, Id: q }]
`;

describe('imported rule patterns keep their intrinsics', () => {
  it('GIVEN a pattern naming the account with !Sub WHEN imported THEN the edge shows that pattern, readable, marked as computed at deploy', () => {
    const edge = edgeInto(read(RULES), 'Target');
    expect(JSON.parse(String(edge.props.eventPattern))).toEqual({ account: ['${AWS::AccountId}'], source: ['orders.service'] });
    expect(edge.origin?.written?.eventPattern?.why).toBe('the template computes part of it when the stack is deployed');
    lossless(read(RULES), RULES);
  });
});

const WORKFLOWS = `Resources:
  First: { Type: AWS::Lambda::Function, Properties: { Runtime: python3.13, Handler: index.handler, Role: arn:aws:iam::123456789012:role/r, Code: { ZipFile: x } } }
  Second: { Type: AWS::Lambda::Function, Properties: { Runtime: python3.13, Handler: index.handler, Role: arn:aws:iam::123456789012:role/r, Code: { ZipFile: x } } }
  Third: { Type: AWS::Lambda::Function, Properties: { Runtime: python3.13, Handler: index.handler, Role: arn:aws:iam::123456789012:role/r, Code: { ZipFile: x } } }
  Fourth: { Type: AWS::Lambda::Function, Properties: { Runtime: python3.13, Handler: index.handler, Role: arn:aws:iam::123456789012:role/r, Code: { ZipFile: x } } }
  Left:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/sfn
      DefinitionSubstitutions: { A: !GetAtt First.Arn, B: !GetAtt Second.Arn }
      DefinitionString: '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"\${A}","Next":"B"},"B":{"Type":"Task","Resource":"\${B}","End":true}}}'
  Right:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/sfn
      DefinitionSubstitutions: { C: !GetAtt Third.Arn, D: !GetAtt Fourth.Arn }
      DefinitionString: '{"StartAt":"C","States":{"C":{"Type":"Task","Resource":"\${C}","Next":"D"},"D":{"Type":"Task","Resource":"\${D}","End":true}}}'
`;

describe('step order', () => {
  it('GIVEN two state machines of two steps each WHEN imported THEN each numbers its own steps 1 and 2', () => {
    const graph = read(WORKFLOWS);
    const orders = (id: string) => graph.edges.filter((e) => e.source === nodeOf(graph, id).id).map((e) => e.props.order);
    expect(orders('Left')).toEqual([1, 2]);
    expect(orders('Right')).toEqual([1, 2]);
  });

  it('GIVEN a workflow with one step WHEN a person draws a second THEN it is step 2 and nothing is ambiguous', () => {
    let graph = emptyGraph();
    for (const [kind, id] of [
      ['stepfunctions', 'w'],
      ['lambda', 'a'],
      ['lambda', 'b'],
    ] as const) {
      const added = addNode(graph, kind, { x: 0, y: 0 }, { id });
      if (!added.ok) throw new Error(added.error);
      graph = added.graph;
    }
    const first = connect(graph, 'w', 'a');
    if (!first.ok) throw new Error(first.error);
    graph = first.graph;
    const second = connect(graph, 'w', 'b');
    if (!second.ok) throw new Error(second.error);
    expect(second.value.props.order).toBe(2);
    expect(diagnose(second.graph).map((d) => d.code)).not.toContain('ambiguous-step');
  });
});

const PIPE = `Resources:
  Orders: { Type: AWS::SQS::Queue }
  Fulfil:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/sfn
      DefinitionString: '{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}'
  Enrich:
    Type: AWS::Lambda::Function
    Properties: { Runtime: python3.13, Handler: index.handler, Role: arn:aws:iam::123456789012:role/r, Code: { ZipFile: x } }
  OrdersPipe:
    Type: AWS::Pipes::Pipe
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/pipe
      Source: !GetAtt Orders.Arn
      SourceParameters:
        SqsQueueParameters: { BatchSize: 5 }
        FilterCriteria: { Filters: [{ Pattern: '{"body": {"status": ["PAID"]}}' }] }
      Enrichment: !GetAtt Enrich.Arn
      Target: !Ref Fulfil
`;

describe('an imported EventBridge Pipe from a queue', () => {
  it('GIVEN a pipe with a batch, a filter and an enrichment WHEN imported THEN it is one edge queue -> workflow that owns the pipe and says all three', () => {
    const graph = read(PIPE);
    const edge = edgeInto(graph, 'Fulfil');
    expect(graph.nodes.find((n) => n.id === edge.source)?.name).toBe('Orders');
    expect(edge.origin?.logicalIds).toEqual(['OrdersPipe']);
    expect(edge.props).toEqual({ batchSize: 5, filterPatterns: '[{"body":{"status":["PAID"]}}]', enrichment: 'Enrich' });
    lossless(graph, PIPE);
  });
});

describe('a SAM state machine’s type', () => {
  const EXPRESS = `Transform: AWS::Serverless-2016-10-31
Resources:
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Type: EXPRESS
      Definition: { StartAt: Done, States: { Done: { Type: Succeed } } }
`;
  it('GIVEN Type: EXPRESS WHEN imported THEN the node is an express workflow, and editing it writes Type back, not StateMachineType', () => {
    const graph = read(EXPRESS);
    expect(nodeOf(graph, 'Flow').props).toMatchObject({ workflowType: 'EXPRESS' });
    lossless(graph, EXPRESS);
    const edited = setNodeProp(graph, nodeOf(graph, 'Flow').id, 'workflowType', 'STANDARD');
    if (!edited.ok) throw new Error(edited.error);
    const properties = synthesize(edited.graph).template.Resources.Flow.Properties as Record<string, unknown>;
    expect([properties.Type, properties.StateMachineType]).toEqual(['STANDARD', undefined]);
  });
});

describe('a SAM SimpleTable’s capacity', () => {
  it('GIVEN a SimpleTable with a provisioned throughput THEN it shows provisioned capacity with its units; without one, on demand', () => {
    const graph = read(`Transform: AWS::Serverless-2016-10-31
Resources:
  Provisioned:
    Type: AWS::Serverless::SimpleTable
    Properties: { ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 4 } }
  OnDemand:
    Type: AWS::Serverless::SimpleTable
`);
    expect(nodeOf(graph, 'Provisioned').props).toMatchObject({ billingMode: 'PROVISIONED', readCapacity: 3, writeCapacity: 4 });
    expect(nodeOf(graph, 'OnDemand').props).toMatchObject({ billingMode: 'PAY_PER_REQUEST' });
  });
});

describe('inline code written back as read', () => {
  const LONG = `def handler(event, context):\n${'    pass  # padding the code past the inline limit\n'.repeat(100)}`;
  const TEMPLATE = `Resources:
  Long:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/x
      Code:
        ZipFile: ${JSON.stringify(LONG)}
`;
  it('GIVEN an imported function whose unedited inline code is past the limit THEN no error, and export writes it back unchanged; once the user edits it, the limit holds', () => {
    expect(LONG.length).toBeGreaterThan(INLINE_CODE_LIMIT);
    const graph = read(TEMPLATE);
    expect(diagnose(graph).filter((d) => d.code === 'code-too-long')).toEqual([]);
    lossless(graph, TEMPLATE);
    const edited = setNodeProp(graph, nodeOf(graph, 'Long').id, 'code', `${LONG}# one more line\n`);
    if (!edited.ok) throw new Error(edited.error);
    expect(
      diagnose(edited.graph)
        .filter((d) => d.code === 'code-too-long')
        .map((d) => d.message),
    ).toEqual([`Long's edited code is longer than the ${INLINE_CODE_LIMIT} characters CloudFormation allows inline in its imported template`]);
  });
});
