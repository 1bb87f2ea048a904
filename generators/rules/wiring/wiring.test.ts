import { describe, expect, it } from 'vitest';
import { diagnose } from '../../diagnostics/check';
import { diagram, type DiagramSpec } from '../../graph/build';
import { RULE_FIXTURES } from '../../testing/rule-fixtures';
import { synthesize } from '../../template/synth';
import type { Resource, Statement } from '../../template/cfn';
import { dependencyGraph, findCycle } from '../../template/analysis';

const uuid = { 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] };
const functionArn = (name: string) => ({ 'Fn::Sub': [`arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${name}-\${Uuid}`, { Uuid: uuid }] });
const bucketArn = (prefix: string, path = '') => ({
  'Fn::Sub': [`arn:\${AWS::Partition}:s3:::${prefix}-\${Uuid}${path}`, { Uuid: { 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] } }],
});

function build(spec: DiagramSpec) {
  const graph = diagram(spec);
  const { template, provenance, problems } = synthesize(graph);
  expect(problems).toEqual([]);
  const r = (id: string): Resource => {
    const resource = template.Resources[id];
    if (!resource) throw new Error(`no resource ${id}; have ${Object.keys(template.Resources).join(', ')}`);
    return resource;
  };
  const p = (id: string) => r(id).Properties as Record<string, any>;
  const statements = (roleId: string): Statement[] => p(roleId).Policies.flatMap((x: any) => x.PolicyDocument.Statement);
  const statement = (roleId: string, sid: string) => statements(roleId).find((s) => s.Sid === sid);
  const made = (from: string, to: string) => [...provenance.get(`e_${from}_${to}`)!.resources].sort();
  const touched = (from: string, to: string) => [...provenance.get(`e_${from}_${to}`)!.touched].sort();
  return { graph, template, r, p, statement, statements, made, touched };
}

describe('every row of the rule table', () => {
  it.each(RULE_FIXTURES.map((f) => [f.key, f] as const))('GIVEN the %s fixture THEN it synthesizes without problems or errors, and the edge produced something', (_, f) => {
    const { made, touched, graph } = build(f.spec);
    expect(diagnose(graph).filter((d) => d.severity === 'error')).toEqual([]);
    const { source, target } = f.spec;
    const edgeProv = [...made(source, target), ...touched(source, target)];
    expect(edgeProv.length).toBeGreaterThan(0);
  });

  it.each(RULE_FIXTURES.map((f) => [f.key, f] as const))('GIVEN the %s fixture THEN no IAM statement has a wildcard action and every granted statement names a resource', (_, f) => {
    const { template } = build(f.spec);
    const text = JSON.stringify(template);
    expect(text).not.toMatch(/"Action":\s*"\*"|"\w+:\*"/);
    for (const resource of Object.values(template.Resources))
      for (const policy of (resource.Properties?.Policies as any[]) ?? []) for (const s of policy.PolicyDocument.Statement) expect(s.Resource?.length, s.Sid).toBeGreaterThan(0);
  });
});

