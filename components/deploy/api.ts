'use client';

/** The deploy panel's calls to this app's own server (JSON, same origin). */
export async function post<T>(path: string, body: unknown, method: 'POST' | 'DELETE' = 'POST'): Promise<T> {
  const response = await fetch(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
  const data = (await response.json().catch(() => ({ error: `The server answered ${response.status}` }))) as T & { error?: string };
  if (!response.ok) throw new Error(data.error ?? `The server answered ${response.status}`);
  return data;
}

export type { TargetChoice } from '@/protocol';
