/**
 * The shape of a service module: everything one kind of service knows, in one folder
 * (`generators/services/<kind>/`). Every hook is required, so a kind that forgets one does not
 * compile; the core loops (synthesis, the importer, the event flow, the estimate, the diagnostics,
 * tagging) only ever ask the registry.
 */
import type { HandlerRole } from '../../lambda-templates/roles';
import type { CostItem, CostUsage } from '../cost/types';
import type { CheckContext } from '../diagnostics/types';
import type { Arrival, FlowApi, ScenarioSeed } from '../flow/types';
import type { GraphIndex, Link } from '../graph/index-graph';
import type { ServiceNode } from '../graph/model';
import type { PropSpec, PropsFromSpecs, PropValue, Props } from '../props/spec';
import type { CfnValue } from '../template/cfn';
import type { ServiceEmitter } from '../template/context';
import type { TagStyle } from '../template/tags';
import type { CdkWriter } from '../export/cdk/writer';
import type { SamWriter } from '../export/sam/writer';
import type { GraphNode } from '../graph/model';

/** How a node prop reads from, and writes back to, the Properties of an imported resource. */
export interface ImportBinding {
  /** Where the value sits under Properties; the first path present wins, the first is written when none is. */
  paths: readonly (readonly string[])[];
  /** Where it sits for a type that names it differently (a SAM state machine's `Type` is StateMachineType). */
  pathsByType?: Readonly<Record<string, readonly (readonly string[])[]>>;
  /** The value CloudFormation assumes when the property is absent. */
  absent?: PropValue;
  /** Only for these resource types (default: every type of the kind). */
  types?: readonly string[];
  /** The prop's value from the raw value at the path; `properties` for a value that needs a sibling (a key's type). */
  read?: (raw: CfnValue, properties: Record<string, CfnValue>) => CfnValue | undefined;
  /** Read to describe the node (its flow, its cost) but not editable: no single property to write back. */
  readOnly?: boolean;
  /** Why a read-only binding cannot be edited, when the inspector shows it (as in the template). */
  why?: string;
  write?: (value: PropValue) => CfnValue;
}

/** A node the template uses without defining it (the default event bus): keyed as `sharedKey` keys resources. */
export interface ImpliedSource {
  key: string;
  /** How to draw it when no resource of the template stands for it; absent when it cannot be drawn. */
  drawn?: {
    name: string;
    props: Props;
    /** Said on the node: what it stands for and that it is not a resource of the template. */
    note: string;
    /**
     * Props the node shows as the template writes them (a bus named by a parameter): such a node is
     * marked as read from the template, standing for none of its resources, so export adds nothing for it.
     */
    written?: Record<string, { value: string; why: string }>;
  };
}

/** A resource that exists only to connect two services: the edge owns it. */
export interface ConnectorSpec {
  /** The properties naming the source and the target. */
  source: string;
  target: string;
  /** Edge props the connector states (a mapping's batch size), raw: what a prop cannot hold is kept as written. */
  props?(properties: Record<string, CfnValue>): Record<string, CfnValue>;
}

