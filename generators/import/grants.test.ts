/** Edges from permissions: through shared roles and attached policies, and never from a name alone. */
import { describe, expect, it } from 'vitest';
import { importTemplate } from '.';
import type { Graph } from '../graph/model';

const read = (text: string) => {
  const result = importTemplate(text);
  if (!result.ok) throw new Error(result.error);
  return result;
};
const edgesOf = (graph: Graph) =>
  graph.edges.map((e) => `${graph.nodes.find((n) => n.id === e.source)!.name} -> ${graph.nodes.find((n) => n.id === e.target)!.name}${e.props.access ? ` (${e.props.access})` : ''}`).sort();

const fn = (name: string, extra = '') => `  ${name}:
    Type: AWS::Lambda::Function
    Properties: { Runtime: python3.13, Handler: index.handler, Code: { ZipFile: x }${extra} }
`;
const ASSUME = '{ Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }';

describe('grants through a role several functions share, and the policies attached to it', () => {
  const TEMPLATE = `Resources:
  Orders: { Type: AWS::DynamoDB::Table, Properties: { AttributeDefinitions: [{ AttributeName: id, AttributeType: S }], KeySchema: [{ AttributeName: id, KeyType: HASH }], BillingMode: PAY_PER_REQUEST } }
  Outbox: { Type: AWS::SQS::Queue }
  Alerts: { Type: AWS::SNS::Topic }
${fn('Writer', ', Role: !GetAtt Shared.Arn')}${fn('Reader', ', Role: !GetAtt Shared.Arn')}  Shared:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: ${ASSUME}
      ManagedPolicyArns: [!Ref Notify]
  Attached:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: tables
      Roles: [!Ref Shared]
      PolicyDocument: { Statement: [{ Effect: Allow, Action: [dynamodb:PutItem, dynamodb:GetItem], Resource: !GetAtt Orders.Arn }, { Effect: Allow, Action: sqs:SendMessage, Resource: !GetAtt Outbox.Arn }] }
  Notify:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: { Statement: [{ Effect: Allow, Action: sns:Publish, Resource: !Ref Alerts }] }
`;

  it('GIVEN two functions sharing a role, a policy naming the role and a managed policy it lists WHEN imported THEN each function gets the edges those grants imply', () => {
    const { graph } = read(TEMPLATE);
    expect(edgesOf(graph)).toEqual([
      'Reader -> Alerts (publish)',
      'Reader -> Orders (read-write)',
      'Reader -> Outbox (send)',
      'Writer -> Alerts (publish)',
      'Writer -> Orders (read-write)',
      'Writer -> Outbox (send)',
    ]);
    expect(graph.edges[0].origin?.evidence.join(' ')).toMatch(/\(shared\)/);
  });
});

describe('a name alone is not a connection', () => {
  it('GIVEN a function given a queue URL in its environment but no permission on it THEN no edge, and a warning says why, where', () => {
    const text = `Resources:
  Jobs: { Type: AWS::SQS::Queue }
${fn('Worker', ', Role: arn:aws:iam::123456789012:role/r, Environment: { Variables: { JOBS: !Ref Jobs } }, Description: !Sub "sends to ${Jobs}"')}`;
    const { graph, warnings } = read(text);
    expect(graph.edges).toEqual([]);
    const warning = warnings.find((w) => w.message.includes('JOBS'))!;
    expect(warning.message).toBe('Resources.Worker.Properties.Environment.Variables.JOBS names Jobs, but no permission in the template lets Worker use it: not drawn as a connection');
    expect(text.split('\n')[warning.line! - 1]).toContain('JOBS');
  });

  it('GIVEN the same name and a role allowing sqs:SendMessage on any queue THEN the permission stands behind it: an edge', () => {
    const { graph } = read(`Resources:
  Jobs: { Type: AWS::SQS::Queue }
${fn('Worker', ', Role: !GetAtt WorkerRole.Arn, Environment: { Variables: { JOBS: !Ref Jobs } }')}  WorkerRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: ${ASSUME}
      Policies: [{ PolicyName: send, PolicyDocument: { Statement: [{ Effect: Allow, Action: sqs:SendMessage, Resource: '*' }] } }]
`);
    expect(edgesOf(graph)).toEqual(['Worker -> Jobs (send)']);
  });
});

