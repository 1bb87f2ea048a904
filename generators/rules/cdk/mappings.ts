/** Event source mappings: a queue, a Kinesis stream or a table's stream triggers a function (aws-lambda-event-sources). */
import type { Link } from '../../graph/index-graph';
import type { CdkWriter } from '../../export/cdk/writer';
import type { QueueMappingProps, StreamMappingProps } from '../edge-props';
import { filtersCode, says } from './shared';

const SOURCES: Record<string, string> = { sqs: 'SqsEventSource', kinesis: 'KinesisEventSource', dynamodb: 'DynamoEventSource' };

export function mappingCdk(link: Link, w: CdkWriter) {
  // A table's stream exists only when something reads it.
  if (link.source.kind === 'dynamodb') w.contribute(link.source, 'stream', true);
  const [lambda, cdk, eventSources] = [w.use('lambda'), w.use('cdk'), w.use('eventSources')];
  const props = link.edge.props as unknown as StreamMappingProps & QueueMappingProps;
  const options: string[] = [];
  if (link.source.kind !== 'sqs') options.push(`startingPosition: ${lambda}.StartingPosition.LATEST`);
  options.push(`batchSize: ${props.batchSize}`);
  if (props.batchingWindowSeconds > 0) options.push(`maxBatchingWindow: ${cdk}.Duration.seconds(${props.batchingWindowSeconds})`);
  if (link.source.kind !== 'sqs') options.push(`retryAttempts: ${props.maximumRetryAttempts}`, `bisectBatchOnError: ${props.bisectOnError}`);
  if (props.reportBatchItemFailures) options.push('reportBatchItemFailures: true');
  const destination = w.index.named(props.onFailure, ['sqs', 'sns']);
  // SqsDlq and SnsDlq grant the function's role the send, as Eventform's template does.
  if (destination && link.source.kind !== 'sqs') options.push(`onFailure: new ${eventSources}.${destination.kind === 'sqs' ? 'SqsDlq' : 'SnsDlq'}(${w.v(destination)})`);
  const filters = filtersCode(props.filterPatterns, lambda);
  if (filters) options.push(`filters: ${filters}`);
  w.statement(says(link), `    ${w.v(link.target)}.addEventSource(new ${eventSources}.${SOURCES[link.source.kind]}(${w.v(link.source)}, { ${options.join(', ')} }));`);
}
