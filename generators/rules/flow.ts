/**
 * How events travel each kind of connection in the event-flow teaching model: a bucket's
 * notification checks the event type and the key filter, a route's integration hands the request
 * on, a subscription checks its filter policy, a rule its pattern, a mapping polls in batches, a
 * pipe turns a change into a message. What a service does with events as a whole (competing
 * consumers, a workflow's steps, a failing function) is in its module.
 */
import { exampleFor, matchesPattern, parsePattern } from '../flow/pattern';
import { plural, type Arrival, type FlowApi, type ScenarioSeed } from '../flow/types';
import type { EdgeOf } from '../graph/model';
import type { PipeLink } from './wiring/pipes';
import { shardsOf } from '../services/kinesis';
import { serviceOf } from '../services/registry';
import { workflowInputs } from '../services/stepfunctions/workflow';
import type { EventPatternProps, QueueMappingProps, RouteProps, S3EventProps, StreamMappingProps } from './edge-props';
import { concreteMethod, concretePath } from './routes';
import type { LinkOf, RuleFlow } from './types';

const keyOf = (arrival: Arrival) => String(arrival.data.key ?? 'object');
const eventNameOf = (arrival: Arrival) => String(arrival.data.eventName ?? 's3:ObjectCreated:Put');

export const notificationFlow: RuleFlow<LinkOf<'s3', 'lambda' | 'sqs' | 'sns', S3EventProps>> = {
  carry(arrival, link, sim) {
    const key = keyOf(arrival);
    const eventName = eventNameOf(arrival);
    const { event: wanted, prefix, suffix } = link.edge.props;
    const typeMatches = wanted.endsWith(':*') ? eventName.startsWith(wanted.slice(0, -1)) : eventName === wanted;
    if (!typeMatches) sim.filtered(link, `${link.target.name} listens for ${wanted}, not ${eventName}: no notification`);
    else if (!key.startsWith(prefix) || !key.endsWith(suffix))
      sim.filtered(link, `${key} does not match the filter${prefix ? ` prefix "${prefix}"` : ''}${suffix ? ` suffix "${suffix}"` : ''}: no notification for ${link.target.name}`);
    else sim.deliver(link, `${link.source.name} notifies ${link.target.name}: ${eventName.replace('s3:', '')} ${key}`, { data: { key, eventName, bucket: link.source.name } });
  },
  scenarios({ edge: { props } }) {
    if (!props.prefix && !props.suffix) return [];
    const key = `${props.prefix}photo${props.suffix || '.png'}`;
    return [{ label: `upload ${key}`, data: { key, eventName: 's3:ObjectCreated:Put', sizeKB: 2048 }, count: 1 }];
  },
};

export const bucketEventsFlow: RuleFlow<LinkOf<'s3', 'eventbridge', Record<string, never>>> = {
  carry(arrival, link, sim) {
    const key = keyOf(arrival);
    const detailType = eventNameOf(arrival).includes('ObjectRemoved') ? 'Object Deleted' : 'Object Created';
    sim.deliver(link, `${link.source.name} sends "${detailType}" for ${key} to ${link.target.name}`, {
      data: { source: 'aws.s3', 'detail-type': detailType, detail: { bucket: { name: link.source.name.toLowerCase() }, object: { key } } },
    });
  },
};

/** A page served by a website bucket calls the API: only when a visitor opens it. */
export const pageCallsApiFlow: RuleFlow<LinkOf<'s3', 'apigateway', Record<string, never>>> = {
  carry(arrival, link, sim) {
    if (arrival.via !== 'origin' || link.source.props.mode !== 'website') return;
    const route = sim.index
      .out(link.target)
      .map((l) => (l.edge as EdgeOf<RouteProps>).props)
      .find((p) => p.path);
    const request = { method: route ? concreteMethod(route.method) : 'GET', path: route ? concretePath(route.path) : '/', body: {} };
    sim.deliver(link, `The page ${keyOf(arrival)} loads in a browser and calls ${link.target.name}: ${request.method} ${request.path}`, { data: request, via: 'sync' });
  },
};

type RouteTarget = 'lambda' | 'stepfunctions' | 'sqs' | 'kinesis' | 'eventbridge';

