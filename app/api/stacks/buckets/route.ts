import { bucketsOwnedBy } from '@/server/deploy/deployment';
import { environmentRoute } from '@/server/http/environment-route';

/** The buckets a stack owns: the page names them in the teardown confirmation. */
export async function POST(request: Request) {
  return environmentRoute<{ stackName?: string }>(request, async (env, body) => Response.json({ buckets: await bucketsOwnedBy(env, String(body.stackName ?? '')) }));
}
