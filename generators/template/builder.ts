/**
 * Collects what the nodes and edges of a diagram contribute to a template, remembering who
 * contributed what (so the template pane can answer "what did this edge add?") and merging the
 * contributions several edges make to one thing: a role's statements, a function's environment,
 * a queue's or topic's resource policy, a bucket's notifications.
 */
import type { FunctionAsset } from './asset';
import { compareNames } from '../graph/names';
import type { CfnValue, Output, Resource, Statement } from './cfn';
import { policyDocument, screamingSnake, trustPolicy } from './cfn';

/**
 * What one element contributed, each list without repeats. Lists, not sets: a large diagram has
 * thousands of elements, most of which touch nothing and grant nothing.
 */
export interface Provenance {
  /** Logical ids of the resources an element created. */
  resources: string[];
  /** Resources an element changed without creating them (a bucket's notification, a table's stream). */
  touched: string[];
  /** The IAM statements an element granted, as "PolicyHolderLogicalId.Sid". */
  statements: string[];
}

export interface BuildProblem {
  ownerId: string;
  message: string;
}

/** A suffix that several targets of one function share: written only with their prefixes. */
const SEVERAL = Symbol('several');

export class TemplateBuilder {
  readonly resources = new Map<string, Resource>();
  readonly outputs = new Map<string, Output>();
  readonly provenance = new Map<string, Provenance>();
  readonly problems: BuildProblem[] = [];
  /** Function code to build into zips before deploying, by asset id. */
  readonly assets = new Map<string, FunctionAsset>();
  private readonly creators = new Map<string, string>();
  private readonly statements = new Map<string, Statement[]>();
  private readonly environment = new Map<string, Map<string, CfnValue>>();
  /** Roles made with role(): their inline policy is assembled from their grants by finish(). */
  private readonly roles = new Map<string, string>();

  private provenanceOf(ownerId: string): Provenance {
    let p = this.provenance.get(ownerId);
    if (!p) {
      p = { resources: [], touched: [], statements: [] };
      this.provenance.set(ownerId, p);
    }
    return p;
  }

  add(logicalId: string, resource: Resource, ownerId: string): Resource {
    const existing = this.creators.get(logicalId);
    if (existing !== undefined && existing !== ownerId) {
      this.problems.push({ ownerId, message: `two elements of the diagram produce the logical id ${logicalId}: rename one of them` });
      return this.resources.get(logicalId)!;
    }
    this.resources.set(logicalId, resource);
    // An element that writes one of its resources again (a node's finalize) is not listed twice.
    if (existing === undefined) {
      this.creators.set(logicalId, ownerId);
      this.provenanceOf(ownerId).resources.push(logicalId);
    }
    return resource;
  }

  asset(asset: FunctionAsset): void {
    this.assets.set(asset.id, asset);
  }

  has(logicalId: string): boolean {
    return this.resources.has(logicalId);
  }

  /** A resource to change; records that `ownerId` changed it. */
  touch(logicalId: string, ownerId: string): Resource {
    const resource = this.resources.get(logicalId);
    if (!resource) throw new Error(`internal: ${logicalId} does not exist`);
    if (this.creators.get(logicalId) !== ownerId) {
      const { touched } = this.provenanceOf(ownerId);
      if (!touched.includes(logicalId)) touched.push(logicalId);
    }
    resource.Properties ??= {};
    return resource;
  }

  dependsOn(logicalId: string, dependency: string, ownerId: string) {
    const resource = this.touch(logicalId, ownerId);
    resource.DependsOn = [...new Set([...(resource.DependsOn ?? []), dependency])].sort();
  }

  /**
   * An IAM role trusted by exactly one service principal. What it may do is granted to it with
   * grant(), by the node that owns it and by the edges that need it; finish() writes the grants
   * as its one inline policy (none when nothing was granted).
   */
  role(roleId: string, principal: string, ownerId: string, policyName = 'least-privilege'): CfnValue {
    this.add(roleId, { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: trustPolicy(principal) } }, ownerId);
    this.roles.set(roleId, policyName);
    return { 'Fn::GetAtt': [roleId, 'Arn'] };
  }

  /**
   * Grants a statement to a policy holder: a role made with role(), or the logical id of a policy
   * resource its owner writes itself (a queue policy, a delivery stream's policy). `first` puts it
   * before the statements granted so far (a function's own logs come first).
   */
  grant(holderId: string, statement: Statement, ownerId: string, first = false) {
    const list = this.statements.get(holderId) ?? [];
    if (list.some((s) => s.Sid === statement.Sid)) {
      this.problems.push({ ownerId, message: `two grants share the statement id ${statement.Sid}` });
      return;
    }
    if (first) list.unshift(statement);
    else list.push(statement);
    this.statements.set(holderId, list);
    // Unique: a holder's statement ids are (checked above).
    this.provenanceOf(ownerId).statements.push(`${holderId}.${statement.Sid}`);
  }

  /** Writes every role's grants into it: called once, after every node and edge has contributed. */
  finish() {
    for (const [roleId, policyName] of this.roles) {
      const statements = this.statementsOf(roleId);
      if (statements.length) this.resources.get(roleId)!.Properties!.Policies = [{ PolicyName: policyName, PolicyDocument: policyDocument(statements) }];
    }
  }

  statementsOf(holderId: string): Statement[] {
    return this.statements.get(holderId) ?? [];
  }

  policyOf(holderId: string): CfnValue {
    return policyDocument(this.statementsOf(holderId));
  }

  /**
   * Gives a function the name or address of a resource it uses: always as PREFIX_SUFFIX
   * (ORDERS_TABLE_NAME) and, while it is the only one of its kind, also as SUFFIX (TABLE_NAME).
   */
  env(functionId: string, targetName: string, suffix: string, value: CfnValue) {
    const vars = this.environment.get(functionId) ?? new Map<string, CfnValue>();
    vars.set(`${screamingSnake(targetName)}_${suffix}`, value);
    vars.set(`#${suffix}#${targetName}`, value);
    this.environment.set(functionId, vars);
  }

  /** An extra variable for one specific edge (its access mode, a table's key name). */
  setEnv(functionId: string, key: string, value: CfnValue) {
    const vars = this.environment.get(functionId) ?? new Map<string, CfnValue>();
    vars.set(key, value);
    this.environment.set(functionId, vars);
  }

  environmentOf(functionId: string): Record<string, CfnValue> {
    const vars = this.environment.get(functionId);
    if (!vars) return {};
    // Plain keys as set; a short SUFFIX only while one target has it (then by the target's name).
    const chosen = new Map<string, CfnValue>();
    const bySuffix = new Map<string, CfnValue | typeof SEVERAL>();
    vars.forEach((value, key) => {
      if (key.charCodeAt(0) !== 35 /* # */) return void chosen.set(key, value);
      const suffix = key.slice(1, key.indexOf('#', 1));
      bySuffix.set(suffix, bySuffix.has(suffix) ? SEVERAL : value);
    });
    bySuffix.forEach((value, suffix) => {
      if (value !== SEVERAL) chosen.set(suffix, value);
    });
    const result: Record<string, CfnValue> = {};
    for (const key of [...chosen.keys()].sort(compareNames)) result[key] = chosen.get(key)!;
    return result;
  }

  output(id: string, output: Output) {
    this.outputs.set(id, output);
  }
}
