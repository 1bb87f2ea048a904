/** What a deployment or a teardown reports as it goes: the shapes are the protocol's, shared with the page and the CLI. */
import type { DeployEvent } from '../../protocol';

export type { DeployEvent, Phase, ResourceChangeRow, StackEventRow } from '../../protocol';

export type Emit = (event: DeployEvent) => void;

export class DeployError extends Error {}