describe('API Gateway routes', () => {
  it('GIVEN Api -> Handler WHEN synthesized THEN a payload 2.0 proxy integration, the route and an invoke permission scoped to the API are made', () => {
    const { made, p } = build({ nodes: { Api: 'apigateway', Handler: 'lambda' }, edges: [['Api', 'Handler', { method: 'GET', path: '/orders/{id}' }]] });
    expect(made('Api', 'Handler')).toEqual(['ApiToHandlerIntegration', 'ApiToHandlerPermission', 'ApiToHandlerRoute']);
    expect(p('ApiToHandlerIntegration')).toEqual({ ApiId: { Ref: 'Api' }, IntegrationType: 'AWS_PROXY', IntegrationUri: { 'Fn::GetAtt': ['Handler', 'Arn'] }, PayloadFormatVersion: '2.0' });
    expect(p('ApiToHandlerRoute')).toEqual({ ApiId: { Ref: 'Api' }, RouteKey: 'GET /orders/{id}', Target: { 'Fn::Sub': 'integrations/${ApiToHandlerIntegration}' } });
    expect(p('ApiToHandlerPermission')).toEqual({
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': ['Handler', 'Arn'] },
      Principal: 'apigateway.amazonaws.com',
      SourceArn: { 'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*' },
    });
  });

  it.each([
    ['stepfunctions', 'StepFunctions-StartExecution', 'states:StartExecution', { Ref: 'Target' }],
    ['sqs', 'SQS-SendMessage', 'sqs:SendMessage', { 'Fn::GetAtt': ['Target', 'Arn'] }],
    ['eventbridge', 'EventBridge-PutEvents', 'events:PutEvents', { 'Fn::GetAtt': ['Target', 'Arn'] }],
    ['kinesis', 'Kinesis-PutRecord', 'kinesis:PutRecord', { 'Fn::GetAtt': ['Target', 'Arn'] }],
  ] as const)('GIVEN Api -> %s THEN the %s integration uses a role allowed only %s on that target', (kind, subtype, action, arn) => {
    const { made, p } = build({ nodes: { Api: 'apigateway', Target: kind }, edges: [['Api', 'Target']] });
    expect(made('Api', 'Target')).toEqual(['ApiToTargetIntegration', 'ApiToTargetIntegrationRole', 'ApiToTargetRoute']);
    expect(p('ApiToTargetIntegration')).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      IntegrationSubtype: subtype,
      PayloadFormatVersion: '1.0',
      CredentialsArn: { 'Fn::GetAtt': ['ApiToTargetIntegrationRole', 'Arn'] },
    });
    expect(p('ApiToTargetRoute').RouteKey).toBe('POST /');
    const role = p('ApiToTargetIntegrationRole');
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([{ Sid: 'TrustService', Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: ['sts:AssumeRole'] }]);
    expect(role.Policies[0].PolicyDocument.Statement).toEqual([{ Sid: 'SendTarget', Effect: 'Allow', Action: [action], Resource: [arn] }]);
  });

  it('GIVEN a website bucket calling an API with restricted origins THEN the API allows the site origin', () => {
    const { p } = build({
      nodes: { Site: ['s3', { mode: 'website' }], Api: ['apigateway', { corsAllowOrigins: 'https://example.com' }], Handler: 'lambda' },
      edges: [
        ['Site', 'Api'],
        ['Api', 'Handler'],
      ],
    });
    const origins = p('Api').CorsConfiguration.AllowOrigins;
    expect(origins[0]).toBe('https://example.com');
    expect(origins[1]).toEqual({ 'Fn::Sub': ['http://${Name}.s3-website-${AWS::Region}.amazonaws.com', { Name: expect.anything() }] });
  });
});

