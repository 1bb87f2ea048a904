import type { Link } from '../../graph/index-graph';
import { serviceOf } from '../../services/registry';
import { screamingSnake, type CfnValue } from '../../template/cfn';
import { id } from '../../template/naming';
import { addressOf, cdkOf } from '../../export/cdk/nodes';
import { literal, type CdkWriter } from '../../export/cdk/writer';
import { says } from './shared';

/** lambda-destinations classes by target kind. */
const DESTINATIONS: Record<string, string> = { sqs: 'SqsDestination', sns: 'SnsDestination', eventbridge: 'EventBridgeDestination', lambda: 'LambdaDestination' };

/**
 * A function using a service: the grant helper of the target's module for the access mode (or a
 * statement with exactly the mode's actions where no helper fits), and the same environment
 * variables as Eventform's template. A destination edge is the function's onFailure/onSuccess.
 */
export function lambdaUsesCdk(link: Link, w: CdkWriter) {
  const { source: fn, target } = link;
  const edge = link.edge as unknown as { props: { access: string; when?: string } };
  if (edge.props.when === 'on-failure' || edge.props.when === 'on-success') {
    w.contribute(fn, 'destination', { when: edge.props.when === 'on-failure' ? 'onFailure' : 'onSuccess', code: `new ${w.use('destinations')}.${DESTINATIONS[target.kind]}(${w.v(target)})` });
    return;
  }
  const access = edge.props.access;
  const grant = cdkOf(target).grants[access];
  if (grant) w.statement(says(link), `    ${w.v(target)}.${grant.method}(${w.v(fn)});`);
  else {
    const iam = w.use('iam');
    const actions = serviceOf(target.kind).access.modes[access].actions;
    w.statement(
      `${says(link)} (no grant helper gives exactly this access)`,
      `    ${w.v(fn)}.addToRolePolicy(new ${iam}.PolicyStatement({ actions: ${literal(actions)}, resources: [${cdkOf(target).arn(target, w)}] }));`,
    );
  }
  const address = serviceOf(target.kind).cfn.address;
  w.environment.env(id(fn), target.name, address.suffix, addressOf(target, w));
  const prefix = `${screamingSnake(target.name)}_`;
  w.environment.setEnv(id(fn), `${prefix}ACCESS`, access);
  for (const [suffix, value] of Object.entries(address.facts?.(target as never) ?? {})) w.environment.setEnv(id(fn), `${prefix}${suffix}`, value as CfnValue);
}
