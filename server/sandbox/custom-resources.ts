/**
 * moto marks a custom resource created without running its function (no containers here), so what
 * the function would have done is not done. The sandbox does it for the custom resources it knows,
 * after the stack is created: CDK's bucket notifications (`bucket.addEventNotification`), whose
 * function sets the bucket's notification configuration.
 */
import { PutBucketNotificationConfigurationCommand, type S3Client } from '@aws-sdk/client-s3';
import type { CfnValue, Template } from '../../generators/template/cfn';
import { evaluate, type StackFacts } from '../deploy/outputs';

const INTRINSIC = /^(Ref|Fn::[A-Za-z]+)$/;

/** Every intrinsic inside a value, resolved from the stack's resources. */
function resolved(value: CfnValue, facts: StackFacts): unknown {
  if (Array.isArray(value)) return value.map((v) => resolved(v, facts));
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, CfnValue>);
  if (entries.length === 1 && INTRINSIC.test(entries[0][0])) return evaluate(value, facts);
  return Object.fromEntries(entries.map(([k, v]) => [k, resolved(v, facts)]));
}

/** Sets what CDK's bucket-notifications function would have set; returns a line per bucket for the deployment's log. */
export async function playCustomResources(s3: S3Client, template: Template, facts: StackFacts): Promise<string[]> {
  const played: string[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    if (resource.Type !== 'Custom::S3BucketNotifications' || !resource.Properties) continue;
    const bucket = String(evaluate(resource.Properties.BucketName, facts));
    const configuration = resolved(resource.Properties.NotificationConfiguration ?? {}, facts) as Record<string, unknown>;
    await s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: configuration }));
    played.push(`The sandbox set ${bucket}'s notifications as CDK's ${logicalId} would (moto runs no custom resource function)`);
  }
  return played;
}