describe('a function writing to the table whose stream triggers it', () => {
  it('GIVEN a stream-triggered function allowed to write that table THEN both edges: the stream into it, and its writes back', () => {
    const { graph } = read(`Resources:
  Ledger: { Type: AWS::DynamoDB::Table, Properties: { AttributeDefinitions: [{ AttributeName: id, AttributeType: S }], KeySchema: [{ AttributeName: id, KeyType: HASH }], BillingMode: PAY_PER_REQUEST, StreamSpecification: { StreamViewType: NEW_IMAGE } } }
${fn('Summer', ', Role: !GetAtt SummerRole.Arn')}  SummerRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: ${ASSUME}
      Policies:
        - PolicyName: stream
          PolicyDocument: { Statement: [{ Effect: Allow, Action: [dynamodb:GetRecords, dynamodb:GetShardIterator, dynamodb:DescribeStream, dynamodb:ListStreams], Resource: !GetAtt Ledger.StreamArn }] }
        - PolicyName: totals
          PolicyDocument: { Statement: [{ Effect: Allow, Action: dynamodb:UpdateItem, Resource: !GetAtt Ledger.Arn }] }
  Trigger:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt Ledger.StreamArn, FunctionName: !Ref Summer, StartingPosition: LATEST }
`);
    expect(edgesOf(graph)).toEqual(['Ledger -> Summer', 'Summer -> Ledger (write)']);
  });

  it('GIVEN the same function allowed only to read the stream THEN just the trigger', () => {
    const { graph } = read(`Resources:
  Ledger: { Type: AWS::DynamoDB::Table, Properties: { AttributeDefinitions: [{ AttributeName: id, AttributeType: S }], KeySchema: [{ AttributeName: id, KeyType: HASH }], BillingMode: PAY_PER_REQUEST, StreamSpecification: { StreamViewType: NEW_IMAGE } } }
${fn('Summer', ', Role: !GetAtt SummerRole.Arn')}  SummerRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: ${ASSUME}
      Policies: [{ PolicyName: stream, PolicyDocument: { Statement: [{ Effect: Allow, Action: [dynamodb:GetRecords, dynamodb:GetShardIterator], Resource: !GetAtt Ledger.StreamArn }] } }]
  Trigger:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt Ledger.StreamArn, FunctionName: !Ref Summer, StartingPosition: LATEST }
`);
    expect(edgesOf(graph)).toEqual(['Ledger -> Summer']);
  });
});

describe('an API integration role that only the API’s included definition names', () => {
  const api = (name: string) => `  ${name}:
    Type: AWS::Serverless::Api
    Properties: { StageName: prod, DefinitionBody: { 'Fn::Transform': { Name: AWS::Include, Parameters: { Location: api.yaml } } } }
`;
  const template = (apis: string[]) => `Transform: AWS::Serverless-2016-10-31
Resources:
${apis.map(api).join('')}  Ingest: { Type: AWS::SQS::Queue }
  IntegrationRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: apigateway.amazonaws.com }, Action: sts:AssumeRole }] }
      Policies: [{ PolicyName: send, PolicyDocument: { Statement: [{ Effect: Allow, Action: [sqs:SendMessage], Resource: !GetAtt Ingest.Arn }] } }]
`;

  it('GIVEN the template’s only API THEN the API sends to the queue, its route shown as not in the template', () => {
    const { graph } = read(template(['Api']));
    expect(edgesOf(graph)).toEqual(['Api -> Ingest']);
    expect(graph.edges[0].origin?.evidence).toEqual(['IntegrationRole Policies[0].PolicyDocument.Statement[0].Resource (shared)']);
    expect(graph.edges[0].origin?.written?.path).toEqual({ value: 'not in the template', why: expect.stringContaining('OpenAPI file') });
  });

  it('GIVEN two APIs THEN which one uses the role is not in the template: no edge, and a warning at the role', () => {
    const { graph, warnings } = read(template(['Public', 'Private']));
    expect(edgesOf(graph)).toEqual([]);
    expect(warnings.map((w) => w.message)).toEqual([
      'IntegrationRole is a role apigateway.amazonaws.com assumes, but no resource of the template names it and the template has 2 such nodes: its grants (on Ingest) are not drawn',
    ]);
    expect(warnings[0].line).toBe(10);
  });
});

describe('a grant between services the canvas cannot connect', () => {
  it('GIVEN an API whose role writes to a table (an API-to-DynamoDB integration) THEN no edge, and a warning at the grant says why', () => {
    const { graph, warnings } = read(`Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: pets }
  Pets: { Type: AWS::DynamoDB::Table, Properties: { AttributeDefinitions: [{ AttributeName: id, AttributeType: S }], KeySchema: [{ AttributeName: id, KeyType: HASH }], BillingMode: PAY_PER_REQUEST } }
  PutPet:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: POST
      AuthorizationType: NONE
      Integration: { Type: AWS, IntegrationHttpMethod: POST, Uri: !Sub 'arn:aws:apigateway:\${AWS::Region}:dynamodb:action/PutItem', Credentials: !GetAtt PetsRole.Arn }
  PetsRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: apigateway.amazonaws.com }, Action: sts:AssumeRole }] }
      Policies: [{ PolicyName: put, PolicyDocument: { Statement: { Effect: Allow, Action: dynamodb:PutItem, Resource: !GetAtt Pets.Arn } } }]
`);
    expect(edgesOf(graph)).toEqual([]);
    expect(warnings.map((w) => [w.line, w.message])).toContainEqual([
      18,
      'Resources.PetsRole.Properties.Policies[0].PolicyDocument.Statement.Resource lets Api use Pets, but the canvas has no connection from apigateway to dynamodb: kept in the template, not drawn',
    ]);
  });
});

