import { listManagedStacks } from '@/server/deploy/deployment';
import { activeOperations } from '@/server/deploy/operations';
import { describeError } from '@/server/deploy/aws-errors';
import { guard, readJson, refuse } from '@/server/http/guard';
import { environmentOf, type EnvironmentRequest } from '@/server/http/session';

/** The stacks this app deployed (found by their tag), with the operation running on each, if any. */
export async function POST(request: Request) {
  const refused = guard(request, true);
  if (refused) return refused;
  const body = await readJson<EnvironmentRequest>(request);
  if (body instanceof Response) return body;
  let env;
  try {
    env = await environmentOf(request, body);
  } catch (error) {
    return refuse(503, (error as Error).message);
  }
  if (typeof env === 'string') return refuse(400, env);
  try {
    const stacks = await listManagedStacks(env);
    const running = activeOperations();
    return Response.json({ stacks: stacks.map((s) => ({ ...s, operationId: running.find((o) => o.stackName === s.name)?.id ?? null })) });
  } catch (error) {
    return refuse(502, describeError(error));
  }
}
