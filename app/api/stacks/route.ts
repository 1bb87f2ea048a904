import { listManagedStacks } from '@/server/deploy/deployment';
import { activeOperations } from '@/server/deploy/operations';
import { environmentRoute } from '@/server/http/environment-route';

/** The stacks this app deployed (found by their tag), with the operation running on each, if any. */
export async function POST(request: Request) {
  return environmentRoute(request, async (env) => {
    const stacks = await listManagedStacks(env);
    const running = activeOperations();
    return Response.json({ stacks: stacks.map((s) => ({ ...s, operationId: running.find((o) => o.stackName === s.name)?.id ?? null })) });
  });
}
