import type { CfnValue } from '../template/cfn';
import { referencesOf } from '../template/analysis';
import { SERVICE_KINDS, serviceOf } from '../services/registry';

export interface Reference {
  /** The logical id referred to. */
  target: string;
  /** Where, below the value walked. */
  path: (string | number)[];
}

const INTRINSICS = ['Ref', 'Fn::GetAtt', 'Fn::Sub'];

/** Every reference inside a value, with the path of the intrinsic function that makes it. */
export function referencesWithPaths(value: CfnValue | undefined, path: (string | number)[] = []): Reference[] {
  if (value === null || value === undefined || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => referencesWithPaths(item, [...path, i]));
  const keys = Object.keys(value);
  if (keys.length === 1 && INTRINSICS.includes(keys[0])) return [...new Set(referencesOf(value))].map((target) => ({ target, path }));
  return keys.flatMap((key) => referencesWithPaths(value[key], [...path, key]));
}

/** IAM action names ("dynamodb:PutItem") anywhere inside a value. */
export function actionsIn(value: CfnValue | undefined, into: string[] = []): string[] {
  if (typeof value === 'string') {
    if (/^[a-z0-9-]+:[A-Za-z0-9*]+$/.test(value)) into.push(value);
  } else if (Array.isArray(value)) value.forEach((v) => actionsIn(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => actionsIn(v, into));
  return into;
}

/** Where a binding's value sits in a resource of this type. */
export const bindingPaths = (binding: { paths: readonly (readonly string[])[]; pathsByType?: Readonly<Record<string, readonly (readonly string[])[]>> }, type: unknown) =>
  (typeof type === 'string' && binding.pathsByType && Object.hasOwn(binding.pathsByType, type) ? binding.pathsByType[type] : undefined) ?? binding.paths;

/** The value at the first of several paths that is present. */
export function findRaw(properties: Record<string, CfnValue>, paths: readonly (readonly string[])[]): CfnValue | undefined {
  for (const path of paths) {
    let value: CfnValue | undefined = properties;
    for (const key of path) value = value && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, key) ? value[key] : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Properties that name a resource, from which a template may build its ARN by hand. */
const NAME_PROPERTIES = ['FunctionName', 'BucketName', 'QueueName', 'TopicName', 'StateMachineName', 'TableName', 'DeliveryStreamName', 'Name'];
/** Values that only match against ARNs (a rule's pattern, a filter): never rewritten. */
const LEFT_AS_WRITTEN = new Set(['EventPattern', 'Pattern', 'FilterCriteria', 'FilterPolicy', 'Definition', 'DefinitionString', 'Code', 'InlineCode']);

const subOf = (value: CfnValue | undefined): { text: string; vars: Record<string, CfnValue> } | undefined => {
  if (typeof value === 'string') return { text: value, vars: {} };
  if (!value || typeof value !== 'object' || Array.isArray(value) || !('Fn::Sub' in value)) return undefined;
  const arg = value['Fn::Sub'];
  if (typeof arg === 'string') return { text: arg, vars: {} };
  return Array.isArray(arg) && typeof arg[0] === 'string' ? { text: arg[0], vars: (arg[1] ?? {}) as Record<string, CfnValue> } : undefined;
};

/**
 * The resources as edge recovery reads them: an ARN a template builds by hand from a resource's
 * name (`!Sub arn:...:function:${Prefix}-orders`, the way Eventform names its functions) stands
 * for a reference to that resource. The template itself is kept unchanged.
 */
export function withNamedArnsResolved<R extends { Properties?: Record<string, CfnValue> }>(resources: Record<string, R>): Record<string, R> {
  const names: { id: string; text: string; vars: Record<string, CfnValue> }[] = [];
  for (const [id, resource] of Object.entries(resources))
    for (const property of NAME_PROPERTIES) {
      const value = resource?.Properties?.[property];
      // A name given whole by a parameter (`BucketName: !Ref InputBucketName`) is that parameter wherever an ARN spells it.
      const parameter =
        value && typeof value === 'object' && !Array.isArray(value) && typeof value.Ref === 'string' && !value.Ref.startsWith('AWS::') && !Object.hasOwn(resources, value.Ref) ? value.Ref : undefined;
      if (parameter) {
        names.push({ id, text: `\${${parameter}}`, vars: {} });
        continue;
      }
      const name = subOf(value);
      // A name with no letters in it (only parameters) could match anything.
      if (name && /[A-Za-z]/.test(name.text.replace(/\$\{[^}]*\}/g, ''))) names.push({ id, ...name });
    }
  if (names.length === 0) return resources;
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = names.map((n) => ({ ...n, pattern: new RegExp(`^arn:[^\\s]*[:/]${escapeRegExp(n.text)}(/.*)?$`) }));
  const resolve = (value: CfnValue): CfnValue => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(resolve);
    const sub = 'Fn::Sub' in value ? subOf(value) : undefined;
    if (sub) {
      const named = patterns.find((n) => n.pattern.test(sub.text) && Object.entries(n.vars).every(([key, v]) => JSON.stringify(sub.vars[key]) === JSON.stringify(v)));
      return named ? { 'Fn::GetAtt': [named.id, 'Arn'] } : value;
    }
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, LEFT_AS_WRITTEN.has(key) ? v : resolve(v)]));
  };
  return Object.fromEntries(
    Object.entries(resources).map(([id, resource]) => [id, resource?.Properties ? { ...resource, Properties: resolve(resource.Properties) as Record<string, CfnValue> } : resource]),
  );
}

/** The resources as the kinds read them when one thing is named two ways (a bus by a parameter and by its default). */
export function withKindViews<R extends { Properties?: Record<string, CfnValue> }>(resources: Record<string, R>, parameters: CfnValue | undefined): Record<string, R> {
  const declared = parameters && typeof parameters === 'object' && !Array.isArray(parameters) ? parameters : {};
  let view = resources;
  for (const kind of SERVICE_KINDS) view = serviceOf(kind).imports.wiringView?.(view, declared) ?? view;
  return view;
}
