/**
 * What a reviewer would flag about connections: a trigger Lambda refuses, a FIFO pairing AWS does
 * not allow, a function that writes into the bucket that triggers it. Each finding is about one
 * pair of kinds, so it lives with the connection rules; findings about one service alone are in
 * its module.
 */
import type { CheckContext } from '../diagnostics/types';
import type { EdgeOf } from '../graph/model';
import { propBag } from '../props/spec';
import { serviceOf, type ServiceKind } from '../services/registry';
import type { EventPatternProps, PipeProps, QueueMappingProps, S3EventProps } from './edge-props';
import { enrichmentOf, type PipeTarget } from './wiring/pipes';
import type { LinkOf } from './types';

/** A queue's trigger: Lambda's own rules on visibility timeouts and batches. */
export function checkQueueTrigger(link: LinkOf<'sqs', 'lambda', QueueMappingProps>, { report }: CheckContext) {
  const { source: queue, target: fn, edge } = link;
  const visibility = queue.props.visibilityTimeoutSeconds;
  const timeout = fn.props.timeoutSeconds;
  if (visibility < timeout)
    report(
      'error',
      'visibility-below-timeout',
      `${queue.name}'s visibility timeout (${visibility} s) is shorter than ${fn.name}'s timeout (${timeout} s): Lambda refuses such a trigger`,
      [queue, fn],
      [edge],
    );
  else if (visibility < 6 * timeout)
    report(
      'warning',
      'visibility-below-six-times-timeout',
      `${queue.name}'s visibility timeout (${visibility} s) should be at least 6x ${fn.name}'s timeout (${6 * timeout} s), or messages are retried while still being processed`,
      [queue, fn],
      [edge],
    );
  const batch = edge.props.batchSize;
  if (queue.props.fifo && batch > 10) report('error', 'fifo-batch-size', `A FIFO queue delivers at most 10 messages per batch; ${queue.name}'s trigger asks for ${batch}`, [queue], [edge]);
  else if (batch > 10 && edge.props.batchingWindowSeconds < 1) report('error', 'batch-needs-window', 'A batch of more than 10 messages needs a batching window of at least 1 second', [queue], [edge]);
}

/** S3 sends events to standard queues and topics only. */
export function checkNotificationTarget(link: LinkOf<'s3', 'sqs' | 'sns', S3EventProps>, { report }: CheckContext) {
  const { source, target, edge } = link;
  if (!target.props.fifo) return;
  report(
    'error',
    's3-to-fifo',
    target.kind === 'sqs' ? `S3 cannot send events to the FIFO queue ${target.name}: use a standard queue` : `S3 cannot publish to the FIFO topic ${target.name}: use a standard topic`,
    [source, target],
    [edge],
  );
}

export function checkTopicToFunction(link: LinkOf<'sns', 'lambda', unknown>, { report }: CheckContext) {
  if (link.source.props.fifo)
    report('error', 'fifo-topic-to-lambda', `A FIFO topic delivers only to SQS queues: put a FIFO queue between ${link.source.name} and ${link.target.name}`, [link.source, link.target], [link.edge]);
}

export function checkTopicToQueue(link: LinkOf<'sns', 'sqs', unknown>, { report }: CheckContext) {
  if (link.source.props.fifo !== link.target.props.fifo)
    report('error', 'fifo-mismatch', `${link.source.name} and ${link.target.name} must both be FIFO or both standard`, [link.source, link.target], [link.edge]);
}

/** A function writing into the bucket that triggers it runs forever, unless the trigger's filter leaves its writes out. */
export function checkWriteBack(link: LinkOf<'lambda', 's3', { access: string }>, { index, report }: CheckContext) {
  const { source: fn, target: bucket, edge: write } = link;
  if (!serviceOf(bucket.kind).access.modes[write.props.access]?.sends) return;
  const trigger = index.into(fn).find((l) => l.source.id === bucket.id);
  if (!trigger) return;
  const { prefix, suffix } = (trigger.edge as EdgeOf<Partial<S3EventProps>>).props;
  if (prefix || suffix)
    report(
      'warning',
      'possible-loop',
      `${fn.name} writes into ${bucket.name}, which triggers it: make sure it writes only keys outside the trigger's filter (${[prefix && `prefix "${prefix}"`, suffix && `suffix "${suffix}"`].filter(Boolean).join(', ')})`,
      [fn, bucket],
      [write, trigger.edge],
    );
  else
    report(
      'error',
      'infinite-loop',
      `${fn.name} writes into ${bucket.name}, which triggers it on every new object: an infinite loop. Give the trigger a prefix or suffix filter, or write to another bucket`,
      [fn, bucket],
      [write, trigger.edge],
    );
}

/** Workflow steps can only invent a binary key. */
export function checkStepIntoTable(link: LinkOf<'stepfunctions', 'dynamodb', unknown>, { report }: CheckContext) {
  if (link.target.props.partitionKeyType === 'B') report('info', 'workflow-binary-key', `Workflow steps write ${link.target.name}'s binary key as the base64 of the execution name`, [link.target]);
}

