import { SERVICE_KINDS, serviceOf } from '../services/registry';
import type { Resource } from './cfn';

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
export const tagValue = (text: string) => (PLAIN_TAG_VALUE.test(text) ? text : text.replace(/[^\p{L}\p{N}\s_.:/=+\-@]/gu, '-').slice(0, 256) || '-');

/** Most values need no change (ASCII names): told without the Unicode replacement, which costs ~15x more. */
const PLAIN_TAG_VALUE = /^[A-Za-z0-9 _.:/=+\-@]{1,256}$/;

/** Tags every resource of a diagram carries: which diagram, and which node or edge made it; values valid as tags. */
export interface ResourceTags {
  diagram: string;
  node: string;
}

/** The tags of the resources one node or edge made, their values made valid once for all of them. */
export const resourceTags = (diagram: string, node: string): ResourceTags => ({ diagram: tagValue(diagram), node: tagValue(node) });

/** Writes the tags in the form the resource's type takes (a list of Key/Value, or a map). */
export function applyTags(resource: Resource, tags: ResourceTags) {
  const style = styleOf(resource.Type);
  if (!style) return;
  resource.Properties ??= {};
  resource.Properties.Tags =
    style === 'map'
      ? { [DIAGRAM_TAG]: tags.diagram, [NODE_TAG]: tags.node }
      : [
          { Key: DIAGRAM_TAG, Value: tags.diagram },
          { Key: NODE_TAG, Value: tags.node },
        ];
}
