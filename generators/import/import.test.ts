import { describe, expect, it } from 'vitest';
import { importTemplate, MAX_TEMPLATE_BYTES, withLayout } from '.';
import { readTemplateSource } from './source';
import { synthesize } from '../template/synth';
import { toYaml } from '../template/writer';
import { moveNodes, removeElements, renameNode, setNodeProp, setEdgeProp, connect, addNode } from '../graph/operations';
import type { Graph } from '../graph/model';
import { propBag } from '../props/spec';
import { parseGraphFile, serializeGraph } from '../graph/file';
import { deepNesting, manyAliases, manyKeys } from '../../bench/hostile-inputs';
import { blueprintById } from '../../blueprints';

const blueprintGraph = (id: string) => blueprintById(id)!.graph;

const ok = (text: string) => {
  const result = importTemplate(text);
  if (!result.ok) throw new Error(result.error);
  return result;
};
const fails = (text: string) => {
  const result = importTemplate(text);
  if (result.ok) throw new Error('expected the import to fail');
  return result;
};
const node = (graph: Graph, logicalId: string) => graph.nodes.find((n) => n.origin?.logicalIds[0] === logicalId)!;
const edgeNames = (graph: Graph) => graph.edges.map((e) => `${graph.nodes.find((n) => n.id === e.source)!.name} -> ${graph.nodes.find((n) => n.id === e.target)!.name}`).sort();
const meaning = (text: string) => JSON.parse(JSON.stringify(readTemplateSource(text).value));

const SAM = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: Orders, the SAM way
Parameters:
  Stage:
    Type: String
    Default: dev
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Mappings:
  Sizes:
    dev: { Memory: 256 }
Globals:
  Function:
    Timeout: 20
Resources:
  Orders:
    Type: AWS::Serverless::SimpleTable
  Inbox:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 120
  Api:
    Type: AWS::Serverless::HttpApi
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      MemorySize: !FindInMap [Sizes, !Ref Stage, Memory]
      CodeUri: src/
      Environment:
        Variables:
          TABLE: !Ref Orders
      Policies:
        - DynamoDBCrudPolicy: { TableName: !Ref Orders }
      Events:
        Post:
          Type: HttpApi
          Properties: { ApiId: !Ref Api, Method: post, Path: /orders }
        Queue:
          Type: SQS
          Properties: { Queue: !GetAtt Inbox.Arn, BatchSize: 5 }
  Flow:
    Type: AWS::Serverless::StateMachine
    Condition: IsProd
    Properties:
      Definition:
        StartAt: Call
        States:
          Call: { Type: Task, Resource: !GetAtt Handler.Arn, End: true }
Outputs:
  ApiUrl:
    Value: !Sub https://\${Api}.execute-api.\${AWS::Region}.amazonaws.com
  TableName:
    Value: !Ref Orders
