/**
 * An opened diagram says which resources of its embedded template each imported node and edge
 * stands for. That claim is checked against what the importer itself decides for the template: a
 * file (or a share link) cannot make a queue carry an administrator role that the canvas never shows.
 */
import { claimConnectors } from '../import/edges';
import { planOwnership, type RawResource } from '../import/ownership';
import { withKindViews, withNamedArnsResolved } from '../import/references';
import type { ServiceKind } from '../services/registry';
import type { CfnValue } from '../template/cfn';

export interface TemplateOwnership {
  /** Node primary -> its kind and the resources that belong to it. */
  nodes: Map<string, { kind: ServiceKind; children: Set<string> }>;
  /** Resources an edge may own: connectors and their children. */
  connectors: Set<string>;
}

export function ownershipOfTemplate(template: Record<string, CfnValue>): TemplateOwnership {
  const resources = (template.Resources ?? {}) as Record<string, RawResource>;
  const connectors = new Set<string>();
  const named = withKindViews(resources, template.Parameters);
  const wiring = withNamedArnsResolved(named);
  const plan = planOwnership(named, (kindOf) => new Set(claimConnectors(wiring, kindOf).flatMap((c) => c.logicalIds)));
  for (const [connector, children] of plan.connectorChildren) [connector, ...children].forEach((id) => connectors.add(id));
  return { nodes: new Map(plan.nodes.map((n) => [n.primary, { kind: n.kind, children: new Set(n.children) }])), connectors };
}

/** Why an imported node may not claim these resources, or null. */
export function nodeClaimProblem(owned: TemplateOwnership, kind: ServiceKind, logicalIds: readonly string[]): string | null {
  const [primary, ...children] = logicalIds;
  // A node the template only names (a bus outside it) claims no resource: it generates none either.
  if (primary === undefined) return null;
  const plan = owned.nodes.get(primary);
  if (!plan) return `${primary} is not a resource the template draws as a node`;
  if (plan.kind !== kind) return `${primary} is drawn as ${plan.kind} by the template, not as ${kind}`;
  const foreign = children.filter((id) => !plan.children.has(id));
  return foreign.length
    ? `${foreign.join(', ')} ${foreign.length > 1 ? 'do' : 'does'} not belong to ${primary} in the template: refused (the canvas would not show ${foreign.length > 1 ? 'them' : 'it'})`
    : null;
}

/** Why an imported edge may not claim these resources, or null. */
export function edgeClaimProblem(owned: TemplateOwnership, logicalIds: readonly string[]): string | null {
  const foreign = logicalIds.filter((id) => !owned.connectors.has(id));
  return foreign.length ? `${foreign.join(', ')} ${foreign.length > 1 ? 'are' : 'is'} not a connection's resource in the template: refused` : null;
}
