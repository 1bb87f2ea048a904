/**
 * What a reviewer of such templates would flag, checked on the graph before any template is
 * written: errors stop a synth or a deploy, warnings and notes are shown beside the diagram. Each
 * service module checks its own kind, each row of the rule table its own connections.
 */
import { indexGraph } from '../graph/index-graph';
import type { Graph, GraphNode } from '../graph/model';
import { GRAPH_CHECKS } from '../rules/checks';
import { SERVICE_KINDS, serviceOf } from '../services/registry';
import type { BuildProblem } from '../template/builder';
import { synthesize } from '../template/synth';
import type { CheckContext, Diagnostic, Severity } from './types';

/** Findings that rest on an imported template's own values, and so are fair about its nodes. */
const RELIABLE_FOR_IMPORTED = new Set(['visibility-below-timeout', 'visibility-below-six-times-timeout', 'fifo-mismatch', 'code-too-long', 'code-at-local-path', 'code-in-s3', 'runtime-deprecated']);

export function diagnose(graph: Graph, buildProblems: BuildProblem[] = synthesize(graph).problems): Diagnostic[] {
  const index = indexGraph(graph);
  const found: Diagnostic[] = [];
  const seen = new Set<string>();
  const ctx: CheckContext = {
    index,
    report: (severity, code, message, nodes = [], edges = []) => {
      const diagnostic = { severity, code, message, nodeIds: nodes.map((n) => n.id), edgeIds: edges.map((e) => e.id) };
      const key = JSON.stringify(diagnostic);
      if (!seen.has(key)) found.push(diagnostic);
      seen.add(key);
    },
  };
  if (graph.nodes.length >= 2) for (const n of graph.nodes) if (!index.out(n).length && !index.into(n).length) ctx.report('warning', 'isolated-node', `${n.name} is not connected to anything`, [n]);
  for (const kind of SERVICE_KINDS) {
    const { diagnostics } = serviceOf(kind);
    const nodes = index.ofKind(kind) as GraphNode[];
    if (nodes.length === 0) continue;
    for (const node of nodes) diagnostics.node?.(node, ctx);
    diagnostics.all?.(nodes, ctx);
  }
  for (const link of index.links) link.rule.diagnose?.(link, ctx);
  for (const check of GRAPH_CHECKS) check(ctx);

  // An imported template may be wired in ways the diagram cannot show (an OpenAPI body, resources in
  // other stacks): about imported nodes, only findings that rest on the props read from it are fair.
  const diagnostics = found.filter((d) => RELIABLE_FOR_IMPORTED.has(d.code) || d.nodeIds.length === 0 || d.nodeIds.some((id) => !index.node(id)?.origin));
  // Some problems only show up while the template is written (logical-id clashes, references an
  // imported resource still makes to a deleted one): report them too.
  for (const problem of buildProblems)
    if (!diagnostics.some((d) => d.message === problem.message)) {
      const onNode = index.node(problem.ownerId) !== undefined;
      diagnostics.push({ severity: 'error', code: 'template-problem', message: problem.message, nodeIds: onNode ? [problem.ownerId] : [], edgeIds: onNode ? [] : [problem.ownerId] });
    }
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return diagnostics.sort((a, b) => rank[a.severity] - rank[b.severity]);
}

export const hasErrors = (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.severity === 'error');
