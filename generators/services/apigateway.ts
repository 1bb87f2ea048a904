import type { ServiceDefinition } from './types';
import { apigatewayCfn } from './apigateway.cfn';

export const apigateway: ServiceDefinition = {
  kind: 'apigateway',
  title: 'Amazon API Gateway',
  shortTitle: 'API Gateway',
  asTarget: 'call an API',
  description: 'HTTP API that turns requests into events',
  group: 'source',
  defaultName: 'Api',
  props: [
    {
      key: 'corsAllowOrigins',
      label: 'CORS allowed origins',
      type: 'string',
      default: '*',
      help: 'Comma-separated origins allowed to call the API from a browser, or * for any',
      pattern: /^(\*|https?:\/\/[^\s,]+(\s*,\s*https?:\/\/[^\s,]+)*)$/,
      patternMessage: 'CORS allowed origins must be * or a comma-separated list of http(s):// origins',
    },
  ],
  cfn: apigatewayCfn,
  imports: { types: ['AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api', 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi'] },
};
