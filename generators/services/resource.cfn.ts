import type { CfnValue } from '../template/cfn';
import { getAtt, ref } from '../template/cfn';
import type { ServiceEmitter } from '../template/context';
import { id } from '../template/naming';

export const resourceCfn: ServiceEmitter = {
  arn: (node) => getAtt(id(node), 'Arn'),
  address: { suffix: 'ID', value: (node) => ref(id(node)) },
  emit(node, { builder }) {
    const properties = JSON.parse(String(node.props.properties)) as Record<string, CfnValue>;
    builder.add(id(node), { Type: String(node.props.resourceType), ...(Object.keys(properties).length ? { Properties: properties } : {}) }, node.id);
  },
};
