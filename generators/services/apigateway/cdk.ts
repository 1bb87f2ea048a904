import type { CdkEmitter } from '../types';
import { literal } from '../../export/cdk/writer';
import { allowedOrigins } from './props';
import type { ApiNode } from './cfn';

export const apigatewayCdk: CdkEmitter<ApiNode, never> = {
  declare(node, w) {
    const [apigwv2, cdk] = [w.use('apigwv2'), w.use('cdk')];
    const origins = allowedOrigins(node.props);
    // Websites whose pages call the API add their origin (rules/cdk).
    const allow: unknown[] = origins.includes('*') ? origins : [...origins, ...w.contributions(node, 'origin')];
    const props = {
      corsPreflight: {
        allowMethods: [w.code(`${apigwv2}.CorsHttpMethod.ANY`)],
        allowHeaders: ['content-type'],
        maxAge: w.code(`${cdk}.Duration.seconds(300)`),
        allowOrigins: allow,
      },
    };
    w.declare(node, `    const ${w.v(node)} = new ${apigwv2}.HttpApi(this, ${literal(node.name)}, ${literal(props, '    ')});`);
  },
  arn: (node, w) => `${w.v(node)}.arnForExecuteApi()`,
  address: (node, w) => `${w.v(node)}.apiEndpoint`,
  grants: {},
};
