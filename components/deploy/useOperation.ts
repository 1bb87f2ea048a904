'use client';

import { useEffect, useState } from 'react';
import type { DeployEvent } from '@/protocol';

export const OPERATION_KEY = 'eventform:operation';

/** Follows an operation's server-sent events; the events replay from the start after a reload. */
export function useOperation(operationId: string | null) {
  const [events, setEvents] = useState<DeployEvent[]>([]);
  const [state, setState] = useState<string>('');
  useEffect(() => {
    setEvents([]);
    setState('');
    if (!operationId) return;
    window.sessionStorage.setItem(OPERATION_KEY, operationId);
    const source = new EventSource(`/api/operations/${operationId}/events`);
    source.onmessage = (message) => {
      const event = JSON.parse(message.data) as DeployEvent & { state: string };
      setEvents((list) => [...list, event]);
      setState(event.state);
      if (event.type === 'done') {
        window.sessionStorage.removeItem(OPERATION_KEY);
        source.close();
      }
    };
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) setState((s) => s || 'lost');
    };
    return () => source.close();
  }, [operationId]);
  return { events, state };
}
