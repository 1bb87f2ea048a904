'use client';

import { ActionButton } from '../actions/ActionButton';
import { FoldButton } from '../panels/PanelControls';
import { BUTTON, DANGER_BUTTON } from './buttons';
import { useDesigner, useSettledSelection, useStructuralGraph } from '../designer/store-context';
import { DiagramPanel } from './DiagramPanel';
import { EdgePanel } from './EdgePanel';
import { NodePanel } from './NodePanel';

export function Inspector() {
  const graph = useStructuralGraph();
  const selection = useSettledSelection();
  const readOnly = useDesigner((s) => s.readOnly);
  const count = selection.nodes.length + selection.edges.length;
  const node = selection.nodes.length === 1 && count === 1 ? graph.nodes.find((n) => n.id === selection.nodes[0]) : undefined;
  const edge = selection.edges.length === 1 && count === 1 ? graph.edges.find((e) => e.id === selection.edges[0]) : undefined;

  return (
    <aside aria-label="Inspector" className="relative min-h-0 overflow-y-auto border-l border-slate-200 bg-white p-4">
      <FoldButton panel="inspector" className="absolute right-2 top-2 z-10" />
      <fieldset disabled={readOnly} className="min-w-0">
        {node ? (
          <NodePanel key={node.id} graph={graph} node={node} />
        ) : edge ? (
          <EdgePanel key={edge.id} graph={graph} edge={edge} />
        ) : count > 1 ? (
          <MultiPanel nodes={selection.nodes.length} edges={selection.edges.length} />
        ) : (
          <DiagramPanel graph={graph} />
        )}
      </fieldset>
    </aside>
  );
}

function MultiPanel({ nodes, edges }: { nodes: number; edges: number }) {
  return (
    <section aria-labelledby="multi-heading">
      <h2 id="multi-heading" className="text-base font-semibold">
        {nodes} node{nodes === 1 ? '' : 's'} and {edges} connection{edges === 1 ? '' : 's'} selected
      </h2>
      <div className="mt-3 flex gap-2">
        {nodes > 0 && <ActionButton id="focus" className={BUTTON} />}
        {nodes > 0 && <ActionButton id="duplicate" className={BUTTON} />}
        <ActionButton id="delete" label="Delete selected" className={DANGER_BUTTON} />
      </div>
    </section>
  );
}
