'use client';

import type { DeployEvent, OperationInfo } from '@/protocol';
import { launchHeaders } from './launch-token';

export type { TargetChoice } from '@/protocol';

async function answer<T>(response: Response): Promise<T> {
  const data = (await response.json().catch(() => ({ error: `The server answered ${response.status}` }))) as T & { error?: string };
  if (!response.ok) throw new Error(data.error ?? `The server answered ${response.status}`);
  return data;
}

/** The deploy panel's calls to this app's own server: JSON, same origin, with the launch token. */
export async function post<T>(path: string, body: unknown, method: 'POST' | 'DELETE' = 'POST'): Promise<T> {
  return answer<T>(await fetch(path, { method, headers: { 'Content-Type': 'application/json', ...launchHeaders() }, body: JSON.stringify(body), credentials: 'same-origin' }));
}

export async function get<T>(path: string): Promise<T> {
  return answer<T>(await fetch(path, { headers: launchHeaders(), credentials: 'same-origin' }));
}

/**
 * Follows an operation's server-sent events. EventSource cannot send the launch token, so the
 * stream is read with fetch; it ends when the operation does, or when `signal` aborts.
 */
export async function followEvents(operationId: string, onEvent: (event: DeployEvent & { state: string }) => void, onInfo: (info: OperationInfo) => void, signal: AbortSignal): Promise<void> {
  const response = await fetch(`/api/operations/${operationId}/events`, { headers: { Accept: 'text/event-stream', ...launchHeaders() }, signal });
  if (!response.ok || !response.body) throw new Error((await response.json().catch(() => null))?.error ?? `The server answered ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += value;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      const data = lines
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (!data) continue;
      // The first message (event: operation) says what the operation is and where it runs.
      if (lines.some((line) => line === 'event: operation')) onInfo(JSON.parse(data));
      else onEvent(JSON.parse(data));
    }
  }
}
