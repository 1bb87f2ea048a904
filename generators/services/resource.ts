import { jsonObjectCheck } from '../props/spec';
import type { ServiceDefinition } from './types';
import { resourceCfn } from './resource.cfn';

/**
 * Any resource of an imported template that is none of the ten services (an alarm, a secret, a
 * custom resource...): drawn with its type, its raw properties editable as JSON, and kept.
 */
export const resource: ServiceDefinition = {
  kind: 'resource',
  title: 'CloudFormation resource',
  shortTitle: 'Resource',
  asTarget: 'reach this resource',
  description: 'A resource of an imported template that Eventform keeps as written',
  group: 'other',
  defaultName: 'Resource',
  importOnly: true,
  props: [
    {
      key: 'resourceType',
      label: 'Resource type',
      type: 'string',
      default: 'AWS::CloudFormation::WaitConditionHandle',
      maxLength: 256,
      pattern: /^(AWS|Alexa|Custom|[A-Za-z0-9]+)::[A-Za-z0-9]+(::[A-Za-z0-9]+)*$/,
      patternMessage: 'A resource type looks like AWS::Service::Resource or Custom::Name',
    },
    {
      key: 'properties',
      label: 'Properties (JSON)',
      type: 'string',
      default: '{}',
      multiline: true,
      maxLength: 512 * 1024,
      check: jsonObjectCheck('Properties'),
    },
  ],
  cfn: resourceCfn,
  imports: {
    types: [],
    bindings: {
      properties: {
        paths: [[]],
        absent: '{}',
        read: (raw) => JSON.stringify(raw ?? {}, null, 2),
        write: (value) => JSON.parse(String(value)),
      },
    },
  },
};
