import type { ServiceDefinition } from './types';
import { apigateway } from './apigateway';
import { s3 } from './s3';
import { dynamodb } from './dynamodb';
import { kinesis } from './kinesis';
import { firehose } from './firehose';
import { eventbridge } from './eventbridge';
import { sns } from './sns';
import { sqs } from './sqs';
import { lambda } from './lambda';
import { stepfunctions } from './stepfunctions';

/** The service catalog: adding a kind is one module above and one line here. */
export const SERVICES = {
  apigateway,
  s3,
  dynamodb,
  kinesis,
  firehose,
  eventbridge,
  sns,
  sqs,
  lambda,
  stepfunctions,
} as const satisfies Record<string, ServiceDefinition>;

export type ServiceKind = keyof typeof SERVICES;

export const SERVICE_KINDS = Object.keys(SERVICES) as ServiceKind[];

export function isServiceKind(value: unknown): value is ServiceKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SERVICES, value);
}

export function serviceOf(kind: ServiceKind): ServiceDefinition {
  return SERVICES[kind];
}
