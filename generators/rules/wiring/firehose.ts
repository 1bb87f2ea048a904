import { getAtt, type CfnValue } from '../../template/cfn';
import type { SynthContext } from '../../template/context';
import { bucketArn, id } from '../../template/naming';
import type { LinkOf } from '../types';
import { grantRole, sourceReadActions } from './shared';

type Props = Record<string, CfnValue>;
const deliveryProps = (ctx: SynthContext, node: { name: string }, owner: string) => ctx.builder.touch(id(node), owner).Properties!;

export function kinesisToFirehose(link: LinkOf<'kinesis', 'firehose', Record<string, never>>, ctx: SynthContext) {
  const { source: stream, target: firehose, edge } = link;
  grantRole(ctx, id(firehose, 'Policy'), `Read${stream.name}`, sourceReadActions(stream), [getAtt(id(stream), 'Arn')], edge.id);
  const props = deliveryProps(ctx, firehose, edge.id);
  props.DeliveryStreamType = 'KinesisStreamAsSource';
  props.KinesisStreamSourceConfiguration = { KinesisStreamARN: getAtt(id(stream), 'Arn'), RoleARN: getAtt(id(firehose, 'Role'), 'Arn') };
}

export function firehoseToS3(link: LinkOf<'firehose', 's3', { prefix: string; errorPrefix: string }>, ctx: SynthContext) {
  const { source: firehose, target: bucket, edge } = link;
  grantRole(
    ctx,
    id(firehose, 'Policy'),
    `Write${bucket.name}`,
    ['s3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:PutObject'],
    [bucketArn(bucket), bucketArn(bucket, '/*')],
    edge.id,
  );
  const props = deliveryProps(ctx, firehose, edge.id);
  const existing = (props.ExtendedS3DestinationConfiguration ?? {}) as Props;
  props.ExtendedS3DestinationConfiguration = {
    ...existing,
    BucketARN: bucketArn(bucket),
    RoleARN: getAtt(id(firehose, 'Role'), 'Arn'),
    BufferingHints: { IntervalInSeconds: firehose.props.bufferIntervalSeconds, SizeInMBs: firehose.props.bufferSizeMiB },
    CompressionFormat: firehose.props.compression,
    ...(edge.props.prefix ? { Prefix: edge.props.prefix } : {}),
    ...(edge.props.errorPrefix ? { ErrorOutputPrefix: edge.props.errorPrefix } : {}),
  };
}

export function firehoseToLambda(link: LinkOf<'firehose', 'lambda', Record<string, never>>, ctx: SynthContext) {
  const { source: firehose, target: fn, edge } = link;
  grantRole(ctx, id(firehose, 'Policy'), `Invoke${fn.name}`, ['lambda:InvokeFunction', 'lambda:GetFunctionConfiguration'], [ctx.arnOf(fn)], edge.id);
  // Firehose checks the processor when it is created: wait for the function, unless the function
  // itself writes to this delivery stream (then its role refers to the stream, and the name-built ARN avoids the cycle).
  if (!ctx.outgoing(fn).some((l) => l.target.id === firehose.id)) ctx.builder.dependsOn(id(firehose), id(fn), edge.id);
  const props = deliveryProps(ctx, firehose, edge.id);
  const existing = (props.ExtendedS3DestinationConfiguration ?? {}) as Props;
  props.ExtendedS3DestinationConfiguration = {
    ...existing,
    ProcessingConfiguration: {
      Enabled: true,
      Processors: [{ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: ctx.arnOf(fn) }] }],
    },
  };
}
