/**
 * Deployments and teardowns in progress. Each keeps every event it emitted, so a page that reloads
 * reconnects and replays them; only one operation per stack may run at a time.
 */
import { randomUUID } from 'node:crypto';
import type { OperationTarget } from '../../protocol';
import type { DeployEvent } from './events';

export type OperationState = 'planning' | 'awaiting-confirmation' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface Operation {
  id: string;
  kind: 'deploy' | 'destroy';
  stackKey: string;
  stackName: string;
  /** Where it runs, as the page shows it (never the credentials). */
  target: OperationTarget;
  /** Stops following it: the waits end, the stack's lock is released, CloudFormation goes on. */
  abort: AbortController;
  state: OperationState;
  startedAt: string;
  events: DeployEvent[];
  listeners: Set<(event: DeployEvent) => void>;
  /** Set while a deploy waits for the user: what confirming or cancelling does. */
  pending?: { confirm: () => Promise<void>; cancel: () => Promise<void> };
  finishedAt?: number;
}

/** How long a finished operation stays replayable for a page that reloads; after that it is dropped. */
export const FINISHED_OPERATION_TTL_MS = 60 * 60 * 1000;

const FINAL: OperationState[] = ['succeeded', 'failed', 'cancelled'];
const registry: Map<string, Operation> = ((globalThis as { __eventformOperations?: Map<string, Operation> }).__eventformOperations ??= new Map());

export class StackBusyError extends Error {}

export function startOperation(kind: Operation['kind'], stackKey: string, stackName: string, target: OperationTarget = { kind: 'sandbox', region: 'us-east-1' }, now = Date.now()): Operation {
  pruneFinished(now);
  const running = [...registry.values()].find((o) => o.stackKey === stackKey && !FINAL.includes(o.state));
  if (running) throw new StackBusyError(`A ${running.kind} of ${stackName} is already in progress (since ${running.startedAt.slice(11, 19)} UTC): wait for it to finish`);
  const operation: Operation = {
    id: randomUUID(),
    kind,
    stackKey,
    stackName,
    target,
    abort: new AbortController(),
    state: 'planning',
    startedAt: new Date().toISOString(),
    events: [],
    listeners: new Set(),
  };
  registry.set(operation.id, operation);
  return operation;
}

export function emitTo(operation: Operation) {
  return (event: DeployEvent) => {
    // The last event says how the operation ended: whoever receives it sees the final state with it.
    if (event.type === 'done') operation.state = event.status === 'CANCELLED' ? 'cancelled' : event.ok ? 'succeeded' : 'failed';
    operation.events.push(event);
    for (const listener of operation.listeners) listener(event);
  };
}

export function finish(operation: Operation, state: OperationState, now = Date.now()) {
  operation.state = state;
  operation.pending = undefined;
  operation.finishedAt = now;
}

/** Drops operations that finished more than an hour ago: a long-running server does not keep every event forever. */
function pruneFinished(now = Date.now()) {
  for (const [id, operation] of registry) if (operation.finishedAt !== undefined && now - operation.finishedAt > FINISHED_OPERATION_TTL_MS && operation.listeners.size === 0) registry.delete(id);
}

export const getOperation = (id: string) => registry.get(id);
export const activeOperations = () => [...registry.values()].filter((o) => !FINAL.includes(o.state));