/** How a template's resources are recognised as this kind, and what belongs to it. */
export interface ImportSpec<M extends string = string> {
  /** Resource types drawn as a node of this kind. */
  types: readonly string[];
  bindings?: Readonly<Record<string, ImportBinding>>;
  /** Resource types that belong to such a node, and the properties naming it (a queue's policy names its queue). */
  children?: Readonly<Record<string, readonly string[]>>;
  /** Children that name their parent by repeating one of its values (a rule's EventBusName written as the bus's own Name expression). */
  childrenByValue?: Readonly<Record<string, { property: string; parentProperty: string }>>;
  /**
   * Resources no parent claims that stand for the same thing outside the template (rules on the
   * default bus, or on a bus given by a parameter) share one node: the key they share, if any.
   */
  sharedKey?(type: string, properties: Record<string, CfnValue>): string | undefined;
  /** The name of a node that several such resources share (DefaultBus), instead of the first one's logical id. */
  sharedName?(key: string): string;
  /** The shared key of what a template parameter names, when it names one of these (a bus given as `!Ref BusName`). */
  parameterKey?(parameter: string): string;
  /**
   * The resources as edge recovery reads them, when this kind is named two ways in one template
   * (a bus named by a literal that is the default of the parameter naming it elsewhere).
   */
  wiringView?<R extends { Properties?: Record<string, CfnValue> }>(resources: Record<string, R>, parameters: Readonly<Record<string, CfnValue>>): Record<string, R>;
  /**
   * The node a SAM event of a function stands on when the template defines none (an EventBridgeRule
   * event on the default bus, a Schedule event): drawn, not a resource of the template.
   */
  impliedSource?(eventType: string, eventProperties: Record<string, CfnValue>): ImpliedSource | undefined;
  /** Every resource type of a family (`AWS::ApiGateway::`) belongs to the node its property names. */
  childFamilies?: Readonly<Record<string, string>>;
  /**
   * The service principal of roles this kind assumes without any resource of the template naming
   * them (an API whose OpenAPI definition, in a file the template includes, names its integration
   * role): such a role's grants speak for the template's only node of this kind.
   */
  assumesUnnamedRolesAs?: string;
  /** Props the resource type itself decides (a generic resource shows its type). */
  propsOfType?(type: string): Props;
  /** Connector resources of this kind's family. */
  connectors?: Readonly<Record<string, ConnectorSpec>>;
  /** SAM function event types whose source is this kind, and the event property that names it. */
  samEvents?: Readonly<Record<string, string>>;
  /** Edge props a SAM event of this kind's own resource states (a queue event's batch size), raw. */
  samEventProps?(eventProperties: Record<string, CfnValue>): Record<string, CfnValue>;
  /** SAM policy templates that grant a function access to this kind, and the access mode each means. */
  samPolicies?: Readonly<Record<string, M>>;
  /** SAM policy templates that grant only what an event source reads (DynamoDBStreamReadPolicy): part of a trigger, never an edge of their own. */
  samSourcePolicies?: readonly string[];
  /**
   * SAM policy templates naming a node of this kind by a value no reference resolves (a bus by
   * name, `!Sub '{{resolve:ssm:...}}'`): the shared key of the node its parameters name.
   */
  samPolicyKeys?: Readonly<Record<string, (parameters: Record<string, CfnValue>) => string | undefined>>;
  /** Edge props a reference held in one of this node's own resources states (an API method's route, a rule's pattern). */
  edgeProps?(resources: Readonly<Record<string, { Type?: CfnValue; Properties?: Record<string, CfnValue> }>>, logicalId: string, path: readonly (string | number)[]): Record<string, CfnValue>;
  /** Why a reference at this path of the node's resources is no edge of the rule table (a rule target's dead-letter queue), if it is not. */
  notAnEdge?(path: readonly (string | number)[]): string | undefined;
  /**
   * A reference at this path that is a prop of another of the node's edges (a rule target's
   * dead-letter queue), not an edge of its own: the path of the reference that edge is drawn from.
   */
  propOfEdgeAt?(path: readonly (string | number)[]): (string | number)[] | undefined;
}

/** What a function may do to this kind of service: each access mode and the IAM actions it means. */
export interface AccessMode {
  /** How an edge in this mode is labelled ("reads/writes"). */
  label: string;
  actions: readonly string[];
  /** The function passes something on: what it writes arrives downstream as events. */
  sends: boolean;
  /** The function reads from the service. */
  reads: boolean;
}

export interface ServiceAccess<M extends string, N> {
  /** In the order the inspector offers them; `defaultMode` is preselected. */
  modes: Readonly<Record<M, AccessMode>>;
  /** The mode a new edge starts in (kinds a function cannot use have no modes). */
  defaultMode?: M;
  /** The one action a service integration, a rule target or a pipe needs to deliver into it. */
  deliver?: string;
  /** The actions an event source (a mapping, a pipe, a delivery stream) needs to read it. */
  readAsSource?: readonly string[];
  /** The resources a function's statement names in a mode (default: the node's ARN). */
  resources?(node: N, mode: M, actions: readonly string[]): CfnValue[];
}

export interface ServiceFlow<N> {
  /** What the service does with events that reach it: forward them along its links, buffer them, fail. */
  receive(arrival: Arrival<N>, sim: FlowApi): void;
  /** The events a teacher can send into it; `fromLinks` adds those its connections suggest. */
  scenarios(node: N, view: { index: GraphIndex; fromLinks(): ScenarioSeed[] }): ScenarioSeed[];
  /** What a function's write looks like when it arrives here. */
  fromCode(writer: { name: string }, node: N, count: number, data: Record<string, unknown>): { text: string; data: Record<string, unknown> };
  /** Whether a teacher can make it fail. */
  failable: boolean;
}

export interface ServiceCost<N> {
  /** The node's line items at the volumes the estimate computed. */
  estimate(node: N, usage: CostUsage): { items: CostItem[]; note?: string };
  /** How many events leave along one of its links for `count` arriving (a workflow's branches share them; a delivery stream flushes). */
  along?(node: N, link: Link, count: number, usage: Pick<CostUsage, 'index' | 'load'>): number;
}

export interface ServiceDiagnostics<N> {
  /** Findings about one node of the kind. */
  node?(node: N, ctx: CheckContext): void;
  /** Findings about all nodes of the kind together (name clashes). */
  all?(nodes: readonly N[], ctx: CheckContext): void;
}

export interface CodeEditing<N> {
  /** The prop holding the main file's code: the inspector's generic fields leave it to the editor. */
  prop: string;
  current(node: N): string;
  language(node: N): 'python' | 'javascript';
  /** The main file's name (the handler lives there). */
  mainFile(node: N): string;
  /** The prop holding the other files (a JSON object of path to text), when the service has them. */
  files?: { prop: string; current(node: N): string };
  /** Where an imported resource's code is, when it is not inline (in S3, at a path, in an image). */
  locate(properties: Record<string, import('../template/cfn').CfnValue> | undefined): { kind: string; text: string };
}

