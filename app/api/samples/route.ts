import { parseGraphFile } from '@/generators';
import { sendSampleEvents } from '@/server/deploy/samples';
import { refuse } from '@/server/http/guard';
import { environmentRoute } from '@/server/http/environment-route';

/** Sends sample events into a deployed diagram's stream, for showing data flowing. */
export async function POST(request: Request) {
  return environmentRoute<{ diagram?: unknown; stackName?: string; count?: number }>(request, async (env, body) => {
    const parsed = parseGraphFile(JSON.stringify(body.diagram ?? null));
    if (!parsed.ok) return refuse(400, parsed.error);
    return Response.json(await sendSampleEvents(env, parsed.graph, String(body.stackName ?? ''), Number(body.count ?? 20)));
  });
}
