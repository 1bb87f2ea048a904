import { parseGraphFile } from '@/generators';
import { refuse } from '@/server/http/guard';
import { environmentRoute } from '@/server/http/environment-route';
import { startDeployment } from '@/server/http/run-operation';

/**
 * Starts a deployment of the diagram sent by the page. The template is synthesized here from the
 * diagram, after the same checks as opening a file; a ready-made template is never taken as is
 * (an imported diagram carries the template it came from, written back through the synthesizer).
 */
export async function POST(request: Request) {
  return environmentRoute<{ diagram?: unknown; stackName?: unknown; acknowledged?: unknown }>(request, async (env, body) => {
    const parsed = parseGraphFile(JSON.stringify(body.diagram ?? null));
    if (!parsed.ok) return refuse(400, parsed.error);
    const acknowledged = Array.isArray(body.acknowledged) ? body.acknowledged.filter((c): c is string => typeof c === 'string') : [];
    const operation = startDeployment(env, parsed.graph, String(body.stackName ?? ''), acknowledged);
    return Response.json({ operationId: operation.id }, { status: 202 });
  });
}
