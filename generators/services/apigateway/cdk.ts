import type { CdkEmitter } from '../types';
import { literal } from '../../export/cdk/writer';
import { allowedOrigins } from './props';
import type { ApiNode } from './cfn';

/** Website buckets whose pages call the API: their origins are in its CORS. */
const websitesOf = (node: ApiNode, w: { index: import('../../graph/index-graph').GraphIndex }) => w.index.into(node).filter((l) => l.source.kind === 's3');

export const apigatewayCdk: CdkEmitter<ApiNode, never> = {
  after: (node, w) => websitesOf(node, w).map((l) => l.source),
  declare(node, w) {
    const [apigwv2, cdk] = [w.use('apigwv2'), w.use('cdk')];
    const origins = allowedOrigins(node.props);
    const allow: unknown[] = origins.includes('*') ? origins : [...origins, ...websitesOf(node, w).map((l) => w.code(`${w.v(l.source)}.bucketWebsiteUrl`))];
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