/** A route that matched hands the request to its integration (the API's module matched it). */
export function routeFlow(to: RouteTarget): RuleFlow<LinkOf<'apigateway', RouteTarget, RouteProps>> {
  return {
    carry({ data, count }, link, sim) {
      const api = link.source.name;
      const body = (data.body ?? {}) as Record<string, unknown>;
      const texts: Record<RouteTarget, string> = {
        lambda: `${api} invokes ${link.target.name} and waits for its answer`,
        stepfunctions: `${api} starts an execution of ${link.target.name}`,
        sqs: `${api} sends the body to ${link.target.name}`,
        kinesis: `${api} puts ${plural(count, 'record')} on ${link.target.name}`,
        eventbridge: `${api} puts an event on ${link.target.name}`,
      };
      const next = to === 'eventbridge' ? { source: 'eventform.api', 'detail-type': 'ApiRequest', detail: body } : to === 'lambda' ? data : body;
      sim.deliver(link, texts[to], { data: next, via: to === 'lambda' ? 'sync' : 'async' });
    },
    scenarios(link, index) {
      const method = concreteMethod(link.edge.props.method);
      const path = concretePath(link.edge.props.path);
      const request = `${method} ${path}`;
      const workflow = link.target.kind === 'stepfunctions' ? link.target : undefined;
      const seeds: ScenarioSeed[] = workflowInputs(index, workflow).map(([suffix, body]) => ({ label: `${request}${suffix}`, data: { method, path, body }, count: 1 }));
      if (to === 'kinesis' || to === 'sqs') seeds.push({ label: `100 × ${request}`, data: { method, path, body: { text: 'loving #serverless' } }, count: 100 });
      return seeds;
    },
  };
}

export const subscriptionFlow: RuleFlow<LinkOf<'sns', 'lambda' | 'sqs', { filterPolicy?: string; rawMessageDelivery?: boolean }>> = {
  carry({ data }, link, sim) {
    const attributes = (data.attributes ?? {}) as Record<string, unknown>;
    const policy = link.edge.props.filterPolicy ? parsePattern(link.edge.props.filterPolicy) : null;
    if (policy && !matchesPattern(policy, attributes)) sim.filtered(link, `${link.target.name}'s filter policy does not match the message attributes: no copy for it`);
    else sim.deliver(link, `${link.source.name} fans out: ${link.target.name} gets its own copy (1 of ${sim.out.length} subscribers)`, { data: { body: data.body ?? data, attributes } });
  },
  scenarios(link) {
    const policy = link.edge.props.filterPolicy ? parsePattern(link.edge.props.filterPolicy) : null;
    return policy ? [{ label: `publish a message with ${JSON.stringify(exampleFor(policy))}`, data: { body: { message: 'hello' }, attributes: exampleFor(policy) }, count: 1 }] : [];
  },
};

export const ruleTargetFlow: RuleFlow<LinkOf<'eventbridge', 'lambda' | 'sqs' | 'sns' | 'stepfunctions' | 'kinesis' | 'eventbridge', EventPatternProps>> = {
  carry({ data }, link, sim) {
    const pattern = parsePattern(link.edge.props.eventPattern) ?? {};
    if (matchesPattern(pattern, data)) {
      // Only an event EventBridge cannot hand over (the target gone, a permission missing) would land in the dead-letter queue.
      const queue = sim.index.named(link.edge.props.deadLetterQueue, ['sqs']);
      const undeliverable = queue
        ? `; were ${link.target.name} unreachable, it would be retried ${plural(link.edge.props.retryAttempts, 'time')} within ${link.edge.props.maxEventAgeSeconds} s, then kept in ${queue.name}`
        : '';
      sim.deliver(link, `The rule for ${link.target.name} matches (source ${String(data.source)}): ${link.source.name} forwards the event${undeliverable}`);
    } else sim.filtered(link, `The rule for ${link.target.name} does not match this event (source ${String(data.source)}): it is not forwarded`);
  },
  scenarios(link) {
    const pattern = parsePattern(link.edge.props.eventPattern);
    if (!pattern) return [];
    const event: Record<string, unknown> = { 'detail-type': 'Example', detail: {}, ...exampleFor(pattern) };
    return [{ label: `an event from ${String(event.source ?? 'anywhere')} (matches the rule for ${link.target.name})`, data: event, count: 1 }];
  },
};

