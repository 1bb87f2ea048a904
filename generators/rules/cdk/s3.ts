/** A bucket's event notifications (aws-s3-notifications) and its events on a bus. */
import type { Link } from '../../graph/index-graph';
import { literal, type CdkWriter } from '../../export/cdk/writer';
import type { S3EventProps } from '../edge-props';
import { pairId, says } from './shared';

/** s3.EventType members by event name. */
const EVENT_TYPES: Record<string, string> = {
  's3:ObjectCreated:*': 'OBJECT_CREATED',
  's3:ObjectCreated:Put': 'OBJECT_CREATED_PUT',
  's3:ObjectCreated:Post': 'OBJECT_CREATED_POST',
  's3:ObjectCreated:Copy': 'OBJECT_CREATED_COPY',
  's3:ObjectCreated:CompleteMultipartUpload': 'OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD',
  's3:ObjectRemoved:*': 'OBJECT_REMOVED',
  's3:ObjectRemoved:Delete': 'OBJECT_REMOVED_DELETE',
  's3:ObjectRestore:Completed': 'OBJECT_RESTORE_COMPLETED',
};
const DESTINATIONS: Record<string, string> = { lambda: 'LambdaDestination', sqs: 'SqsDestination', sns: 'SnsDestination' };

export function notificationCdk(link: Link, w: CdkWriter) {
  const [s3, s3n] = [w.use('s3'), w.use('s3n')];
  const p = link.edge.props as unknown as S3EventProps;
  const filter = [p.prefix ? `prefix: ${literal(p.prefix)}` : '', p.suffix ? `suffix: ${literal(p.suffix)}` : ''].filter(Boolean).join(', ');
  w.statement(
    says(link),
    `    ${w.v(link.source)}.addEventNotification(${s3}.EventType.${EVENT_TYPES[p.event]}, new ${s3n}.${DESTINATIONS[link.target.kind]}(${w.v(link.target)})${filter ? `, { ${filter} }` : ''});`,
  );
}

/** A website's pages call the API: its origin goes in the API's CORS (unless the API admits every origin). */
export function websiteOriginCdk(link: Link, w: CdkWriter) {
  w.contribute(link.target, 'origin', w.code(`${w.v(link.source)}.bucketWebsiteUrl`, link.source));
  w.statement(`${says(link)}: its origin is in ${link.target.name}'s CORS`, '');
}

/** The bucket sends its events to the default bus (eventBridgeEnabled, in its declaration); a custom bus gets them through a forwarding rule. */
export function bucketEventsCdk(link: Link, w: CdkWriter) {
  w.contribute(link.source, 'eventBridgeEnabled', true);
  if (link.target.kind === 'eventbridge' && link.target.props.busType === 'default') return w.statement(`${says(link)}: eventBridgeEnabled in ${link.source.name}'s declaration`, '');
  const [events, targets] = [w.use('events'), w.use('targets')];
  w.statement(
    `${says(link)}: forwarded from the default bus`,
    `    new ${events}.Rule(this, ${pairId(link, 'ForwardRule')}, {\n      description: ${literal(`Forwards ${link.source.name} object events from the default bus to ${link.target.name}`)},\n      eventPattern: { source: ['aws.s3'], detail: { bucket: { name: [${w.v(link.source)}.bucketName] } } },\n      targets: [new ${targets}.EventBus(${w.v(link.target)})],\n    });`,
  );
}
