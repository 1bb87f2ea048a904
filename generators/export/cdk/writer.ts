/**
 * What a CDK app's stack is written from: the modules it imports, the constructs the nodes declare
 * (in an order where each refers only to constructs above it) and the statements the connections
 * add below them. Service modules and rule rows write through it; nothing here knows a kind.
 */
import type { GraphIndex } from '../../graph/index-graph';
import type { Graph, GraphNode } from '../../graph/model';
import { TemplateBuilder } from '../../template/builder';
import type { CfnValue } from '../../template/cfn';
import type { SynthContext } from '../../template/context';

/** The aws-cdk-lib modules a stack may import, by the alias it imports them as. */
export const CDK_MODULES = {
  cdk: 'aws-cdk-lib',
  apigwv2: 'aws-cdk-lib/aws-apigatewayv2',
  integrations: 'aws-cdk-lib/aws-apigatewayv2-integrations',
  dynamodb: 'aws-cdk-lib/aws-dynamodb',
  events: 'aws-cdk-lib/aws-events',
  targets: 'aws-cdk-lib/aws-events-targets',
  firehose: 'aws-cdk-lib/aws-kinesisfirehose',
  iam: 'aws-cdk-lib/aws-iam',
  kinesis: 'aws-cdk-lib/aws-kinesis',
  kms: 'aws-cdk-lib/aws-kms',
  lambda: 'aws-cdk-lib/aws-lambda',
  destinations: 'aws-cdk-lib/aws-lambda-destinations',
  eventSources: 'aws-cdk-lib/aws-lambda-event-sources',
  logs: 'aws-cdk-lib/aws-logs',
  pipes: 'aws-cdk-lib/aws-pipes',
  s3: 'aws-cdk-lib/aws-s3',
  s3n: 'aws-cdk-lib/aws-s3-notifications',
  scheduler: 'aws-cdk-lib/aws-scheduler',
  schedulerTargets: 'aws-cdk-lib/aws-scheduler-targets',
  sns: 'aws-cdk-lib/aws-sns',
  subscriptions: 'aws-cdk-lib/aws-sns-subscriptions',
  sqs: 'aws-cdk-lib/aws-sqs',
  sfn: 'aws-cdk-lib/aws-stepfunctions',
  tasks: 'aws-cdk-lib/aws-stepfunctions-tasks',
  cfninc: 'aws-cdk-lib/cloudformation-include',
} as const;

export type CdkModule = keyof typeof CDK_MODULES;

/** Code that stands for a value inside a function's environment while the builder merges it. */
const CODE_KEY = 'Cdk::Code';
const REFERS_KEY = 'Cdk::Refers';
const RESERVED = new Set([
  'this',
  'new',
  'delete',
  'default',
  'function',
  'class',
  'const',
  'let',
  'var',
  'return',
  'import',
  'export',
  'switch',
  'case',
  'in',
  'of',
  'do',
  'if',
  'for',
  'while',
  'with',
  'yield',
  'enum',
  'super',
  'void',
  'null',
  'true',
  'false',
  'try',
  'catch',
  'throw',
  'finally',
  'typeof',
  'instanceof',
  'path',
  'app',
  'stack',
  'cdk',
]);

/** "DepositApi" -> "depositApi": the construct's variable (its id stays the node's name). */
export function variableOf(name: string): string {
  const camel = name[0].toLowerCase() + name.slice(1);
  return RESERVED.has(camel) ? `${camel}Node` : camel;
}

/** A TypeScript literal of a plain value (strings quoted the way the rest of the stack is). */
export function literal(value: unknown, indent = ''): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, indent)).join(', ')}]`;
  if (typeof value === 'object' && CODE_KEY in value) return String((value as Record<string, unknown>)[CODE_KEY]);
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  const inner = `${indent}  `;
  return `{\n${entries.map(([k, v]) => `${inner}${/^[A-Za-z_$][\w$]*$/.test(k) ? k : literal(k)}: ${literal(v, inner)},`).join('\n')}\n${indent}}`;
}

/** A doc comment from a teaching note. */
export function docComment(text: string | undefined, indent = '    '): string {
  if (!text?.trim()) return '';
  const words = text.replace(/\*\//g, '* /').split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length > 96) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`).join('\n')}\n${indent} */\n`;
}

export class CdkWriter {
  private readonly imports = new Set<CdkModule>();
  private readonly declared = new Set<string>();
  /** Each node's declaration, in the order written. */
  readonly declarations: string[] = [];
  /** The connections' statements, in the order of the links. */
  readonly statements: string[] = [];
  /** Files of the app beside the stack (function code), by path. */
  readonly files: Record<string, string> = {};
  /** Facts edges contribute to a node's own declaration (a workflow's steps, a delivery stream's source). */
  private readonly parts = new Map<string, Map<string, unknown[]>>();
  /** Functions' environments, merged as Eventform's template merges them. */
  readonly environment = new TemplateBuilder();

  constructor(
    readonly graph: Graph,
    readonly index: GraphIndex,
    readonly ctx: SynthContext,
  ) {}

  use(alias: CdkModule): string {
    this.imports.add(alias);
    return alias;
  }

  importLines(): string[] {
    return [...this.imports].sort().map((alias) => `import * as ${alias} from '${CDK_MODULES[alias]}';`);
  }

  v(node: { name: string }): string {
    return variableOf(node.name);
  }

  isDeclared(node: GraphNode): boolean {
    return this.declared.has(node.id);
  }

  declare(node: GraphNode, code: string) {
    this.declared.add(node.id);
    this.declarations.push(`${docComment(node.note)}${code}`);
  }

  statement(comment: string, code: string) {
    this.statements.push(`    // ${comment}\n${code}`);
  }

  /** Something an edge tells its node's declaration (kept per key, in the order of the links). */
  contribute(node: GraphNode, key: string, value: unknown) {
    const byKey = this.parts.get(node.id) ?? new Map<string, unknown[]>();
    byKey.set(key, [...(byKey.get(key) ?? []), value]);
    this.parts.set(node.id, byKey);
  }

  /** The nodes the edges' contributions to a node refer to: declared before it. */
  referredBy(node: GraphNode): GraphNode[] {
    const values = [...(this.parts.get(node.id)?.values() ?? [])].flat();
    return values.flatMap((v) => this.refersTo(v));
  }

  contributions<T>(node: GraphNode, key: string): T[] {
    return (this.parts.get(node.id)?.get(key) ?? []) as T[];
  }

  /** A value written as code inside a literal (an attribute of another construct, which it names so it is declared first). */
  code(text: string, ...refers: GraphNode[]): CfnValue {
    return refers.length ? { [CODE_KEY]: text, [REFERS_KEY]: refers.map((n) => n.id) } : { [CODE_KEY]: text };
  }

  /** The nodes a value written with code() refers to. */
  refersTo(value: unknown): GraphNode[] {
    const ids = value && typeof value === 'object' && REFERS_KEY in value ? ((value as Record<string, unknown>)[REFERS_KEY] as string[]) : [];
    return ids.map((nodeId) => this.index.node(nodeId)).filter((n): n is GraphNode => n !== undefined);
  }
}
