/**
 * Deployments and teardowns in progress. Each keeps every event it emitted, so a page that reloads
 * reconnects and replays them; only one operation per stack may run at a time.
 */
import { randomUUID } from 'node:crypto';
import type { DeployEvent } from './events';

export type OperationState = 'planning' | 'awaiting-confirmation' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface Operation {
  id: string;
  kind: 'deploy' | 'destroy';
  stackKey: string;
  stackName: string;
  state: OperationState;
  startedAt: string;
  events: DeployEvent[];
  listeners: Set<(event: DeployEvent) => void>;
  /** Set while a deploy waits for the user: what confirming or cancelling does. */
  pending?: { confirm: () => Promise<void>; cancel: () => Promise<void> };
}

const FINAL: OperationState[] = ['succeeded', 'failed', 'cancelled'];
const registry: Map<string, Operation> = ((globalThis as { __eventformOperations?: Map<string, Operation> }).__eventformOperations ??= new Map());

export class StackBusyError extends Error {}

export function startOperation(kind: Operation['kind'], stackKey: string, stackName: string): Operation {
  const running = [...registry.values()].find((o) => o.stackKey === stackKey && !FINAL.includes(o.state));
  if (running) throw new StackBusyError(`A ${running.kind} of ${stackName} is already in progress (since ${running.startedAt.slice(11, 19)} UTC): wait for it to finish`);
  const operation: Operation = { id: randomUUID(), kind, stackKey, stackName, state: 'planning', startedAt: new Date().toISOString(), events: [], listeners: new Set() };
  registry.set(operation.id, operation);
  return operation;
}

export function emitTo(operation: Operation) {
  return (event: DeployEvent) => {
    operation.events.push(event);
    for (const listener of operation.listeners) listener(event);
  };
}

export function finish(operation: Operation, state: OperationState) {
  operation.state = state;
  operation.pending = undefined;
}

export const getOperation = (id: string) => registry.get(id);
export const activeOperations = () => [...registry.values()].filter((o) => !FINAL.includes(o.state));
export const isFinal = (o: Operation) => FINAL.includes(o.state);
