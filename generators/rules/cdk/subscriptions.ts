/** Topic subscriptions (aws-sns-subscriptions). */
import type { Link } from '../../graph/index-graph';
import { literal, type CdkWriter } from '../../export/cdk/writer';
import { says } from './shared';

/** An SNS filter policy as sns.SubscriptionFilter values, when every attribute is a list of strings or of numbers. */
function filterPolicyCode(text: string, sns: string): string | undefined {
  const policy = JSON.parse(text) as Record<string, unknown>;
  const fields: string[] = [];
  for (const [key, value] of Object.entries(policy)) {
    if (!Array.isArray(value)) return undefined;
    if (value.every((v) => typeof v === 'string')) fields.push(`${literal(key)}: ${sns}.SubscriptionFilter.stringFilter({ allowlist: ${literal(value)} })`);
    else if (value.every((v) => typeof v === 'number')) fields.push(`${literal(key)}: ${sns}.SubscriptionFilter.numericFilter({ allowlist: ${literal(value)} })`);
    else return undefined;
  }
  return `{ ${fields.join(', ')} }`;
}

export function topicToFunctionCdk(link: Link, w: CdkWriter) {
  const { source: topic, target: fn } = link;
  const policy = (link.edge.props as { filterPolicy: string }).filterPolicy;
  const filter = policy ? filterPolicyCode(policy, w.use('sns')) : undefined;
  if (policy && !filter) {
    // sns.SubscriptionFilter cannot say this policy: the subscription is written as CloudFormation has it.
    const [sns, iam] = [w.use('sns'), w.use('iam')];
    w.statement(
      `${says(link)} (a filter policy aws-sns-subscriptions cannot express)`,
      `    new ${sns}.CfnSubscription(this, ${literal(`${topic.name}To${fn.name}Subscription`)}, { topicArn: ${w.v(topic)}.topicArn, protocol: 'lambda', endpoint: ${w.v(fn)}.functionArn, filterPolicy: ${policy} });\n    ${w.v(fn)}.addPermission(${literal(`InvokedBy${topic.name}`)}, { principal: new ${iam}.ServicePrincipal('sns.amazonaws.com'), sourceArn: ${w.v(topic)}.topicArn });`,
    );
    return;
  }
  w.statement(says(link), `    ${w.v(topic)}.addSubscription(new ${w.use('subscriptions')}.LambdaSubscription(${w.v(fn)}${filter ? `, { filterPolicy: ${filter} }` : ''}));`);
}

export function topicToQueueCdk(link: Link, w: CdkWriter) {
  const raw = (link.edge.props as { rawMessageDelivery: boolean }).rawMessageDelivery;
  w.statement(says(link), `    ${w.v(link.source)}.addSubscription(new ${w.use('subscriptions')}.SqsSubscription(${w.v(link.target)}${raw ? ', { rawMessageDelivery: true }' : ''}));`);
}
