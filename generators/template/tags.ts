import { SERVICE_KINDS, serviceOf } from '../services/registry';
import type { CfnValue, Resource } from './cfn';

/** How a taggable resource type takes its tags: most as a list of Key/Value, a few as a map. */
export type TagStyle = 'list' | 'map';

/** Types that connections make (roles, pipes); every service module lists the types it emits itself. */
const CONNECTION_TAGS: Readonly<Record<string, TagStyle>> = { 'AWS::IAM::Role': 'list', 'AWS::Pipes::Pipe': 'map' };

let tagStyles: Map<string, TagStyle> | undefined;
function styleOf(type: string): TagStyle | undefined {
  tagStyles ??= new Map(Object.entries({ ...CONNECTION_TAGS, ...Object.assign({}, ...SERVICE_KINDS.map((kind) => serviceOf(kind).tags)) }));
  return tagStyles.get(type);
}

export const DIAGRAM_TAG = 'eventform:diagram';
export const NODE_TAG = 'eventform:node';

/** Tag values allow letters, digits, spaces and _ . : / = + - @ only. */
export const tagValue = (text: string) => text.replace(/[^\p{L}\p{N}\s_.:/=+\-@]/gu, '-').slice(0, 256) || '-';

export function applyTags(resource: Resource, tags: Record<string, string>) {
  const style = styleOf(resource.Type);
  if (!style) return;
  const clean = Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, tagValue(v)]));
  resource.Properties ??= {};
  resource.Properties.Tags = style === 'map' ? clean : (Object.entries(clean).map(([Key, Value]) => ({ Key, Value })) as CfnValue);
}
