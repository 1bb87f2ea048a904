/**
 * Saved diagrams carry a format version; each migration lifts a file one version up, so files and
 * autosaves written by any earlier release open in this one.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Version 0 was the prototype's shape, close to React Flow's own: nodes had `type`, `label`,
 * `x`/`y` and `data`; edges had `from`/`to` and `data`; the diagram's name was `title`.
 */
function v0ToV1(file: Json): Json {
  const nodes = Array.isArray(file.nodes) ? file.nodes : [];
  const edges = Array.isArray(file.edges) ? file.edges : [];
  return {
    format: file.format,
    version: 1,
    name: typeof file.title === 'string' ? file.title : 'Untitled diagram',
    nodes: nodes.map((n: unknown) => {
      const node = isObject(n) ? n : {};
      return {
        id: node.id,
        kind: node.type,
        name: node.label,
        position: { x: node.x, y: node.y },
        props: isObject(node.data) ? node.data : {},
      };
    }),
    edges: edges.map((e: unknown) => {
      const edge = isObject(e) ? e : {};
      return { id: edge.id, source: edge.from, target: edge.to, props: isObject(edge.data) ? edge.data : {} };
    }),
  };
}

/** MIGRATIONS[v] turns version v into version v + 1. */
export const MIGRATIONS: ReadonlyArray<(file: Json) => Json> = [v0ToV1];
