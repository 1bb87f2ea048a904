/** What a person is shown before deploying, and what an opened diagram may claim about its template. */
import { describe, expect, it } from 'vitest';
import { BLUEPRINTS } from '../../blueprints';
import { analyze } from '../analyze';
import { parseGraphFile, serializeGraph } from '../graph/file';
import { importTemplate } from '../import';
import { reviewDeployment } from './review';

const HOSTILE = `Resources:
  Queue:
    Type: AWS::SQS::Queue
  QueueHelper:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: arn:aws:iam::999999999999:root }
            Action: sts:AssumeRole
      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
      Policies:
        - PolicyName: all
          PolicyDocument: { Statement: [{ Effect: Allow, Action: "*", Resource: "*" }] }
`;

const imported = () => {
  const result = importTemplate(HOSTILE, { name: 'Hostile' });
  if (!result.ok) throw new Error(result.error);
  return result.graph;
};

describe('an opened diagram claims only what its template gives each node', () => {
  it('GIVEN a share link showing one queue whose node claims an administrator role trusting another account THEN opening it is refused', () => {
    const graph = imported();
    const queue = graph.nodes.find((n) => n.origin?.logicalIds[0] === 'Queue')!;
    const tampered = { ...graph, nodes: [{ ...queue, origin: { ...queue.origin!, logicalIds: ['Queue', 'QueueHelper'] } }], edges: [] };
    const parsed = parseGraphFile(serializeGraph(tampered));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/QueueHelper does not belong to Queue in the template: refused/);
  });

  it('GIVEN the same template imported honestly THEN the role is a node of its own, on the canvas', () => {
    const parsed = parseGraphFile(serializeGraph(imported()));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.graph.nodes.map((n) => n.origin?.logicalIds)).toEqual([['Queue'], ['QueueHelper']]);
  });
});

describe('the review before deploying', () => {
  it('GIVEN a role trusting another account, an administrator policy and a "*" action THEN each is a danger, and IAM must be acknowledged', () => {
    const graph = imported();
    const review = reviewDeployment(graph, analyze(graph).synthesis.template);
    expect(review.capabilities.map((c) => c.capability)).toEqual(['CAPABILITY_IAM']);
    const dangers = review.findings.filter((f) => f.severity === 'danger').map((f) => f.message);
    expect(dangers).toContainEqual(expect.stringMatching(/QueueHelper can be assumed from outside this account/));
    expect(dangers).toContainEqual(expect.stringMatching(/QueueHelper attaches AdministratorAccess/));
    expect(dangers).toContainEqual(expect.stringMatching(/QueueHelper grants the action "\*"/));
  });

  it('GIVEN a custom macro, a named role and a nested stack THEN auto-expansion and named IAM are needed, the macro is a danger and the preview includes the nested stack', () => {
    const result = importTemplate(
      `Transform: [AWS::Serverless-2016-10-31, Acme::Expander]\nResources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties: { TemplateURL: https://example.com/child.yaml }\n  Named:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: fixed\n      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }\n`,
    );
    if (!result.ok) throw new Error(result.error);
    const review = reviewDeployment(result.graph, analyze(result.graph).synthesis.template);
    expect(review.capabilities.map((c) => c.capability).sort()).toEqual(['CAPABILITY_AUTO_EXPAND', 'CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM']);
    expect(review.findings.some((f) => f.severity === 'danger' && /macro Acme::Expander/.test(f.message))).toBe(true);
    expect(review.nestedStacks).toBe(true);
  });

  it.each(BLUEPRINTS.map((b) => [b.id, b] as const))('GIVEN the %s blueprint THEN only IAM is needed, nothing is dangerous and every resource is drawn', (_, blueprint) => {
    const review = reviewDeployment(blueprint.graph, analyze(blueprint.graph).synthesis.template);
    expect(review.capabilities.map((c) => c.capability)).toEqual(['CAPABILITY_IAM']);
    expect(review.findings).toEqual([]);
    expect(review.undrawn).toEqual([]);
  });
});
