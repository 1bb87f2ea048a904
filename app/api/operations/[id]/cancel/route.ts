import { getOperation } from '@/server/deploy/operations';
import { guard, refuse } from '@/server/http/guard';

/** The user declined the change set: it is deleted, nothing is deployed. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = guard(request, true);
  if (refused) return refused;
  const operation = getOperation((await params).id);
  if (!operation?.pending) return refuse(409, 'There is no change set waiting for confirmation');
  void operation.pending.cancel();
  return Response.json({ ok: true });
}
