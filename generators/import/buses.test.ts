/** Rules and SAM events on buses: drawn on the bus they are on, whether the template defines it or not. */
import { describe, expect, it } from 'vitest';
import { importTemplate } from '.';
import { readTemplateSource } from './source';
import { synthesize } from '../template/synth';
import { toYaml } from '../template/writer';
import { parseGraphFile, serializeGraph } from '../graph/file';
import type { Graph } from '../graph/model';

const read = (text: string) => {
  const result = importTemplate(text);
  if (!result.ok) throw new Error(result.error);
  return result;
};
const meaning = (text: string) => JSON.parse(JSON.stringify(readTemplateSource(text).value));
const named = (graph: Graph, name: string) => graph.nodes.find((n) => n.name === name)!;
const edgesOf = (graph: Graph) => graph.edges.map((e) => `${graph.nodes.find((n) => n.id === e.source)!.name} -> ${graph.nodes.find((n) => n.id === e.target)!.name}`).sort();

const SAM_EVENTS = `Transform: AWS::Serverless-2016-10-31
Parameters:
  BusName: { Type: String }
Resources:
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: index.handler
      InlineCode: "def handler(event, context): pass"
      Events:
        Orders:
          Type: EventBridgeRule
          Properties: { Pattern: { source: [orders] } }
        Nightly:
          Type: Schedule
          Properties: { Schedule: rate(1 day) }
        Later:
          Type: ScheduleV2
          Properties: { ScheduleExpression: rate(1 hour) }
        Shared:
          Type: EventBridgeRule
          Properties: { EventBusName: !Ref BusName, Pattern: { source: [shared] } }
  Queue: { Type: AWS::SQS::Queue }
  FirstOnShared:
    Type: AWS::Events::Rule
    Properties:
      EventBusName: !Ref BusName
      EventPattern: { source: [x] }
      Targets: [{ Arn: !GetAtt Queue.Arn, Id: q }]
  SecondOnShared:
    Type: AWS::Events::Rule
    Properties:
      EventBusName: !Ref BusName
      EventPattern: { source: [y] }
      Targets: [{ Arn: !GetAtt Queue.Arn, Id: q }]
`;

describe('SAM events and rules on buses the template does not define', () => {
  it('GIVEN an EventBridgeRule event on the default bus and a Schedule event WHEN imported THEN both are drawn, on nodes that say they are not resources of the template', () => {
    const { graph } = read(SAM_EVENTS);
    const bus = named(graph, 'DefaultBus');
    expect(bus.origin).toBeUndefined();
    expect(bus.props).toMatchObject({ busType: 'default' });
    expect(bus.note).toMatch(/not a resource of the template, and export leaves it out/);
    expect(named(graph, 'Schedule').props).toMatchObject({ busType: 'default', schedule: 'rate(1 day)' });
    expect(edgesOf(graph)).toEqual(['BusName -> Handler', 'BusName -> Queue', 'DefaultBus -> Handler', 'Schedule -> Handler', 'Schedule1 -> Handler']);
    expect(JSON.parse(String(graph.edges.find((e) => e.source === bus.id)!.props.eventPattern))).toEqual({ source: ['orders'] });
  });

  it('GIVEN two rules on a bus given by a parameter THEN they are one node, named for the parameter, the bus shown as written, and the SAM event on it hangs off it too', () => {
    const { graph } = read(SAM_EVENTS);
    const bus = named(graph, 'BusName');
    expect(bus.origin?.logicalIds).toEqual(['FirstOnShared', 'SecondOnShared']);
    expect(bus.origin?.written?.busType).toEqual({ value: '${BusName}', why: 'the template computes it when the stack is deployed' });
    const toQueue = graph.edges.find((e) => e.source === bus.id && e.target === named(graph, 'Queue').id)!;
    expect(toQueue.origin?.written?.eventPattern).toEqual({ value: '{"source":["x"]} | {"source":["y"]}', why: '2 resources route here, each with its own' });
  });

  it('GIVEN a ScheduleV2 event THEN it is drawn as an EventBridge Scheduler schedule that stands for no resource of the template', () => {
    const { graph, warnings } = read(SAM_EVENTS);
    const schedule = named(graph, 'Schedule1');
    expect(schedule).toMatchObject({ kind: 'scheduler', props: { scheduleExpression: 'rate(1 hour)' } });
    expect(schedule.origin).toBeUndefined();
    expect(schedule.note).toMatch(/ScheduleV2 event/);
    expect(warnings.filter((w) => w.message.includes('ScheduleV2'))).toEqual([]);
  });

  it('GIVEN the diagram WHEN exported, and saved and opened again THEN the template is the same', () => {
    const { graph } = read(SAM_EVENTS);
    expect(meaning(toYaml(synthesize(graph).template))).toEqual(meaning(SAM_EVENTS));
    const reopened = parseGraphFile(serializeGraph(graph));
    if (!reopened.ok) throw new Error(reopened.error);
    expect(synthesize(reopened.graph).template).toEqual(synthesize(graph).template);
  });
});

const NAMED_BY_SUB = `Parameters:
  App: { Type: String }
Resources:
  Bus: { Type: AWS::Events::EventBus, Properties: { Name: !Sub '\${App}-bus' } }
  Topic: { Type: AWS::SNS::Topic }
  OnBus:
    Type: AWS::Events::Rule
    Properties:
      EventBusName: !Sub '\${App}-bus'
      EventPattern: { source: [app] }
      Targets: [{ Arn: !Ref Topic, Id: t }]
`;

