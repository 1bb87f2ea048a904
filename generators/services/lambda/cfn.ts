import { handlerSource, INLINE_CODE_LIMIT, type HandlerRole } from '../../../lambda-templates';
import { assetCode, assetOf } from '../../template/asset';
import { getAtt, ref, type CfnValue, type Statement } from '../../template/cfn';
import type { ServiceEmitter, SynthContext } from '../../template/context';
import { functionArn, functionName, id } from '../../template/naming';
import type { NodeOfSpecs } from '../types';
import { retentionDays, type lambdaProps } from './props';
import { familyOf } from './runtimes';
import { mainFileOf, parseDependencies, parseFiles, type FunctionSources } from './sources';

export type FunctionNode = NodeOfSpecs<'lambda', typeof lambdaProps>;

/** The handler template a function starts from: chosen by what triggers it. */
function handlerRoleOf(node: FunctionNode, ctx: SynthContext): HandlerRole {
  const roles = new Set(ctx.incoming(node).map((l) => ctx.handlerRoleOf(l.source.kind)));
  return roles.size === 1 ? [...roles][0] : 'generic';
}

export const lambdaCfn: ServiceEmitter<FunctionNode> = {
  arn: (node) => functionArn(node),
  address: { suffix: 'FUNCTION_NAME', value: (node) => functionName(node) },
  emit(node, { builder }) {
    builder.role(id(node, 'Role'), 'lambda.amazonaws.com', node.id);
    builder.add(id(node, 'LogGroup'), { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: retentionDays(node.props.logRetentionDays) } }, node.id);
    builder.add(
      id(node),
      {
        Type: 'AWS::Lambda::Function',
        Properties: {
          FunctionName: functionName(node),
          Runtime: node.props.runtime,
          Handler: 'index.handler',
          MemorySize: node.props.memoryMiB,
          Timeout: node.props.timeoutSeconds,
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
    builder.grant(id(node, 'Role'), logs, node.id, true);
    const fn = builder.touch(id(node), node.id).Properties!;
    const layers = node.props.layers
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    if (layers.length) fn.Layers = layers;
    const variables = builder.environmentOf(id(node));
    if (Object.keys(variables).length) fn.Environment = { Variables: variables };
    const sources = sourcesOf(node, ctx);
    const main = sources.files[sources.entry];
    if (Object.keys(sources.files).length === 1 && Object.keys(sources.dependencies).length === 0 && main.length <= INLINE_CODE_LIMIT) {
      // Fits inline: today's templates stay as they were.
      fn.Code = { ZipFile: main } satisfies Record<string, CfnValue>;
      return;
    }
    const asset = assetOf(sources, node.props.runtime, id(node), node.id);
    builder.asset(asset);
    fn.Code = assetCode(asset);
  },
};

/** What the function is built from: its main file (or the handler template), its other files, its npm packages. */
export function sourcesOf(node: FunctionNode, ctx: SynthContext): FunctionSources {
  const language = familyOf(node.props.runtime) === 'nodejs' ? 'nodejs' : 'python';
  const entry = mainFileOf(language);
  const main = node.props.code || handlerSource(handlerRoleOf(node, ctx), node.props.runtime);
  // Invalid texts never reach synthesis (props are checked when set and when a file is read); empty stands in.
  return { language, entry, files: { ...(parseFiles(node.props.files) ?? {}), [entry]: main }, dependencies: language === 'nodejs' ? (parseDependencies(node.props.dependencies) ?? {}) : {} };
}
