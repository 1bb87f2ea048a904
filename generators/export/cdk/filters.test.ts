import { describe, expect, it } from 'vitest';
import { diagram } from '../../graph/build';
import type { Resource } from '../../template/cfn';
import { synthesize } from '../../template/synth';
import { lintTemplates } from '../../testing/cfn-lint';
import { synthApp, writeApp } from '../../testing/cdk-synth';
import { exportCdkApp } from './app';

/** Filters the random graphs never write (their text props keep the defaults): each as aws-cdk-lib says it, or as CloudFormation has it where aws-cdk-lib cannot. */
const GRAPH = diagram({
  name: 'Filters',
  nodes: { Orders: 'sns', Bus: 'eventbridge', Big: 'lambda', Paid: 'lambda', Tagged: 'lambda', Jobs: 'sqs' },
  edges: [
    // A numeric range: sns.SubscriptionFilter has no form for it.
    ['Orders', 'Big', { filterPolicy: '{"amount": [{"numeric": [">", 1000]}]}' }],
    // Lists of strings: SubscriptionFilter.stringFilter.
    ['Orders', 'Tagged', { filterPolicy: '{"kind": ["order", "refund"]}' }],
    // A prefix and a detail field: events.Match and a free-form detail.
    ['Bus', 'Paid', { eventPattern: '{"source": [{"prefix": "shop."}], "detail-type": ["Paid"], "detail": {"amount": [{"numeric": [">", 0]}]}}' }],
    // A content filter events.Match has no form for: written as the pattern says.
    ['Bus', 'Jobs', { eventPattern: '{"source": [{"anything-but": ["internal"]}]}' }],
  ],
});

const ofType = (resources: Record<string, Resource>, type: string) => Object.values(resources).filter((r) => r.Type === type);

describe('CDK export of filters', () => {
  const app = exportCdkApp(GRAPH);
  const stack = app.files[app.stackFile];
  const template = synthApp(app, writeApp(app));

  it('GIVEN topic subscriptions with filter policies WHEN exported THEN lists of strings use SubscriptionFilter, a numeric range a CfnSubscription with the policy as written, and both reach the template', () => {
    expect(stack).toContain("sns.SubscriptionFilter.stringFilter({ allowlist: ['order', 'refund'] })");
    expect(stack).toContain('new sns.CfnSubscription(');
    const policies = ofType(template.Resources, 'AWS::SNS::Subscription').map((r) => r.Properties?.FilterPolicy);
    expect(policies).toContainEqual({ amount: [{ numeric: ['>', 1000] }] });
    expect(policies).toContainEqual({ kind: ['order', 'refund'] });
    // The subscription written as CloudFormation still lets the topic invoke its function.
    expect(ofType(template.Resources, 'AWS::Lambda::Permission').filter((r) => r.Properties?.Principal === 'sns.amazonaws.com')).toHaveLength(2);
  });

  it('GIVEN rules with content filters WHEN exported THEN each rule has the pattern the edge says, with camelCase keys back to CloudFormation’s', () => {
    const patterns = ofType(template.Resources, 'AWS::Events::Rule').map((r) => r.Properties?.EventPattern);
    expect(patterns).toContainEqual({ source: [{ prefix: 'shop.' }], 'detail-type': ['Paid'], detail: { amount: [{ numeric: ['>', 0] }] } });
    expect(patterns).toContainEqual({ source: [{ 'anything-but': ['internal'] }] });
    expect(stack).toContain("events.Match.prefix('shop.')");
  });

  it('GIVEN that template WHEN linted THEN cfn-lint finds no error, as in Eventform’s own', async () => {
    const results = await lintTemplates({ cdk: JSON.stringify(template), eventform: JSON.stringify(synthesize(GRAPH).template) });
    expect(results.get('cdk')!.filter((f) => f.Level === 'Error')).toEqual([]);
  });
});
