import { parseGraphFile } from '@/generators';
import { StackBusyError } from '@/server/deploy/operations';
import { guard, readJson, refuse } from '@/server/http/guard';
import { startDeployment } from '@/server/http/run-operation';
import { environmentOf, type EnvironmentRequest } from '@/server/http/session';

/**
 * Starts a deployment of the diagram sent by the page. The template is synthesized here from the
 * diagram; a template sent by a browser is never used.
 */
export async function POST(request: Request) {
  const refused = guard(request, true);
  if (refused) return refused;
  const body = await readJson<EnvironmentRequest & { diagram?: unknown; stackName?: string }>(request);
  if (body instanceof Response) return body;
  const parsed = parseGraphFile(JSON.stringify(body.diagram ?? null));
  if (!parsed.ok) return refuse(400, parsed.error);
  let env;
  try {
    env = await environmentOf(request, body);
  } catch (error) {
    return refuse(503, (error as Error).message);
  }
  if (typeof env === 'string') return refuse(400, env);
  try {
    const operation = startDeployment(env, parsed.graph, String(body.stackName ?? ''));
    return Response.json({ operationId: operation.id }, { status: 202 });
  } catch (error) {
    if (error instanceof StackBusyError) return refuse(409, error.message);
    throw error;
  }
}
