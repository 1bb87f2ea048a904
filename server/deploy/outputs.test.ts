import { describe, expect, it } from 'vitest';
import { blueprintById } from '../../blueprints';
import { synthesize } from '../../generators';
import { computeOutputs, type StackFacts } from './outputs';

const facts = (physical: Record<string, [string, string]>): StackFacts => ({
  region: 'eu-west-1',
  account: '123456789012',
  stackName: 'site',
  stackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/site/5b1e2c3d-0000-4000-8000-00000000abcd',
  physical: new Map(Object.entries(physical).map(([id, [type, physicalId]]) => [id, { type, physicalId }])),
});

describe('stack outputs computed from the resources (the sandbox reports none)', () => {
  it('GIVEN the website blueprint deployed THEN its website URL and API URL are among the outputs, as CloudFormation gives them', () => {
    const { template } = synthesize(blueprintById('website')!.graph);
    const physical: Record<string, [string, string]> = {};
    for (const [id, resource] of Object.entries(template.Resources)) physical[id] = [resource.Type, `${id.toLowerCase()}-physical`];
    const outputs = computeOutputs(template.Outputs ?? {}, facts(physical));
    const site = Object.entries(template.Resources).find(([, r]) => r.Type === 'AWS::S3::Bucket')![0];
    const api = Object.entries(template.Resources).find(([, r]) => r.Type === 'AWS::ApiGatewayV2::Api')![0];
    expect(Object.values(outputs)).toContain(`http://${site.toLowerCase()}-physical.s3-website-eu-west-1.amazonaws.com`);
    expect(Object.values(outputs)).toContain(`https://${api.toLowerCase()}-physical.execute-api.eu-west-1.amazonaws.com`);
    expect(Object.keys(outputs)).toEqual(Object.keys(template.Outputs ?? {}));
    expect(Object.values(outputs)).toContain('site-5b1e2c3d-0000-4000-8000-00000000abcd');
    expect(Object.values(outputs).filter((v) => v.startsWith('(not known'))).toEqual([]);
  });

  it('GIVEN Sub, Join, Select and pseudo parameters THEN they resolve; GIVEN an attribute not computed THEN the output says so instead of vanishing', () => {
    const outputs = computeOutputs(
      {
        Arn: { Value: { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${Queue.QueueName}' } },
        Joined: { Value: { 'Fn::Join': ['/', [{ Ref: 'AWS::StackName' }, { 'Fn::GetAtt': ['Table', 'Arn'] }]] } },
        Picked: { Value: { 'Fn::Select': [1, ['a', { Ref: 'Table' }]] } },
        WithVariables: { Value: { 'Fn::Sub': ['${Name}-x', { Name: { Ref: 'Table' } }] } },
        Stream: { Value: { 'Fn::GetAtt': ['Table', 'StreamArn'] } },
      },
      facts({ Queue: ['AWS::SQS::Queue', 'https://sqs.eu-west-1.amazonaws.com/123456789012/jobs'], Table: ['AWS::DynamoDB::Table', 'orders'] }),
    );
    expect(outputs).toEqual({
      Arn: 'arn:aws:sqs:eu-west-1:123456789012:jobs',
      Joined: 'site/arn:aws:dynamodb:eu-west-1:123456789012:table/orders',
      Picked: 'orders',
      WithVariables: 'orders-x',
      Stream: '(not known in the sandbox: Table.StreamArn of a AWS::DynamoDB::Table is not computed here)',
    });
  });
});