/** A CDK grant helper that gives a function one access mode, and what it grants beyond the mode's actions. */
export interface CdkGrant {
  /** The construct's method (`grantReadWriteData`). */
  method: string;
  /** Actions the helper adds beyond the mode's, and why that is acceptable (the export tests hold it to this list). */
  extra?: { actions: readonly string[]; why: string };
}

/** How the node is written in an AWS CDK app (TypeScript): the construct a CDK user would pick. */
export interface CdkEmitter<N, M extends string> {
  /** Nodes this node's construct refers to when it is declared: they are declared first. */
  after?(node: N, w: CdkWriter): GraphNode[];
  /** Declares the node's construct (`const orders = new dynamodb.Table(this, 'Orders', {...})`). */
  declare(node: N, w: CdkWriter): void;
  /** The construct's expression for its ARN, and for the address a function's code uses. */
  arn(node: N, w: CdkWriter): string;
  address(node: N, w: CdkWriter): string;
  /** The grant helper for each access mode, or null where none grants the mode exactly enough: a statement with the mode's actions is written. */
  grants: Readonly<Record<M, CdkGrant | null>>;
}

/** A SAM policy template and its parameters (`DynamoDBCrudPolicy: { TableName: !Ref Orders }`). */
export interface SamPolicy {
  template: string;
  parameters: Record<string, CfnValue>;
}

/** How the node is written in a SAM template. */
export interface SamEmitter<N, M extends string> {
  /**
   * The SAM policy template that grants a function exactly an access mode (the same actions: the
   * export tests check SAM's own definitions), or null where none does: a plain statement is written.
   */
  policies: Readonly<Record<M, ((node: N) => SamPolicy) | null>>;
  /** Rewrites the node's resources in SAM's form (AWS::Serverless::Function); null: they stay CloudFormation. */
  rewrite: ((node: N, s: SamWriter) => void) | null;
}

/** Where a service sits in an event-driven design; the palette groups by it. */
export type PaletteGroup = 'source' | 'router' | 'destination' | 'other';

export interface ServiceModule<K extends string, S extends readonly PropSpec[], M extends string = never> {
  /** Stable lower-case id written into saved graph files; equals its key in the registry. */
  kind: K;
  /** The AWS product name, used as the palette item's accessible name. */
  title: string;
  /** The name people say ("SNS", "Step Functions"), used in messages. */
  shortTitle: string;
  /** How a refused connection phrases reaching this kind ("write to a table"). */
  asTarget: string;
  /** One line for the palette. */
  description: string;
  group: PaletteGroup;
  /** Base of default node names ("Function" gives Function1, Function2...). */
  defaultName: string;
  /** Kinds that only an import creates are not offered in the palette. */
  importOnly?: boolean;
  /** Whether the event flow and the estimate model it: a generic resource of an imported template is kept, not modelled. */
  modelled: boolean;
  /** The official AWS architecture icon (its aws-react-icons name); `npm run icons` writes the imports. */
  icon: string;
  props: S;
  /** A line under the node's name on the canvas and in the inspector, when the kind has one. */
  subtitle(node: ServiceNode<K, PropsFromSpecs<S>>): string | undefined;
  /** Code the inspector edits in a code editor instead of a field (a function's handler), or null. */
  code: CodeEditing<ServiceNode<K, PropsFromSpecs<S>>> | null;
  /** How the node becomes CloudFormation. */
  cfn: ServiceEmitter<ServiceNode<K, PropsFromSpecs<S>>>;
  /** How the node is written in a CDK app; null for a kind only an import creates (such a diagram exports through CfnInclude). */
  cdk: CdkEmitter<ServiceNode<K, PropsFromSpecs<S>>, M> | null;
  /** How the node is written in a SAM template. */
  sam: SamEmitter<ServiceNode<K, PropsFromSpecs<S>>, M>;
  access: ServiceAccess<M, ServiceNode<K, PropsFromSpecs<S>>>;
  imports: ImportSpec<M>;
  flow: ServiceFlow<ServiceNode<K, PropsFromSpecs<S>>>;
  cost: ServiceCost<ServiceNode<K, PropsFromSpecs<S>>>;
  diagnostics: ServiceDiagnostics<ServiceNode<K, PropsFromSpecs<S>>>;
  /** How each resource type the kind emits takes its tags. */
  tags: Readonly<Record<string, TagStyle>>;
  /** The handler template a function starts from when this service triggers it. */
  handlerRole: HandlerRole;
}

/** The node a module's hooks receive: its kind, with the props its specs declare. */
export type NodeOfSpecs<K extends string, S extends readonly PropSpec[]> = ServiceNode<K, PropsFromSpecs<S>>;
