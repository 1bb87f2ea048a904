/**
 * What the sandbox changes in a template before moto reads it, each an equivalent CloudFormation
 * says means the same thing, for a moto behaviour that differs from CloudFormation's.
 */
import type { CfnValue, Template } from '../../generators/template/cfn';

/**
 * moto resolves `Ref` of an AWS::Events::EventBus to its object instead of the bus's name, and
 * fails on a rule naming its bus that way (CDK writes `eventBus: bus` so): `Fn::GetAtt [Bus, Name]`
 * is the same name in CloudFormation.
 */
export function forMoto(template: Template): Template {
  const buses = new Set(
    Object.entries(template.Resources)
      .filter(([, r]) => r.Type === 'AWS::Events::EventBus')
      .map(([id]) => id),
  );
  if (buses.size === 0) return template;
  const rewrite = (value: CfnValue): CfnValue => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') {
      const o = value as Record<string, CfnValue>;
      if (Object.keys(o).length === 1 && typeof o.Ref === 'string' && buses.has(o.Ref)) return { 'Fn::GetAtt': [o.Ref, 'Name'] };
      return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, rewrite(v)]));
    }
    return value;
  };
  return { ...template, Resources: rewrite(template.Resources as unknown as CfnValue) as unknown as Template['Resources'] };
}
