'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { analyze, reviewDeployment, serializeGraph, type Capability, type Graph } from '@/generators';
import { FINAL_STATES, stackNameFor, type Identity, type OperationTarget, type TargetChoice } from '@/protocol';
import { DeployReviewPanel } from './DeployReviewPanel';
import { post } from './api';
import { OperationLog } from './OperationLog';
import { StacksView } from './StacksView';
import { TargetPicker } from './TargetPicker';
import { useOperation } from './useOperation';

const sameTarget = (a: OperationTarget, b: OperationTarget) => a.kind === b.kind && a.region === b.region && (a.endpoint ?? '') === (b.endpoint ?? '');

/** Deploy the diagram: target and identity, change-set preview, confirmation, live events, outputs; and the stacks deployed before. */
export function DeployDialog({ graph, onClose, resumeOperation }: { graph: Graph; onClose: () => void; resumeOperation?: string | null }) {
  const [tab, setTab] = useState<'deploy' | 'stacks'>('deploy');
  const [choice, setChoice] = useState<TargetChoice>({ target: { kind: 'sandbox', region: 'us-east-1' } });
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [stackName, setStackName] = useState(stackNameFor(graph.name));
  const [operationId, setOperationId] = useState<string | null>(resumeOperation ?? null);
  const [samples, setSamples] = useState('');
  const { events, state, info } = useOperation(operationId);
  // After a reload, the dialog shows the target the operation it follows really runs against.
  useEffect(() => {
    if (info) setChoice((current) => (sameTarget(current.target, info.target) ? current : { target: info.target }));
  }, [info]);
  // What deploying this diagram needs and risks, shown before the preview (the server checks it again).
  const review = useMemo(() => reviewDeployment(graph, analyze(graph).synthesis.template), [graph]);
  const [acknowledged, setAcknowledged] = useState<readonly Capability[]>([]);
  const unacknowledged = review.capabilities.filter((c) => !acknowledged.includes(c.capability));
  // The server says whether the deployed diagram can take sample events (a stream to put them on).
  const takesSamples = events.some((e) => e.type === 'outputs' && e.samples);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another target or credential means another identity
  useEffect(() => setIdentity(null), [choice]);

  const run = async (action: () => Promise<void>) => {
    setError('');
    setBusy(true);
    try {
      await action();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const checkIdentity = () => run(async () => setIdentity(await post<Identity>('/api/identity', choice)));
  const preview = () =>
    run(async () => {
      const who = identity ?? (await post<Identity>('/api/identity', choice));
      setIdentity(who);
      const { operationId: id } = await post<{ operationId: string }>('/api/deployments', { ...choice, stackName, acknowledged, diagram: JSON.parse(serializeGraph(graph)) });
      setOperationId(id);
    });
  const decide = (verb: 'confirm' | 'cancel' | 'stop') => run(async () => void (await post(`/api/operations/${operationId}/${verb}`, {})));

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-auto bg-slate-900/40 p-6">
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby="deploy-title"
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
        tabIndex={-1}
        className="w-full max-w-3xl rounded-lg bg-white p-5 shadow-xl"
      >
        <div className="flex items-center justify-between">
          <h2 id="deploy-title" className="text-lg font-semibold">
            Deploy {graph.name}
          </h2>
          <button type="button" className="rounded border px-2 py-0.5 text-sm" onClick={onClose}>
            Close
          </button>
        </div>
        <div role="tablist" aria-label="Deploy" className="mt-2 flex gap-2 border-b">
          {(['deploy', 'stacks'] as const).map((t) => (
            <button key={t} type="button" role="tab" aria-selected={tab === t} className={`px-3 py-1 text-sm ${tab === t ? 'border-b-2 border-blue-600 font-semibold' : ''}`} onClick={() => setTab(t)}>
              {t === 'deploy' ? 'Deploy' : 'Stacks'}
            </button>
          ))}
        </div>
        <div className="mt-3 space-y-4">
          <TargetPicker value={choice} onChange={setChoice} />
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <button type="button" className="rounded border px-2 py-1" disabled={busy} onClick={checkIdentity}>
              Check identity
            </button>
            {identity && (
              <span data-testid="identity">
                Account <strong>{identity.account}</strong> as <code>{identity.arn}</code> in <strong>{identity.region}</strong>
              </span>
            )}
          </div>
          {error && (
            <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">
              {error}
            </p>
          )}
          {tab === 'deploy' ? (
            <div className="space-y-3">
              <div className="flex flex-wrap items-end gap-2 text-sm">
                <label>
                  Stack name
                  <input className="mt-1 block rounded border px-2 py-1" value={stackName} onChange={(e) => setStackName(e.target.value)} />
                </label>
                <button
                  type="button"
                  className="rounded bg-blue-600 px-3 py-1.5 text-white disabled:opacity-50"
                  disabled={busy || unacknowledged.length > 0 || (operationId !== null && !FINAL_STATES.includes(state))}
                  title={unacknowledged.length ? 'Acknowledge what this deployment needs first' : undefined}
                  onClick={preview}
                >
                  Preview changes
                </button>
                {operationId !== null && (state === 'running' || state === 'planning') && (
                  <button
                    type="button"
                    className="rounded border px-3 py-1.5"
                    disabled={busy}
                    onClick={() => decide('stop')}
                    title="Stop waiting for CloudFormation: the stack goes on there, and this stack can be deployed again"
                  >
                    Stop following
                  </button>
                )}
              </div>
              <DeployReviewPanel review={review} acknowledged={acknowledged} onAcknowledge={setAcknowledged} />
              <OperationLog events={events} />
              {state === 'succeeded' && takesSamples && (
                <div className="flex items-center gap-2 text-sm">
                  <button
                    type="button"
                    className="rounded border px-2 py-1"
                    disabled={busy}
                    onClick={() =>
                      run(async () => {
                        const result = await post<{ sent: number; via: string }>('/api/samples', { ...choice, stackName, diagram: JSON.parse(serializeGraph(graph)), count: 20 });
                        setSamples(`Sent ${result.sent} sample events to ${result.via}`);
                      })
                    }
                  >
                    Send 20 sample events
                  </button>
                  {samples && <span role="status">{samples}</span>}
                </div>
              )}
              {state === 'awaiting-confirmation' && (
                <div className="flex gap-2">
                  <button type="button" className="rounded bg-emerald-600 px-3 py-1.5 text-sm text-white" disabled={busy} onClick={() => decide('confirm')}>
                    Deploy these changes
                  </button>
                  <button type="button" className="rounded border px-3 py-1.5 text-sm" disabled={busy} onClick={() => decide('cancel')}>
                    Cancel
                  </button>
                </div>
              )}
            </div>
          ) : (
            <StacksView
              choice={choice}
              events={events}
              onOperation={(id) => setOperationId(id)}
              onUpdate={(stack) => {
                setStackName(stack);
                setTab('deploy');
              }}
            />
          )}
        </div>
      </div>
    </div>
  );
}
