import { recordTask, type StepTask } from '../../services/stepfunctions/cfn';
import { ref, sub, type CfnValue } from '../../template/cfn';
import type { SynthContext } from '../../template/context';
import { id } from '../../template/naming';
import type { WorkflowStepProps } from '../edge-props';
import type { LinkOf } from '../types';
import { deliverAction } from './shared';

type StepLink = LinkOf<'stepfunctions', 'lambda' | 'dynamodb' | 'sns' | 'sqs' | 'eventbridge', WorkflowStepProps>;

// cfn-lint accepts only the aws partition's literal service-integration ARNs.
const integration = (action: string) => `arn:aws:states:::${action}`;

/** The Task state that calls the service at the end of a workflow edge. */
function taskFor(link: StepLink, ctx: SynthContext): StepTask {
  const target = link.target;
  const key = `\${${target.name}}`;
  const fifo: Record<string, CfnValue> = (target.kind === 'sqs' || target.kind === 'sns') && target.props.fifo ? { MessageGroupId: 'workflow' } : {};
  switch (target.kind) {
    case 'lambda':
      return {
        substitution: ctx.arnOf(target),
        state: {
          Type: 'Task',
          Resource: integration('lambda:invoke'),
          Parameters: { FunctionName: key, 'Payload.$': '$' },
          OutputPath: '$.Payload',
          Retry: [
            {
              ErrorEquals: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'],
              IntervalSeconds: 1,
              MaxAttempts: 3,
              BackoffRate: 2,
            },
          ],
        },
      };
    case 'dynamodb': {
      const value = (type: 'S' | 'N' | 'B', expression: string): CfnValue =>
        type === 'N' ? { 'N.$': "States.Format('{}', States.MathRandom(1, 2147483647))" } : type === 'B' ? { 'B.$': `States.Base64Encode(${expression})` } : { 'S.$': expression };
      const item: Record<string, CfnValue> = { [target.props.partitionKey]: value(target.props.partitionKeyType, '$$.Execution.Name') };
      if (target.props.sortKey) item[target.props.sortKey] = value(target.props.sortKeyType, '$$.State.EnteredTime');
      item.payload = { 'S.$': 'States.JsonToString($)' };
      return { substitution: ref(id(target)), state: { Type: 'Task', Resource: integration('dynamodb:putItem'), Parameters: { TableName: key, Item: item }, ResultPath: null } };
    }
    case 'sns':
      return { substitution: ref(id(target)), state: { Type: 'Task', Resource: integration('sns:publish'), Parameters: { TopicArn: key, 'Message.$': '$', ...fifo }, ResultPath: null } };
    case 'sqs':
      return { substitution: ref(id(target)), state: { Type: 'Task', Resource: integration('sqs:sendMessage'), Parameters: { QueueUrl: key, 'MessageBody.$': '$', ...fifo }, ResultPath: null } };
    case 'eventbridge':
      return {
        substitution: ctx.addressOf(target),
        state: {
          Type: 'Task',
          Resource: integration('events:putEvents'),
          Parameters: { Entries: [{ 'Detail.$': '$', DetailType: 'WorkflowStep', Source: 'eventform.workflow', EventBusName: key }] },
          ResultPath: null,
        },
      };
  }
}

/** A workflow step: the state machine's role may call that one target, and the step's Task state is recorded for the definition. */
export function workflowStep(link: StepLink, ctx: SynthContext) {
  const { source: machine, target, edge } = link;
  const resources = target.kind === 'lambda' ? [ctx.arnOf(target), sub('${Arn}:*', { Arn: ctx.arnOf(target) })] : [ctx.arnOf(target)];
  ctx.builder.touch(id(machine), edge.id);
  ctx.builder.grant(id(machine, 'Role'), { Sid: `Step${target.name}`, Effect: 'Allow', Action: [deliverAction(target)], Resource: resources }, edge.id);
  recordTask(ctx.builder, edge.id, taskFor(link, ctx));
}