export const queueTriggerFlow: RuleFlow<LinkOf<'sqs', 'lambda', QueueMappingProps>> = {
  batchSize: (link) => link.edge.props.batchSize,
  carry({ count }, link, sim) {
    const size = link.edge.props.batchSize;
    const batches = Math.ceil(count / size);
    sim.deliver(link, `${plural(count, 'message')} wait in ${link.source.name}; ${link.target.name} polls and receives them in ${plural(batches, 'batch', 'batches')} of up to ${size}`, {
      count,
      batches,
      via: 'poll',
      delay: 2,
    });
  },
  onTargetFailure({ node, count }, { source: queue }, sim) {
    const visibility = queue.props.visibilityTimeoutSeconds;
    const redrive = sim.index.out(queue).find((l) => l.target.kind === 'sqs');
    if (redrive) {
      const receives = Number(redrive.edge.props.maxReceiveCount);
      sim.note('retried', `${node.name} fails. After the visibility timeout (${visibility} s) the messages are visible in ${queue.name} again and are received again: ${receives} times in all`);
      sim.deliver(redrive, `${plural(count, 'message')} move to ${redrive.target.name} after ${receives} failed receives`, { count, delay: 2 });
    } else if (queue.props.deadLetterQueue) {
      const receives = queue.props.maxReceiveCount;
      sim.note('retried', `${node.name} fails. After the visibility timeout (${visibility} s) the messages are visible in ${queue.name} again and are received again: ${receives} times in all`);
      sim.note('dead-lettered', `${plural(count, 'message')} move to ${queue.name}'s dead-letter queue after ${receives} failed receives, where they wait to be inspected`, 2, queue);
    } else {
      sim.note('retried', `${node.name} fails. After the visibility timeout (${visibility} s) the messages are received again, and again`);
      sim.note(
        'discarded',
        `With no dead-letter queue, ${queue.name} keeps retrying them until their retention (${Math.round(queue.props.retentionSeconds / 86400)} days) ends, then deletes them`,
        2,
        queue,
      );
    }
  },
};

/** A failing consumer of a stream: the mapping retries the batch, then skips it. */
function streamFailure({ node }: Arrival, link: { edge: EdgeOf<StreamMappingProps> }, sim: FlowApi) {
  const { maximumRetryAttempts, bisectOnError } = link.edge.props;
  sim.note(
    'retried',
    `${node.name} fails. The event source mapping retries the batch ${plural(maximumRetryAttempts, 'time')}${bisectOnError ? ', splitting it in two on each error to find the bad record' : ''}; the shard waits meanwhile`,
  );
  const destination = sim.index.named(link.edge.props.onFailure, ['sqs', 'sns']);
  if (destination)
    sim.note('dead-lettered', `Then the mapping skips those records so the shard moves on, and sends a record of the failed batch (shard and sequence numbers) to ${destination.name}`, 2, destination);
  else sim.note('discarded', 'Then the mapping skips those records, so the shard moves on: they are lost unless an on-failure destination is set', 2);
}

export const kinesisTriggerFlow: RuleFlow<LinkOf<'kinesis', 'lambda', StreamMappingProps>> = {
  batchSize: (link) => link.edge.props.batchSize,
  carry({ count }, link, sim) {
    const shards = shardsOf(link.source);
    const size = link.edge.props.batchSize;
    const perShard = Array.from({ length: shards }, (_, i) => Math.floor(count / shards) + (i < count % shards ? 1 : 0)).filter((n) => n > 0);
    const batches = perShard.reduce((sum, n) => sum + Math.ceil(n / size), 0);
    sim.deliver(
      link,
      `${plural(count, 'record')} spread over ${plural(perShard.length, 'shard')}; ${link.target.name} gets ${plural(batches, 'batch', 'batches')} of up to ${size}, in order within each shard`,
      {
        batches,
        via: 'stream',
      },
    );
  },
  onTargetFailure: streamFailure,
};

export const streamReaderFlow: RuleFlow<LinkOf<'kinesis', 'firehose', Record<string, never>>> = {
  carry({ count }, link, sim) {
    sim.deliver(link, `${link.target.name} reads the same ${plural(count, 'record')}: every consumer sees every record`);
  },
};

export const tableTriggerFlow: RuleFlow<LinkOf<'dynamodb', 'lambda', StreamMappingProps>> = {
  batchSize: (link) => link.edge.props.batchSize,
  carry({ count }, link, sim) {
    const batches = Math.ceil(count / link.edge.props.batchSize);
    sim.deliver(link, `${link.source.name}'s stream delivers ${plural(count, 'change')} to ${link.target.name} in ${plural(batches, 'batch', 'batches')}`, { batches, via: 'stream' });
  },
  onTargetFailure: streamFailure,
};

