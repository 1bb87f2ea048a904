'use client';

import { ActionButton } from '../actions/ActionButton';
import { BUTTON, DANGER_BUTTON } from './buttons';
import { useState } from 'react';
import { checkConnection, propBag, serviceOf, type CfnValue, type Graph, type GraphNode } from '@/generators';
import { useDesigner } from '../designer/store-context';
import { ServiceIcon } from '../icons/ServiceIcon';
import { edgeLabel } from '../canvas/flow-elements';
import { NameField } from './NameField';
import { PropField } from './PropField';
import { CodeField } from './CodeField';
import { NoteField } from './NoteField';
import { WrittenField } from './WrittenField';
import dynamic from 'next/dynamic';

// Only imported diagrams need it.
const NodeOrigin = dynamic(() => import('./ImportedOrigin').then((m) => m.NodeOrigin), { ssr: false });

const NodeCost = dynamic(() => import('../cost/CostEstimate').then((m) => m.NodeCost), { ssr: false });

export function NodePanel({ graph, node }: { graph: Graph; node: GraphNode }) {
  const service = serviceOf(node.kind);
  const renameNode = useDesigner((s) => s.renameNode);
  const setNodeProp = useDesigner((s) => s.setNodeProp);

  return (
    <section aria-label={`${node.name} properties`}>
      <div className="flex items-center gap-2">
        <ServiceIcon kind={node.kind} size={36} />
        <div>
          <h2 className="text-base font-semibold">{node.name}</h2>
          <p className="text-xs text-slate-500">{service.subtitle(node) ?? service.title}</p>
        </div>
      </div>
      <NameField graph={graph} nodeId={node.id} name={node.name} onRename={(name) => renameNode(node.id, name)} />
      {service.props
        // An imported node shows the fields read from its template (editable) and those it keeps as written.
        .filter(
          (spec) =>
            spec.key !== service.code?.prop &&
            spec.key !== service.code?.files?.prop &&
            (!spec.visibleWhen || spec.visibleWhen(propBag(node))) &&
            (!node.origin || node.origin.bound.includes(spec.key) || !!node.origin.written?.[spec.key]),
        )
        .map((spec) =>
          node.origin?.written?.[spec.key] && !node.origin.bound.includes(spec.key) ? (
            <WrittenField key={spec.key} label={spec.label} written={node.origin.written[spec.key]} />
          ) : (
            <PropField
              key={spec.key}
              spec={spec}
              value={propBag(node)[spec.key]}
              onCommit={(value) => {
                const change = setNodeProp(node.id, spec.key, value);
                return change.ok ? null : change.error;
              }}
            />
          ),
        )}
      {service.code && (!node.origin || node.origin.bound.includes(service.code.prop)) && <CodeField node={node} editing={service.code} />}
      {service.code && node.origin && !node.origin.bound.includes(service.code.prop) && (
        <p className="mt-3 text-sm text-slate-700" data-testid="code-location">
          <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">Code</span>{' '}
          {service.code.locate((graph.template?.Resources as Record<string, { Properties?: Record<string, CfnValue> }> | undefined)?.[node.origin.logicalIds[0]]?.Properties).text}, kept as the
          template has it.
        </p>
      )}
      {node.origin && <NodeOrigin graph={graph} node={node} />}
      <NoteField elementId={node.id} note={node.note} />
      <NodeCost graph={graph} nodeId={node.id} />
      <ConnectionList graph={graph} node={node} />
      <ConnectTo graph={graph} node={node} />
      <div className="mt-4 flex gap-2">
        <ActionButton id="focus" className={BUTTON} />
        <ActionButton id="duplicate" className={BUTTON} />
        <ActionButton id="delete" label={`Delete ${node.name}`} className={DANGER_BUTTON} />
      </div>
    </section>
  );
}

function ConnectionList({ graph, node }: { graph: Graph; node: GraphNode }) {
  const select = useDesigner((s) => s.select);
  const touching = graph.edges.filter((e) => e.source === node.id || e.target === node.id);
  if (touching.length === 0) return null;
  const nameOf = (id: string) => graph.nodes.find((n) => n.id === id)?.name ?? '?';
  return (
    <div className="mt-3">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Connections</h3>
      <ul className="mt-1 space-y-1 text-sm">
        {touching.map((edge) => (
          <li key={edge.id}>
            <button type="button" className="text-left text-blue-700 underline" onClick={() => select({ nodes: [], edges: [edge.id] })}>
              {nameOf(edge.source)} {edgeLabel(graph, edge)} {nameOf(edge.target)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The keyboard way to draw an edge: pick a node this one may connect to. */
function ConnectTo({ graph, node }: { graph: Graph; node: GraphNode }) {
  const connect = useDesigner((s) => s.connect);
  const candidates = graph.nodes.filter((other) => checkConnection(graph, node.id, other.id).ok);
  const [target, setTarget] = useState('');
  const chosen = candidates.some((c) => c.id === target) ? target : (candidates[0]?.id ?? '');
  return (
    <div className="mt-3">
      <label htmlFor="connect-to" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        Connect to
      </label>
      {candidates.length === 0 ? (
        <p className="text-xs text-slate-500">No node of the diagram can receive events from {node.name}.</p>
      ) : (
        <div className="mt-1 flex gap-2">
          <select id="connect-to" className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1 text-sm" value={chosen} onChange={(e) => setTarget(e.target.value)}>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({serviceOf(c.kind).shortTitle})
              </option>
            ))}
          </select>
          <button type="button" className="rounded bg-blue-600 px-2 py-1 text-sm text-white" onClick={() => connect(node.id, chosen)}>
            Connect
          </button>
        </div>
      )}
    </div>
  );
}
