/**
 * Synthesis speed: median time to turn 10-, 100- and 1,000-node diagrams into a YAML template, and,
 * in the same run, the AWS CDK's synth of the image-processing architecture (two buckets, a table,
 * a function, the S3 notification and the grants) against ours of the same diagram.
 * Targets: 1,000 nodes under 60 ms (the median, and every run of the benchmark); at least 100x faster than the CDK.
 */
import { synthesize, toYaml } from '../generators';
import { diagramOf } from './diagrams';
import { medianTime } from './median';

const REPEAT = 15;

const time = (run: () => unknown) => medianTime(run, REPEAT);

async function cdkImageProcessing(): Promise<() => unknown> {
  const cdk = await import('aws-cdk-lib');
  const s3 = await import('aws-cdk-lib/aws-s3');
  const s3n = await import('aws-cdk-lib/aws-s3-notifications');
  const lambda = await import('aws-cdk-lib/aws-lambda');
  const dynamodb = await import('aws-cdk-lib/aws-dynamodb');
  return () => {
    const app = new cdk.App();
    const stack = new cdk.Stack(app, 'ImageProcessing');
    const uploads = new s3.Bucket(stack, 'Uploads', { encryption: s3.BucketEncryption.S3_MANAGED, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });
    const thumbnails = new s3.Bucket(stack, 'Thumbnails', { encryption: s3.BucketEncryption.S3_MANAGED, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });
    const table = new dynamodb.Table(stack, 'ImageMetadata', { partitionKey: { name: 'key', type: dynamodb.AttributeType.STRING }, billingMode: dynamodb.BillingMode.PAY_PER_REQUEST });
    const fn = new lambda.Function(stack, 'Thumbnailer', {
      runtime: lambda.Runtime.PYTHON_3_13,
      handler: 'index.handler',
      code: lambda.Code.fromInline('def handler(event, context):\n    return {}\n'),
      memorySize: 1024,
    });
    uploads.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(fn));
    uploads.grantRead(fn);
    thumbnails.grantWrite(fn);
    table.grantWriteData(fn);
    return app.synth().getStackByName('ImageProcessing').template;
  };
}

async function main() {
  console.log(`median of ${REPEAT} runs each, after one warm-up\n`);
  for (const size of [10, 100, 1000]) {
    const graph = diagramOf(size);
    const synth = time(() => synthesize(graph));
    const withYaml = time(() => toYaml(synthesize(graph).template));
    const resources = Object.keys(synthesize(graph).template.Resources).length;
    console.log(
      `${String(size).padStart(5)} nodes, ${graph.edges.length} edges, ${resources} resources: synth ${synth.toFixed(2)} ms, synth + YAML ${withYaml.toFixed(2)} ms${size === 1000 ? ` (target < 60 ms: ${withYaml < 60 ? 'met' : 'NOT met'})` : ''}`,
    );
  }
  const { BLUEPRINTS } = await import('../blueprints');
  const image = BLUEPRINTS.find((b) => b.id === 'image-processing')!.graph;
  const ours = time(() => toYaml(synthesize(image).template));
  let cdkSynth: (() => unknown) | undefined;
  try {
    cdkSynth = await cdkImageProcessing();
  } catch (error) {
    console.log(`\nAWS CDK not installed (${(error as Error).message}); run npm install to compare`);
  }
  if (cdkSynth) {
    const cdk = time(cdkSynth);
    console.log(
      `\nimage-processing architecture: Eventform ${ours.toFixed(2)} ms, AWS CDK ${cdk.toFixed(1)} ms; ratio ${(cdk / ours).toFixed(0)}x (target >= 100x: ${cdk / ours >= 100 ? 'met' : 'NOT met'})`,
    );
  }
}

void main();