export const pipeFlow: RuleFlow<PipeLink> = {
  // A pipe polls a queue like any consumer: it competes for its messages.
  batchSize: (link) => link.edge.props.batchSize,
  carry({ data }, link, sim) {
    const { source, target, edge } = link;
    const becomes = target.kind === 'eventbridge' ? 'an event' : target.kind === 'stepfunctions' ? 'an execution' : target.kind === 'kinesis' ? 'a record' : 'a message';
    const what = source.kind === 'dynamodb' ? 'change' : source.kind === 'sqs' ? 'message' : 'record';
    const event = { source: `eventform.${source.kind}`, 'detail-type': source.kind === 'dynamodb' ? 'TableChange' : 'Record', detail: data };
    const steps = [edge.props.filterPatterns ? 'that matches its filter' : '', edge.props.enrichment ? `, enriched by ${edge.props.enrichment},` : ''].join('');
    sim.deliver(link, `A pipe turns each ${what} of ${source.name} ${steps} into ${becomes} for ${target.name}`.replace(/\s+/g, ' ').replace(' ,', ','), {
      data: target.kind === 'eventbridge' ? event : data,
    });
  },
};

export const tableToKinesisFlow: RuleFlow<LinkOf<'dynamodb', 'kinesis', Record<string, never>>> = {
  carry({ data }, link, sim) {
    sim.deliver(link, `${link.source.name} writes each change into ${link.target.name} as a record`, { data: { eventName: 'MODIFY', dynamodb: { NewImage: data } } });
  },
};

/** Nothing moves along a redrive by itself: only messages that failed too often (see queueTriggerFlow). */
export const redriveFlow: RuleFlow<LinkOf<'sqs', 'sqs', { maxReceiveCount: number }>> = {
  carry() {},
};

export const scheduleFlow: RuleFlow<LinkOf<'scheduler', 'lambda' | 'stepfunctions' | 'sqs' | 'sns' | 'eventbridge' | 'kinesis', Record<string, never>>> = {
  carry({ data }, link, sim) {
    const { source: schedule, target } = link;
    const payload = schedule.props.payload ? 'its payload' : 'an empty payload';
    const event = target.kind === 'eventbridge' ? { source: 'eventform.scheduler', 'detail-type': 'Scheduled', detail: data } : data;
    sim.deliver(link, `${schedule.name} fires (${schedule.props.scheduleExpression}) and delivers ${payload} to ${target.name}`, { data: event, via: 'async' });
  },
};

export const transformFlow: RuleFlow<LinkOf<'firehose', 'lambda', Record<string, never>>> = {
  carry(_arrival, link, sim) {
    sim.deliver(link, `${link.source.name} hands its buffered records to ${link.target.name} to transform`, { batches: 1, via: 'sync' });
  },
};

export const deliveryFlow: RuleFlow<LinkOf<'firehose', 's3', { prefix: string; errorPrefix: string }>> = {
  carry({ data, count }, link, sim) {
    const stream = link.source;
    const sizeKB = Number(data.sizeKB ?? 1);
    const objects = Math.max(1, Math.ceil((count * sizeKB) / (stream.props.bufferSizeMiB * 1024)));
    const prefix = link.edge.props.prefix;
    sim.deliver(
      link,
      `${stream.name} buffers for up to ${stream.props.bufferIntervalSeconds} s or ${stream.props.bufferSizeMiB} MiB, then writes ${plural(objects, 'compressed object')} under ${prefix || 'the bucket root'}`,
      { count: objects, data: { key: `${prefix}archive.gz`, eventName: 's3:ObjectCreated:Put' }, delay: 2 },
    );
  },
};

/** A function's code writes to what it uses, in the access modes that send something on. */
export const functionUsesFlow: RuleFlow<LinkOf<'lambda', Exclude<import('../services/registry').ServiceKind, 'apigateway' | 'resource'>, { access: string; when?: string }>> = {
  carry({ count, data, via }, link, sim) {
    // A destination receives the invocation's record from Lambda, not from the code; failures go there from the function's module.
    if (link.edge.props.when === 'on-failure') return;
    if (link.edge.props.when === 'on-success') {
      if (via === 'async')
        sim.deliver(link, `Lambda sends the record of each successful asynchronous invocation to ${link.target.name} (on-success destination)`, { data: { requestPayload: data }, via: 'async' });
      return;
    }
    const target = serviceOf(link.target.kind);
    if (!target.access.modes[link.edge.props.access]?.sends) return;
    const written = target.flow.fromCode(link.source, link.target, count, data);
    sim.deliver(link, written.text, { data: written.data, via: 'async' });
  },
};

/** A workflow's module runs its steps; a step knows how it calls its target and where it ranks among the steps. */
export function workflowStepFlow(verb: string): RuleFlow<LinkOf<'stepfunctions', 'lambda' | 'dynamodb' | 'sns' | 'sqs' | 'eventbridge', { order: number; condition: string }>> {
  return { stepVerb: verb, rank: (link) => link.edge.props.order * 2 + (link.edge.props.condition ? 0 : 1) };
}
