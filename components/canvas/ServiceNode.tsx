'use client';

import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { COMPACT_NAME_FONT, NAME_FONT, NODE_HEIGHT, NODE_WIDTH, serviceOf, type ServiceKind } from '@/generators';
import { ServiceIcon } from '../icons/ServiceIcon';
import { useAnalysis } from '../analysis/AnalysisContext';
import { SEVERITY_STYLE } from '../problems/ProblemsList';
import { useStage } from '../stage/StageContext';

/** subtitle: what to show instead of the service's name (a generic resource's type); compact: zoomed out; plainName: zoomed out past reading (the name as plain text, the icon as a small bitmap). */
export type ServiceNodeData = { kind: ServiceKind; name: string; subtitle?: string; compact: boolean; plainName?: boolean };
export type ServiceFlowNode = Node<ServiceNodeData, 'service'>;

/** A name with a line-break opportunity between words of CamelCase, snake_case and kebab-case, so long names wrap where they read. */
function Breakable({ name }: { name: string }) {
  const words = name.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[_\-.])/);
  return words.map((word, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the words of one name, in order; the list never reorders
    <span key={i}>
      {i > 0 && <wbr />}
      {word}
    </span>
  ));
}

function ServiceNodeView({ id, data, selected }: NodeProps<ServiceFlowNode>) {
  const service = serviceOf(data.kind);
  const { compact } = data;
  const problem = useAnalysis().worst.get(id);
  const { spotlight, flow } = useStage();
  const lit = spotlight?.nodes.has(id);
  const flowState = flow?.troubled.has(id) ? 'troubled' : flow?.reached.has(id) ? 'reached' : undefined;
  const look = [
    spotlight && !lit ? 'opacity-25' : '',
    lit ? 'ring-4 ring-amber-300' : '',
    flowState === 'reached' ? 'bg-emerald-50 ring-2 ring-emerald-400' : flowState === 'troubled' ? 'bg-red-50 ring-2 ring-red-400' : 'bg-white',
    selected ? 'border-blue-600 ring-2 ring-blue-200' : 'border-slate-300',
    // Zoomed out past reading, the shadow would be under a third of a pixel: invisible, yet a blur
    // the browser rasterises under every node that a drag passes over.
    data.plainName ? '' : 'shadow-sm',
  ].join(' ');
  // Not `relative`: the handles and the badge are placed in React Flow's node box (absolute, the same
  // size as this one), and a positioned element is one more layer the browser walks at every hit
  // test and paint of a drag, in each of thousands of nodes. Their offsets count this box's border.
  return (
    <div style={{ width: NODE_WIDTH, height: NODE_HEIGHT }} data-flow={flowState} className={`flex items-center gap-2 rounded-lg border px-3 transition-opacity ${look}`}>
      <Handle type="target" position={Position.Left} aria-label={`Connect into ${data.name}`} />
      <ServiceIcon kind={data.kind} size={compact ? 40 : 36} bitmap={data.plainName} />
      {compact ? (
        <div
          className="line-clamp-3 min-w-0 font-semibold leading-tight [overflow-wrap:anywhere]"
          style={{ fontSize: COMPACT_NAME_FONT }}
          data-testid="node-name"
          data-compact="true"
          title={`${data.name} (${data.subtitle ?? service.shortTitle})`}
        >
          {data.plainName ? data.name : <Breakable name={data.name} />}
        </div>
      ) : (
        <div className="min-w-0">
          <div className="truncate font-semibold" style={{ fontSize: NAME_FONT }} data-testid="node-name" title={data.name}>
            {data.name}
          </div>
          <div className="truncate text-xs text-slate-500" title={data.subtitle} data-testid="node-subtitle">
            {data.subtitle ?? service.shortTitle}
          </div>
        </div>
      )}
      {problem && (
        <span
          className={`absolute -right-[7px] -top-[7px] rounded-full px-1.5 text-xs font-bold ${SEVERITY_STYLE[problem.severity].className}`}
          title={`${problem.count} problem${problem.count > 1 ? 's' : ''}: see the Problems tab`}
          role="img"
          aria-label={`${problem.count} ${problem.severity === 'info' ? 'note' : problem.severity}${problem.count > 1 ? 's' : ''}`}
          data-testid="node-badge"
        >
          {problem.count}
        </span>
      )}
      <Handle type="source" position={Position.Right} aria-label={`Connect from ${data.name}`} />
    </div>
  );
}

export const ServiceNode = memo(ServiceNodeView);
