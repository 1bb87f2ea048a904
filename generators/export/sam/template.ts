/**
 * Graph -> a SAM template: Eventform's own template for the diagram, rewritten in SAM's terms by the
 * rule rows (a trigger becomes its function's event) and the service modules (a function becomes an
 * AWS::Serverless::Function with policy templates, an API an HttpApi, a workflow a StateMachine, a
 * one-key table a SimpleTable), with Globals for what every function shares. What SAM has no form for
 * stays CloudFormation. A diagram imported from a template is written back as it was read.
 */
import type { Graph } from '../../graph/model';
import { compareNames } from '../../graph/names';
import { withLayout } from '../../import';
import { serviceOf } from '../../services/registry';
import type { CfnValue, Template } from '../../template/cfn';
import { linksInOrder, synthContext, synthesize } from '../../template/synth';
import { toYaml } from '../../template/writer';
import { SamWriter } from './writer';

export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

/** What every function may share in Globals, when all of them (two or more) say the same. */
const SHARED = ['Runtime', 'Handler', 'MemorySize', 'Timeout'] as const;

export interface SamExport {
  template: Template;
  /** The template as YAML, with the diagram's layout in its Metadata. */
  text: string;
  /** Code of functions that are not inline, by path (functions/<name>/...), beside template.yaml. */
  files: Record<string, string>;
}

function globalsOf(template: Template): Record<string, CfnValue> | undefined {
  const functions = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Serverless::Function');
  if (functions.length < 2) return undefined;
  const shared: Record<string, CfnValue> = {};
  for (const key of SHARED) {
    const values = functions.map((f) => JSON.stringify(f.Properties?.[key]));
    if (values[0] !== undefined && values.every((v) => v === values[0])) shared[key] = functions[0].Properties![key];
  }
  if (Object.keys(shared).length === 0) return undefined;
  for (const f of functions) for (const key of Object.keys(shared)) delete f.Properties![key];
  return { Function: shared };
}

export function exportSam(graph: Graph): SamExport {
  const synthesis = synthesize(graph);
  if (graph.template) return { template: synthesis.template, text: toYaml(withLayout(synthesis.template, graph)), files: {} };
  const ctx = synthContext(graph);
  const s = new SamWriter(graph, ctx.index, ctx, structuredClone(synthesis.template), synthesis.provenance);
  for (const link of linksInOrder(ctx.index.links)) link.rule.sam(link, s);
  for (const node of [...graph.nodes].sort((a, b) => compareNames(a.name, b.name))) serviceOf(node.kind).sam.rewrite?.(node, s);
  s.finish();
  const { AWSTemplateFormatVersion, Description, Resources, Outputs } = s.template;
  const globals = globalsOf(s.template);
  const template = {
    AWSTemplateFormatVersion,
    Transform: SAM_TRANSFORM,
    Description,
    ...(globals ? { Globals: globals } : {}),
    Resources,
    ...(Outputs ? { Outputs } : {}),
  } as Template;
  return { template, text: toYaml(withLayout(template, graph)), files: s.files };
}
