/** What a rule's CDK writer asks of either end of its edge: the module of its kind answers. */
import type { GraphNode } from '../../graph/model';
import { serviceOf } from '../../services/registry';
import type { CdkEmitter } from '../../services/types';
import type { CdkWriter } from './writer';

export function cdkOf(node: GraphNode): CdkEmitter<GraphNode, string> {
  const cdk = serviceOf(node.kind).cdk as CdkEmitter<GraphNode, string> | null;
  if (!cdk) throw new Error(`internal: ${node.kind} has no CDK writer (its diagrams export through CfnInclude)`);
  return cdk;
}

export const arnOf = (node: GraphNode, w: CdkWriter) => w.code(cdkOf(node).arn(node, w), node);
export const addressOf = (node: GraphNode, w: CdkWriter) => w.code(cdkOf(node).address(node, w), node);
