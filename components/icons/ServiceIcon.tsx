import type { ComponentType, SVGProps } from 'react';
import ApiGateway from 'aws-react-icons/icons/ArchitectureServiceAmazonAPIGateway';
import S3 from 'aws-react-icons/icons/ArchitectureServiceAmazonSimpleStorageService';
import DynamoDB from 'aws-react-icons/icons/ArchitectureServiceAmazonDynamoDB';
import Kinesis from 'aws-react-icons/icons/ArchitectureServiceAmazonKinesisDataStreams';
import Firehose from 'aws-react-icons/icons/ArchitectureServiceAmazonDataFirehose';
import EventBridge from 'aws-react-icons/icons/ArchitectureServiceAmazonEventBridge';
import Sns from 'aws-react-icons/icons/ArchitectureServiceAmazonSimpleNotificationService';
import Sqs from 'aws-react-icons/icons/ArchitectureServiceAmazonSimpleQueueService';
import Lambda from 'aws-react-icons/icons/ArchitectureServiceAWSLambda';
import StepFunctions from 'aws-react-icons/icons/ArchitectureServiceAWSStepFunctions';
import CloudFormation from 'aws-react-icons/icons/ArchitectureServiceAWSCloudFormation';
import type { ServiceKind } from '@/generators';

type Icon = ComponentType<SVGProps<SVGElement> & { size?: number | string }>;

/** Official AWS architecture icons (aws-react-icons), one per service kind. */
const ICONS: Record<ServiceKind, Icon> = {
  apigateway: ApiGateway,
  s3: S3,
  dynamodb: DynamoDB,
  kinesis: Kinesis,
  firehose: Firehose,
  eventbridge: EventBridge,
  sns: Sns,
  sqs: Sqs,
  lambda: Lambda,
  stepfunctions: StepFunctions,
  resource: CloudFormation,
};

export function ServiceIcon({ kind, size = 32 }: { kind: ServiceKind; size?: number }) {
  const Icon = ICONS[kind];
  // Decorative: the service's name is always written next to it.
  return <Icon size={size} aria-hidden="true" focusable="false" className="shrink-0 rounded" />;
}
