import type { PropSpec, PropValue } from '../props/spec';
import type { CfnValue } from '../template/cfn';
import type { ServiceEmitter } from '../template/context';

/** How a node prop reads from, and writes back to, the Properties of an imported resource. */
export interface ImportBinding {
  /** Where the value sits under Properties; the first path present wins, the first is written when none is. */
  paths: readonly (readonly string[])[];
  /** The value CloudFormation assumes when the property is absent. */
  absent?: PropValue;
  /** Only for these resource types (default: every type of the kind). */
  types?: readonly string[];
  read?: (raw: CfnValue) => PropValue | undefined;
  /** Read to describe the node (its flow, its cost) but not editable: no single property to write back. */
  readOnly?: boolean;
  write?: (value: PropValue) => CfnValue;
}

/** Which template resources become a node of this kind when a template is imported. */
export interface ImportSpec {
  types: readonly string[];
  bindings?: Readonly<Record<string, ImportBinding>>;
}

/** Where a service sits in an event-driven design; the palette groups by it. */
export type PaletteGroup = 'source' | 'router' | 'destination' | 'other';

export interface ServiceDefinition {
  /** Stable lower-case id written into saved graph files; equals its key in the registry. */
  kind: string;
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
  props: readonly PropSpec[];
  /** How the node becomes CloudFormation. */
  cfn: ServiceEmitter;
  imports: ImportSpec;
  /** Kinds that only an import creates are not offered in the palette. */
  importOnly?: boolean;
}
