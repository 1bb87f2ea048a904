import type { Wiring } from '../../template/context';
import { bucketArn, id } from '../../template/naming';
import { getAtt, type CfnValue } from '../../template/cfn';
import { KINESIS_READ_ACTIONS } from '../../services/kinesis.cfn';
import { grantRole } from './shared';

const deliveryProps = (ctx: Parameters<Wiring>[1], node: Parameters<Wiring>[0]['target'], owner: string) => ctx.builder.touch(id(node), owner).Properties!;

export const kinesisToFirehose: Wiring = (link, ctx) => {
  const { source: stream, target: firehose, edge } = link;
  grantRole(ctx, id(firehose, 'Policy'), `Read${stream.name}`, KINESIS_READ_ACTIONS, [getAtt(id(stream), 'Arn')], edge.id);
  const props = deliveryProps(ctx, firehose, edge.id);
  props.DeliveryStreamType = 'KinesisStreamAsSource';
  props.KinesisStreamSourceConfiguration = { KinesisStreamARN: getAtt(id(stream), 'Arn'), RoleARN: getAtt(id(firehose, 'Role'), 'Arn') };
};

export const firehoseToS3: Wiring = (link, ctx) => {
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
  const existing = (props.ExtendedS3DestinationConfiguration ?? {}) as Record<string, CfnValue>;
  props.ExtendedS3DestinationConfiguration = {
    ...existing,
    BucketARN: bucketArn(bucket),
    RoleARN: getAtt(id(firehose, 'Role'), 'Arn'),
    BufferingHints: { IntervalInSeconds: Number(firehose.props.bufferIntervalSeconds), SizeInMBs: Number(firehose.props.bufferSizeMiB) },
    CompressionFormat: String(firehose.props.compression),
    ...(edge.props.prefix ? { Prefix: String(edge.props.prefix) } : {}),
    ...(edge.props.errorPrefix ? { ErrorOutputPrefix: String(edge.props.errorPrefix) } : {}),
  };
};

export const firehoseToLambda: Wiring = (link, ctx) => {
  const { source: firehose, target: fn, edge } = link;
  grantRole(ctx, id(firehose, 'Policy'), `Invoke${fn.name}`, ['lambda:InvokeFunction', 'lambda:GetFunctionConfiguration'], [ctx.arnOf(fn)], edge.id);
  // Firehose checks the processor when it is created: wait for the function, unless the function
  // itself writes to this delivery stream (then its role refers to the stream, and the name-built ARN avoids the cycle).
  if (!ctx.outgoing(fn).some((l) => l.target.id === firehose.id)) ctx.builder.dependsOn(id(firehose), id(fn), edge.id);
  const props = deliveryProps(ctx, firehose, edge.id);
  const existing = (props.ExtendedS3DestinationConfiguration ?? {}) as Record<string, CfnValue>;
  props.ExtendedS3DestinationConfiguration = {
    ...existing,
    ProcessingConfiguration: {
      Enabled: true,
      Processors: [{ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: ctx.arnOf(fn) }] }],
    },
  };
};
