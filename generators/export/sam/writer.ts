/**
 * What a SAM template is written from: Eventform's own template for the diagram, which the rules and
 * service modules rewrite in SAM's terms (a trigger becomes an event of its function, a function an
 * AWS::Serverless::Function with policy templates). Whatever has no SAM form stays CloudFormation.
 */
import type { GraphIndex, Link } from '../../graph/index-graph';
import type { Graph } from '../../graph/model';
import type { Provenance } from '../../template/builder';
import type { CfnValue, Resource, Statement, Template } from '../../template/cfn';
import type { SynthContext } from '../../template/context';

export class SamWriter {
  /** Events each function receives, by function logical id, then event name. */
  private readonly events = new Map<string, Record<string, CfnValue>>();
  /** The edge or node that granted each statement ("HolderId.Sid"). */
  private readonly grantedBy = new Map<string, string>();
  /** Resources the rewriting removed: what waited for them waits no more (finish). */
  private readonly removed = new Set<string>();
  /** Function code files, by path, for functions whose code is not inline. */
  readonly files: Record<string, string> = {};

  constructor(
    readonly graph: Graph,
    readonly index: GraphIndex,
    readonly ctx: SynthContext,
    readonly template: Template,
    private readonly provenance: ReadonlyMap<string, Provenance>,
  ) {
    for (const [owner, p] of provenance) for (const statement of p.statements) this.grantedBy.set(statement, owner);
  }

  resource(logicalId: string): Resource | undefined {
    return this.template.Resources[logicalId];
  }

  remove(logicalId: string) {
    delete this.template.Resources[logicalId];
    this.removed.add(logicalId);
  }

  /** Nothing may keep waiting for a resource that is gone: one pass once everything is written. */
  finish() {
    for (const r of Object.values(this.template.Resources)) {
      if (!r.DependsOn) continue;
      r.DependsOn = r.DependsOn.filter((d) => !this.removed.has(d));
      if (r.DependsOn.length === 0) delete r.DependsOn;
    }
  }

  /** Writes the edge as an event of its function: the resources the edge made for it go. */
  event(link: Link, functionId: string, event: { Type: string; Properties: Record<string, CfnValue> }) {
    const name = `${link.source.name}Event`;
    this.events.set(functionId, { ...(this.events.get(functionId) ?? {}), [name]: event });
    for (const logicalId of this.provenance.get(link.edge.id)?.resources ?? []) this.remove(logicalId);
  }

  eventsOf(functionId: string): Record<string, CfnValue> | undefined {
    return this.events.get(functionId);
  }

  /** The resources an edge made (a mapping, a permission, a subscription). */
  madeBy(link: Link): string[] {
    return [...(this.provenance.get(link.edge.id)?.resources ?? [])];
  }

  /** The statements of a role's inline policy, with the link that granted each (undefined: its own node). */
  statementsOf(roleId: string): { statement: Statement; link?: Link }[] {
    const policies = (this.resource(roleId)?.Properties?.Policies as { PolicyDocument: { Statement: Statement[] } }[] | undefined) ?? [];
    return policies.flatMap((p) =>
      p.PolicyDocument.Statement.map((statement) => {
        const owner = this.grantedBy.get(`${roleId}.${statement.Sid}`);
        return { statement, link: owner ? this.index.link(owner) : undefined };
      }),
    );
  }
}

/** SAM's resource types take their tags as a map. */
export function tagMap(tags: CfnValue | undefined): Record<string, CfnValue> | undefined {
  if (!Array.isArray(tags)) return tags as Record<string, CfnValue> | undefined;
  return Object.fromEntries((tags as { Key: string; Value: CfnValue }[]).map((t) => [t.Key, t.Value]));
}
