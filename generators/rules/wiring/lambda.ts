import { serviceOf } from '../../services/registry';
import { ref, screamingSnake as screaming, type CfnValue } from '../../template/cfn';
import type { Link, SynthContext } from '../../template/context';
import { id } from '../../template/naming';

/** "read-write" on Orders -> "ReadWriteOrders": one statement id per target. */
const sidOf = (access: string, name: string) =>
  `${access
    .split('-')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('')}${name}`;

/** The IAM actions a function holds on a node in an access mode: the node's module owns the list. */
function accessActions(target: Link['target'], access: string): readonly string[] {
  const mode = serviceOf(target.kind).access.modes[access];
  if (!mode) throw new Error(`internal: no access mode ${access} on ${target.kind}`);
  return mode.actions;
}

/**
 * A function using a service: one statement with only its access mode's actions on that one
 * resource, and its address (and any other facts its code needs) in the environment.
 */
export function lambdaUses(link: Omit<Link, 'edge'> & { edge: { id: string; props: { access: string; when?: string } } }, ctx: SynthContext) {
  const { source: fn, target, edge } = link;
  if (edge.props.when === 'on-failure' || edge.props.when === 'on-success') return destination(link, edge.props.when, ctx);
  const access = edge.props.access;
  const service = serviceOf(target.kind);
  const actions = accessActions(target, access);
  const resources = service.access.resources?.(target, access, actions) ?? [ctx.arnOf(target)];
  ctx.builder.grant(id(fn, 'Role'), { Sid: sidOf(access, target.name), Effect: 'Allow', Action: [...actions], Resource: resources }, edge.id);
  ctx.builder.touch(id(fn), edge.id);
  const { address } = service.cfn;
  ctx.builder.env(id(fn), target.name, address.suffix, address.value(target));
  const prefix = `${screaming(target.name)}_`;
  ctx.builder.setEnv(id(fn), `${prefix}ACCESS`, access);
  for (const [suffix, value] of Object.entries(address.facts?.(target) ?? {})) ctx.builder.setEnv(id(fn), `${prefix}${suffix}`, value);
}

/**
 * An asynchronous invocation's destination: the function's EventInvokeConfig names it for failures
 * or for successes, and the function's role may deliver there (Lambda sends with the role).
 */
function destination(link: Omit<Link, 'edge'> & { edge: { id: string } }, when: 'on-failure' | 'on-success', ctx: SynthContext) {
  const { source: fn, target, edge } = link;
  const deliver = serviceOf(target.kind).access.deliver!;
  const word = when === 'on-failure' ? 'OnFailure' : 'OnSuccess';
  ctx.builder.grant(id(fn, 'Role'), { Sid: `${word}${target.name}`, Effect: 'Allow', Action: [deliver], Resource: [ctx.arnOf(target)] }, edge.id);
  const configId = id(fn, 'InvokeConfig');
  const config = ctx.builder.has(configId)
    ? ctx.builder.touch(configId, edge.id)
    : ctx.builder.add(configId, { Type: 'AWS::Lambda::EventInvokeConfig', Properties: { FunctionName: ref(id(fn)), Qualifier: '$LATEST', DestinationConfig: {} } }, edge.id);
  (config.Properties!.DestinationConfig as Record<string, CfnValue>)[word] = { Destination: ctx.arnOf(target) };
}