describe('S3 notifications', () => {
  it('GIVEN Uploads -> Thumbnailer with a suffix filter THEN the notification, a permission with SourceAccount and SourceArn, and the bucket waiting for it are made, with no reference back to the bucket', () => {
    const { made, touched, p, r } = build({ nodes: { Uploads: 's3', Thumbnailer: 'lambda' }, edges: [['Uploads', 'Thumbnailer', { suffix: '.png', event: 's3:ObjectCreated:Put' }]] });
    expect(made('Uploads', 'Thumbnailer')).toEqual(['UploadsToThumbnailerPermission']);
    expect(touched('Uploads', 'Thumbnailer')).toEqual(['Uploads']);
    expect(p('Uploads').NotificationConfiguration).toEqual({
      LambdaConfigurations: [{ Event: 's3:ObjectCreated:Put', Function: { 'Fn::GetAtt': ['Thumbnailer', 'Arn'] }, Filter: { S3Key: { Rules: [{ Name: 'suffix', Value: '.png' }] } } }],
    });
    expect(p('UploadsToThumbnailerPermission')).toEqual({
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': ['Thumbnailer', 'Arn'] },
      Principal: 's3.amazonaws.com',
      SourceArn: bucketArn('uploads'),
      SourceAccount: { Ref: 'AWS::AccountId' },
    });
    expect(r('Uploads').DependsOn).toEqual(['UploadsToThumbnailerPermission']);
    expect(JSON.stringify(p('UploadsToThumbnailerPermission'))).not.toContain('"Ref":"Uploads"');
  });

  it.each([
    ['sqs', 'QueueConfigurations', 'Queue', 'sqs:SendMessage', 'AWS::SQS::QueuePolicy'],
    ['sns', 'TopicConfigurations', 'Topic', 'sns:Publish', 'AWS::SNS::TopicPolicy'],
  ] as const)('GIVEN Uploads -> %s THEN %s, a resource policy for s3.amazonaws.com limited to the bucket and account, and the bucket waits for the policy', (kind, list, key, action, policyType) => {
    const { p, r } = build({ nodes: { Uploads: 's3', Target: kind }, edges: [['Uploads', 'Target']] });
    expect(Object.keys(p('Uploads').NotificationConfiguration)).toEqual([list]);
    expect(p('Uploads').NotificationConfiguration[list][0][key]).toEqual(kind === 'sqs' ? { 'Fn::GetAtt': ['Target', 'Arn'] } : { Ref: 'Target' });
    expect(r('TargetPolicy').Type).toBe(policyType);
    expect(p('TargetPolicy').PolicyDocument.Statement).toEqual([
      {
        Sid: 'AllowUploads',
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: [action],
        Resource: [kind === 'sqs' ? { 'Fn::GetAtt': ['Target', 'Arn'] } : { Ref: 'Target' }],
        Condition: { ArnEquals: { 'aws:SourceArn': bucketArn('uploads') }, StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      },
    ]);
    expect(r('Uploads').DependsOn).toEqual(['TargetPolicy']);
  });

  it('GIVEN a bucket -> topic THEN the topic is not encrypted with the AWS managed key (S3 could not publish)', () => {
    expect(build({ nodes: { Uploads: 's3', Target: 'sns' }, edges: [['Uploads', 'Target']] }).p('Target').KmsMasterKeyId).toBeUndefined();
    expect(build({ nodes: { Fn: 'lambda', Target: 'sns' }, edges: [['Fn', 'Target']] }).p('Target').KmsMasterKeyId).toBe('alias/aws/sns');
  });

  it("GIVEN Uploads -> a custom bus THEN EventBridge delivery is on and a default-bus rule forwards the bucket's events with a PutEvents-only role", () => {
    const { p, made } = build({
      nodes: { Uploads: 's3', Bus: 'eventbridge', Fn: 'lambda' },
      edges: [
        ['Uploads', 'Bus'],
        ['Bus', 'Fn'],
      ],
    });
    expect(p('Uploads').NotificationConfiguration).toEqual({ EventBridgeConfiguration: { EventBridgeEnabled: true } });
    expect(made('Uploads', 'Bus')).toEqual(['UploadsToBusForwardRole', 'UploadsToBusForwardRule']);
    const rule = p('UploadsToBusForwardRule');
    expect(rule.EventBusName).toBeUndefined();
    expect(rule.EventPattern.source).toEqual(['aws.s3']);
    expect(rule.Targets).toEqual([{ Id: 'Bus', Arn: { 'Fn::GetAtt': ['Bus', 'Arn'] }, RoleArn: { 'Fn::GetAtt': ['UploadsToBusForwardRole', 'Arn'] } }]);
    expect(p('UploadsToBusForwardRole').Policies[0].PolicyDocument.Statement).toEqual([
      { Sid: 'PutEventsOnBus', Effect: 'Allow', Action: ['events:PutEvents'], Resource: [{ 'Fn::GetAtt': ['Bus', 'Arn'] }] },
    ]);
  });

  it('GIVEN Uploads -> the default bus THEN only EventBridge delivery is turned on', () => {
    const { made, p } = build({
      nodes: { Uploads: 's3', Bus: ['eventbridge', { busType: 'default' }], Fn: 'lambda' },
      edges: [
        ['Uploads', 'Bus'],
        ['Bus', 'Fn'],
      ],
    });
    expect(made('Uploads', 'Bus')).toEqual([]);
    expect(p('BusToFnRule').EventBusName).toBeUndefined();
  });
});

describe('streams and queues', () => {
  it("GIVEN Orders -> Indexer THEN the table streams new and old images and a mapping with the role's stream-read statement is made", () => {
    const { p, made, touched, statement } = build({ nodes: { Orders: 'dynamodb', Indexer: 'lambda' }, edges: [['Orders', 'Indexer']] });
    expect(made('Orders', 'Indexer')).toEqual(['OrdersToIndexerMapping']);
    expect(touched('Orders', 'Indexer')).toEqual(['Orders']);
    expect(p('Orders').StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(p('OrdersToIndexerMapping')).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': ['Orders', 'StreamArn'] },
      FunctionName: { Ref: 'Indexer' },
      StartingPosition: 'LATEST',
      BatchSize: 100,
      MaximumRetryAttempts: 3,
      BisectBatchOnFunctionError: true,
    });
    expect(statement('IndexerRole', 'ReadOrdersStream')).toEqual({
      Sid: 'ReadOrdersStream',
      Effect: 'Allow',
      Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
      Resource: [{ 'Fn::GetAtt': ['Orders', 'StreamArn'] }],
    });
  });

  it('GIVEN a table with no stream reader THEN it has no stream', () => {
    expect(build({ nodes: { Orders: 'dynamodb', Fn: 'lambda' }, edges: [['Fn', 'Orders']] }).p('Orders').StreamSpecification).toBeUndefined();
  });

  it.each([
    ['eventbridge', 'events:PutEvents', { EventBridgeEventBusParameters: { DetailType: 'TableChange', Source: 'eventform.dynamodb' } }],
    ['sqs', 'sqs:SendMessage', undefined],
    ['sns', 'sns:Publish', undefined],
    ['stepfunctions', 'states:StartExecution', { StepFunctionStateMachineParameters: { InvocationType: 'FIRE_AND_FORGET' } }],
  ] as const)('GIVEN Orders -> %s THEN a pipe reads the stream with a role allowed only the stream reads and %s', (kind, action, targetParameters) => {
    const { p, made } = build({
      nodes: { Orders: 'dynamodb', Target: kind, Fn: 'lambda' },
      edges: [['Orders', 'Target'], ...(kind === 'sqs' || kind === 'sns' || kind === 'eventbridge' ? ([['Target', 'Fn']] as [string, string][]) : [])],
    });
    expect(made('Orders', 'Target')).toEqual(['OrdersToTargetPipe', 'OrdersToTargetPipeRole']);
    const pipe = p('OrdersToTargetPipe');
    expect(pipe.Source).toEqual({ 'Fn::GetAtt': ['Orders', 'StreamArn'] });
    expect(pipe.SourceParameters).toEqual({ DynamoDBStreamParameters: { StartingPosition: 'LATEST', BatchSize: 1 } });
    expect(pipe.TargetParameters).toEqual(targetParameters);
    const role = p('OrdersToTargetPipeRole');
    expect(role.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'pipes.amazonaws.com' });
    expect(role.Policies[0].PolicyDocument.Statement.map((s: Statement) => s.Action)).toEqual([
      ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
      [action],
    ]);
  });

  it('GIVEN Clicks -> Counter THEN a mapping from the stream at LATEST and the Kinesis read statement are made', () => {
    const { p, statement } = build({ nodes: { Clicks: 'kinesis', Counter: 'lambda' }, edges: [['Clicks', 'Counter', { batchSize: 500 }]] });
    expect(p('ClicksToCounterMapping')).toMatchObject({ EventSourceArn: { 'Fn::GetAtt': ['Clicks', 'Arn'] }, StartingPosition: 'LATEST', BatchSize: 500 });
    expect(statement('CounterRole', 'ReadClicks')?.Action).toContain('kinesis:GetRecords');
    expect(statement('CounterRole', 'ReadClicks')?.Resource).toEqual([{ 'Fn::GetAtt': ['Clicks', 'Arn'] }]);
  });

  it('GIVEN Jobs -> Worker THEN a mapping with partial batch responses and the four consume actions are made', () => {
    const { p, statement } = build({ nodes: { Jobs: 'sqs', Worker: 'lambda' }, edges: [['Jobs', 'Worker', { batchSize: 50, batchingWindowSeconds: 5 }]] });
    expect(p('JobsToWorkerMapping')).toEqual({
      EventSourceArn: { 'Fn::GetAtt': ['Jobs', 'Arn'] },
      FunctionName: { Ref: 'Worker' },
      Enabled: true,
      BatchSize: 50,
      MaximumBatchingWindowInSeconds: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      Tags: expect.any(Array),
    });
    expect(statement('WorkerRole', 'ConsumeJobs')).toEqual({
      Sid: 'ConsumeJobs',
      Effect: 'Allow',
      Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'],
      Resource: [{ 'Fn::GetAtt': ['Jobs', 'Arn'] }],
    });
  });
});

