import { StackBusyError } from '@/server/deploy/operations';
import { guard, readJson, refuse } from '@/server/http/guard';
import { startDestruction } from '@/server/http/run-operation';
import { environmentOf, type EnvironmentRequest } from '@/server/http/session';

/** Tears a stack down: empties the buckets the user confirmed by name, then deletes the stack. */
export async function POST(request: Request) {
  const refused = guard(request, true);
  if (refused) return refused;
  const body = await readJson<EnvironmentRequest & { stackName?: string; confirmedBuckets?: string[] }>(request);
  if (body instanceof Response) return body;
  let env;
  try {
    env = await environmentOf(request, body);
  } catch (error) {
    return refuse(503, (error as Error).message);
  }
  if (typeof env === 'string') return refuse(400, env);
  try {
    const operation = startDestruction(env, String(body.stackName ?? ''), Array.isArray(body.confirmedBuckets) ? body.confirmedBuckets.map(String) : []);
    return Response.json({ operationId: operation.id }, { status: 202 });
  } catch (error) {
    if (error instanceof StackBusyError) return refuse(409, error.message);
    throw error;
  }
}
