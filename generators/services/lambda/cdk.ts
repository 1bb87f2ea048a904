import type { CdkEmitter } from '../types';
import { literal, type CdkWriter } from '../../export/cdk/writer';
import { id } from '../../template/naming';
import type { FunctionNode } from './cfn';
import { sourcesOf } from './cfn';

/** logs.RetentionDays members for the retentions a function offers. */
const RETENTION: Record<string, string> = {
  '1': 'ONE_DAY',
  '3': 'THREE_DAYS',
  '5': 'FIVE_DAYS',
  '7': 'ONE_WEEK',
  '14': 'TWO_WEEKS',
  '30': 'ONE_MONTH',
  '60': 'TWO_MONTHS',
  '90': 'THREE_MONTHS',
  '180': 'SIX_MONTHS',
  '365': 'ONE_YEAR',
};

/** "python3.13" -> "PYTHON_3_13", "nodejs22.x" -> "NODEJS_22_X": the lambda.Runtime member. */
export const runtimeMember = (runtime: string) =>
  runtime
    .replace(/^python/, 'PYTHON_')
    .replace(/^nodejs/, 'NODEJS_')
    .replace(/\./g, '_')
    .toUpperCase();

/** Where a function's code sits in the app: one folder per function. */
export const functionFolder = (node: { name: string }) => `functions/${node.name}`;

const destinationsOf = (node: FunctionNode, w: CdkWriter) => w.contributions<{ when: 'onFailure' | 'onSuccess'; code: string }>(node as never, 'destination');

export const lambdaCdk: CdkEmitter<FunctionNode, 'invoke'> = {
  // What it uses comes first, so its environment names them in its declaration (a cycle of functions falls back to addEnvironment).
  after: (node, w) => w.index.out(node).map((l) => l.target),
  declare(node, w) {
    const [lambda, cdk, logs] = [w.use('lambda'), w.use('cdk'), w.use('logs')];
    const sources = sourcesOf(node, w.ctx);
    const folder = functionFolder(node);
    for (const [path, text] of Object.entries(sources.files)) w.files[`${folder}/${path}`] = text;
    if (Object.keys(sources.dependencies).length)
      w.files[`${folder}/package.json`] = `${JSON.stringify({ name: node.name.toLowerCase(), private: true, dependencies: sources.dependencies }, null, 2)}\n`;
    const props: Record<string, unknown> = {
      runtime: w.code(`${lambda}.Runtime.${runtimeMember(node.props.runtime)}`),
      handler: 'index.handler',
      code: w.code(`${lambda}.Code.fromAsset(path.join(__dirname, '..', ${literal(folder)}))`),
      memorySize: node.props.memoryMiB,
      timeout: w.code(`${cdk}.Duration.seconds(${node.props.timeoutSeconds})`),
      logGroup: w.code(
        `new ${logs}.LogGroup(this, ${literal(`${node.name}LogGroup`)}, { retention: ${logs}.RetentionDays.${RETENTION[node.props.logRetentionDays] ?? 'TWO_WEEKS'}, removalPolicy: ${cdk}.RemovalPolicy.DESTROY })`,
      ),
    };
    const layers = node.props.layers
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    if (layers.length) props.layers = layers.map((arn, i) => w.code(`${lambda}.LayerVersion.fromLayerVersionArn(this, ${literal(`${node.name}Layer${i + 1}`)}, ${literal(arn)})`));
    // Variables naming constructs declared below this one are added once those exist.
    const environment = w.environment.environmentOf(id(node));
    const now: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(environment)) {
      const refersTo = w.refersTo(value);
      if (refersTo.every((n) => w.isDeclared(n))) now[key] = value;
      else w.statement(`${node.name} learns where ${refersTo.map((n) => n.name).join(', ')} is`, `    ${w.v(node)}.addEnvironment(${literal(key)}, ${literal(value)});`);
    }
    if (Object.keys(now).length) props.environment = now;
    for (const { when, code } of destinationsOf(node, w)) props[when] = w.code(code);
    w.declare(node, `    const ${w.v(node)} = new ${lambda}.Function(this, ${literal(node.name)}, ${literal(props, '    ')});`);
  },
  arn: (node, w) => `${w.v(node)}.functionArn`,
  address: (node, w) => `${w.v(node)}.functionName`,
  grants: { invoke: { method: 'grantInvoke' } },
};
