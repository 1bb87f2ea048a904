/**
 * What a reviewer of such templates would flag, checked on the graph before any template is
 * written: errors stop a synth or a deploy, warnings and notes are shown beside the diagram.
 */
import type { Graph, GraphEdge, GraphNode } from '../graph/model';
import { bucketPrefix, FUNCTION_NAME_PREFIX_LENGTH, functionPrefix } from '../template/naming';
import { synthesize } from '../template/synth';
import type { BuildProblem } from '../template/builder';
import { INLINE_CODE_LIMIT } from '../../lambda-templates';
import type { Diagnostic, Severity } from './types';

interface Ctx {
  graph: Graph;
  byId: Map<string, GraphNode>;
  out: (n: GraphNode) => { edge: GraphEdge; target: GraphNode }[];
  into: (n: GraphNode) => { edge: GraphEdge; source: GraphNode }[];
  report: (severity: Severity, code: string, message: string, nodes?: GraphNode[], edges?: GraphEdge[]) => void;
}

type Check = (ctx: Ctx) => void;

const WRITE_ACCESS = new Set(['write', 'read-write']);

const checks: Check[] = [
  function isolated({ graph, out, into, report }) {
    if (graph.nodes.length < 2) return;
    for (const n of graph.nodes) if (!out(n).length && !into(n).length) report('warning', 'isolated-node', `${n.name} is not connected to anything`, [n]);
  },
  function untriggeredFunction({ into, graph, report }) {
    for (const n of graph.nodes)
      if (n.kind === 'lambda' && into(n).length === 0) report('warning', 'untriggered-function', `Nothing triggers ${n.name}: it runs only when invoked by hand`, [n]);
  },
  function firehoseDestination({ graph, out, report }) {
    for (const n of graph.nodes)
      if (n.kind === 'firehose' && !out(n).some((l) => l.target.kind === 's3'))
        report('error', 'firehose-without-destination', `${n.name} has no destination: connect it to an S3 bucket`, [n]);
  },
  function selfTriggeringFunction({ graph, out, into, report }) {
    for (const fn of graph.nodes.filter((n) => n.kind === 'lambda'))
      for (const write of out(fn).filter((l) => l.target.kind === 's3' && WRITE_ACCESS.has(String(l.edge.props.access)))) {
        const trigger = into(fn).find((l) => l.source.id === write.target.id);
        if (!trigger) continue;
        if (trigger.edge.props.prefix || trigger.edge.props.suffix)
          report('warning', 'possible-loop', `${fn.name} writes into ${write.target.name}, which triggers it: make sure it writes only keys outside the trigger's filter (${[trigger.edge.props.prefix && `prefix "${trigger.edge.props.prefix}"`, trigger.edge.props.suffix && `suffix "${trigger.edge.props.suffix}"`].filter(Boolean).join(', ')})`, [fn, write.target], [write.edge, trigger.edge]);
        else
          report('error', 'infinite-loop', `${fn.name} writes into ${write.target.name}, which triggers it on every new object: an infinite loop. Give the trigger a prefix or suffix filter, or write to another bucket`, [fn, write.target], [write.edge, trigger.edge]);
      }
  },
  function visibilityTimeout({ graph, out, report }) {
    for (const q of graph.nodes.filter((n) => n.kind === 'sqs'))
      for (const { edge, target } of out(q).filter((l) => l.target.kind === 'lambda')) {
        const visibility = Number(q.props.visibilityTimeoutSeconds);
        const timeout = Number(target.props.timeoutSeconds);
        if (visibility < timeout)
          report('error', 'visibility-below-timeout', `${q.name}'s visibility timeout (${visibility} s) is shorter than ${target.name}'s timeout (${timeout} s): Lambda refuses such a trigger`, [q, target], [edge]);
        else if (visibility < 6 * timeout)
          report('warning', 'visibility-below-six-times-timeout', `${q.name}'s visibility timeout (${visibility} s) should be at least 6x ${target.name}'s timeout (${6 * timeout} s), or messages are retried while still being processed`, [q, target], [edge]);
      }
  },
  function queueBatching({ graph, out, report }) {
    for (const q of graph.nodes.filter((n) => n.kind === 'sqs'))
      for (const { edge } of out(q)) {
        const batch = Number(edge.props.batchSize);
        if (q.props.fifo === true && batch > 10) report('error', 'fifo-batch-size', `A FIFO queue delivers at most 10 messages per batch; ${q.name}'s trigger asks for ${batch}`, [q], [edge]);
        else if (batch > 10 && Number(edge.props.batchingWindowSeconds) < 1)
          report('error', 'batch-needs-window', `A batch of more than 10 messages needs a batching window of at least 1 second`, [q], [edge]);
      }
  },
  function fifoCompatibility({ graph, out, report }) {
    for (const n of graph.nodes) {
      for (const { edge, target } of out(n)) {
        if (n.kind === 's3' && target.kind === 'sqs' && target.props.fifo === true)
          report('error', 's3-to-fifo', `S3 cannot send events to the FIFO queue ${target.name}: use a standard queue`, [n, target], [edge]);
        if (n.kind === 's3' && target.kind === 'sns' && target.props.fifo === true)
          report('error', 's3-to-fifo', `S3 cannot publish to the FIFO topic ${target.name}: use a standard topic`, [n, target], [edge]);
        if (n.kind === 'sns' && n.props.fifo === true && target.kind === 'lambda')
          report('error', 'fifo-topic-to-lambda', `A FIFO topic delivers only to SQS queues: put a FIFO queue between ${n.name} and ${target.name}`, [n, target], [edge]);
        if (n.kind === 'sns' && target.kind === 'sqs' && (n.props.fifo === true) !== (target.props.fifo === true))
          report('error', 'fifo-mismatch', `${n.name} and ${target.name} must both be FIFO or both standard`, [n, target], [edge]);
      }
    }
  },
  function streamReaders({ graph, out, report }) {
    for (const t of graph.nodes.filter((n) => n.kind === 'dynamodb')) {
      const readers = out(t);
      if (readers.length > 2)
        report('warning', 'too-many-stream-readers', `${readers.length} readers share ${t.name}'s stream; more than two are throttled`, [t], readers.map((r) => r.edge));
    }
  },
  function overlappingNotifications({ graph, out, report }) {
    for (const b of graph.nodes.filter((n) => n.kind === 's3')) {
      const notes = out(b).filter((l) => ['lambda', 'sqs', 'sns'].includes(l.target.kind));
      for (let i = 0; i < notes.length; i++)
        for (let j = i + 1; j < notes.length; j++) {
          const [x, y] = [notes[i].edge.props, notes[j].edge.props];
          const sameFamily = String(x.event).split(':')[1] === String(y.event).split(':')[1];
          const prefixesOverlap = String(x.prefix).startsWith(String(y.prefix)) || String(y.prefix).startsWith(String(x.prefix));
          const suffixesOverlap = String(x.suffix).endsWith(String(y.suffix)) || String(y.suffix).endsWith(String(x.suffix));
          if (sameFamily && prefixesOverlap && suffixesOverlap)
            report('error', 'overlapping-notifications', `${b.name} sends the same objects to ${notes[i].target.name} and ${notes[j].target.name}: S3 refuses overlapping notifications. Give them different prefixes or suffixes, or fan out through SNS or EventBridge`, [b], [notes[i].edge, notes[j].edge]);
        }
    }
  },
  function workflowSteps({ graph, out, report }) {
    for (const m of graph.nodes.filter((n) => n.kind === 'stepfunctions')) {
      const steps = out(m);
      if (steps.length === 0) report('warning', 'empty-workflow', `${m.name} has no steps: connect it to the services it calls`, [m]);
      const byOrder = new Map<number, GraphEdge[]>();
      for (const { edge } of steps) if (!edge.props.condition) byOrder.set(Number(edge.props.order), [...(byOrder.get(Number(edge.props.order)) ?? []), edge]);
      for (const [order, edges] of byOrder)
        if (edges.length > 1) report('error', 'ambiguous-step', `${m.name} has ${edges.length} unconditional steps with order ${order}: give them different orders or conditions`, [m], edges);
    }
  },
  function deadEnds({ graph, out, report }) {
    for (const n of graph.nodes) {
      if (n.kind === 'sqs' && !out(n).length) report('info', 'unconsumed-queue', `Nothing consumes ${n.name}: messages wait there until read by code outside the diagram`, [n]);
      if (n.kind === 'sns' && !out(n).length && !n.props.emailSubscribers) report('warning', 'topic-without-subscribers', `${n.name} has no subscribers: its messages are dropped`, [n]);
      if (n.kind === 'kinesis' && !out(n).length) report('info', 'unread-stream', `Nothing reads ${n.name}: records expire after ${n.props.retentionHours} hours`, [n]);
      if (n.kind === 'apigateway' && !out(n).length) report('warning', 'api-without-routes', `${n.name} has no routes: it answers 404 to every request`, [n]);
      if (n.kind === 'eventbridge' && !out(n).length) report('warning', 'bus-without-rules', `${n.name} has no rules: its events go nowhere`, [n]);
    }
  },
  function scheduleOnCustomBus({ graph, report }) {
    for (const n of graph.nodes)
      if (n.kind === 'eventbridge' && n.props.schedule && n.props.busType === 'custom')
        report('info', 'schedule-on-default-bus', `${n.name}'s schedule runs on the default bus: scheduled rules cannot live on a custom bus`, [n]);
  },
  function emailConfirmation({ graph, report }) {
    for (const n of graph.nodes)
      if (n.kind === 'sns' && n.props.emailSubscribers) report('info', 'email-confirmation', `Each e-mail subscriber of ${n.name} must confirm the subscription from the message AWS sends`, [n]);
  },
  function bucketNames({ graph, report }) {
    const seen = new Map<string, GraphNode>();
    for (const n of graph.nodes.filter((x) => x.kind === 's3')) {
      const prefix = bucketPrefix(n);
      const other = seen.get(prefix);
      if (other) report('error', 'bucket-name-clash', `${other.name} and ${n.name} give the same bucket name prefix "${prefix}": make their first 26 characters differ`, [other, n]);
      seen.set(prefix, n);
    }
  },
  function functionNames({ graph, report }) {
    const seen = new Map<string, GraphNode>();
    for (const n of graph.nodes.filter((x) => x.kind === 'lambda')) {
      const prefix = functionPrefix(n).toLowerCase();
      const other = seen.get(prefix);
      if (other) report('error', 'function-name-clash', `${other.name} and ${n.name} give the same function name prefix: make their first ${FUNCTION_NAME_PREFIX_LENGTH} characters differ`, [other, n]);
      seen.set(prefix, n);
    }
  },
  function inlineCode({ graph, report }) {
    for (const n of graph.nodes)
      if (n.kind === 'lambda' && String(n.props.code ?? '').length > INLINE_CODE_LIMIT)
        report('error', 'code-too-long', `${n.name}'s code is longer than the ${INLINE_CODE_LIMIT} characters CloudFormation allows inline`, [n]);
  },
  function workflowKeys({ graph, into, report }) {
    for (const t of graph.nodes.filter((n) => n.kind === 'dynamodb'))
      if (t.props.partitionKeyType === 'B' && into(t).some((l) => l.source.kind === 'stepfunctions'))
        report('info', 'workflow-binary-key', `Workflow steps write ${t.name}'s binary key as the base64 of the execution name`, [t]);
  },
];

