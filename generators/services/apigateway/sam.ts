import type { SamEmitter } from '../types';
import { tagMap } from '../../export/sam/writer';
import { id } from '../../template/naming';
import type { ApiNode } from './cfn';

/** AWS::Serverless::HttpApi: SAM makes the $default stage (auto-deployed), so Eventform's goes. */
export const apigatewaySam: SamEmitter<ApiNode, never> = {
  policies: {},
  rewrite(node, s) {
    const api = s.resource(id(node));
    if (!api?.Properties) return;
    api.Type = 'AWS::Serverless::HttpApi';
    api.Properties = { CorsConfiguration: api.Properties.CorsConfiguration, ...(api.Properties.Tags ? { Tags: tagMap(api.Properties.Tags) } : {}) };
    s.remove(id(node, 'DefaultStage'));
  },
};
