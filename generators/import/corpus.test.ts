/**
 * The importer against real-world templates written by others: each imports, keeps every resource,
 * exports to a template that means the same, and yields the edges its wiring implies.
 */
import { describe, expect, it } from 'vitest';
import { importTemplate } from '.';
import { readTemplateSource } from './source';
import { synthesize } from '../template/synth';
import { toJson, toYaml } from '../template/writer';
import { CORPUS_CANDIDATES, readCorpus } from '../testing/corpus';
import { lintTemplates } from '../testing/cfn-lint';
import { parseGraphFile, serializeGraph } from '../graph/file';
import type { Graph } from '../graph/model';

const found = readCorpus();
const corpus = found ?? [];
/** Without the corpus on this machine the suites below are reported as skipped, under this name. */
const where = found ? 'the template corpus' : `the template corpus (NOT FOUND in ${CORPUS_CANDIDATES.join(', ')}: set EVENTFORM_CORPUS)`;

/** The edges each file's wiring implies, as "SourceLogicalId -> TargetLogicalId". */
const EXPECTED_EDGES: Record<string, string[]> = {
  'TanAlex__cfn_templates__cloudformation___bigdata_kinesis_msk_ml__datalake-kinesis-redshift-sagemaker-s3__kinesis-firehose-lambda-process__cfn-template.yml': [
    'DeliveryStream -> S3Bucket',
    'DeliveryStream -> ProcessLambdaFunction',
  ],
  'TanAlex__cfn_templates__cloudformation__aws-cloudwatch__cloudwatch-sqs-sns__sqs-trigger-cw-alarm-to-sns.json': [],
  'TanAlex__cfn_templates__cloudformation__aws-lambda__custom_resource-or-lambda__40-lambda-asg-lifecycle-sns-trigger-ecs-drain-ec2instance.yaml': ['NotificationTopic -> LifecycleHandlerFunction'],
  'TanAlex__cfn_templates__cloudformation__aws-lambda__sqs-lambda-using-serverless-function.yaml': [
    '(Schedule) -> ConsumerLambda',
    'ConsumerLambda -> TaskQueue',
    'ConsumerLambda -> WorkerLambda',
    'TaskQueue -> DeadLetterQueue',
    'WorkerLambda -> TaskQueue',
  ],
  'aws-cloudformation__aws-cloudformation-templates__APIGateway__apigateway_lambda_integration.yaml': ['RestApi -> LambdaFunction'],
  'aws-cloudformation__aws-cloudformation-templates__DataFirehose__DataFirehoseDeliveryStream.yaml': [],
  'aws-samples__serverless-patterns__APIGateway-SQS-ReceiveMessages__template.yaml': ['AppApi -> MySqsQueue'],
  // The rule target's dead-letter queue is no rule target: a warning says it is kept, not drawn.
  'aws-samples__serverless-patterns__apigw-cache-invalidation-eventbridge__template.yaml': ['PetTable -> PetEventBus'],
  'aws-samples__serverless-patterns__apigw-dynamodb-kinesis-lambda__template.yaml': ['DynamoDBTable -> KinesisStream', 'KinesisStream -> LambdaConsumer'],
  'aws-samples__serverless-patterns__apigw-http-api-eventbridge__template.yaml': ['(DefaultBus) -> MyTriggeredLambda'],
  // The API's definition is an included file; its integration role, which nothing else names, sends to the queue.
  'aws-samples__serverless-patterns__apigw-http-api-fifo-sqs-lambda-sns-sam__template.yaml': [
    'MyAPI -> MySQSQueue',
    'MySQSQueue -> MyLambdaFunction',
    'MyLambdaFunction -> MySNSTopic',
    'MySQSQueue -> MyDeadLetterQueueForSQS',
  ],
  // As above: ApiGatewayRole, named only in the included definition, puts records on the stream.
  'aws-samples__serverless-patterns__apigw-kinesis-lambda-ddb__template.yaml': [
    'KinesisStream -> KinesisHandlerFunction',
    'RestApi -> GatewayAuthorizerFunction',
    'RestApi -> KinesisStream',
    'KinesisHandlerFunction -> DeadLetterQueue',
    'KinesisHandlerFunction -> EventTable',
  ],
  'aws-samples__serverless-patterns__apigw-kinesis-lambda__template.yaml': ['KinesisStream -> LambdaConsumer', 'Api -> KinesisStream'],
  'aws-samples__serverless-patterns__apigw-kinesis__template.yaml': ['Api -> KinesisStream'],
  'aws-samples__serverless-patterns__apigw-lambda-dynamodb-kinesis-lambda__template.yaml': [
    'DynamoDBTable -> KinesisStream',
    'KinesisStream -> LambdaConsumerFunction',
    'LambdaProducerFunction -> DynamoDBTable',
  ],
  'aws-samples__serverless-patterns__cdk-apigw-authorizer-sqs__cloudformation_templates__ApigwSqsAuthStack.template.json': ['sqsapiwithauth84D3EF87 -> storagesqs804AFF47'],
  'aws-samples__serverless-patterns__eventbridge-sfn__template.yaml': ['(DefaultBus) -> EC2StateWatcher'],
  'christoferson__aws-cloudformation__api-gateway__api-gateway-rest-lambda.yaml': ['ApiGatewayRestApi -> LambdaFunction'],
  // Five rules on the default bus: one bus node (named for the first rule), two topics, four patterns into one.
  'christoferson__aws-cloudformation__eventbridge__eventbridge-rule-codecommit-sns.yaml': [
    'EventBridgeRuleCodeCommitOnPush -> EventBridgeCodeCommitSnsTopicOnPush',
    'EventBridgeRuleCodeCommitOnPush -> EventBridgeCodeCommitSnsTopicOnPrMerge',
  ],
  'christoferson__aws-cloudformation__eventbridge__eventbridge-rule-custom.yaml': ['EventBridgeRule -> LambdaFunction'],
  'christoferson__aws-cloudformation__eventbridge__s3__eventbridge-rule-s3-call-sqs.yaml': [],
  'christoferson__aws-cloudformation__eventbridge__s3__eventbridge-rule-s3-call-stepfunctions.yaml': [],
  'christoferson__aws-cloudformation__eventbridge__stepfunctions__eventbridge-rule-stepfunctions-call-sns.yaml': [],
  'christoferson__aws-cloudformation__lambda__lambda-destination-sqs.yaml': [
    'LambdaFunction -> DeadLetterQueue',
    'LambdaFunction -> DestinationSuccessQueue',
    'LambdaFunction -> DestinationFailureQueue',
  ],
  'christoferson__aws-cloudformation__lambda__lambda-trigger-sqs.yaml': ['LambdaTriggerSqsQueue -> LambdaFunction', 'LambdaTriggerSqsQueue -> LambdaTriggerSqsQueueDeadLetter'],
  // The function's S3 grant spells the bucket's ARN from the parameter that names the bucket.
  'gakas14__S3-Lambda-and-DynamoDB-Event-driven-architecture__S3_Lambda_DDB.yaml': ['ImportFunction -> DDBtable', 'ImportFunction -> InputS3Bucket'],
};

