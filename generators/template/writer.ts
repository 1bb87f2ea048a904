/** Writes a template as JSON or as YAML with CloudFormation's short-form tags (!Ref, !GetAtt, !Sub...). */
import { Document, isMap, isScalar, isSeq, Scalar, visit, type Node } from 'yaml';
import type { Template } from './cfn';

export const SHORT_FORMS: Record<string, string> = {
  Ref: '!Ref',
  'Fn::GetAtt': '!GetAtt',
  'Fn::Sub': '!Sub',
  'Fn::Join': '!Join',
  'Fn::Select': '!Select',
  'Fn::Split': '!Split',
  'Fn::If': '!If',
  'Fn::Equals': '!Equals',
  'Fn::Not': '!Not',
  'Fn::And': '!And',
  'Fn::Or': '!Or',
  'Fn::FindInMap': '!FindInMap',
  'Fn::Base64': '!Base64',
  'Fn::Cidr': '!Cidr',
  'Fn::GetAZs': '!GetAZs',
  'Fn::ImportValue': '!ImportValue',
  Condition: '!Condition',
};

export function toJson(template: Template): string {
  return `${JSON.stringify(template, null, 2)}\n`;
}

export function toYaml(template: Template): string {
  // YAML 1.1 quotes yes/no/on/off, which CloudFormation's parser would otherwise read as booleans.
  const doc = new Document(template, { version: '1.1', aliasDuplicateObjects: false });
  visit(doc, {
    Map(_, node) {
      if (node.items.length !== 1) return undefined;
      const pair = node.items[0];
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const tag = SHORT_FORMS[key];
      if (!tag || key === 'Condition') return undefined;
      const value = pair.value as Node;
      if (key === 'Fn::GetAtt' && isSeq(value) && value.items.every((i) => isScalar(i) && typeof i.value === 'string')) {
        const short = new Scalar(value.items.map((i) => (i as Scalar).value).join('.'));
        short.tag = tag;
        return short;
      }
      if (isScalar(value) || isSeq(value) || isMap(value)) {
        value.tag = tag;
        return value;
      }
      return undefined;
    },
  });
  return doc.toString({ lineWidth: 0, indentSeq: true });
}
