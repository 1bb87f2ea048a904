/**
 * A stack's outputs, computed from its resources' physical ids the way CloudFormation resolves
 * them. moto reports no outputs for stacks made through change sets, so in the sandbox every output
 * is worked out here: references, the attributes our templates and common ones use (ARNs, URLs,
 * names), Fn::Sub, Fn::Join and Fn::Select. What cannot be known is said, never dropped.
 */
import type { CfnValue } from '../../generators/template/cfn';

export interface StackFacts {
  region: string;
  account: string;
  stackName: string;
  /** The stack's ARN (AWS::StackId). */
  stackId?: string;
  /** Physical id and type of each resource, by logical id. */
  physical: ReadonlyMap<string, { physicalId: string; type: string }>;
}

class Unknown extends Error {}

/** The value of each output, or a sentence saying why the sandbox cannot know it. */
export function computeOutputs(outputs: Record<string, { Value?: CfnValue }>, facts: StackFacts): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, output] of Object.entries(outputs)) {
    try {
      values[name] = String(evaluate(output.Value, facts));
    } catch (error) {
      if (!(error instanceof Unknown)) throw error;
      values[name] = `(not known in the sandbox: ${error.message})`;
    }
  }
  return values;
}

function evaluate(value: CfnValue | undefined, facts: StackFacts): string | number | boolean | (string | number | boolean)[] {
  if (value === undefined || value === null) throw new Unknown('no value');
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scalar(evaluate(v, facts)));
  const [fn, arg] = Object.entries(value)[0] ?? [];
  if (fn === 'Ref') return reference(String(arg), facts);
  if (fn === 'Fn::GetAtt') {
    const [id, attribute] = Array.isArray(arg) ? arg.map(String) : String(arg).split(/\.(.+)/);
    return attributeOf(id, attribute, facts);
  }
  if (fn === 'Fn::Sub') return substitute(arg as CfnValue, facts);
  if (fn === 'Fn::Join' && Array.isArray(arg)) {
    const parts = evaluate(arg[1], facts);
    return (Array.isArray(parts) ? parts : [parts]).join(String(arg[0]));
  }
  if (fn === 'Fn::Split' && Array.isArray(arg)) return String(scalar(evaluate(arg[1], facts))).split(String(arg[0]));
  if (fn === 'Fn::Select' && Array.isArray(arg)) {
    const list = evaluate(arg[1], facts);
    const item = Array.isArray(list) ? list[Number(arg[0])] : undefined;
    if (item === undefined) throw new Unknown('Fn::Select out of range');
    return item;
  }
  throw new Unknown(`${fn ?? 'an empty object'} is not evaluated here`);
}

const scalar = (v: ReturnType<typeof evaluate>) => {
  if (Array.isArray(v)) throw new Unknown('a list where one value is expected');
  return v;
};

function reference(id: string, facts: StackFacts): string {
  const pseudo: Record<string, string> = {
    'AWS::Region': facts.region,
    'AWS::AccountId': facts.account,
    'AWS::StackName': facts.stackName,
    ...(facts.stackId ? { 'AWS::StackId': facts.stackId } : {}),
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
  };
  if (id in pseudo) return pseudo[id];
  const resource = facts.physical.get(id);
  if (!resource) throw new Unknown(`${id} is not a resource of the stack`);
  return resource.physicalId;
}

function substitute(arg: CfnValue, facts: StackFacts): string {
  const [text, variables] = Array.isArray(arg) ? [String(arg[0]), (arg[1] ?? {}) as Record<string, CfnValue>] : [String(arg), {}];
  return text.replace(/\$\{([^}!]+)\}/g, (_, name: string) => {
    if (name in variables) return String(scalar(evaluate(variables[name], facts)));
    const dot = name.indexOf('.');
    return dot > 0 && !name.startsWith('AWS::') ? String(attributeOf(name.slice(0, dot), name.slice(dot + 1), facts)) : reference(name, facts);
  });
}

/** The attributes CloudFormation computes from a resource's physical id. */
function attributeOf(id: string, attribute: string, facts: StackFacts): string {
  const resource = facts.physical.get(id);
  if (!resource) throw new Unknown(`${id} is not a resource of the stack`);
  const { physicalId: physicalIdOf, type } = resource;
  const { region, account } = facts;
  const lastPart = physicalIdOf.split(/[/:]/).pop()!;
  const known: Record<string, Record<string, () => string>> = {
    'AWS::S3::Bucket': {
      Arn: () => `arn:aws:s3:::${physicalIdOf}`,
      DomainName: () => `${physicalIdOf}.s3.amazonaws.com`,
      RegionalDomainName: () => `${physicalIdOf}.s3.${region}.amazonaws.com`,
      WebsiteURL: () => `http://${physicalIdOf}.s3-website-${region}.amazonaws.com`,
    },
    'AWS::SQS::Queue': { Arn: () => `arn:aws:sqs:${region}:${account}:${lastPart}`, QueueName: () => lastPart, QueueUrl: () => physicalIdOf },
    'AWS::SNS::Topic': { TopicArn: () => physicalIdOf, TopicName: () => lastPart },
    'AWS::Lambda::Function': { Arn: () => `arn:aws:lambda:${region}:${account}:function:${physicalIdOf}` },
    'AWS::DynamoDB::Table': { Arn: () => `arn:aws:dynamodb:${region}:${account}:table/${physicalIdOf}` },
    'AWS::Kinesis::Stream': { Arn: () => `arn:aws:kinesis:${region}:${account}:stream/${physicalIdOf}` },
    'AWS::StepFunctions::StateMachine': { Arn: () => physicalIdOf, Name: () => lastPart },
    'AWS::Events::EventBus': { Arn: () => `arn:aws:events:${region}:${account}:event-bus/${physicalIdOf}`, Name: () => physicalIdOf },
    'AWS::ApiGatewayV2::Api': { ApiEndpoint: () => `https://${physicalIdOf}.execute-api.${region}.amazonaws.com`, ApiId: () => physicalIdOf },
    'AWS::KinesisFirehose::DeliveryStream': { Arn: () => `arn:aws:firehose:${region}:${account}:deliverystream/${physicalIdOf}` },
    'AWS::IAM::Role': { Arn: () => `arn:aws:iam::${account}:role/${physicalIdOf}`, RoleId: () => physicalIdOf },
    'AWS::Logs::LogGroup': { Arn: () => `arn:aws:logs:${region}:${account}:log-group:${physicalIdOf}:*` },
  };
  const compute = known[type]?.[attribute];
  if (!compute) throw new Unknown(`${id}.${attribute} of a ${type} is not computed here`);
  return compute();
}
