/** The route an imported API's own resources give a connection: a REST method's path, an HTTP integration's route key. */
import type { Props } from '../../props/spec';
import type { CfnValue } from '../../template/cfn';
import { referencesOf } from '../../template/analysis';

type Resources = Readonly<Record<string, { Type?: CfnValue; Properties?: Record<string, CfnValue> }>>;

const refsIn = (value: CfnValue | undefined) => (value === undefined ? [] : [...new Set(referencesOf(value))]);

export function routeOfResource(resources: Resources, logicalId: string): Props {
  const resource = resources[logicalId];
  const p = resource?.Properties ?? {};
  if (resource?.Type === 'AWS::ApiGateway::Method') return { ...(typeof p.HttpMethod === 'string' ? { method: p.HttpMethod.toUpperCase() } : {}), ...restPath(resources, p.ResourceId) };
  if (resource?.Type === 'AWS::ApiGatewayV2::Integration') {
    const route = Object.values(resources).find((r) => r?.Type === 'AWS::ApiGatewayV2::Route' && refsIn(r.Properties?.Target).includes(logicalId));
    const key = route?.Properties?.RouteKey;
    const match = typeof key === 'string' ? /^(ANY|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\/\S*)$/.exec(key) : null;
    return match ? { method: match[1], path: match[2] } : {};
  }
  return {};
}

/** A REST API resource's path, from its PathPart and its parents up to the API's root. */
function restPath(resources: Resources, resourceId: CfnValue | undefined): Props {
  const parts: string[] = [];
  let current = resourceId;
  for (let depth = 0; depth < 50; depth++) {
    if (current && typeof current === 'object' && !Array.isArray(current) && 'Fn::GetAtt' in current) return { path: `/${parts.join('/')}` };
    const id = refsIn(current)[0];
    const part = id ? resources[id]?.Properties?.PathPart : undefined;
    if (typeof part !== 'string') return {};
    parts.unshift(part);
    current = resources[id].Properties?.ParentId;
  }
  return {};
}
