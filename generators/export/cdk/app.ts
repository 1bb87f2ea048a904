/**
 * Graph -> an AWS CDK app in TypeScript: a normal CDK project whose stack declares one construct per
 * node (the L2 construct a CDK user would pick, asked of the node's module) and writes each edge with
 * its rule's CDK writer (an event source, a grant, a subscription, a rule, a route). A diagram
 * imported from a template exports through CfnInclude, so nothing of the template is lost.
 */
import type { Graph, GraphNode } from '../../graph/model';
import { compareNames } from '../../graph/names';
import { describeDiagram, linksInOrder, synthContext, synthesize } from '../../template/synth';
import { serviceOf } from '../../services/registry';
import { referencesOf } from '../../template/analysis';
import { cdkOf } from './nodes';
import { CdkWriter, docComment, literal } from './writer';

/** The versions the exported app pins: the ones this project tests the export with (checked against node_modules by the tests). */
export const CDK_APP_VERSIONS = { 'aws-cdk-lib': '2.276.0', constructs: '10.8.1' } as const;

export interface CdkApp {
  /** The app's files by path, text. */
  files: Record<string, string>;
  /** The stack's class and id. */
  stackClass: string;
  stackId: string;
  stackFile: string;
}

/** "Banking fixed deposits" -> "BankingFixedDeposits". */
export function pascalName(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('') || 'Eventform';
  return /^[0-9]/.test(joined) ? `Diagram${joined}` : joined;
}

const kebab = (pascal: string) => pascal.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** Declares every node after the nodes its construct refers to, otherwise by name. */
function declareAll(w: CdkWriter, nodes: GraphNode[]) {
  const visiting = new Set<string>();
  const visit = (node: GraphNode) => {
    if (w.isDeclared(node) || visiting.has(node.id)) return;
    visiting.add(node.id);
    for (const first of [...(cdkOf(node).after?.(node, w) ?? []), ...w.referredBy(node)]) visit(first);
    cdkOf(node).declare(node, w);
  };
  for (const node of nodes) visit(node);
}

/** The stack's outputs: the same names and values as Eventform's template gives. */
function outputsOf(graph: Graph, w: CdkWriter): string[] {
  const outputs = synthesize(graph).template.Outputs ?? {};
  const lines: string[] = [];
  const byName = new Map(graph.nodes.map((n) => [n.name, n]));
  for (const [name, output] of Object.entries(outputs)) {
    // The node the value refers to, or the one the output is named after (a bucket's name is built, not referenced).
    const node =
      referencesOf(output.Value)
        .map((logicalId) => byName.get(logicalId))
        .find((n) => n !== undefined) ?? [...byName.values()].filter((n) => name.startsWith(n.name)).sort((a, b) => b.name.length - a.name.length)[0];
    if (!node) continue;
    const website = JSON.stringify(output.Value).includes('WebsiteURL');
    const value = website ? `${w.v(node)}.bucketWebsiteUrl` : cdkOf(node).address(node, w);
    lines.push(`    new cdk.CfnOutput(this, ${literal(name)}, { description: ${literal(output.Description ?? '')}, value: ${value} });`);
  }
  return lines;
}

