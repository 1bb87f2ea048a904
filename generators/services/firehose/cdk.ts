import type { CdkEmitter } from '../types';
import { literal } from '../../export/cdk/writer';
import type { DeliveryStreamNode } from './cfn';

/** The delivery stream's construct takes its source, its bucket and its processor: those edges are written here. */
export const firehoseCdk: CdkEmitter<DeliveryStreamNode, 'write'> = {
  after: (node, w) => [
    ...w.index.out(node).map((l) => l.target),
    ...w.index
      .into(node)
      .filter((l) => l.source.kind === 'kinesis')
      .map((l) => l.source),
  ],
  declare(node, w) {
    const [firehose, cdk] = [w.use('firehose'), w.use('cdk')];
    const out = w.index.out(node);
    const bucket = out.find((l) => l.target.kind === 's3');
    const processor = out.find((l) => l.target.kind === 'lambda');
    const source = w.index.into(node).find((l) => l.source.kind === 'kinesis');
    const p = node.props;
    const destination: Record<string, unknown> = {
      bufferingInterval: w.code(`${cdk}.Duration.seconds(${p.bufferIntervalSeconds})`),
      bufferingSize: w.code(`${cdk}.Size.mebibytes(${p.bufferSizeMiB})`),
      compression: w.code(`${firehose}.Compression.${p.compression === 'UNCOMPRESSED' ? 'UNCOMPRESSED' : p.compression === 'Snappy' ? 'SNAPPY' : p.compression}`),
      // Eventform's delivery streams write no logs of their own.
      loggingConfig: w.code(`new ${firehose}.DisableLogging()`),
    };
    const prefixes = (bucket?.edge.props ?? {}) as { prefix?: string; errorPrefix?: string };
    if (prefixes.prefix) destination.dataOutputPrefix = prefixes.prefix;
    if (prefixes.errorPrefix) destination.errorOutputPrefix = prefixes.errorPrefix;
    if (processor) destination.processors = [w.code(`new ${firehose}.LambdaFunctionProcessor(${w.v(processor.target)})`)];
    const props: Record<string, unknown> = { destination: w.code(`new ${firehose}.S3Bucket(${bucket ? w.v(bucket.target) : 'undefined'}, ${literal(destination, '      ')})`) };
    if (source) props.source = w.code(`new ${firehose}.KinesisStreamSource(${w.v(source.source)})`);
    else props.encryption = w.code(`${firehose}.StreamEncryption.awsOwnedKey()`);
    w.declare(node, `    const ${w.v(node)} = new ${firehose}.DeliveryStream(this, ${literal(node.name)}, ${literal(props, '    ')});`);
  },
  arn: (node, w) => `${w.v(node)}.deliveryStreamArn`,
  address: (node, w) => `${w.v(node)}.deliveryStreamName`,
  grants: { write: { method: 'grantPutRecords' } },
};
