/** Starts deployments and teardowns as operations that outlive the request that started them. */
import type { Graph } from '../../generators';
import { cancelDeployment, carryOutDeployment, destroyStack, planDeployment, type Environment } from '../deploy/deployment';
import { DeployError, type DeployEvent } from '../deploy/events';
import type { OperationTarget } from '../../protocol';
import { emitTo, finish, startOperation, type Operation } from '../deploy/operations';
import { describeError } from '../deploy/aws-errors';

/**
 * One endpoint written several ways (`:5056`, `:5056/`, `localhost:5056`, `:5056/.`) is one
 * endpoint: the per-stack lock keys on its normalized form, with the region.
 */
export function normalizedEndpoint(endpoint: string): string {
  const url = new URL(endpoint);
  const host = url.hostname.toLowerCase();
  const loopback = host === 'localhost' || host === '[::1]' || /^127\./.test(host);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.protocol}//${loopback ? '127.0.0.1' : host}:${port}${url.pathname.replace(/\/+$/, '')}`;
}

export const stackKeyOf = (env: Environment, stackName: string) => `${env.target.kind === 'aws' ? 'aws' : normalizedEndpoint(env.target.endpoint)}|${env.target.region}|${stackName}`;

/** The operation's own copy of the environment, stopped by its abort controller. */
const following = (env: Environment, operation: Operation): Environment => ({ ...env, signal: operation.abort.signal });

/** What the page shows of the target an operation runs against (after a reload, too). */
const targetOf = (env: Environment): OperationTarget => ({ kind: env.target.kind, region: env.target.region, ...(env.target.kind === 'endpoint' ? { endpoint: env.target.endpoint } : {}) });

function failWith(operation: Operation, error: unknown) {
  const message = error instanceof DeployError ? error.message : `Unexpected error: ${describeError(error)}`;
  const emit = emitTo(operation);
  emit({ type: 'failed', message });
  emit({ type: 'done', ok: false, status: 'FAILED', message });
  finish(operation, 'failed');
}

export function startDeployment(given: Environment, graph: Graph, stackName: string, acknowledged: readonly string[]): Operation {
  const operation = startOperation('deploy', stackKeyOf(given, stackName), stackName, targetOf(given));
  const env = following(given, operation);
  const emit = emitTo(operation);
  const pendingFor = (changeSetName: string) => ({
    confirm: async () => {
      operation.state = 'running';
      operation.pending = undefined;
      try {
        finish(operation, (await carryOutDeployment(env, graph, stackName, changeSetName, emit)) ? 'succeeded' : 'failed');
      } catch (error) {
        failWith(operation, error);
      }
    },
    cancel: async () => {
      operation.pending = undefined;
      await cancelDeployment(env, stackName, changeSetName).catch(() => undefined);
      emit({ type: 'done', ok: true, status: 'CANCELLED', message: 'Cancelled: nothing was deployed' });
      finish(operation, 'cancelled');
    },
  });
  // The change set's arrival and the wait for the user's answer are one step: whoever sees the
  // changes can confirm them at once.
  const planEmit = (event: DeployEvent) => {
    if (event.type === 'changes') {
      operation.state = 'awaiting-confirmation';
      operation.pending = pendingFor(event.changeSetName);
    }
    emit(event);
  };
  void (async () => {
    try {
      const plan = await planDeployment(env, graph, stackName, planEmit, acknowledged);
      if (plan.kind === 'no-changes') {
        emit({ type: 'done', ok: true, status: 'NO_CHANGES', message: `${stackName} is up to date` });
        finish(operation, 'succeeded');
      }
    } catch (error) {
      failWith(operation, error);
    }
  })();
  return operation;
}

export function startDestruction(given: Environment, stackName: string, confirmedBuckets: string[]): Operation {
  const operation = startOperation('destroy', stackKeyOf(given, stackName), stackName, targetOf(given));
  const env = following(given, operation);
  operation.state = 'running';
  void destroyStack(env, stackName, confirmedBuckets, emitTo(operation)).then(
    (ok) => finish(operation, ok ? 'succeeded' : 'failed'),
    (error) => failWith(operation, error),
  );
  return operation;
}
