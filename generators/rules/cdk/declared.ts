import type { Link } from '../../graph/index-graph';
import type { CdkWriter } from '../../export/cdk/writer';
import { says } from './shared';

/**
 * Edges a construct takes when it is declared (a delivery stream's source, bucket and processor; a
 * queue's dead-letter queue; a table's Kinesis stream; a website's origin in its API's CORS): the
 * stack says where to find them.
 */
export function declaredWith(owner: 'source' | 'target') {
  return (link: Link, w: CdkWriter) => w.statement(`${says(link)}: written in ${link[owner].name}'s declaration`, '');
}
