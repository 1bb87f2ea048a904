/**
 * After a deploy, a website bucket gets its pages: index.html calls the connected API's URL with
 * XMLHttpRequest and shows the answer; error.html is the bucket's error page.
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { indexGraph, type EdgeOf, type Graph, type RouteProps } from '../../generators';
import { errorPage, indexPage } from '../../blueprints/website/pages';

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

export async function uploadPages(s3: S3Client, upload: WebsiteUpload & { route: string; title: string }) {
  const target = upload.apiUrl ? `${upload.apiUrl.replace(/\/$/, '')}${upload.route}` : null;
  await s3.send(new PutObjectCommand({ Bucket: upload.bucket, Key: 'index.html', Body: indexPage(upload.title, target), ContentType: 'text/html; charset=utf-8' }));
  await s3.send(new PutObjectCommand({ Bucket: upload.bucket, Key: 'error.html', Body: errorPage(upload.title), ContentType: 'text/html; charset=utf-8' }));
}
