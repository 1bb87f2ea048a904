/** Writes a template as JSON or as YAML with CloudFormation's short-form tags (!Ref, !GetAtt, !Sub...). */
import type { CfnValue, Template } from './cfn';
import { emitYaml } from './yaml-emitter';

export function toJson(template: Template): string {
  return `${JSON.stringify(template, null, 2)}\n`;
}

export function toYaml(template: Template): string {
  return emitYaml(template as unknown as CfnValue);
}