describe('grants read as a reader reads them', () => {
  const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Status:
    Type: AWS::DynamoDB::Table
    Properties:
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      BillingMode: PAY_PER_REQUEST
      StreamSpecification: { StreamViewType: NEW_IMAGE }
  Approval:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition: { StartAt: Done, States: { Done: { Type: Succeed } } }
      Policies:
        - EventBridgePutEventsPolicy: { EventBusName: !Sub '{{resolve:ssm:/app/EventBusName}}' }
      Events:
        Requested:
          Type: EventBridgeRule
          Properties: { EventBusName: !Sub '{{resolve:ssm:/app/EventBusName}}', Pattern: { detail-type: [Requested] } }
  Sync:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: index.handler
      InlineCode: "def handler(event, context): pass"
      Policies:
        - DynamoDBStreamReadPolicy: { TableName: !Ref Status, StreamName: !Select [3, !Split ['/', !GetAtt Status.StreamArn]] }
        - Statement: [{ Effect: Allow, Action: [states:SendTaskSuccess], Resource: [!Ref Approval] }]
      Events:
        Stream:
          Type: DynamoDB
          Properties: { Stream: !GetAtt Status.StreamArn, StartingPosition: LATEST }
`;

  it('GIVEN a function granted only the stream read of the table whose stream triggers it THEN the trigger is the only edge between them', () => {
    const { graph } = read(TEMPLATE);
    expect(edgesOf(graph).filter((e) => e.includes('Status'))).toEqual(['Status -> Sync']);
  });

  it('GIVEN a grant no access mode describes (a callback) THEN the edge is drawn and its access is shown as the actions it holds', () => {
    const { graph } = read(TEMPLATE);
    const callback = graph.edges.find((e) => graph.nodes.find((n) => n.id === e.source)!.name === 'Sync' && graph.nodes.find((n) => n.id === e.target)!.name === 'Approval')!;
    expect(callback.origin?.written?.access).toEqual({ value: 'states:SendTaskSuccess', why: 'no value of the access field says this' });
  });

  it('GIVEN a workflow granted PutEvents on a bus named by a resolved SSM parameter THEN it puts events on the node its SAM event hangs off', () => {
    const { graph } = read(TEMPLATE);
    const bus = graph.nodes.find((n) => n.kind === 'eventbridge')!;
    expect(edgesOf(graph)).toEqual(expect.arrayContaining([`${bus.name} -> Approval`, `Approval -> ${bus.name}`]));
  });
});

describe('a grant on what a parameter names', () => {
  it('GIVEN a role granting events:PutEvents on a bus ARN given as a parameter THEN no edge, and a warning names the parameter and the actions; a log grant says nothing', () => {
    const { graph, warnings } = read(`Parameters:
  BusArn: { Type: String }
  LogGroupName: { Type: String }
Resources:
${fn('Publisher', ', Role: !GetAtt PublisherRole.Arn')}  PublisherRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: ${ASSUME}
      Policies:
        - PolicyName: put
          PolicyDocument:
            Statement:
              - { Effect: Allow, Action: events:PutEvents, Resource: !Ref BusArn }
              - { Effect: Allow, Action: logs:PutLogEvents, Resource: !Sub 'arn:aws:logs:*:*:log-group:\${LogGroupName}' }
`);
    expect(graph.edges).toEqual([]);
    expect(warnings.map((w) => w.message)).toEqual([
      'Resources.PublisherRole.Properties.Policies[0].PolicyDocument.Statement[0].Resource lets Publisher use what the parameter BusArn names (events:PutEvents): no node of the diagram stands for it, so it is not drawn',
    ]);
  });
});

describe('an ARN spelled from the parameter that names a resource', () => {
  it('GIVEN BucketName: !Ref InputBucketName and a grant on arn:aws:s3:::${InputBucketName}/* THEN the function reads and writes that bucket', () => {
    const { graph, warnings } = read(`Parameters:
  InputBucketName: { Type: String }
Resources:
  Input: { Type: AWS::S3::Bucket, Properties: { BucketName: !Ref InputBucketName } }
${fn('Import', ', Role: !GetAtt ImportRole.Arn')}  ImportRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: ${ASSUME}
      Policies:
        - PolicyName: s3
          PolicyDocument: { Statement: [{ Effect: Allow, Action: [s3:GetObject, s3:PutObject], Resource: !Sub 'arn:aws:s3:::\${InputBucketName}/*' }] }
`);
    expect(edgesOf(graph)).toEqual(['Import -> Input (read-write)']);
    expect(warnings).toEqual([]);
  });
});
