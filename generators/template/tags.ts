import type { CfnValue, Resource } from './cfn';

/** How each taggable resource type takes its tags: most as a list of Key/Value, a few as a map. */
const TAG_STYLE: Record<string, 'list' | 'map'> = {
  'AWS::S3::Bucket': 'list',
  'AWS::DynamoDB::Table': 'list',
  'AWS::Kinesis::Stream': 'list',
  'AWS::KinesisFirehose::DeliveryStream': 'list',
  'AWS::Events::EventBus': 'list',
  'AWS::SNS::Topic': 'list',
  'AWS::SQS::Queue': 'list',
  'AWS::Lambda::Function': 'list',
  'AWS::Lambda::EventSourceMapping': 'list',
  'AWS::IAM::Role': 'list',
  'AWS::Logs::LogGroup': 'list',
  'AWS::StepFunctions::StateMachine': 'list',
  'AWS::ApiGatewayV2::Api': 'map',
  'AWS::ApiGatewayV2::Stage': 'map',
  'AWS::Pipes::Pipe': 'map',
};

export const DIAGRAM_TAG = 'eventform:diagram';
export const NODE_TAG = 'eventform:node';

/** Tag values allow letters, digits, spaces and _ . : / = + - @ only. */
export const tagValue = (text: string) => text.replace(/[^\p{L}\p{N}\s_.:/=+\-@]/gu, '-').slice(0, 256) || '-';

export function applyTags(resource: Resource, tags: Record<string, string>) {
  const style = TAG_STYLE[resource.Type];
  if (!style) return;
  const clean = Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, tagValue(v)]));
  resource.Properties ??= {};
  resource.Properties.Tags =
    style === 'map' ? clean : (Object.entries(clean).map(([Key, Value]) => ({ Key, Value })) as CfnValue);
}