describe('Firehose', () => {
  it('GIVEN Events -> Delivery -> Archive with a transform THEN the stream source, the S3 destination and the processor are configured and the delivery waits for its policy', () => {
    const { p, r } = build({
      nodes: { Events: 'kinesis', Delivery: 'firehose', Archive: 's3', Shaper: 'lambda' },
      edges: [
        ['Events', 'Delivery'],
        ['Delivery', 'Archive', { prefix: 'raw/' }],
        ['Delivery', 'Shaper'],
      ],
    });
    const stream = p('Delivery');
    expect(stream.DeliveryStreamType).toBe('KinesisStreamAsSource');
    expect(stream.KinesisStreamSourceConfiguration).toEqual({ KinesisStreamARN: { 'Fn::GetAtt': ['Events', 'Arn'] }, RoleARN: { 'Fn::GetAtt': ['DeliveryRole', 'Arn'] } });
    expect(stream.ExtendedS3DestinationConfiguration).toMatchObject({
      BucketARN: bucketArn('archive'),
      RoleARN: { 'Fn::GetAtt': ['DeliveryRole', 'Arn'] },
      Prefix: 'raw/',
      ErrorOutputPrefix: 'errors/',
      CompressionFormat: 'GZIP',
      BufferingHints: { IntervalInSeconds: 60, SizeInMBs: 5 },
    });
    expect(stream.ExtendedS3DestinationConfiguration.ProcessingConfiguration.Processors[0].Parameters).toEqual([{ ParameterName: 'LambdaArn', ParameterValue: functionArn('Shaper') }]);
    expect(stream.DeliveryStreamEncryptionConfigurationInput).toBeUndefined();
    expect(r('Delivery').DependsOn).toEqual(['DeliveryPolicy', 'Shaper']);
    const sids = p('DeliveryPolicy')
      .PolicyDocument.Statement.map((s: Statement) => s.Sid)
      .sort();
    expect(sids).toEqual(['InvokeShaper', 'ReadEvents', 'WriteArchive']);
    const write = p('DeliveryPolicy').PolicyDocument.Statement.find((s: Statement) => s.Sid === 'WriteArchive');
    expect(write.Resource).toEqual([bucketArn('archive'), bucketArn('archive', '/*')]);
  });
});

