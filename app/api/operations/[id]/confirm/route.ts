import { answerChangeSet } from '@/server/http/pending-change-set';

/** The user looked at the change set and wants it deployed. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answerChangeSet(request, params, 'confirm');
}
