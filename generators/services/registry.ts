import type { PropSpec, PropsFromSpecs } from '../props/spec';
import type { ServiceModule } from './types';
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
import { scheduler } from './scheduler';

/**
 * The service catalog: adding a kind is one folder (`./<kind>/`, a `ServiceModule`) and one line
 * here. The order is the palette's.
 */
export const SERVICES = {
  apigateway,
  s3,
  dynamodb,
  kinesis,
  firehose,
  eventbridge,
  scheduler,
  sns,
  sqs,
  lambda,
  stepfunctions,
  resource,
} as const;

export type ServiceKind = keyof typeof SERVICES;

/** The typed props of a kind: `PropsOf<'lambda'>['memoryMiB']` is a number. */
export type PropsOf<K extends ServiceKind> = PropsFromSpecs<(typeof SERVICES)[K]['props']>;

/** The access modes a function may use on a kind (`'read' | 'write' | 'read-write'` for a table). */
export type AccessModeOf<K extends ServiceKind> = keyof (typeof SERVICES)[K]['access']['modes'] & string;

/** Every module is a complete ServiceModule of its own kind: a module missing a hook, or filed under another kind, does not compile. */
const CATALOG: { readonly [K in ServiceKind]: ServiceModule<K, readonly PropSpec[], string> } = SERVICES;

/** A kind's module as the core loops see it: hooks take any node (the kind was checked by the caller). */
export type AnyService = ServiceModule<ServiceKind, readonly PropSpec[], string>;

export const SERVICE_KINDS = Object.keys(SERVICES) as ServiceKind[];

/** The kinds a person can add from the palette (the rest only come from an import). */
export const PALETTE_KINDS = SERVICE_KINDS.filter((k) => !CATALOG[k].importOnly);

export function isServiceKind(value: unknown): value is ServiceKind {
  return typeof value === 'string' && Object.hasOwn(SERVICES, value);
}

export function serviceOf(kind: ServiceKind): AnyService {
  return CATALOG[kind] as AnyService;
}

/**
 * The access modes in which a function passes something on, across every kind: the handler
 * templates' WRITES set is generated from it (`npm run lambda-sources`).
 */
export function sendingModes(): string[] {
  const modes = new Set<string>();
  for (const kind of SERVICE_KINDS) for (const [mode, { sends }] of Object.entries(serviceOf(kind).access.modes)) if (sends) modes.add(mode);
  return [...modes].sort();
}