const RELIABLE_FOR_IMPORTED = new Set(['visibility-below-timeout', 'visibility-below-six-times-timeout', 'fifo-mismatch', 'code-too-long']);

export function diagnose(graph: Graph, buildProblems: BuildProblem[] = synthesize(graph).problems): Diagnostic[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const outgoing = new Map<string, { edge: GraphEdge; target: GraphNode }[]>();
  const incoming = new Map<string, { edge: GraphEdge; source: GraphNode }[]>();
  for (const edge of graph.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
    outgoing.set(source.id, [...(outgoing.get(source.id) ?? []), { edge, target }]);
    incoming.set(target.id, [...(incoming.get(target.id) ?? []), { edge, source }]);
  }
  const diagnostics: Diagnostic[] = [];
  const ctx: Ctx = {
    graph,
    byId,
    out: (n) => outgoing.get(n.id) ?? [],
    into: (n) => incoming.get(n.id) ?? [],
    report: (severity, code, message, nodes = [], edges = []) =>
      diagnostics.push({ severity, code, message, nodeIds: nodes.map((n) => n.id), edgeIds: edges.map((e) => e.id) }),
  };
  for (const check of checks) check(ctx);
  // An imported template may be wired in ways the diagram cannot show (an OpenAPI body, resources in
  // other stacks): about imported nodes, only findings that rest on the props read from it are fair.
  const fair = diagnostics.filter((d) => RELIABLE_FOR_IMPORTED.has(d.code) || d.nodeIds.length === 0 || d.nodeIds.some((id) => !byId.get(id)?.origin));
  diagnostics.length = 0;
  diagnostics.push(...fair);
  // Some problems only show up while the template is written (logical-id clashes, references an
  // imported resource still makes to a deleted one): report them too.
  for (const problem of buildProblems)
    if (!diagnostics.some((d) => d.message === problem.message))
      diagnostics.push({ severity: 'error', code: 'template-problem', message: problem.message, nodeIds: byId.has(problem.ownerId) ? [problem.ownerId] : [], edgeIds: byId.has(problem.ownerId) ? [] : [problem.ownerId] });
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return diagnostics.sort((a, b) => rank[a.severity] - rank[b.severity]);
}

export const hasErrors = (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.severity === 'error');
