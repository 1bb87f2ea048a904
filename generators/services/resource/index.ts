import { getAtt, ref, type CfnValue } from '../../template/cfn';
import type { ServiceEmitter } from '../../template/context';
import { id } from '../../template/naming';
import { jsonObjectCheck, type PropSpec } from '../../props/spec';
import type { NodeOfSpecs, ServiceModule } from '../types';
import { resourceSam } from './sam';

const resourceProps = [
  {
    key: 'resourceType',
    label: 'Resource type',
    type: 'string',
    default: 'AWS::CloudFormation::WaitConditionHandle',
    maxLength: 256,
    pattern: /^(AWS|Alexa|Custom|[A-Za-z0-9]+)::[A-Za-z0-9]+(::[A-Za-z0-9]+)*$/,
    patternMessage: 'A resource type looks like AWS::Service::Resource or Custom::Name',
  },
  { key: 'properties', label: 'Properties (JSON)', type: 'string', default: '{}', multiline: true, maxLength: 512 * 1024, check: jsonObjectCheck('Properties') },
] as const satisfies readonly PropSpec[];

export type ResourceNode = NodeOfSpecs<'resource', typeof resourceProps>;

const resourceCfn: ServiceEmitter<ResourceNode> = {
  arn: (node) => getAtt(id(node), 'Arn'),
  address: { suffix: 'ID', value: (node) => ref(id(node)) },
  emit(node, { builder }) {
    const properties = JSON.parse(node.props.properties) as Record<string, CfnValue>;
    builder.add(id(node), { Type: node.props.resourceType, ...(Object.keys(properties).length ? { Properties: properties } : {}) }, node.id);
  },
  finalize: () => undefined,
};

/**
 * Any resource of an imported template that is none of the services (an alarm, a secret, a custom
 * resource...): drawn with its type, its raw properties editable as JSON, and kept.
 */
export const resource: ServiceModule<'resource', typeof resourceProps> = {
  kind: 'resource',
  title: 'CloudFormation resource',
  shortTitle: 'Resource',
  asTarget: 'reach this resource',
  description: 'A resource of an imported template that Eventform keeps as written',
  group: 'other',
  defaultName: 'Resource',
  importOnly: true,
  modelled: false,
  icon: 'ArchitectureServiceAWSCloudFormation',
  props: resourceProps,
  subtitle: (node) => node.props.resourceType,
  code: null,
  cfn: resourceCfn,
  // A diagram with imported resources exports through CfnInclude, which keeps every resource as written.
  cdk: null,
  sam: resourceSam,
  access: { modes: {} },
  imports: {
    types: [],
    bindings: {
      properties: { paths: [[]], absent: '{}', read: (raw) => JSON.stringify(raw ?? {}, null, 2), write: (value) => JSON.parse(String(value)) },
    },
    propsOfType: (type) => ({ resourceType: type }),
  },
  flow: {
    failable: false,
    receive: () => undefined,
    scenarios: () => [],
    fromCode: (writer, node, _count, data) => ({ text: `${writer.name} calls ${node.name}`, data }),
  },
  cost: { estimate: (node) => ({ items: [], note: `${node.props.resourceType} is not estimated` }) },
  diagnostics: {},
  tags: {},
  handlerRole: 'generic',
};
