'use client';

import { useEffect, useState } from 'react';
import { nameProblem, type Graph } from '@/generators';

/** The node's name, checked as typed against the logical-id rules and the other names. */
export function NameField({ graph, nodeId, name, onRename }: { graph: Graph; nodeId: string; name: string; onRename: (name: string) => void }) {
  const [draft, setDraft] = useState(name);
  // biome-ignore lint/correctness/useExhaustiveDependencies: selecting another node starts a fresh draft, even under the same name
  useEffect(() => setDraft(name), [name, nodeId]);
  const problem = draft === name ? null : nameProblem(graph, draft, nodeId);
  const commit = () => {
    if (draft !== name && !problem) onRename(draft);
  };
  return (
    <div className="py-1.5">
      <label htmlFor="node-name" className="text-xs font-medium text-slate-700">
        Name
      </label>
      <input
        id="node-name"
        value={draft}
        spellCheck={false}
        maxLength={80}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'node-name-error' : 'node-name-help'}
        className={`mt-1 w-full rounded border px-2 py-1 text-sm ${problem ? 'border-red-500' : 'border-slate-300'}`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(name);
        }}
      />
      {problem ? (
        <p id="node-name-error" role="alert" className="mt-0.5 text-xs text-red-700">
          {problem}
        </p>
      ) : (
        <p id="node-name-help" className="mt-0.5 text-xs text-slate-500">
          Letters and digits; it names the resources this node creates.
        </p>
      )}
    </div>
  );
}