const meaning = (text: string) => JSON.parse(JSON.stringify(readTemplateSource(text).value));
/** A node's logical id; a node the template uses without defining it (the default bus) by its name, in parentheses. */
const logicalIdOf = (graph: Graph, nodeId: string) => {
  const node = graph.nodes.find((n) => n.id === nodeId)!;
  return node.origin?.logicalIds[0] ?? `(${node.name})`;
};

describe.skipIf(!found)(where, () => {
  it('GIVEN the corpus THEN every file in it has a row in the edge table', () => {
    expect(corpus.map((c) => c.filename).sort()).toEqual(Object.keys(EXPECTED_EDGES).sort());
  });

  for (const entry of corpus)
    describe(entry.filename, () => {
      const imported = importTemplate(entry.text, { name: entry.filename });

      it('GIVEN the file WHEN imported THEN it imports without error and every resource is a node or belongs to one', () => {
        expect(imported.ok ? 'ok' : imported.error).toBe('ok');
        if (!imported.ok) return;
        const owned = [...imported.graph.nodes, ...imported.graph.edges].flatMap((e) => e.origin?.logicalIds ?? []);
        expect(owned.sort()).toEqual(Object.keys(meaning(entry.text).Resources).sort());
        expect(owned.length).toBe(entry.resourceCount);
      });

      it('WHEN exported again as YAML and as JSON THEN both mean exactly what the original means', () => {
        if (!imported.ok) throw new Error(imported.error);
        const { template, problems } = synthesize(imported.graph);
        expect(problems).toEqual([]);
        expect(meaning(toYaml(template))).toEqual(meaning(entry.text));
        expect(JSON.parse(toJson(template))).toEqual(meaning(entry.text));
      });

      it('THEN the edges its wiring implies are recovered, and nothing else', () => {
        if (!imported.ok) throw new Error(imported.error);
        const edges = imported.graph.edges.map((e) => `${logicalIdOf(imported.graph, e.source)} -> ${logicalIdOf(imported.graph, e.target)}`);
        expect(edges.sort()).toEqual([...EXPECTED_EDGES[entry.filename]].sort());
        for (const edge of imported.graph.edges) expect(edge.origin!.evidence.length).toBeGreaterThan(0);
      });

      it('WHEN saved as a diagram file and opened again THEN the export is unchanged', () => {
        if (!imported.ok) throw new Error(imported.error);
        const reopened = parseGraphFile(serializeGraph(imported.graph));
        expect(reopened.ok ? 'ok' : reopened.error).toBe('ok');
        if (reopened.ok) expect(synthesize(reopened.graph).template).toEqual(synthesize(imported.graph).template);
      });
    });

  it('GIVEN a reference to a resource the template lacks (NOTES: DANGLING) THEN it is a warning with its line, not an error', () => {
    const entry = corpus.find((c) => c.note?.includes('DANGLING'))!;
    const imported = importTemplate(entry.text);
    if (!imported.ok) throw new Error(imported.error);
    const warning = imported.warnings.find((w) => w.message.includes('DeadLetterQueue'));
    expect(warning?.message).toMatch(/DeadLetterConfig\.TargetArn refers to DeadLetterQueue, which the template does not define/);
    expect(entry.text.split(/\r?\n/)[warning!.line! - 1]).toContain('DeadLetterQueue');
  });

  it('GIVEN a function with a dead-letter queue and both destinations (lambda-destination-sqs) THEN each edge says when Lambda sends there', () => {
    const entry = corpus.find((c) => c.filename === 'christoferson__aws-cloudformation__lambda__lambda-destination-sqs.yaml')!;
    const imported = importTemplate(entry.text);
    if (!imported.ok) throw new Error(imported.error);
    const when = Object.fromEntries(imported.graph.edges.map((e) => [logicalIdOf(imported.graph, e.target), e.props.when]));
    expect(when).toEqual({ DeadLetterQueue: 'on-failure', DestinationSuccessQueue: 'on-success', DestinationFailureQueue: 'on-failure' });
  });

  it('GIVEN a tag CloudFormation does not define (!Rain::Embed) THEN it is reported with its line and written back as the same tag', () => {
    const entry = corpus.find((c) => c.text.includes('!Rain::Embed'))!;
    const imported = importTemplate(entry.text);
    if (!imported.ok) throw new Error(imported.error);
    const warning = imported.warnings.find((w) => w.message.includes('!Rain::Embed'))!;
    expect(entry.text.split(/\r?\n/)[warning.line! - 1]).toContain('!Rain::Embed');
    expect(toYaml(synthesize(imported.graph).template)).toMatch(/ZipFile: !Rain::Embed handler\.py/);
  });
});

describe.skipIf(!found)(`cfn-lint on ${where}`, () => {
  it('GIVEN every corpus template WHEN imported and exported THEN cfn-lint finds exactly what it finds in the original, no more', async () => {
    const inputs: Record<string, string> = {};
    for (const [i, entry] of corpus.entries()) {
      const imported = importTemplate(entry.text);
      if (!imported.ok) throw new Error(imported.error);
      inputs[`original${i}`] = entry.text;
      inputs[`exported${i}`] = toYaml(synthesize(imported.graph).template);
    }
    const findings = await lintTemplates(inputs);
    // Line numbers move when a template is rewritten; the rule and the message must not.
    const summary = (name: string) =>
      findings
        .get(name)!
        .map((f) => `${f.Rule.Id} ${f.Message}`)
        .sort();
    for (const i of corpus.keys()) expect({ file: corpus[i].filename, findings: summary(`exported${i}`) }).toEqual({ file: corpus[i].filename, findings: summary(`original${i}`) });
  }, 180_000);
});