/** Checks about several connections of one node at once. */
export const GRAPH_CHECKS: ((ctx: CheckContext) => void)[] = [
  // An edge prop naming a node (a pipe's enrichment, a dead-letter queue) must name one of the right kind.
  function namedNodes({ index, report }) {
    for (const link of index.links)
      for (const spec of link.rule.props) {
        if (spec.type !== 'string' || !spec.names || (spec.visibleWhen && !spec.visibleWhen(propBag(link.edge)))) continue;
        const name = propBag(link.edge)[spec.key];
        if (typeof name !== 'string' || !name || index.named(name, spec.names as readonly ServiceKind[])) continue;
        const kinds = spec.names.map((kind) => serviceOf(kind as ServiceKind).shortTitle).join(' or ');
        report(
          'error',
          'named-node-missing',
          `${spec.label.replace(' (optional)', '')} of ${link.source.name} → ${link.target.name} is "${name}", which is no ${kinds} of the diagram: name one, or leave it empty`,
          [],
          [link.edge],
        );
      }
  },
  function firehoseDestination({ index, report }) {
    for (const stream of index.ofKind('firehose'))
      if (!index.out(stream).some((l) => l.target.kind === 's3')) report('error', 'firehose-without-destination', `${stream.name} has no destination: connect it to an S3 bucket`, [stream]);
  },
  function overlappingNotifications({ index, report }) {
    for (const bucket of index.ofKind('s3')) {
      const notes = index.out(bucket).filter((l) => l.target.kind === 'lambda' || l.target.kind === 'sqs' || l.target.kind === 'sns');
      const props = (i: number) => (notes[i].edge as EdgeOf<S3EventProps>).props;
      for (let i = 0; i < notes.length; i++)
        for (let j = i + 1; j < notes.length; j++) {
          const [x, y] = [props(i), props(j)];
          const sameFamily = x.event.split(':')[1] === y.event.split(':')[1];
          const prefixesOverlap = x.prefix.startsWith(y.prefix) || y.prefix.startsWith(x.prefix);
          const suffixesOverlap = x.suffix.endsWith(y.suffix) || y.suffix.endsWith(x.suffix);
          if (sameFamily && prefixesOverlap && suffixesOverlap)
            report(
              'error',
              'overlapping-notifications',
              `${bucket.name} sends the same objects to ${notes[i].target.name} and ${notes[j].target.name}: S3 refuses overlapping notifications. Give them different prefixes or suffixes, or fan out through SNS or EventBridge`,
              [bucket],
              [notes[i].edge, notes[j].edge],
            );
        }
    }
  },
];

/** A pipe's enrichment (which must exist: namedNodes) must answer synchronously; a pipe from a queue into itself loops. */
export function checkPipe(link: LinkOf<'dynamodb' | 'sqs' | 'kinesis', PipeTarget, Pick<PipeProps, 'enrichment'>>, { index, report }: CheckContext) {
  const { source, target, edge } = link;
  const enrichment = enrichmentOf(link, index);
  if (enrichment?.kind === 'stepfunctions' && enrichment.props.workflowType !== 'EXPRESS')
    report(
      'error',
      'pipe-enrichment-standard',
      `The pipe from ${source.name} to ${target.name} is enriched by ${enrichment.name}, a standard workflow: a pipe waits for its enrichment's answer, which only an express workflow gives. Make ${enrichment.name} express`,
      [enrichment],
      [edge],
    );
  if (source.id === target.id) report('error', 'pipe-loop', `A pipe from ${source.name} into itself would move every message round forever`, [], [edge]);
  if (source.kind === 'sqs' && 'fifo' in target.props && target.props.fifo && !source.props.fifo)
    report('warning', 'pipe-into-fifo', `${source.name} is a standard queue piped into the FIFO queue ${target.name}: the order a FIFO queue keeps is only the order the pipe delivers`, [], [edge]);
}

/** EventBridge keeps the events it could not deliver in a standard queue only (PutTargets refuses a FIFO one). */
export function checkRuleDeadLetters(link: LinkOf<'eventbridge', ServiceKind, Pick<EventPatternProps, 'deadLetterQueue'>>, { index, report }: CheckContext) {
  const queue = index.named(link.edge.props.deadLetterQueue, ['sqs']);
  if (queue?.props.fifo)
    report('error', 'rule-dead-letters-fifo', `${queue.name} is a FIFO queue: EventBridge keeps the events it could not deliver to ${link.target.name} in a standard queue only`, [queue], [link.edge]);
}

/** A dead-letter queue should keep messages longer than the queue whose failures it holds. */
export function checkRedrive(link: LinkOf<'sqs', 'sqs', { maxReceiveCount: number }>, { report }: CheckContext) {
  const { source, target, edge } = link;
  if (source.props.deadLetterQueue)
    report('error', 'two-dead-letter-queues', `${source.name} has its own dead-letter queue and also redrives to ${target.name}: turn off its own, or delete the connection`, [source], [edge]);
  if (target.props.retentionSeconds <= source.props.retentionSeconds)
    report(
      'warning',
      'dead-letters-expire-first',
      `${target.name} keeps messages ${Math.round(target.props.retentionSeconds / 86400)} days, no longer than ${source.name} (${Math.round(source.props.retentionSeconds / 86400)}): a message's age counts from when it was first sent, so dead letters may expire before anyone reads them. Give ${target.name} a longer retention`,
      [target],
      [edge],
    );
}

/** Lambda keeps one on-failure and one on-success destination per function. */
export function checkDestinations(link: LinkOf<'lambda', Exclude<ServiceKind, 'apigateway' | 'resource'>, { access: string; when?: string }>, { index, report }: CheckContext) {
  const when = link.edge.props.when;
  // An imported function may keep a dead-letter queue beside its destination: that is the template's wiring.
  if ((when !== 'on-failure' && when !== 'on-success') || link.edge.origin) return;
  const same = index.out(link.source).filter((l) => (l.edge.props as { when?: string }).when === when);
  if (same.length > 1 && same[0].edge.id === link.edge.id)
    report(
      'error',
      'two-destinations',
      `${link.source.name} has ${same.length} ${when} destinations: Lambda sends an invocation's record to one only. Keep one, and reach the others from it`,
      [],
      same.map((l) => l.edge),
    );
}