`;

describe('importing a SAM template', () => {
  it('GIVEN SAM resources WHEN imported THEN each becomes its kind, and the edges come from Events, Policies and the definition', () => {
    const { graph } = ok(SAM);
    expect(Object.fromEntries(graph.nodes.map((n) => [n.name, n.kind]))).toEqual({
      Orders: 'dynamodb',
      Inbox: 'sqs',
      Api: 'apigateway',
      Handler: 'lambda',
      Flow: 'stepfunctions',
    });
    expect(edgeNames(graph)).toEqual(['Api -> Handler', 'Flow -> Handler', 'Handler -> Orders', 'Inbox -> Handler']);
    const route = graph.edges.find((e) => e.source === node(graph, 'Api').id)!;
    expect(route.props).toMatchObject({ method: 'POST', path: '/orders' });
    expect(graph.edges.find((e) => e.target === node(graph, 'Orders').id)!.props.access).toBe('read-write');
  });

  it('THEN props come from the template, SAM Globals included, and a value set by an intrinsic is left to the template', () => {
    const { graph } = ok(SAM);
    const handler = node(graph, 'Handler');
    expect(handler.props).toMatchObject({ runtime: 'python3.12', timeoutSeconds: 20 });
    expect(handler.origin!.bound).toEqual(expect.arrayContaining(['runtime', 'timeoutSeconds']));
    expect(handler.origin!.bound).not.toContain('memoryMiB');
    expect(setNodeProp(graph, handler.id, 'memoryMiB', 512)).toMatchObject({ ok: false, error: expect.stringMatching(/set by the imported template/) });
    expect(propBag(node(graph, 'Inbox')).visibilityTimeoutSeconds).toBe(120);
  });

  it('WHEN exported THEN Transform, Parameters, Conditions, Mappings, Globals, Outputs and every intrinsic are kept', () => {
    const { graph } = ok(SAM);
    expect(meaning(toYaml(synthesize(graph).template))).toEqual(meaning(SAM));
  });
});

describe('editing an imported diagram', () => {
  it('GIVEN an imported function WHEN its timeout is edited THEN only that property of that resource changes', () => {
    const { graph } = ok(SAM);
    const edited = setNodeProp(graph, node(graph, 'Handler').id, 'timeoutSeconds', 45);
    if (!edited.ok) throw new Error(edited.error);
    const before = synthesize(graph).template as unknown as Record<string, any>;
    const after = synthesize(edited.graph).template as unknown as Record<string, any>;
    expect(after.Resources.Handler.Properties.Timeout).toBe(45);
    after.Resources.Handler.Properties.Timeout = undefined;
    delete after.Resources.Handler.Properties.Timeout;
    expect(after).toEqual(before);
  });

  it('WHEN a node is renamed THEN its logical id stays (a new one would replace the deployed resource)', () => {
    const { graph } = ok(SAM);
    const renamed = renameNode(graph, node(graph, 'Inbox').id, 'IncomingOrders');
    if (!renamed.ok) throw new Error(renamed.error);
    expect(Object.keys(synthesize(renamed.graph).template.Resources)).toContain('Inbox');
  });

  it('WHEN a node is deleted THEN its resources and the outputs that refer to them go, and nothing else', () => {
    const { graph } = ok(SAM);
    const removed = removeElements(graph, [node(graph, 'Orders').id]);
    if (!removed.ok) throw new Error(removed.error);
    const template = synthesize(removed.graph).template as unknown as Record<string, any>;
    expect(Object.keys(template.Resources)).toEqual(['Inbox', 'Api', 'Handler', 'Flow']);
    expect(Object.keys(template.Outputs)).toEqual(['ApiUrl']);
    expect(template.Conditions).toEqual(meaning(SAM).Conditions);
  });

  it('WHEN a node others depend on is deleted THEN DependsOn entries on it go, and a reference to it is reported on its owner', () => {
    const { graph } = ok(`Resources:
  Jobs: { Type: AWS::SQS::Queue }
  Alerts: { Type: AWS::SNS::Topic, DependsOn: [Jobs] }
  Worker: { Type: AWS::Lambda::Function, Properties: { Runtime: python3.12, Handler: i.h, Role: arn:aws:iam::1:role/r, Code: { ZipFile: x }, Environment: { Variables: { Q: !Ref Jobs } } } }
`);
    const removed = removeElements(graph, [node(graph, 'Jobs').id]);
    if (!removed.ok) throw new Error(removed.error);
    const { template, problems } = synthesize(removed.graph);
    expect(template.Resources.Alerts).toEqual({ Type: 'AWS::SNS::Topic' });
    expect(problems).toEqual([{ ownerId: node(graph, 'Worker').id, message: expect.stringMatching(/^Worker still refers to Jobs, deleted with its node/) }]);
  });

  it('WHEN an edge with its own resource (an event source mapping) is deleted THEN that resource goes with it', () => {
    const { graph } = ok(`Resources:
  Jobs: { Type: AWS::SQS::Queue }
  Worker: { Type: AWS::Lambda::Function, Properties: { Runtime: python3.12, Handler: i.h, Role: arn:aws:iam::1:role/r, Code: { ZipFile: x } } }
  Mapping: { Type: AWS::Lambda::EventSourceMapping, Properties: { EventSourceArn: !GetAtt Jobs.Arn, FunctionName: !Ref Worker, BatchSize: 7 } }
