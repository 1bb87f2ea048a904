import { getOperation } from '@/server/deploy/operations';
import type { DeployEvent, OperationInfo } from '@/protocol';
import { guard, refuse } from '@/server/http/guard';

export const dynamic = 'force-dynamic';

/** Server-sent events: everything the operation emitted so far, then each new event as it happens. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = guard(request, false);
  if (refused) return refused;
  const operation = getOperation((await params).id);
  if (!operation) return refuse(404, 'No such operation (the server may have restarted)');
  const encoder = new TextEncoder();
  let listener: ((e: DeployEvent) => void) | undefined;
  const stream = new ReadableStream({
    start(controller) {
      const send = (event: DeployEvent) => {
        controller.enqueue(encoder.encode(`data: ${JSON.stringify({ ...event, state: operation.state })}\n\n`));
        if (event.type === 'done') {
          if (listener) operation.listeners.delete(listener);
          controller.close();
        }
      };
      const info: OperationInfo = { id: operation.id, kind: operation.kind, stackName: operation.stackName, state: operation.state, target: operation.target };
      controller.enqueue(encoder.encode(`event: operation\ndata: ${JSON.stringify(info)}\n\n`));
      for (const event of operation.events) {
        send(event);
        if (event.type === 'done') return;
      }
      listener = send;
      operation.listeners.add(listener);
    },
    cancel() {
      if (listener) operation.listeners.delete(listener);
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' } });
}
