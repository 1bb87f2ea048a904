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
  /** The template's resource types, by logical id: to say which one the sandbox did not make. */
  declared?: ReadonlyMap<string, string>;
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

/** A value's intrinsics worked out from the stack's resources; throws when the sandbox cannot know one. */
export function evaluate(value: CfnValue | undefined, facts: StackFacts): string | number | boolean | (string | number | boolean)[] {
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
  return physicalOf(id, facts).physicalId;
}

function substitute(arg: CfnValue, facts: StackFacts): string {
  const [text, variables] = Array.isArray(arg) ? [String(arg[0]), (arg[1] ?? {}) as Record<string, CfnValue>] : [String(arg), {}];
  return text.replace(/\$\{([^}!]+)\}/g, (_, name: string) => {
    if (name in variables) return String(scalar(evaluate(variables[name], facts)));
    const dot = name.indexOf('.');
    return dot > 0 && !name.startsWith('AWS::') ? String(attributeOf(name.slice(0, dot), name.slice(dot + 1), facts)) : reference(name, facts);
  });
}

function physicalOf(id: string, facts: StackFacts) {
  const resource = facts.physical.get(id);
  if (resource) return resource;
  const type = facts.declared?.get(id);
  throw new Unknown(type ? `${id} (${type}) was not created: moto's CloudFormation does not make that type` : `${id} is not a resource of the stack`);
}

interface Known {
  physical: string;
  /** The last part of the physical id: a queue's name from its URL, a topic's from its ARN. */
  last: string;
  region: string;
  account: string;
}

/** The attributes CloudFormation computes from a resource's physical id. */
const ATTRIBUTES: Record<string, Record<string, (r: Known) => string>> = {
  'AWS::S3::Bucket': {
    Arn: (r) => `arn:aws:s3:::${r.physical}`,
    DomainName: (r) => `${r.physical}.s3.amazonaws.com`,
    RegionalDomainName: (r) => `${r.physical}.s3.${r.region}.amazonaws.com`,
    WebsiteURL: (r) => `http://${r.physical}.s3-website-${r.region}.amazonaws.com`,
  },
  'AWS::SQS::Queue': { Arn: (r) => `arn:aws:sqs:${r.region}:${r.account}:${r.last}`, QueueName: (r) => r.last, QueueUrl: (r) => r.physical },
  'AWS::SNS::Topic': { TopicArn: (r) => r.physical, TopicName: (r) => r.last },
  'AWS::Lambda::Function': { Arn: (r) => `arn:aws:lambda:${r.region}:${r.account}:function:${r.physical}` },
  'AWS::DynamoDB::Table': { Arn: (r) => `arn:aws:dynamodb:${r.region}:${r.account}:table/${r.physical}` },
  'AWS::Kinesis::Stream': { Arn: (r) => `arn:aws:kinesis:${r.region}:${r.account}:stream/${r.physical}` },
  'AWS::StepFunctions::StateMachine': { Arn: (r) => r.physical, Name: (r) => r.last },
  'AWS::Events::EventBus': { Arn: (r) => `arn:aws:events:${r.region}:${r.account}:event-bus/${r.physical}`, Name: (r) => r.physical },
  'AWS::ApiGatewayV2::Api': { ApiEndpoint: (r) => `https://${r.physical}.execute-api.${r.region}.amazonaws.com`, ApiId: (r) => r.physical },
  'AWS::KinesisFirehose::DeliveryStream': { Arn: (r) => `arn:aws:firehose:${r.region}:${r.account}:deliverystream/${r.physical}` },
  'AWS::IAM::Role': { Arn: (r) => `arn:aws:iam::${r.account}:role/${r.physical}`, RoleId: (r) => r.physical },
  'AWS::Logs::LogGroup': { Arn: (r) => `arn:aws:logs:${r.region}:${r.account}:log-group:${r.physical}:*` },
};

function attributeOf(id: string, attribute: string, facts: StackFacts): string {
  const { physicalId, type } = physicalOf(id, facts);
  const compute = ATTRIBUTES[type]?.[attribute];
  if (!compute) throw new Unknown(`${id}.${attribute} of a ${type} is not computed here`);
  return compute({ physical: physicalId, last: physicalId.split(/[/:]/).pop()!, region: facts.region, account: facts.account });
}