describe('a rule naming its bus by the same expression as the bus’s own name', () => {
  it('GIVEN EventBusName: !Sub ${App}-bus and a bus named so THEN the rule belongs to that bus and its target hangs off it', () => {
    const { graph } = read(NAMED_BY_SUB);
    expect(graph.nodes.map((n) => n.name).sort()).toEqual(['Bus', 'Topic']);
    expect(named(graph, 'Bus').origin?.logicalIds).toEqual(['Bus', 'OnBus']);
    expect(edgesOf(graph)).toEqual(['Bus -> Topic']);
  });
});

/** Serverlesspresso's shape (aws-samples/serverless-coffee): one bus outside the template, named by a parameter in some places and by its default in others. */
const OUTSIDE_BUS = `Transform: AWS::Serverless-2016-10-31
Parameters:
  CoreBus: { Type: String, Default: Serverlesspresso }
Resources:
  Orders: { Type: AWS::DynamoDB::Table, Properties: { AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }], KeySchema: [{ AttributeName: pk, KeyType: HASH }], BillingMode: PAY_PER_REQUEST } }
  Config: { Type: AWS::DynamoDB::Table, Properties: { AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }], KeySchema: [{ AttributeName: pk, KeyType: HASH }], BillingMode: PAY_PER_REQUEST } }
  Publisher:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      InlineCode: "exports.handler = async () => {}"
      Policies:
        - EventBridgePutEventsPolicy: { EventBusName: !Ref CoreBus }
        - DynamoDBCrudPolicy: { TableName: !Ref Orders }
        - DynamoDBReadPolicy: { TableName: !Ref Config }
  Listener:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      InlineCode: "exports.handler = async () => {}"
      Events:
        Started:
          Type: EventBridgeRule
          Properties: { EventBusName: Serverlesspresso, Pattern: { detail-type: [Started] } }
        Elsewhere:
          Type: EventBridgeRule
          Properties: { EventBusName: Partners, Pattern: { detail-type: [Partner] } }
`;

describe('a bus the template names without defining it', () => {
  it('GIVEN SAM events on a bus named by a literal THEN they hang off a node for that bus, which stands for no resource of the template and shows its name as written', () => {
    const { graph } = read(OUTSIDE_BUS);
    const partners = named(graph, 'Partners');
    expect(partners.kind).toBe('eventbridge');
    expect(partners.origin).toEqual({ logicalIds: [], props: {}, bound: [], written: { busType: { value: 'Partners', why: 'a bus outside the template, which the template names' } } });
    expect(partners.note).toMatch(/not a resource of the template, and export leaves it out/);
    expect(edgesOf(graph)).toContain('Partners -> Listener');
  });

  it('GIVEN a literal bus name that is the default of the parameter naming the bus elsewhere THEN both are one node, and a function granted PutEvents on the parameter puts events on it', () => {
    const { graph } = read(OUTSIDE_BUS);
    const bus = named(graph, 'CoreBus');
    expect(bus.origin?.written?.busType).toEqual({ value: '${CoreBus}', why: 'the template is given it when the stack is deployed' });
    expect(
      graph.nodes
        .filter((n) => n.kind === 'eventbridge')
        .map((n) => n.name)
        .sort(),
    ).toEqual(['CoreBus', 'Partners']);
    expect(edgesOf(graph)).toEqual(['CoreBus -> Listener', 'Partners -> Listener', 'Publisher -> Config', 'Publisher -> CoreBus', 'Publisher -> Orders']);
    const puts = graph.edges.find((e) => e.target === bus.id)!;
    expect(puts.props).toMatchObject({ access: 'put-events' });
  });

  it('GIVEN a function with full access to one table and read access to another THEN each edge shows the access granted on its own table', () => {
    const { graph } = read(OUTSIDE_BUS);
    const accessTo = (table: string) => graph.edges.find((e) => e.target === named(graph, table).id)!.props.access;
    expect([accessTo('Orders'), accessTo('Config')]).toEqual(['read-write', 'read']);
  });

  it('WHEN exported, and saved and opened again THEN the template is the same and the outside buses are still drawn', () => {
    const { graph } = read(OUTSIDE_BUS);
    expect(meaning(toYaml(synthesize(graph).template))).toEqual(meaning(OUTSIDE_BUS));
    const reopened = parseGraphFile(serializeGraph(graph));
    if (!reopened.ok) throw new Error(reopened.error);
    expect(reopened.graph.nodes.map((n) => n.name).sort()).toEqual(graph.nodes.map((n) => n.name).sort());
    expect(synthesize(reopened.graph).template).toEqual(synthesize(graph).template);
  });
});

describe('a state machine’s EventBridgeRule event', () => {
  it('GIVEN a pattern and a retry policy on the event THEN the edge shows them, not a match-everything placeholder', () => {
    const { graph } = read(`Transform: AWS::Serverless-2016-10-31
Resources:
  Approval:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition: { StartAt: Done, States: { Done: { Type: Succeed } } }
      Events:
        Requested:
          Type: EventBridgeRule
          Properties: { Pattern: { detail-type: [PublicationApprovalRequested] }, RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 900 } }
`);
    expect(graph.edges).toHaveLength(1);
    expect(JSON.parse(String(graph.edges[0].props.eventPattern))).toEqual({ 'detail-type': ['PublicationApprovalRequested'] });
    expect(graph.edges[0].props).toMatchObject({ retryAttempts: 5, maxEventAgeSeconds: 900 });
  });
});
