/** EventBridge Scheduler: the schedule and its one target are one construct (aws-scheduler, aws-scheduler-targets). */
import type { Link } from '../../graph/index-graph';
import { literal, type CdkWriter } from '../../export/cdk/writer';

function targetCode(link: Link, w: CdkWriter, input: string): string {
  const targets = w.use('schedulerTargets');
  const t = link.target;
  const s = link.source;
  const v = w.v(t);
  switch (t.kind) {
    case 'lambda':
      return `new ${targets}.LambdaInvoke(${v}, { input: ${input} })`;
    case 'stepfunctions':
      return `new ${targets}.StepFunctionsStartExecution(${v}, { input: ${input} })`;
    case 'sqs':
      return `new ${targets}.SqsSendMessage(${v}, { input: ${input}${t.props.fifo ? `, messageGroupId: ${literal(s.name)}` : ''} })`;
    case 'sns':
      return `new ${targets}.SnsPublish(${v}, { input: ${input} })`;
    case 'kinesis':
      return `new ${targets}.KinesisStreamPutRecord(${v}, { input: ${input}, partitionKey: ${literal(s.name)} })`;
    default:
      return `new ${targets}.EventBridgePutEvents({ eventBus: ${v}, detail: ${input}, detailType: 'Scheduled', source: 'eventform.scheduler' })`;
  }
}

export function scheduleCdk(link: Link, w: CdkWriter) {
  const schedule = link.source;
  if (schedule.kind !== 'scheduler') return;
  const [scheduler, cdk] = [w.use('scheduler'), w.use('cdk')];
  const p = schedule.props;
  const zone = p.timezone ? `, ${cdk}.TimeZone.of(${literal(p.timezone)})` : '';
  const input = `${scheduler}.ScheduleTargetInput.fromText(${literal(p.payload || '{}')})`;
  const props = [
    `schedule: ${scheduler}.ScheduleExpression.expression(${literal(p.scheduleExpression)}${zone})`,
    `timeWindow: ${p.flexibleWindowMinutes > 0 ? `${scheduler}.TimeWindow.flexible(${cdk}.Duration.minutes(${p.flexibleWindowMinutes}))` : `${scheduler}.TimeWindow.off()`}`,
    `target: ${targetCode(link, w, input)}`,
  ];
  w.contribute(schedule, 'schedule', `    const ${w.v(schedule)} = new ${scheduler}.Schedule(this, ${literal(schedule.name)}, {\n${props.map((x) => `      ${x},`).join('\n')}\n    });`);
}
