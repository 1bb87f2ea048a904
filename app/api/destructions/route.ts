import { environmentRoute } from '@/server/http/environment-route';
import { startDestruction } from '@/server/http/run-operation';

/** Tears a stack down: empties the buckets the user confirmed by name, then deletes the stack. */
export async function POST(request: Request) {
  return environmentRoute<{ stackName?: string; confirmedBuckets?: string[] }>(request, async (env, body) => {
    const confirmed = Array.isArray(body.confirmedBuckets) ? body.confirmedBuckets.map(String) : [];
    const operation = startDestruction(env, String(body.stackName ?? ''), confirmed);
    return Response.json({ operationId: operation.id }, { status: 202 });
  });
}
