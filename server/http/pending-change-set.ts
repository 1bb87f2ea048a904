import { getOperation } from '../deploy/operations';
import { guard, refuse } from './guard';

/** The user's answer to a change set shown for review: deploy it, or delete it and deploy nothing. */
export async function answerChangeSet(request: Request, operationId: Promise<{ id: string }>, answer: 'confirm' | 'cancel'): Promise<Response> {
  const refused = guard(request, true);
  if (refused) return refused;
  const operation = getOperation((await operationId).id);
  if (!operation?.pending) return refuse(409, 'There is no change set waiting for confirmation');
  void operation.pending[answer]();
  return Response.json({ ok: true });
}
