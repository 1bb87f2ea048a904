/** Starts deployments and teardowns as operations that outlive the request that started them. */
import type { Graph } from '../../generators';
import { cancelDeployment, carryOutDeployment, destroyStack, planDeployment, type Environment } from '../deploy/deployment';
import { DeployError, type DeployEvent } from '../deploy/events';
import { emitTo, finish, startOperation, type Operation } from '../deploy/operations';
import { describeError } from '../deploy/aws-errors';

const stackKeyOf = (env: Environment, stackName: string) => `${env.target.kind}|${env.target.kind === 'aws' ? '' : env.target.endpoint}|${env.target.region}|${stackName}`;

function failWith(operation: Operation, error: unknown) {
  const message = error instanceof DeployError ? error.message : `Unexpected error: ${describeError(error)}`;
  const emit = emitTo(operation);
  emit({ type: 'failed', message });
  emit({ type: 'done', ok: false, status: 'FAILED', message });
  finish(operation, 'failed');
}

export function startDeployment(env: Environment, graph: Graph, stackName: string): Operation {
  const operation = startOperation('deploy', stackKeyOf(env, stackName), stackName);
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
      const plan = await planDeployment(env, graph, stackName, planEmit);
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

export function startDestruction(env: Environment, stackName: string, confirmedBuckets: string[]): Operation {
  const operation = startOperation('destroy', stackKeyOf(env, stackName), stackName);
  operation.state = 'running';
  void destroyStack(env, stackName, confirmedBuckets, emitTo(operation)).then(
    (ok) => finish(operation, ok ? 'succeeded' : 'failed'),
    (error) => failWith(operation, error),
  );
  return operation;
}