describe('SNS subscriptions', () => {
  it('GIVEN Alerts -> Notifier THEN a lambda subscription and a permission scoped to the topic are made', () => {
    const { p, made } = build({ nodes: { Alerts: 'sns', Notifier: 'lambda' }, edges: [['Alerts', 'Notifier', { filterPolicy: '{"level": ["error"]}' }]] });
    expect(made('Alerts', 'Notifier')).toEqual(['AlertsToNotifierPermission', 'AlertsToNotifierSubscription']);
    expect(p('AlertsToNotifierSubscription')).toEqual({ TopicArn: { Ref: 'Alerts' }, Protocol: 'lambda', Endpoint: { 'Fn::GetAtt': ['Notifier', 'Arn'] }, FilterPolicy: { level: ['error'] } });
    expect(p('AlertsToNotifierPermission')).toMatchObject({ Principal: 'sns.amazonaws.com', SourceArn: { Ref: 'Alerts' } });
  });

  it('GIVEN Alerts -> Inbox THEN an sqs subscription waits for a queue policy admitting only that topic', () => {
    const { p, r } = build({ nodes: { Alerts: 'sns', Inbox: 'sqs' }, edges: [['Alerts', 'Inbox', { rawMessageDelivery: true }]] });
    expect(p('AlertsToInboxSubscription')).toEqual({ TopicArn: { Ref: 'Alerts' }, Protocol: 'sqs', Endpoint: { 'Fn::GetAtt': ['Inbox', 'Arn'] }, RawMessageDelivery: true });
    expect(r('AlertsToInboxSubscription').DependsOn).toEqual(['InboxPolicy']);
    expect(p('InboxPolicy').PolicyDocument.Statement).toEqual([
      {
        Sid: 'AllowAlerts',
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: ['sqs:SendMessage'],
        Resource: [{ 'Fn::GetAtt': ['Inbox', 'Arn'] }],
        Condition: { ArnEquals: { 'aws:SourceArn': { Ref: 'Alerts' } } },
      },
    ]);
  });
});

