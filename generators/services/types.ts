import type { PropSpec } from '../props/spec';
import type { ServiceEmitter } from '../template/context';

/** Where a service sits in an event-driven design; the palette groups by it. */
export type PaletteGroup = 'source' | 'router' | 'destination';

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
}
