import { chunks, perMillion } from '../../cost/types';
import type { RouteProps } from '../../rules/edge-props';
import { routeMatches } from '../../rules/routes';
import type { EdgeOf } from '../../graph/model';
import { routeOfResource } from './import';
import type { ServiceModule } from '../types';
import { apigatewayCfn } from './cfn';
import { apigatewayProps } from './props';
import { apigatewayCdk } from './cdk';
import { apigatewaySam } from './sam';

/** us-east-1 list prices (see cost/prices.ts for the date): HTTP APIs, each 512 KB of a request metered as one. */
const APIGATEWAY_PRICES = { httpPerMillionRequests: 1.0, requestChunkKB: 512 } as const;

export const apigateway: ServiceModule<'apigateway', typeof apigatewayProps> = {
  kind: 'apigateway',
  title: 'Amazon API Gateway',
  shortTitle: 'API Gateway',
  asTarget: 'call an API',
  description: 'HTTP API that turns requests into events',
  group: 'source',
  defaultName: 'Api',
  modelled: true,
  icon: 'ArchitectureServiceAmazonAPIGateway',
  props: apigatewayProps,
  subtitle: () => undefined,
  code: null,
  cfn: apigatewayCfn,
  cdk: apigatewayCdk,
  sam: apigatewaySam,
  access: { modes: {} },
  imports: {
    types: ['AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api', 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi'],
    // The APIs themselves are nodes; every other resource of the family names its API.
    childFamilies: { 'AWS::ApiGateway::': 'RestApiId', 'AWS::ApiGatewayV2::': 'ApiId' },
    samEvents: { Api: 'RestApiId', HttpApi: 'ApiId' },
    edgeProps: routeOfResource,
    assumesUnnamedRolesAs: 'apigateway.amazonaws.com',
  },
  flow: {
    failable: false,
    receive({ node, data }, sim) {
      const method = String(data.method ?? 'GET').toUpperCase();
      const path = String(data.path ?? '/');
      let matched = false;
      for (const link of sim.out) {
        // Every connection leaving an API is a route.
        const { method: routeMethod, path: routePath } = (link.edge as EdgeOf<RouteProps>).props;
        if (!routeMatches(routeMethod, routePath, method, path)) {
          sim.filtered(link, `${method} ${path} is not the route ${routeMethod} ${routePath}`);
          continue;
        }
        matched = true;
        sim.carry(link);
      }
      if (!matched) sim.note('failed', `No route of ${node.name} matches ${method} ${path}: it answers 404`);
    },
    scenarios: (_node, { fromLinks }) => [...fromLinks(), { label: 'GET /nowhere (no such route)', data: { method: 'GET', path: '/nowhere' }, count: 1 }],
    fromCode: (writer, node, _count, data) => ({ text: `${writer.name} calls ${node.name}`, data }),
  },
  cost: {
    estimate(node, usage) {
      const requests = usage.events(node) * chunks(usage.load.averagePayloadKB, APIGATEWAY_PRICES.requestChunkKB);
      return { items: [{ label: 'HTTP API requests', quantity: requests, unit: 'requests', usd: perMillion(requests, APIGATEWAY_PRICES.httpPerMillionRequests) }] };
    },
  },
  diagnostics: {
    node(api, { index, report }) {
      if (!index.out(api).length) report('warning', 'api-without-routes', `${api.name} has no routes: it answers 404 to every request`, [api]);
    },
  },
  tags: { 'AWS::ApiGatewayV2::Api': 'map', 'AWS::ApiGatewayV2::Stage': 'map' },
  handlerRole: 'api',
};
