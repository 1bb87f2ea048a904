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
import { resource } from './resource';

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
  resource,
} as const satisfies Record<string, ServiceDefinition>;

export type ServiceKind = keyof typeof SERVICES;

export const SERVICE_KINDS = Object.keys(SERVICES) as ServiceKind[];

/** The kinds a person can add from the palette (the rest only come from an import). */
export const PALETTE_KINDS = SERVICE_KINDS.filter((k) => !(SERVICES[k] as ServiceDefinition).importOnly);

export function isServiceKind(value: unknown): value is ServiceKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SERVICES, value);
}

export function serviceOf(kind: ServiceKind): ServiceDefinition {
  return SERVICES[kind];
}
