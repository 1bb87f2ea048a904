import { getOperation } from '@/server/deploy/operations';
import { guard, refuse } from '@/server/http/guard';

/** The user looked at the change set and wants it deployed. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = guard(request, true);
  if (refused) return refused;
  const operation = getOperation((await params).id);
  if (!operation?.pending) return refuse(409, 'There is no change set waiting for confirmation');
  void operation.pending.confirm();
  return Response.json({ ok: true });
}
