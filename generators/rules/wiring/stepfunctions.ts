import type { Wiring } from '../../template/context';
import { id } from '../../template/naming';
import { sub } from '../../template/cfn';
import { sendAction } from './shared';

/** A workflow step: the state machine's role may call that one target (the state itself is built when the machine is finalized). */
export const workflowStep: Wiring = (link, ctx) => {
  const { source: machine, target, edge } = link;
  const action = target.kind === 'dynamodb' ? 'dynamodb:PutItem' : sendAction(target);
  const resources =
    target.kind === 'lambda'
      ? [ctx.arnOf(target), sub('${Arn}:*', { Arn: ctx.arnOf(target) })]
      : [ctx.arnOf(target)];
  ctx.builder.touch(id(machine), edge.id);
  ctx.builder.grant(id(machine, 'Role'), { Sid: `Step${target.name}`, Effect: 'Allow', Action: [action], Resource: resources }, edge.id);
};
