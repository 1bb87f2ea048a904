/** Reads a CloudFormation YAML template, turning short-form tags back into the long-form objects. */
import { parse, type Tags } from 'yaml';
import { SHORT_FORMS } from './yaml-emitter';

const LONG_FORM_BY_TAG = Object.fromEntries(Object.entries(SHORT_FORMS).map(([long, tag]) => [tag, long]));

const cloudFormationTags: Tags = Object.entries(LONG_FORM_BY_TAG).flatMap(([tag, fn]) => [
  { tag, resolve: (text: string) => ({ [fn]: fn === 'Fn::GetAtt' ? text.split(/\.(.*)/s).filter(Boolean) : text }) },
  { tag, collection: 'seq' as const, resolve: (seq: { toJSON(): unknown }) => ({ [fn]: seq.toJSON() }) },
  { tag, collection: 'map' as const, resolve: (map: { toJSON(): unknown }) => ({ [fn]: map.toJSON() }) },
]) as unknown as Tags;

export function parseTemplateYaml(text: string): unknown {
  return parse(text, { customTags: cloudFormationTags, version: '1.1' });
}
