import type { CdkEmitter } from '../types';
import { literal } from '../../export/cdk/writer';
import type { DeliveryStreamNode } from './cfn';

/** The delivery stream's construct takes its source, its bucket and its processor: those edges contribute them. */
export const firehoseCdk: CdkEmitter<DeliveryStreamNode, 'write'> = {
  declare(node, w) {
    const [firehose, cdk] = [w.use('firehose'), w.use('cdk')];
    // Its bucket, processor and source stream come from its edges (rules/cdk).
    const [bucket] = w.contributions(node, 'bucket');
    const [processor] = w.contributions(node, 'processor');
    const [source] = w.contributions(node, 'source');
    const p = node.props;
    const destination: Record<string, unknown> = {
      bufferingInterval: w.code(`${cdk}.Duration.seconds(${p.bufferIntervalSeconds})`),
      bufferingSize: w.code(`${cdk}.Size.mebibytes(${p.bufferSizeMiB})`),
      compression: w.code(`${firehose}.Compression.${p.compression === 'UNCOMPRESSED' ? 'UNCOMPRESSED' : p.compression === 'Snappy' ? 'SNAPPY' : p.compression}`),
      // Eventform's delivery streams write no logs of their own.
      loggingConfig: w.code(`new ${firehose}.DisableLogging()`),
    };
    const [prefixes = {}] = w.contributions<{ prefix?: string; errorPrefix?: string }>(node, 'prefixes');
    if (prefixes.prefix) destination.dataOutputPrefix = prefixes.prefix;
    if (prefixes.errorPrefix) destination.errorOutputPrefix = prefixes.errorPrefix;
    if (processor) destination.processors = [w.code(`new ${firehose}.LambdaFunctionProcessor(${literal(processor)})`)];
    const props: Record<string, unknown> = { destination: w.code(`new ${firehose}.S3Bucket(${literal(bucket)}, ${literal(destination, '      ')})`) };
    if (source) props.source = w.code(`new ${firehose}.KinesisStreamSource(${literal(source)})`);
    else props.encryption = w.code(`${firehose}.StreamEncryption.awsOwnedKey()`);
    w.declare(node, `    const ${w.v(node)} = new ${firehose}.DeliveryStream(this, ${literal(node.name)}, ${literal(props, '    ')});`);
  },
  arn: (node, w) => `${w.v(node)}.deliveryStreamArn`,
  address: (node, w) => `${w.v(node)}.deliveryStreamName`,
  grants: { write: { method: 'grantPutRecords' } },
};