`);
    expect(graph.edges).toHaveLength(1);
    expect(graph.edges[0].props.batchSize).toBe(7);
    expect(graph.edges[0].origin!.logicalIds).toEqual(['Mapping']);
    const removed = removeElements(graph, [], [graph.edges[0].id]);
    if (!removed.ok) throw new Error(removed.error);
    expect(Object.keys(synthesize(removed.graph).template.Resources)).toEqual(['Jobs', 'Worker']);
  });

  it('WHEN someone connects an imported node or edits an imported edge THEN it is refused with the reason', () => {
    const { graph } = ok(SAM);
    const added = addNode(graph, 'sns', { x: 0, y: 0 }, { name: 'Alerts' });
    if (!added.ok) throw new Error(added.error);
    const linked = connect(added.graph, node(graph, 'Handler').id, added.value.id);
    expect(linked).toMatchObject({ ok: false, error: expect.stringMatching(/Handler came from an imported template/) });
    expect(setEdgeProp(graph, graph.edges[0].id, 'path', '/x')).toMatchObject({ ok: false });
  });

  it('WHEN nodes are added and connected in Eventform THEN they are generated beside the imported resources', () => {
    const { graph } = ok(SAM);
    const next = addNode(graph, 'sns', { x: 0, y: 0 }, { name: 'Alerts' });
    if (!next.ok) throw new Error(next.error);
    const topic = next.value.id;
    const fn = addNode(next.graph, 'lambda', { x: 0, y: 0 }, { name: 'Notifier' });
    if (!fn.ok) throw new Error(fn.error);
    const linked = connect(fn.graph, topic, fn.value.id);
    if (!linked.ok) throw new Error(linked.error);
    const { template, problems } = synthesize(linked.graph);
    expect(problems).toEqual([]);
    expect(Object.keys(template.Resources)).toEqual(expect.arrayContaining(['Orders', 'Handler', 'Alerts', 'Notifier', 'NotifierRole']));
    expect((template as unknown as Record<string, unknown>).Transform).toBe('AWS::Serverless-2016-10-31');
  });
});

describe('positions in the template Metadata', () => {
  it('GIVEN an imported diagram whose nodes were moved WHEN exported with its layout and imported again THEN the layout and notes come back', () => {
    const { graph } = ok(SAM);
    const moved = moveNodes(graph, new Map([[node(graph, 'Inbox').id, { x: 1234, y: -56 }]]));
    if (!moved.ok) throw new Error(moved.error);
    const exported = toYaml(withLayout(synthesize(moved.graph).template, moved.graph));
    const again = ok(exported).graph;
    expect(node(again, 'Inbox').position).toEqual({ x: 1234, y: -56 });
    expect(again.nodes.map((n) => n.position)).toEqual(moved.graph.nodes.map((n) => n.position));
    // The layout is ours: the template read back is the original.
    expect(again.template).toEqual(meaning(SAM));
  });

  it('GIVEN a blueprint drawn in Eventform WHEN exported and imported THEN every node and edge comes back where it was', () => {
    const blueprint = blueprintGraph('image-processing');
    const exported = toYaml(withLayout(synthesize(blueprint).template, blueprint));
    const { graph } = ok(exported);
    for (const original of blueprint.nodes) {
      const back = graph.nodes.find((n) => n.name === original.name)!;
      expect(back).toMatchObject({ kind: original.kind, position: original.position, note: original.note });
    }
    expect(edgeNames(graph)).toEqual(edgeNames(blueprint));
    // The edges come back with the props they were drawn with (the labels say "writes", not a default).
    for (const edge of blueprint.edges) {
      const name = (g: Graph, id: string) => g.nodes.find((n) => n.id === id)!.name;
      const back = graph.edges.find((e) => name(graph, e.source) === name(blueprint, edge.source) && name(graph, e.target) === name(blueprint, edge.target))!;
      expect(back.props).toEqual(edge.props);
    }
    expect(meaning(toYaml(synthesize(graph).template))).toEqual(meaning(toYaml(synthesize(blueprint).template)));
  });
});

describe('bad input', () => {
  it('GIVEN invalid YAML THEN the error says the line and column, and no diagram is made', () => {
    const result = fails('Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n   Properties: [\n');
    expect(result.position?.line).toBeGreaterThanOrEqual(4);
    expect(result.error).toMatch(/^line \d+, column \d+: /);
  });

  it('GIVEN invalid JSON THEN the error says the line and column', () => {
    const result = fails('{\n  "Resources": {\n    "Queue": { "Type": "AWS::SQS::Queue" },,\n  }\n}');
    expect(result.position).toEqual({ line: 3, column: expect.any(Number) });
  });

  it('GIVEN a key written twice THEN it is reported where the second one is, not merged', () => {
    const yaml = fails('Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n  Queue:\n    Type: AWS::SNS::Topic\n');
    expect(yaml.error).toMatch(/line 4, column 3: a key is written twice in the same map \("Queue"\)/);
    const json = fails('{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Type": "AWS::SNS::Topic"}}}');
    expect(json.error).toMatch(/written twice.*"Type"/);
  });

  it('GIVEN an alias bomb THEN it is refused before it expands', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    const result = fails(`${levels.join('\n')}\nResources: {}\n`);
    expect(result.error).toMatch(/alias bomb/);
  });

  it('GIVEN a file over 1 MB THEN it is refused with its size', () => {
    const result = fails(`Resources:\n  Q: { Type: AWS::SQS::Queue }\n# ${'x'.repeat(MAX_TEMPLATE_BYTES)}\n`);
    expect(result.error).toMatch(/1\.0 MB; CloudFormation templates are at most 1 MB/);
  });

  it('GIVEN something that is not a template THEN the error says what is missing, and where', () => {
    expect(fails('- a\n- b\n').error).toMatch(/A template is a map/);
    expect(fails('Description: nothing\n').error).toMatch(/no Resources section/);
    expect(fails('Resources:\n  Queue:\n    Properties: {}\n').error).toMatch(/line 2, column 3: Queue has no Type/);
    expect(fails('{"format": "eventform/graph", "version": 1, "nodes": [], "edges": []}').error).toMatch(/Eventform diagram, not a template/);
  });

  it('GIVEN a key named __proto__ THEN it is refused with where, nothing is polluted; keys named constructor or toString are plain data that round-trip', () => {
    const refused = fails('Resources:\n  Thing:\n    Type: Custom::Thing\n    Properties:\n      __proto__: { polluted: yes }\n');
    expect(refused.error).toMatch(/^line 5, column 7: a key named "__proto__" at Resources\.Thing\.Properties: refused/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    const text =
      'Resources:\n  Thing:\n    Type: Custom::Thing\n    Properties:\n      constructor: { prototype: { polluted: yes } }\n  constructor:\n    Type: AWS::SQS::Queue\n  toString:\n    Type: AWS::SNS::Topic\n';
    const { graph } = ok(text);
    expect(meaning(toYaml(synthesize(graph).template))).toEqual(meaning(text));
    // What the importer writes, the app opens again (plain-object lookups once broke on these names).
    expect(parseGraphFile(serializeGraph(graph)).ok).toBe(true);
    expect(graph.nodes.map((n) => n.name).sort()).toEqual(['Thing', 'constructor', 'toString']);
  });

  it('GIVEN a resource Type that is no type THEN the import says so where, instead of writing a diagram the app cannot reopen', () => {
    expect(fails('Resources:\n  Q:\n    Type: "AWS::SQS::Queue with spaces"\n').error).toMatch(/^line 3, column 5: Q's Type "AWS::SQS::Queue with spaces" is not a resource type/);
  });

  it('GIVEN DependsOn entries that wait for each other THEN a warning says so, with where', () => {
    const { warnings } = ok('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    DependsOn: R\n  R:\n    Type: AWS::SNS::Topic\n    DependsOn: [Q]\n');
    expect(warnings).toContainEqual(expect.objectContaining({ line: 4, message: expect.stringMatching(/DependsOn goes round in a circle \(Q -> R -> Q\)/) }));
  });

  it('GIVEN unknown tags and dangling references THEN they are kept and reported as warnings with their lines', () => {
    const text = 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: !Include code.py\n      Role: !GetAtt Missing.Arn\n';
    const { graph, warnings } = ok(text);
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [5, expect.stringMatching(/!Include at Resources\.Fn\.Properties\.Code is not a CloudFormation tag; it is kept/)],
      [6, expect.stringMatching(/Properties\.Role refers to Missing, which the template does not define/)],
    ]);
    expect(toYaml(synthesize(graph).template)).toContain('Code: !Include code.py');
  });

  it('GIVEN any other resource type THEN it is a generic node showing its type and raw properties, editable as JSON', () => {
    const { graph } = ok('Resources:\n  Secret:\n    Type: AWS::SecretsManager::Secret\n    Properties: { Name: !Sub "${AWS::StackName}-key" }\n');
    const secret = node(graph, 'Secret');
    expect(secret.kind).toBe('resource');
    expect(propBag(secret).resourceType).toBe('AWS::SecretsManager::Secret');
    expect(JSON.parse(String(propBag(secret).properties))).toEqual({ Name: { 'Fn::Sub': '${AWS::StackName}-key' } });
    const edited = setNodeProp(graph, secret.id, 'properties', JSON.stringify({ Name: 'fixed' }));
    if (!edited.ok) throw new Error(edited.error);
    expect(synthesize(edited.graph).template.Resources.Secret).toEqual({ Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'fixed' } });
  });
});

