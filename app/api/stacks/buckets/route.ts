import { bucketsOwnedBy } from '@/server/deploy/deployment';
import { describeError } from '@/server/deploy/aws-errors';
import { guard, readJson, refuse } from '@/server/http/guard';
import { environmentOf, type EnvironmentRequest } from '@/server/http/session';

/** The buckets a stack owns: the page names them in the teardown confirmation. */
export async function POST(request: Request) {
  const refused = guard(request, true);
  if (refused) return refused;
  const body = await readJson<EnvironmentRequest & { stackName?: string }>(request);
  if (body instanceof Response) return body;
  let env;
  try {
    env = await environmentOf(request, body);
  } catch (error) {
    return refuse(503, (error as Error).message);
  }
  if (typeof env === 'string') return refuse(400, env);
  try {
    return Response.json({ buckets: await bucketsOwnedBy(env, String(body.stackName ?? '')) });
  } catch (error) {
    return refuse(502, describeError(error));
  }
}
