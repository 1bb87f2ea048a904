'use client';

import type { DeployEvent } from '@/protocol';

const STATUS_COLOR = (status: string) => (/FAILED|ROLLBACK/.test(status) ? 'text-red-700' : /COMPLETE$/.test(status) ? 'text-emerald-700' : 'text-slate-700');

/** The change set, the live stack events, the failure and the outputs of one operation. */
export function OperationLog({ events }: { events: DeployEvent[] }) {
  const changes = events.find((e) => e.type === 'changes');
  const stackEvents = events.flatMap((e) => (e.type === 'stack-event' ? [e.event] : []));
  const failure = events.find((e) => e.type === 'failed');
  const outputs = events.find((e) => e.type === 'outputs');
  const done = events.find((e) => e.type === 'done');
  return (
    <div className="space-y-3 text-sm">
      <ul aria-label="Progress" className="space-y-0.5 text-slate-600">
        {/* biome-ignore lint/suspicious/noArrayIndexKey: the log only grows, so an entry's place is its identity */}
        {events.flatMap((e, i) => (e.type === 'phase' || e.type === 'notice' || e.type === 'no-changes' ? [<li key={i}>{e.message}</li>] : []))}
      </ul>
      {changes?.type === 'changes' && (
        <section aria-label="Change set">
          <h3 className="font-semibold">
            {changes.stackExists ? 'Changes to the stack' : 'Resources to create'} ({changes.changes.length})
          </h3>
          <table className="mt-1 w-full text-left text-xs">
            <thead>
              <tr className="text-slate-500">
                <th className="py-0.5">Action</th>
                <th>Resource</th>
                <th>Type</th>
                <th>Replacement</th>
              </tr>
            </thead>
            <tbody>
              {changes.changes.map((c) => (
                <tr key={c.logicalId} className={c.action === 'Remove' ? 'text-red-700' : c.action === 'Add' ? 'text-emerald-800' : 'text-amber-800'}>
                  <td className="py-0.5">{c.action === 'Add' ? '+ add' : c.action === 'Remove' ? '− remove' : '~ modify'}</td>
                  <td className="font-mono">{c.logicalId}</td>
                  <td className="font-mono">{c.type}</td>
                  <td>{c.replacement === 'True' ? <strong className="text-red-700">replaced</strong> : c.replacement === 'Conditional' ? 'may be replaced' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {stackEvents.length > 0 && (
        <section aria-label="Stack events">
          <h3 className="font-semibold">Stack events</h3>
          <ol role="log" aria-live="polite" className="mt-1 max-h-48 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs">
            {stackEvents.map((e) => (
              <li key={e.id}>
                {e.time.slice(11, 19)} <span className={STATUS_COLOR(e.status)}>{e.status}</span> {e.logicalId} <span className="text-slate-500">{e.type}</span>
                {e.reason ? <span className="text-slate-600"> — {e.reason}</span> : null}
              </li>
            ))}
          </ol>
        </section>
      )}
      {failure?.type === 'failed' && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-red-900">
          {failure.message}
        </p>
      )}
      {outputs?.type === 'outputs' && (
        <section aria-label="Outputs">
          <h3 className="font-semibold">Outputs</h3>
          {Object.keys(outputs.outputs).length === 0 ? (
            <p className="text-slate-600">The stack reported no outputs.</p>
          ) : (
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs">
              {Object.entries(outputs.outputs).map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="font-semibold">{key}</dt>
                  <dd className="break-all font-mono">
                    {/^https?:\/\//.test(value) ? (
                      <a className="text-blue-700 underline" href={value} target="_blank" rel="noreferrer">
                        {value}
                      </a>
                    ) : (
                      value
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      )}
      {done?.type === 'done' && <p className={`font-semibold ${done.ok ? 'text-emerald-700' : 'text-red-700'}`}>{done.message}</p>}
    </div>
  );
}