describe('recovering edges from plain CloudFormation wiring', () => {
  const PLAIN = `Resources:
  Uploads:
    Type: AWS::S3::Bucket
    Properties:
      NotificationConfiguration:
        LambdaConfigurations:
          - Event: s3:ObjectCreated:*
            Function: !GetAtt Resize.Arn
  Resize:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: !GetAtt ResizeRole.Arn
      Code: { ZipFile: "x" }
      Environment: { Variables: { TABLE: !Ref Images } }
  ResizeRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
      Policies:
        - PolicyName: use
          PolicyDocument:
            Statement:
              - { Effect: Allow, Action: [dynamodb:GetItem, dynamodb:PutItem], Resource: !GetAtt Images.Arn }
              - { Effect: Allow, Action: sns:Publish, Resource: !Ref Done }
  ResizePermission:
    Type: AWS::Lambda::Permission
    Properties: { Action: lambda:InvokeFunction, FunctionName: !Ref Resize, Principal: s3.amazonaws.com, SourceArn: !GetAtt Uploads.Arn }
  Images:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      StreamSpecification: { StreamViewType: NEW_IMAGE }
  Done:
    Type: AWS::SNS::Topic
  Audit:
    Type: AWS::SQS::Queue
  AuditSubscription:
    Type: AWS::SNS::Subscription
    Properties: { TopicArn: !Ref Done, Protocol: sqs, Endpoint: !GetAtt Audit.Arn, RawMessageDelivery: true }
  Bus:
    Type: AWS::Events::EventBus
    Properties: { Name: orders }
  BusRule:
    Type: AWS::Events::Rule
    Properties:
      EventBusName: !Ref Bus
      EventPattern: { source: [shop.orders] }
      Targets: [{ Id: flow, Arn: !Ref Flow, RoleArn: !GetAtt BusRole.Arn }]
  BusRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: events.amazonaws.com }, Action: sts:AssumeRole }] }
  Changes:
    Type: AWS::Pipes::Pipe
    Properties: { Source: !GetAtt Images.StreamArn, Target: !GetAtt Bus.Arn, RoleArn: !GetAtt PipeRole.Arn }
  PipeRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: pipes.amazonaws.com }, Action: sts:AssumeRole }] }
  Flow:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: !GetAtt FlowRole.Arn
      DefinitionString: !Sub '{"StartAt":"Go","States":{"Go":{"Type":"Task","Resource":"\${Resize.Arn}","End":true}}}'
  FlowRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: states.amazonaws.com }, Action: sts:AssumeRole }] }
  Http:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: http, ProtocolType: HTTP }
  HttpIntegration:
    Type: AWS::ApiGatewayV2::Integration
    Properties: { ApiId: !Ref Http, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Resize.Arn, PayloadFormatVersion: '2.0' }
  HttpRoute:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !Ref Http, RouteKey: 'GET /images/{id}', Target: !Sub 'integrations/\${HttpIntegration}' }
`;

  it('GIVEN notifications, a subscription, a rule, a pipe, a definition, an integration and IAM THEN each becomes its edge', () => {
    const { graph } = ok(PLAIN);
    expect(edgeNames(graph)).toEqual(['Bus -> Flow', 'Done -> Audit', 'Flow -> Resize', 'Http -> Resize', 'Images -> Bus', 'Resize -> Done', 'Resize -> Images', 'Uploads -> Resize']);
    const props = (from: string, to: string) => graph.edges.find((e) => e.source === node(graph, from).id && e.target === node(graph, to).id)!.props;
    expect(props('Http', 'Resize')).toMatchObject({ method: 'GET', path: '/images/{id}' });
    expect(props('Resize', 'Images').access).toBe('read-write');
    expect(props('Done', 'Audit').rawMessageDelivery).toBe(true);
    expect(JSON.parse(String(props('Bus', 'Flow').eventPattern))).toEqual({ source: ['shop.orders'] });
  });

  it('THEN children stay with their node and connector resources with their edge: no generic nodes are left', () => {
    const { graph } = ok(PLAIN);
    expect(node(graph, 'Flow').origin!.logicalIds).toEqual(['Flow', 'FlowRole']);
    expect(graph.nodes.filter((n) => n.kind === 'resource')).toEqual([]);
    expect(node(graph, 'Resize').origin!.logicalIds).toEqual(['Resize', 'ResizeRole', 'ResizePermission']);
    expect(node(graph, 'Bus').origin!.logicalIds).toEqual(['Bus', 'BusRule', 'BusRole']);
    expect(node(graph, 'Http').origin!.logicalIds).toEqual(['Http', 'HttpIntegration', 'HttpRoute']);
    const pipe = graph.edges.find((e) => e.origin!.logicalIds.includes('Changes'))!;
    expect(pipe.origin!.logicalIds).toEqual(['Changes', 'PipeRole']);
  });

  it('GIVEN a role two services share THEN it belongs to neither: it is kept as its own resource node', () => {
    const shared = PLAIN.replace('RoleArn: !GetAtt BusRole.Arn', 'RoleArn: !GetAtt FlowRole.Arn');
    const { graph } = ok(shared);
    // (BusRole, now used by nothing, belongs to nothing either.)
    expect(graph.nodes.filter((n) => n.kind === 'resource').map((n) => n.name)).toEqual(['BusRole', 'FlowRole']);
  });
});

