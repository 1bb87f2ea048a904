'use client';

import { ActionButton } from '../actions/ActionButton';
import { DANGER_BUTTON } from './buttons';
import { serviceOf, edgeRule, type Graph, type GraphEdge } from '@/generators';
import { useDesigner } from '../designer/store-context';
import { edgeLabel } from '../canvas/flow-elements';
import { PropField } from './PropField';
import { NoteField } from './NoteField';
import dynamic from 'next/dynamic';

// Only imported diagrams need it.
const EdgeOrigin = dynamic(() => import('./ImportedOrigin').then((m) => m.EdgeOrigin), { ssr: false });

/** The names of the diagram's nodes of these kinds, sorted: what a field naming a node may take. */
const namesOf = (graph: Graph, kinds: readonly string[]) =>
  graph.nodes
    .filter((n) => kinds.includes(n.kind))
    .map((n) => n.name)
    .sort();

export function EdgePanel({ graph, edge }: { graph: Graph; edge: GraphEdge }) {
  const setEdgeProp = useDesigner((s) => s.setEdgeProp);
  const source = graph.nodes.find((n) => n.id === edge.source)!;
  const target = graph.nodes.find((n) => n.id === edge.target)!;
  const rule = edgeRule(graph, edge);
  const title = `${source.name} ${edgeLabel(graph, edge)} ${target.name}`;
  return (
    <section aria-label={`Connection ${title}`}>
      <h2 className="text-base font-semibold">{title}</h2>
      <p className="mt-1 text-sm text-slate-600">
        {serviceOf(source.kind).shortTitle} → {serviceOf(target.kind).shortTitle}: {rule?.meaning}
      </p>
      {edge.origin && <EdgeOrigin edge={edge} specs={(rule?.props ?? []).filter((spec) => !spec.visibleWhen || spec.visibleWhen(edge.props))} />}
      {!edge.origin &&
        rule?.props
          .filter((spec) => !spec.visibleWhen || spec.visibleWhen(edge.props))
          .map((spec) => (
            <PropField
              key={spec.key}
              spec={spec}
              value={edge.props[spec.key]}
              choices={spec.type === 'string' && spec.names ? namesOf(graph, spec.names) : undefined}
              onCommit={(value) => {
                const change = setEdgeProp(edge.id, spec.key, value);
                return change.ok ? null : change.error;
              }}
            />
          ))}
      <NoteField elementId={edge.id} note={edge.note} />
      <div className="mt-4">
        <ActionButton id="delete" label="Delete connection" className={DANGER_BUTTON} />
      </div>
    </section>
  );
}
