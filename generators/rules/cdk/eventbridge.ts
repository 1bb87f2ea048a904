/** A rule on a bus sends matching events to one target (aws-events-targets). */
import type { Link } from '../../graph/index-graph';
import { literal, type CdkWriter } from '../../export/cdk/writer';
import { eventPatternCode, pairId, says } from './shared';

function targetCode(link: Link, w: CdkWriter): string {
  const targets = w.use('targets');
  const t = link.target;
  const v = w.v(t);
  switch (t.kind) {
    case 'lambda':
      return `new ${targets}.LambdaFunction(${v})`;
    case 'sqs':
      return `new ${targets}.SqsQueue(${v}${t.props.fifo ? ", { messageGroupId: 'events' }" : ''})`;
    case 'sns':
      return `new ${targets}.SnsTopic(${v})`;
    case 'stepfunctions':
      return `new ${targets}.SfnStateMachine(${v})`;
    case 'kinesis':
      return `new ${targets}.KinesisStream(${v}, { partitionKeyPath: '$.id' })`;
    default:
      return `new ${targets}.EventBus(${v})`;
  }
}

export function ruleTargetCdk(link: Link, w: CdkWriter) {
  const events = w.use('events');
  const bus = link.source;
  if (bus.kind !== 'eventbridge') return;
  const props: string[] = [`description: ${literal(`${bus.name} to ${link.target.name}`)}`];
  // Scheduled rules run on the default bus; pattern rules on the node's own bus.
  if (bus.props.schedule) props.push(`schedule: ${events}.Schedule.expression(${literal(bus.props.schedule)})`);
  else {
    if (bus.props.busType !== 'default') props.push(`eventBus: ${w.v(bus)}`);
    props.push(`eventPattern: ${eventPatternCode((link.edge.props as { eventPattern: string }).eventPattern, events)}`);
  }
  props.push(`targets: [${targetCode(link, w)}]`);
  w.statement(says(link), `    new ${events}.Rule(this, ${pairId(link, 'Rule')}, {\n${props.map((p) => `      ${p},`).join('\n')}\n    });`);
}
