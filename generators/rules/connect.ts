import { indexGraph } from '../graph/index-graph';
import type { Graph } from '../graph/model';
import { serviceOf, SERVICE_KINDS, type ServiceKind } from '../services/registry';
import { CONNECTION_RULES, ruleFor, type AnyRule } from './table';

export type ConnectionCheck = { ok: true; rule: AnyRule } | { ok: false; reason: string };

/** Decides whether an edge source -> target may be drawn, and if not, says why and what to do. */
export function checkConnection(graph: Graph, sourceId: string, targetId: string): ConnectionCheck {
  const index = indexGraph(graph);
  const source = index.node(sourceId);
  const target = index.node(targetId);
  if (!source || !target) return { ok: false, reason: 'Both ends of a connection must be nodes of the diagram' };
  if (index.out(source).some((l) => l.target.id === targetId)) return { ok: false, reason: `${source.name} is already connected to ${target.name}: select that connection to change it` };
  const rule = ruleFor(source.kind, target.kind);
  if (!rule) return { ok: false, reason: refusalFor(source.kind, target.kind) };
  const imported = source.origin ? source : target.origin ? target : undefined;
  if (imported)
    return {
      ok: false,
      reason: `${imported.name} came from an imported template, whose wiring Eventform keeps exactly as written: add this connection in the template and import it again, or connect nodes added here`,
    };
  const refusal = rule.refuse?.({ graph, index, source, target });
  if (refusal) return { ok: false, reason: refusal };
  return { ok: true, rule };
}

/** "SNS cannot write to a table: put a Lambda between them", for a pair the table does not list. */
export function refusalFor(from: ServiceKind, to: ServiceKind): string {
  const reason = `${serviceOf(from).shortTitle} cannot ${serviceOf(to).asTarget}`;
  return `${reason}: ${suggestedFix(from, to)}`;
}

function suggestedFix(from: ServiceKind, to: ServiceKind): string {
  if (from === to) return `connect it to another kind of service, such as ${targetsOf(from).map(title).join(', ') || 'none'}`;
  if (ruleFor(from, 'lambda') && ruleFor('lambda', to)) return 'put a Lambda between them';
  if (ruleFor(to, from)) return `events flow the other way: drag from the ${title(to)} node to the ${title(from)} node`;
  const viaRouter = SERVICE_KINDS.find((middle) => ruleFor(from, middle) && ruleFor(middle, to));
  if (viaRouter) return `put ${article(title(viaRouter))} between them`;
  const targets = targetsOf(from);
  return targets.length ? `${title(from)} can connect to ${targets.map(title).join(', ')}` : `${title(from)} receives events but does not send them`;
}

const title = (kind: ServiceKind) => serviceOf(kind).shortTitle;
/** Articles follow pronunciation: "an SQS queue", "a Lambda". */
const article = (word: string) => `${/^([AEIOU]|S3|SNS|SQS)/.test(word) ? 'an' : 'a'} ${word}`;

function targetsOf(from: ServiceKind): ServiceKind[] {
  return CONNECTION_RULES.filter((r) => r.from === from).map((r) => r.to);
}
