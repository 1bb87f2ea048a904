'use client';

import { useEffect, useState } from 'react';
import type { DeployEvent, OperationInfo } from '@/protocol';
import { followEvents } from './api';

export const OPERATION_KEY = 'eventform:operation';

/** Follows an operation's events; they replay from the start after a reload. */
export function useOperation(operationId: string | null) {
  const [events, setEvents] = useState<DeployEvent[]>([]);
  const [state, setState] = useState<string>('');
  const [info, setInfo] = useState<OperationInfo | null>(null);
  useEffect(() => {
    setEvents([]);
    setState('');
    setInfo(null);
    if (!operationId) return;
    window.sessionStorage.setItem(OPERATION_KEY, operationId);
    const stop = new AbortController();
    let finished = false;
    followEvents(
      operationId,
      (event) => {
        setEvents((list) => [...list, event]);
        setState(event.state);
        if (event.type === 'done') {
          finished = true;
          window.sessionStorage.removeItem(OPERATION_KEY);
        }
      },
      (operation) => {
        setInfo(operation);
        setState(operation.state);
      },
      stop.signal,
    )
      .then(() => {
        if (!finished) setState((s) => s || 'lost');
      })
      .catch(() => {
        if (!stop.signal.aborted) setState((s) => s || 'lost');
      });
    return () => stop.abort();
  }, [operationId]);
  return { events, state, info };
}
