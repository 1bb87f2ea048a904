import { answerChangeSet } from '@/server/http/pending-change-set';

/** The user declined the change set: it is deleted, nothing is deployed. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answerChangeSet(request, params, 'cancel');
}