describe('EventBridge rules', () => {
  it("GIVEN Bus -> Fn THEN one rule on the custom bus with the edge's pattern targets the function, which lets only that rule invoke it", () => {
    const { p, made } = build({ nodes: { Bus: 'eventbridge', Fn: 'lambda' }, edges: [['Bus', 'Fn', { eventPattern: '{"source": ["shop"]}' }]] });
    expect(made('Bus', 'Fn')).toEqual(['BusToFnPermission', 'BusToFnRule']);
    expect(p('BusToFnRule')).toMatchObject({ EventBusName: { 'Fn::GetAtt': ['Bus', 'Name'] }, EventPattern: { source: ['shop'] }, State: 'ENABLED', Targets: [{ Id: 'Fn', Arn: functionArn('Fn') }] });
    expect(p('BusToFnPermission')).toMatchObject({ Principal: 'events.amazonaws.com', SourceArn: { 'Fn::GetAtt': ['BusToFnRule', 'Arn'] } });
  });

  it.each(['sqs', 'sns'] as const)("GIVEN Bus -> %s THEN the target's resource policy admits only that rule", (kind) => {
    const { p } = build({
      nodes: { Bus: 'eventbridge', Target: kind, Fn: 'lambda' },
      edges: [
        ['Bus', 'Target'],
        ['Target', 'Fn'],
      ],
    });
    expect(p('TargetPolicy').PolicyDocument.Statement[0]).toMatchObject({
      Principal: { Service: 'events.amazonaws.com' },
      Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': ['BusToTargetRule', 'Arn'] } } },
    });
  });

  it.each([
    ['stepfunctions', 'states:StartExecution'],
    ['kinesis', 'kinesis:PutRecord'],
    ['eventbridge', 'events:PutEvents'],
  ] as const)('GIVEN Bus -> %s THEN the rule target uses a role trusted by EventBridge allowed only %s', (kind, action) => {
    const { p } = build({ nodes: { BusA: 'eventbridge', Target: kind }, edges: [['BusA', 'Target']] });
    expect(p('BusAToTargetRule').Targets[0].RoleArn).toEqual({ 'Fn::GetAtt': ['BusAToTargetRuleRole', 'Arn'] });
    const role = p('BusAToTargetRuleRole');
    expect(role.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'events.amazonaws.com' });
    expect(role.Policies[0].PolicyDocument.Statement.map((s: Statement) => s.Action)).toEqual([[action]]);
  });

  it('GIVEN a scheduled bus THEN its rules run on the schedule, on the default bus', () => {
    const { p } = build({ nodes: { Nightly: ['eventbridge', { schedule: 'rate(1 day)' }], Fn: 'lambda' }, edges: [['Nightly', 'Fn']] });
    expect(p('NightlyToFnRule').ScheduleExpression).toBe('rate(1 day)');
    expect(p('NightlyToFnRule').EventBusName).toBeUndefined();
    expect(p('NightlyToFnRule').EventPattern).toBeUndefined();
  });
});

