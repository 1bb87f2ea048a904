/**
 * The diagram's layout, written into the exported template's Metadata so that importing the
 * template again puts every node back where it was, with its note, and restores the edges drawn
 * in Eventform that leave no reference behind (names built from the stack id have none).
 */
import type { Graph } from '../graph/model';
import type { CfnValue, Template } from '../template/cfn';

export const LAYOUT_KEY = 'Eventform::Layout';

export interface LayoutMetadata {
  nodes: Record<string, { x: number; y: number; note?: string; name?: string }>;
  /** Source and target logical ids, and the edge's props as drawn. */
  edges: [string, string, Record<string, string | number | boolean>?][];
}

/** The logical id a node is known by in the template: its first imported resource, or its name. */
const logicalIdOf = (node: Graph['nodes'][number]) => node.origin?.logicalIds[0] ?? node.name;

function layoutOf(graph: Graph): LayoutMetadata {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return {
    nodes: Object.fromEntries(
      graph.nodes.map((n) => [
        logicalIdOf(n),
        { x: Math.round(n.position.x), y: Math.round(n.position.y), ...(n.note ? { note: n.note } : {}), ...(n.origin && n.name !== logicalIdOf(n) ? { name: n.name } : {}) },
      ]),
    ),
    edges: graph.edges.map((e) => [logicalIdOf(byId.get(e.source)!), logicalIdOf(byId.get(e.target)!), e.props]),
  };
}

export function withLayout(template: Template, graph: Graph): Template {
  const metadata = { ...(template.Metadata ?? {}), [LAYOUT_KEY]: layoutOf(graph) as unknown as CfnValue };
  // Metadata goes where a template usually has it: after the description.
  const { AWSTemplateFormatVersion, Description, ...rest } = template as unknown as Record<string, CfnValue>;
  delete rest.Metadata;
  return {
    ...(AWSTemplateFormatVersion !== undefined ? { AWSTemplateFormatVersion } : {}),
    ...(Description !== undefined ? { Description } : {}),
    Metadata: metadata,
    ...rest,
  } as unknown as Template;
}

/** The layout found in an imported template, if it is well formed; anything else is ignored. */
export function readLayout(metadata: CfnValue | undefined): LayoutMetadata | undefined {
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) return undefined;
  const layout = (metadata as Record<string, CfnValue>)[LAYOUT_KEY];
  if (!layout || typeof layout !== 'object' || Array.isArray(layout)) return undefined;
  // No prototype: a logical id named "constructor" finds nothing it did not put here.
  const nodes: LayoutMetadata['nodes'] = Object.create(null);
  const rawNodes = (layout as Record<string, CfnValue>).nodes;
  if (rawNodes && typeof rawNodes === 'object' && !Array.isArray(rawNodes))
    for (const [id, entry] of Object.entries(rawNodes)) {
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) continue;
      const { x, y, note, name } = entry as Record<string, CfnValue>;
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 1e7 || Math.abs(y) > 1e7) continue;
      nodes[id] = { x, y, ...(typeof note === 'string' ? { note } : {}), ...(typeof name === 'string' ? { name } : {}) };
    }
  const rawEdges = (layout as Record<string, CfnValue>).edges;
  const edges: LayoutMetadata['edges'] = [];
  for (const e of Array.isArray(rawEdges) ? rawEdges : []) {
    if (!Array.isArray(e) || typeof e[0] !== 'string' || typeof e[1] !== 'string') continue;
    const props =
      e[2] && typeof e[2] === 'object' && !Array.isArray(e[2])
        ? Object.fromEntries(Object.entries(e[2]).filter((kv): kv is [string, string | number | boolean] => ['string', 'number', 'boolean'].includes(typeof kv[1])))
        : {};
    edges.push([e[0], e[1], props]);
  }
  return { nodes, edges };
}