function stackSource(graph: Graph, stackClass: string, body: string[], imports: string[]): string {
  return [
    ...(body.some((line) => line.includes('path.join(')) ? ["import * as path from 'node:path';"] : []),
    ...imports,
    "import type { Construct } from 'constructs';",
    '',
    docComment(describeDiagram(graph), '').trimEnd(),
    `export class ${stackClass} extends cdk.Stack {`,
    '  constructor(scope: Construct, id: string, props?: cdk.StackProps) {',
    '    super(scope, id, props);',
    '',
    ...body,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** A diagram made in Eventform: one construct per node, each edge as its rule writes it. */
function designedStack(graph: Graph, stackClass: string): { stack: string; files: Record<string, string> } {
  const ctx = synthContext(graph);
  const w = new CdkWriter(graph, ctx.index, ctx);
  w.use('cdk');
  for (const link of linksInOrder(ctx.index.links)) link.rule.cdk(link, w);
  // Declaring may add statements of its own (a variable naming a construct declared after its function): they follow the edges'.
  declareAll(
    w,
    [...graph.nodes].sort((a, b) => compareNames(a.name, b.name)),
  );
  const body = [...w.declarations.flatMap((d) => [d, '']), ...w.statements.flatMap((s) => [s.trimEnd(), '']), ...outputsOf(graph, w)];
  return { stack: stackSource(graph, stackClass, body, w.importLines()), files: w.files };
}

/** Why a diagram cannot be written as a CDK app, said to the person exporting it. */
export class CdkExportError extends Error {}

/** A diagram imported from a template: the template, as Eventform writes it back, included whole. */
function includedStack(graph: Graph, stackClass: string): { stack: string; files: Record<string, string> } {
  const template = synthesize(graph).template;
  const kept = JSON.stringify(template).match(/"Fn::Eventform::Tag":\["(![^"]+)"/);
  if (kept)
    throw new CdkExportError(
      `the template uses the ${kept[1]} tag, which CloudFormation and CfnInclude do not read: export it as CloudFormation (eventform synth) and process it with the tool that defines the tag`,
    );
  const body = [
    '    // Imported from a CloudFormation template: CfnInclude keeps every resource as the template has it,',
    '    // and each one can be reached as an L1 construct with template.getResource(logicalId).',
    "    new cfninc.CfnInclude(this, 'Template', { templateFile: path.join(__dirname, '..', 'template.json') });",
  ];
  return {
    stack: stackSource(graph, stackClass, body, ["import * as cdk from 'aws-cdk-lib';", "import * as cfninc from 'aws-cdk-lib/cloudformation-include';"]),
    files: { 'template.json': `${JSON.stringify(template, null, 2)}\n` },
  };
}

export function exportCdkApp(graph: Graph): CdkApp {
  const stackClass = `${pascalName(graph.name)}Stack`;
  const stackId = pascalName(graph.name);
  const stackFile = `lib/${kebab(pascalName(graph.name))}-stack.ts`;
  const imported = graph.template !== undefined || graph.nodes.some((n) => serviceOf(n.kind).cdk === null);
  const { stack, files } = imported ? includedStack(graph, stackClass) : designedStack(graph, stackClass);
  const functionFolders = [
    ...new Set(
      Object.keys(files)
        .filter((f) => f.endsWith('/package.json'))
        .map((f) => f.slice(0, -'/package.json'.length)),
    ),
  ].sort();
  const installFunctions = functionFolders.map((f) => `npm install --omit=dev --os=linux --cpu=x64 --prefix ${f}`).join(' && ');
  const packageJson = {
    name: kebab(stackId),
    version: '0.1.0',
    private: true,
    scripts: {
      ...(installFunctions ? { functions: installFunctions } : {}),
      build: 'tsc --noEmit',
      synth: installFunctions ? 'npm run functions && cdk synth' : 'cdk synth',
      deploy: installFunctions ? 'npm run functions && cdk deploy' : 'cdk deploy',
    },
    dependencies: { ...CDK_APP_VERSIONS },
    devDependencies: { '@types/node': '^20.0.0', 'aws-cdk': '^2.1000.0', tsx: '^4.0.0', typescript: '^5.0.0' },
  };
  const tsconfig = {
    compilerOptions: { target: 'ES2022', module: 'commonjs', lib: ['es2022'], strict: true, esModuleInterop: true, skipLibCheck: true, noEmit: true, types: ['node'] },
    include: ['bin', 'lib'],
  };
  return {
    stackClass,
    stackId,
    stackFile,
    files: {
      ...files,
      'package.json': `${JSON.stringify(packageJson, null, 2)}\n`,
      'cdk.json': `${JSON.stringify({ app: 'npx tsx bin/app.ts' }, null, 2)}\n`,
      'tsconfig.json': `${JSON.stringify(tsconfig, null, 2)}\n`,
      '.gitignore': 'node_modules/\ncdk.out/\n',
      'bin/app.ts': `#!/usr/bin/env node\nimport * as cdk from 'aws-cdk-lib';\nimport { ${stackClass} } from '../${stackFile.replace(/\.ts$/, '')}';\n\nconst app = new cdk.App();\nnew ${stackClass}(app, ${literal(stackId)});\n`,
      [stackFile]: stack,
      'README.md': readme(graph, stackId, stackFile, imported, functionFolders),
    },
  };
}

function readme(graph: Graph, stackId: string, stackFile: string, imported: boolean, functionFolders: string[]): string {
  return [
    `# ${graph.name}`,
    '',
    `An AWS CDK app (TypeScript) exported by Eventform. The stack \`${stackId}\` is in \`${stackFile}\`.`,
    imported
      ? 'The diagram was imported from a CloudFormation template: the stack includes it whole (`template.json`) with `CfnInclude`, so every resource stays as written.'
      : 'Each service of the diagram is one construct; each connection is the event source, grant, subscription, rule or route that makes it work. Function code is in `functions/<name>/`.',
    '',
    '```sh',
    'npm install',
    'npx cdk bootstrap   # once per account and region',
    'npm run deploy',
    '```',
    ...(functionFolders.length ? ['', `\`npm run functions\` installs the npm packages of ${functionFolders.join(', ')} for Lambda (Linux, x64); \`synth\` and \`deploy\` run it first.`] : []),
    '',
  ].join('\n');
}
