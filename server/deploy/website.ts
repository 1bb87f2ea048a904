/**
 * After a deploy, a website bucket gets its pages: index.html calls the connected API's URL with
 * XMLHttpRequest and shows the answer; error.html is the bucket's error page. Which buckets and
 * which API are worked out here, with no AWS client; buckets.ts uploads the pages.
 */
import { indexGraph, type EdgeOf, type Graph, type RouteProps } from '../../generators';

export interface WebsiteUpload {
  bucket: string;
  apiUrl: string | null;
}

const isWebsite = (node: Graph['nodes'][number]) => node.kind === 's3' && node.props.mode === 'website';

/** Whether the diagram has a website bucket to fill after a deploy. */
export const hasWebsite = (graph: Graph) => graph.nodes.some(isWebsite);

/** Which website buckets to fill and the API each calls, from the diagram and the stack's outputs. */
export function websiteUploads(graph: Graph, physical: Map<string, { physicalId: string }>, outputs: Record<string, string>): (WebsiteUpload & { node: string; route: string })[] {
  const index = indexGraph(graph);
  return graph.nodes
    .filter((n) => isWebsite(n) && physical.has(n.name))
    .map((site) => {
      const api = index.out(site).find((l) => l.target.kind === 'apigateway')?.target;
      // Every connection leaving an API is a route.
      const route = api
        ? index
            .out(api)
            .map((l) => (l.edge as EdgeOf<RouteProps>).props)
            .find((p) => p.method === 'GET' || p.method === 'ANY')
        : undefined;
      const path = route ? route.path.replace(/\{[^}]+\}/g, 'hello') : '/';
      return { node: site.name, bucket: physical.get(site.name)!.physicalId, apiUrl: api ? (outputs[`${api.name}Url`] ?? null) : null, route: path };
    });
}
