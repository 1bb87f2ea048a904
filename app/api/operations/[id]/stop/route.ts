import { getOperation } from '@/server/deploy/operations';
import { guard, refuse } from '@/server/http/guard';

/**
 * Stops following an operation: the server stops waiting on CloudFormation at once and releases the
 * stack's lock; whatever CloudFormation is doing goes on, and Stacks shows where it got to.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = guard(request, true);
  if (refused) return refused;
  const operation = getOperation((await params).id);
  if (!operation) return refuse(404, 'No such operation (the server may have restarted)');
  if (operation.pending) {
    // Waiting for the user: stopping means not deploying this change set.
    void operation.pending.cancel();
    return Response.json({ ok: true });
  }
  operation.abort.abort();
  return Response.json({ ok: true });
}
