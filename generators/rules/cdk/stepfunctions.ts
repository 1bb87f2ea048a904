/** A workflow step: the task state (aws-stepfunctions-tasks) the workflow's declaration chains in order. */
import type { Link } from '../../graph/index-graph';
import { literal, type CdkWriter } from '../../export/cdk/writer';
import type { WorkflowStepProps } from '../edge-props';
import type { CdkStep } from '../../services/stepfunctions/cdk';

function taskCode(link: Link, w: CdkWriter, constructId: string): string {
  const [tasks, sfn] = [w.use('tasks'), w.use('sfn')];
  const t = link.target;
  const v = w.v(t);
  const common = `stateName: ${literal(t.name)}`;
  const discard = `resultPath: ${sfn}.JsonPath.DISCARD`;
  const message = `${sfn}.TaskInput.fromJsonPathAt('$')`;
  switch (t.kind) {
    case 'lambda':
      return `new ${tasks}.LambdaInvoke(this, ${constructId}, { ${common}, lambdaFunction: ${v}, outputPath: '$.Payload' })`;
    case 'dynamodb': {
      const value = (type: 'S' | 'N' | 'B', path: string) =>
        type === 'N'
          ? `${tasks}.DynamoAttributeValue.numberFromString(${sfn}.JsonPath.format('{}', ${sfn}.JsonPath.mathRandom(1, 2147483647)))`
          : type === 'B'
            ? `${tasks}.DynamoAttributeValue.fromBinary(${sfn}.JsonPath.base64Encode(${path}))`
            : `${tasks}.DynamoAttributeValue.fromString(${path})`;
      const item = [`${literal(t.props.partitionKey)}: ${value(t.props.partitionKeyType, `${sfn}.JsonPath.executionName`)}`];
      if (t.props.sortKey) item.push(`${literal(t.props.sortKey)}: ${value(t.props.sortKeyType, `${sfn}.JsonPath.stateEnteredTime`)}`);
      item.push(`payload: ${tasks}.DynamoAttributeValue.fromString(${sfn}.JsonPath.jsonToString(${sfn}.JsonPath.entirePayload))`);
      return `new ${tasks}.DynamoPutItem(this, ${constructId}, { ${common}, table: ${v}, item: { ${item.join(', ')} }, ${discard} })`;
    }
    case 'sns':
      return `new ${tasks}.SnsPublish(this, ${constructId}, { ${common}, topic: ${v}, message: ${message}${t.props.fifo ? ", messageGroupId: 'workflow'" : ''}, ${discard} })`;
    case 'sqs':
      return `new ${tasks}.SqsSendMessage(this, ${constructId}, { ${common}, queue: ${v}, messageBody: ${message}${t.props.fifo ? ", messageGroupId: 'workflow'" : ''}, ${discard} })`;
    default:
      return `new ${tasks}.EventBridgePutEvents(this, ${constructId}, { ${common}, entries: [{ detail: ${message}, detailType: 'WorkflowStep', source: 'eventform.workflow', eventBus: ${v} }], ${discard} })`;
  }
}

export function workflowStepCdk(link: Link, w: CdkWriter) {
  const props = link.edge.props as unknown as WorkflowStepProps;
  const variable = `${w.v(link.source)}${link.target.name}`;
  const step: CdkStep = {
    order: props.order,
    condition: props.condition,
    variable,
    declaration: `    const ${variable} = ${taskCode(link, w, literal(`${link.source.name}${link.target.name}Step`))};`,
  };
  w.contribute(link.source, 'step', step);
}
