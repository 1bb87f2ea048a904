'use client';

import { useState } from 'react';
import type { DeployEvent } from '@/protocol';
import { post, type TargetChoice } from './api';
import { OperationLog } from './OperationLog';

interface StackRow {
  name: string;
  status: string;
  diagram: string;
  updated: string;
  outputs: Record<string, string>;
  operationId: string | null;
}

/** The stacks this app deployed in the chosen target, and their teardown. */
export function StacksView({ choice, onOperation, onUpdate, events }: { choice: TargetChoice; onOperation: (id: string) => void; onUpdate: (stack: string) => void; events: DeployEvent[] }) {
  const [stacks, setStacks] = useState<StackRow[] | null>(null);
  const [error, setError] = useState('');
  const [destroying, setDestroying] = useState<{ stack: string; buckets: string[]; agreed: boolean } | null>(null);
  const refresh = async () => {
    setError('');
    try {
      setStacks((await post<{ stacks: StackRow[] }>('/api/stacks', choice)).stacks);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const askToDestroy = async (stack: string) => {
    try {
      setDestroying({ stack, buckets: (await post<{ buckets: string[] }>('/api/stacks/buckets', { ...choice, stackName: stack })).buckets, agreed: false });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const destroy = async () => {
    if (!destroying) return;
    try {
      const { operationId } = await post<{ operationId: string }>('/api/destructions', { ...choice, stackName: destroying.stack, confirmedBuckets: destroying.buckets });
      setDestroying(null);
      onOperation(operationId);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section aria-label="Deployed stacks" className="space-y-2 text-sm">
      <button type="button" className="rounded border px-2 py-1" onClick={refresh}>
        List stacks
      </button>
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
      {stacks && stacks.length === 0 && <p>No stack deployed by Eventform in this target.</p>}
      {stacks && stacks.length > 0 && (
        <table className="w-full text-left text-xs">
          <thead>
            <tr className="text-slate-500">
              <th>Stack</th>
              <th>Status</th>
              <th>Diagram</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {stacks.map((s) => (
              <tr key={s.name}>
                <td className="font-mono">{s.name}</td>
                <td>{s.status}</td>
                <td>
                  {s.diagram}
                  {Object.keys(s.outputs).length > 0 && (
                    <details>
                      <summary>Outputs</summary>
                      <dl className="font-mono">
                        {Object.entries(s.outputs).map(([k, v]) => (
                          <div key={k}>
                            <dt className="inline font-semibold">{k}</dt> <dd className="inline break-all">{v}</dd>
                          </div>
                        ))}
                      </dl>
                    </details>
                  )}
                </td>
                <td className="space-x-2 text-right">
                  {s.operationId ? (
                    <button type="button" className="underline" onClick={() => onOperation(s.operationId!)}>
                      Follow the running operation
                    </button>
                  ) : (
                    <>
                      <button type="button" className="rounded border px-2 py-0.5" onClick={() => onUpdate(s.name)}>
                        Update {s.name} with this diagram
                      </button>
                      <button type="button" className="rounded border border-red-300 px-2 py-0.5 text-red-700" onClick={() => askToDestroy(s.name)}>
                        Destroy {s.name}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {destroying && (
        <div role="alertdialog" aria-label={`Destroy ${destroying.stack}`} className="space-y-2 rounded border border-red-300 bg-red-50 p-3">
          <p>
            Destroying <strong>{destroying.stack}</strong> deletes all its resources.
            {destroying.buckets.length > 0 && (
              <>
                {' '}
                These buckets and every object in them will be deleted:{' '}
                {destroying.buckets.map((b) => (
                  <code key={b} className="mx-1">
                    {b}
                  </code>
                ))}
              </>
            )}
          </p>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={destroying.agreed} onChange={(e) => setDestroying({ ...destroying, agreed: e.target.checked })} />
            {destroying.buckets.length ? 'Empty these buckets and destroy the stack' : 'Destroy the stack'}
          </label>
          <div className="flex gap-2">
            <button type="button" className="rounded bg-red-600 px-3 py-1 text-white disabled:opacity-50" disabled={!destroying.agreed} onClick={destroy}>
              Destroy
            </button>
            <button type="button" className="rounded border px-3 py-1" onClick={() => setDestroying(null)}>
              Keep it
            </button>
          </div>
        </div>
      )}
      <OperationLog events={events} />
    </section>
  );
}