describe('a function using services', () => {
  it.each([
    ['dynamodb', 'read', ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'], 'TABLE_NAME', { Ref: 'Target' }],
    ['dynamodb', 'write', ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], 'TABLE_NAME', { Ref: 'Target' }],
    ['s3', 'write', ['s3:AbortMultipartUpload', 's3:PutObject'], 'BUCKET_NAME', expect.objectContaining({ 'Fn::Sub': expect.any(Array) })],
    ['sns', 'publish', ['sns:Publish'], 'TOPIC_ARN', { Ref: 'Target' }],
    ['sqs', 'send', ['sqs:GetQueueAttributes', 'sqs:SendMessage'], 'QUEUE_URL', { Ref: 'Target' }],
    ['eventbridge', 'put-events', ['events:PutEvents'], 'EVENT_BUS_NAME', { 'Fn::GetAtt': ['Target', 'Name'] }],
    ['kinesis', 'write', ['kinesis:DescribeStreamSummary', 'kinesis:ListShards', 'kinesis:PutRecord', 'kinesis:PutRecords'], 'STREAM_NAME', { Ref: 'Target' }],
    ['firehose', 'write', ['firehose:PutRecord', 'firehose:PutRecordBatch'], 'DELIVERY_STREAM_NAME', { Ref: 'Target' }],
    ['stepfunctions', 'start-execution', ['states:StartExecution'], 'STATE_MACHINE_ARN', { Ref: 'Target' }],
  ] as const)('GIVEN Fn -> %s with %s access THEN the role gets exactly those actions and the function gets %s', (kind, access, actions, variable, value) => {
    const nodes: DiagramSpec['nodes'] = { Fn: 'lambda', Target: kind };
    const edges: DiagramSpec['edges'] = [['Fn', 'Target', { access }]];
    if (kind === 'firehose') {
      nodes.Archive = 's3';
      edges.push(['Target', 'Archive']);
    }
    const { statements, p } = build({ nodes, edges });
    const granted = statements('FnRole').filter((s) => s.Sid !== 'WriteOwnLogs');
    expect(granted).toHaveLength(1);
    expect(granted[0].Action).toEqual(actions);
    const env = p('Fn').Environment.Variables;
    expect(env[variable]).toEqual(value);
    expect(env[`TARGET_${variable}`]).toEqual(value);
    expect(env.TARGET_ACCESS).toBe(access);
  });

  it('GIVEN a function reading a table THEN it may also query its indexes, and learns the key name', () => {
    const { statement, p } = build({ nodes: { Fn: 'lambda', Orders: ['dynamodb', { partitionKey: 'orderId', sortKey: 'at' }] }, edges: [['Fn', 'Orders', { access: 'read' }]] });
    expect(statement('FnRole', 'ReadOrders')?.Resource).toEqual([{ 'Fn::GetAtt': ['Orders', 'Arn'] }, { 'Fn::Sub': ['${Arn}/index/*', { Arn: { 'Fn::GetAtt': ['Orders', 'Arn'] } }] }]);
    expect(p('Fn').Environment.Variables).toMatchObject({ ORDERS_TABLE_KEY: 'orderId', ORDERS_TABLE_SORT_KEY: 'at' });
  });

  it('GIVEN two tables THEN each has its own variable and the generic TABLE_NAME is not set', () => {
    const { p } = build({
      nodes: { Fn: 'lambda', Orders: 'dynamodb', Customers: 'dynamodb' },
      edges: [
        ['Fn', 'Orders'],
        ['Fn', 'Customers'],
      ],
    });
    const env = p('Fn').Environment.Variables;
    expect(env.ORDERS_TABLE_NAME).toEqual({ Ref: 'Orders' });
    expect(env.CUSTOMERS_TABLE_NAME).toEqual({ Ref: 'Customers' });
    expect(env.TABLE_NAME).toBeUndefined();
  });

  it('GIVEN a function writing to a bucket THEN object actions are on keys only', () => {
    const { statement } = build({ nodes: { Fn: 'lambda', Thumbs: 's3' }, edges: [['Fn', 'Thumbs', { access: 'write' }]] });
    expect(statement('FnRole', 'WriteThumbs')?.Resource).toEqual([bucketArn('thumbs', '/*')]);
  });

  it('GIVEN Fn -> Other function THEN it may invoke that one function', () => {
    const { statement, p } = build({ nodes: { FnA: 'lambda', FnB: 'lambda' }, edges: [['FnA', 'FnB']] });
    expect(statement('FnARole', 'InvokeFnB')).toEqual({ Sid: 'InvokeFnB', Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: [functionArn('FnB')] });
    expect(p('FnA').Environment.Variables.FUNCTION_NAME).toEqual({ 'Fn::Sub': ['FnB-${Uuid}', { Uuid: uuid }] });
  });

  it('GIVEN two functions that invoke each other THEN each names the other by its name-built ARN, so there is no reference cycle', () => {
    const { template } = build({
      nodes: { FnA: 'lambda', FnB: 'lambda' },
      edges: [
        ['FnA', 'FnB'],
        ['FnB', 'FnA'],
      ],
    });
    expect(findCycle(dependencyGraph(template))).toBeNull();
  });
});

