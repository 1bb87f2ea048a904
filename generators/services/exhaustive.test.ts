/**
 * A kind that forgets a hook does not compile. The type checker (`npm run typecheck`, part of
 * `npm test`) reads this file: each `@ts-expect-error` below must meet an error, or the check fails.
 */
import { describe, expect, it } from 'vitest';
import type { PropSpec } from '../props/spec';
import { sqs } from './sqs';
import { SERVICE_KINDS, serviceOf } from './registry';
import type { ServiceModule } from './types';

const props = [{ key: 'size', label: 'Size', type: 'integer', default: 1, min: 1, max: 9 }] as const satisfies readonly PropSpec[];

// A module with every hook but the event flow: refused.
const { flow: _flow, ...withoutFlow } = sqs;
// @ts-expect-error a service module without its flow hook does not compile
const forgotFlow: ServiceModule<'sqs', (typeof sqs)['props'], 'send' | 'consume'> = withoutFlow;

// A module with every hook but its cost: refused.
const { cost: _cost, ...withoutCost } = sqs;
// @ts-expect-error a service module without its cost hook does not compile
const forgotCost: ServiceModule<'sqs', (typeof sqs)['props'], 'send' | 'consume'> = withoutCost;

// Typed props: a misspelt prop name, or a prop of the wrong type, does not compile.
const misspelt = (node: Parameters<ServiceModule<'example', typeof props>['subtitle']>[0]) => {
  const size: number = node.props.size;
  // @ts-expect-error "sise" is not a prop of this kind
  return size + node.props.sise;
};
const wrongType = (node: Parameters<ServiceModule<'example', typeof props>['subtitle']>[0]) => {
  // @ts-expect-error size is a number, not text
  const size: string = node.props.size;
  return size;
};

describe('every registered kind has every hook', () => {
  it('GIVEN the refused modules above THEN they exist only for the type checker', () => {
    expect([forgotFlow, forgotCost, misspelt, wrongType].every(Boolean)).toBe(true);
  });

  it.each(SERVICE_KINDS)('GIVEN %s THEN its module answers every hook the core loops ask for', (kind) => {
    const service = serviceOf(kind);
    expect(service.kind).toBe(kind);
    for (const hook of [service.cfn.emit, service.cfn.finalize, service.cfn.arn, service.flow.receive, service.flow.scenarios, service.flow.fromCode, service.cost.estimate, service.subtitle])
      expect(typeof hook).toBe('function');
    // AWS's architecture icon set; EventBridge Scheduler has only its resource icon there.
    expect(service.icon).toMatch(/^(Architecture|Resource)/);
    expect(typeof service.handlerRole).toBe('string');
  });
});
