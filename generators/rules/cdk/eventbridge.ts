/** A rule on a bus sends matching events to one target (aws-events-targets). */
import type { Link } from '../../graph/index-graph';
import { literal, type CdkWriter } from '../../export/cdk/writer';
import { retriesAreDefault, type EventPatternProps } from '../edge-props';
import { eventPatternCode, pairId, says } from './shared';

/** What EventBridge does with events it cannot deliver, as the target's options (the queue's policy is CDK's to add). */
function failureOptions(link: Link, w: CdkWriter): string[] {
  const { retryAttempts, maxEventAgeSeconds, deadLetterQueue } = link.edge.props as unknown as EventPatternProps;
  const queue = w.index.named(deadLetterQueue, ['sqs']);
  const options = queue ? [`deadLetterQueue: ${w.v(queue)}`] : [];
  // A bus target takes only a dead-letter queue in aws-events-targets; its retry policy is set on the rule (ruleTargetCdk).
  if (link.target.kind !== 'eventbridge' && !retriesAreDefault({ retryAttempts, maxEventAgeSeconds }))
    options.push(`retryAttempts: ${retryAttempts}`, `maxEventAge: ${w.use('cdk')}.Duration.seconds(${maxEventAgeSeconds})`);
  return options;
}

function targetCode(link: Link, w: CdkWriter): string {
  const targets = w.use('targets');
  const t = link.target;
  const v = w.v(t);
  const failures = failureOptions(link, w);
  const options = (...own: string[]) => (own.length + failures.length ? `, { ${[...own, ...failures].join(', ')} }` : '');
  switch (t.kind) {
    case 'lambda':
      return `new ${targets}.LambdaFunction(${v}${options()})`;
    case 'sqs':
      return `new ${targets}.SqsQueue(${v}${options(...(t.props.fifo ? ["messageGroupId: 'events'"] : []))})`;
    case 'sns':
      return `new ${targets}.SnsTopic(${v}${options()})`;
    case 'stepfunctions':
      return `new ${targets}.SfnStateMachine(${v}${options()})`;
    case 'kinesis':
      return `new ${targets}.KinesisStream(${v}${options("partitionKeyPath: '$.id'")})`;
    default:
      return `new ${targets}.EventBus(${v}${options()})`;
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
  const rule = `new ${events}.Rule(this, ${pairId(link, 'Rule')}, {\n${props.map((p) => `      ${p},`).join('\n')}\n    })`;
  const { retryAttempts, maxEventAgeSeconds } = link.edge.props as unknown as EventPatternProps;
  if (link.target.kind !== 'eventbridge' || retriesAreDefault({ retryAttempts, maxEventAgeSeconds })) return w.statement(says(link), `    ${rule};`);
  const policy = JSON.stringify({ MaximumRetryAttempts: retryAttempts, MaximumEventAgeInSeconds: maxEventAgeSeconds });
  w.statement(says(link), `    (${rule}.node.defaultChild as ${events}.CfnRule).addPropertyOverride('Targets.0.RetryPolicy', ${policy});`);
}