describe('services that refer to each other', () => {
  it('GIVEN a function that starts the workflow which calls it THEN both edges are recovered', () => {
    const { graph } = ok(`Resources:
  Starter:
    Type: AWS::Lambda::Function
    Properties: { Runtime: python3.12, Handler: i.h, Role: !GetAtt StarterRole.Arn, Code: { ZipFile: x }, Environment: { Variables: { FLOW: !Ref Flow } } }
  StarterRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
      Policies: [{ PolicyName: start, PolicyDocument: { Statement: [{ Effect: Allow, Action: states:StartExecution, Resource: !Ref Flow }] } }]
  Flow:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::1:role/s
      DefinitionString: !Sub '{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"\${Starter.Arn}","End":true}}}'
`);
    expect(edgeNames(graph)).toEqual(['Flow -> Starter', 'Starter -> Flow']);
  });
});

describe('hostile templates are read in linear time, or refused early', () => {
  // Each took minutes before (aliases resolved by walking the whole document, duplicate keys checked
  // pair by pair): the test runner's time limit is what they used to hit. Speed itself is measured by
  // `npm run bench:hostile`, never here.
  it('GIVEN 30,000 aliases THEN the template is read, each alias expanding its anchor', () => {
    const result = importTemplate(manyAliases(30_000));
    expect(result.ok).toBe(true);
    if (result.ok) expect((result.graph.template!.Resources as any).Q0.Metadata.Copies[0]).toEqual([{ Key: 'team', Value: 'events' }]);
  });

  it('GIVEN a map of 50,000 keys THEN it is read, and a key written twice among them is still found', () => {
    expect(importTemplate(manyKeys(50_000)).ok).toBe(true);
    const twice = fails(`${manyKeys(50_000)}    k7: again\n`);
    expect(twice.error).toMatch(/a key is written twice in the same map \("k7"\)/);
  });

  it('GIVEN nesting 100,000 deep THEN it is refused before parsing, with where', () => {
    expect(fails(deepNesting(100_000)).error).toMatch(/^line 5, column \d+: the document nests more than 200 levels deep/);
  });

  it('GIVEN a byte-order mark, a YAML core tag CloudFormation does not read, and an anchor redefined THEN the mark is ignored, the tag reported, and each alias takes the anchor written last before it', () => {
    const text = '\uFEFFResources:\n  A:\n    Type: AWS::SNS::Topic\n    Metadata:\n      x: &v 1\n      y: *v\n      z: &v 2\n      w: *v\n      b: !!binary aGVsbG8=\n';
    const result = importTemplate(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((result.graph.template!.Resources as any).A.Metadata).toEqual({ x: 1, y: 1, z: 2, w: 2, b: 'aGVsbG8=' });
    expect(result.warnings.map((w) => `${w.line}:${w.message}`)).toContainEqual(expect.stringMatching(/^9:!!binary at Resources\.A\.Metadata\.b is a YAML type CloudFormation does not read/));
  });
});