describe('Step Functions workflows', () => {
  it('GIVEN a workflow validating then creating or rejecting by condition THEN the definition chains the steps through a Choice and the role may call each target', () => {
    const { p, statement } = build({
      nodes: { Deposit: 'stepfunctions', Validate: 'lambda', Create: 'lambda', Reject: 'lambda', Deposits: 'dynamodb', Alerts: 'sns' },
      edges: [
        ['Deposit', 'Validate', { order: 1 }],
        ['Deposit', 'Create', { order: 2, condition: '$.valid == true' }],
        ['Deposit', 'Reject', { order: 2 }],
        ['Deposit', 'Deposits', { order: 3 }],
        ['Deposit', 'Alerts', { order: 4 }],
      ],
    });
    const machine = p('Deposit');
    expect(machine.Definition.StartAt).toBe('Validate');
    expect(machine.Definition.States.Validate).toMatchObject({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: '${Validate}' }, Next: 'Step2Choice' });
    expect(machine.Definition.States.Step2Choice).toEqual({ Type: 'Choice', Choices: [{ Variable: '$.valid', BooleanEquals: true, Next: 'Create' }], Default: 'Reject' });
    expect(machine.Definition.States.Create.Next).toBe('Deposits');
    expect(machine.Definition.States.Reject.Next).toBe('Deposits');
    expect(machine.Definition.States.Deposits).toMatchObject({ Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: '${Deposits}' }, ResultPath: null, Next: 'Alerts' });
    expect(machine.Definition.States.Alerts).toMatchObject({ Resource: 'arn:aws:states:::sns:publish', Next: 'Done' });
    expect(machine.Definition.States.Done).toEqual({ Type: 'Succeed' });
    expect(machine.DefinitionSubstitutions).toEqual({
      Validate: functionArn('Validate'),
      Create: functionArn('Create'),
      Reject: functionArn('Reject'),
      Deposits: { Ref: 'Deposits' },
      Alerts: { Ref: 'Alerts' },
    });
    expect(statement('DepositRole', 'StepValidate')?.Action).toEqual(['lambda:InvokeFunction']);
    expect(statement('DepositRole', 'StepDeposits')).toEqual({ Sid: 'StepDeposits', Effect: 'Allow', Action: ['dynamodb:PutItem'], Resource: [{ 'Fn::GetAtt': ['Deposits', 'Arn'] }] });
    expect(statement('DepositRole', 'StepAlerts')?.Action).toEqual(['sns:Publish']);
  });

  it.each([
    ['$.amount > 1000', { Variable: '$.amount', NumericGreaterThan: 1000 }],
    ['$.status != "open"', { Not: { Variable: '$.status', StringEquals: 'open' } }],
    ['$.a.b <= -2.5', { Variable: '$.a.b', NumericLessThanEquals: -2.5 }],
  ])('GIVEN the condition %s THEN the Choice rule is %j', (condition, expected) => {
    const { p } = build({ nodes: { Flow: 'stepfunctions', Fn: 'lambda' }, edges: [['Flow', 'Fn', { condition }]] });
    const { Next, ...rule } = p('Flow').Definition.States.Step1Choice.Choices[0];
    expect(rule).toEqual(expected);
    expect(Next).toBe('Fn');
    expect(p('Flow').Definition.States.Step1Choice.Default).toBe('Done');
  });
});

describe('function layers', () => {
  it('GIVEN a function with layers THEN they are on the function', () => {
    const layer = 'arn:aws:lambda:us-east-1:123456789012:layer:Pillow:3';
    const { p } = build({ nodes: { Fn: ['lambda', { layers: `${layer}, ${layer.replace(':3', ':4')}` }] } });
    expect(p('Fn').Layers).toEqual([layer, layer.replace(':3', ':4')]);
    expect(build({ nodes: { Fn: 'lambda' } }).p('Fn').Layers).toBeUndefined();
  });
});
