import type { ServiceEmitter, SynthContext } from '../template/context';
import { functionArn, functionName, id } from '../template/naming';
import { getAtt, ref, trustPolicy, type CfnValue, type Statement } from '../template/cfn';
import type { GraphNode } from '../graph/model';
import { handlerSource, type HandlerRole } from '../../lambda-templates';

const ROLE_BY_SOURCE: Partial<Record<string, HandlerRole>> = {
  apigateway: 'api',
  s3: 's3_object',
  dynamodb: 'stream',
  kinesis: 'stream',
  sqs: 'queue',
  sns: 'topic',
  eventbridge: 'event',
  stepfunctions: 'workflow',
  firehose: 'firehose_transform',
};

/** The handler template a function starts from: chosen by what triggers it. */
export function handlerRoleOf(node: GraphNode, ctx: SynthContext): HandlerRole {
  const roles = new Set(ctx.incoming(node).map((l) => ROLE_BY_SOURCE[l.source.kind] ?? 'generic'));
  return roles.size === 1 ? [...roles][0] : 'generic';
}

export const lambdaCfn: ServiceEmitter = {
  arn: (node) => functionArn(node),
  address: { suffix: 'FUNCTION_NAME', value: (node) => functionName(node) },
  emit(node, { builder }) {
    builder.add(id(node, 'Role'), { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: trustPolicy('lambda.amazonaws.com') } }, node.id);
    builder.add(id(node, 'LogGroup'), { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: Number(node.props.logRetentionDays) } }, node.id);
    builder.add(
      id(node),
      {
        Type: 'AWS::Lambda::Function',
        Properties: {
          FunctionName: functionName(node),
          Runtime: String(node.props.runtime),
          Handler: 'index.handler',
          MemorySize: Number(node.props.memoryMiB),
          Timeout: Number(node.props.timeoutSeconds),
          Role: getAtt(id(node, 'Role'), 'Arn'),
          LoggingConfig: { LogGroup: ref(id(node, 'LogGroup')) },
        },
      },
      node.id,
    );
    builder.output(id(node, 'FunctionName'), { Description: `Name of the ${node.name} function`, Value: ref(id(node)) });
  },
  finalize(node, ctx) {
    const { builder } = ctx;
    const logs: Statement = {
      Sid: 'WriteOwnLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: [getAtt(id(node, 'LogGroup'), 'Arn')],
    };
    const statements = [logs, ...builder.statementsOf(id(node, 'Role'))];
    builder.touch(id(node, 'Role'), node.id).Properties!.Policies = [
      { PolicyName: 'least-privilege', PolicyDocument: { Version: '2012-10-17', Statement: statements as unknown as CfnValue[] } },
    ];
    const fn = builder.touch(id(node), node.id).Properties!;
    const layers = String(node.props.layers ?? '').split(',').map((l) => l.trim()).filter(Boolean);
    if (layers.length) fn.Layers = layers;
    const variables = builder.environmentOf(id(node));
    if (Object.keys(variables).length) fn.Environment = { Variables: variables };
    const custom = String(node.props.code ?? '');
    fn.Code = { ZipFile: custom || handlerSource(handlerRoleOf(node, ctx), String(node.props.runtime)) };
  },
};
