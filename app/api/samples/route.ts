import { parseGraphFile } from '@/generators';
import { describeError } from '@/server/deploy/aws-errors';
import { sendSampleEvents } from '@/server/deploy/samples';
import { guard, readJson, refuse } from '@/server/http/guard';
import { environmentOf, type EnvironmentRequest } from '@/server/http/session';

/** Sends sample events into a deployed diagram's stream, for showing data flowing. */
export async function POST(request: Request) {
  const refused = guard(request, true);
  if (refused) return refused;
  const body = await readJson<EnvironmentRequest & { diagram?: unknown; stackName?: string; count?: number }>(request);
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
    return Response.json(await sendSampleEvents(env, parsed.graph, String(body.stackName ?? ''), Number(body.count ?? 20)));
  } catch (error) {
    return refuse(502, describeError(error));
  }
}
