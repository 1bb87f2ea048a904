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

/** A delivery stream's bucket, processor or source stream: given to its DeliveryStream construct. */
export function deliveryPartCdk(part: 'bucket' | 'processor' | 'source') {
  return (link: Link, w: CdkWriter) => {
    const [owner, other] = part === 'source' ? [link.target, link.source] : [link.source, link.target];
    w.contribute(owner, part, w.code(w.v(other), other));
    if (part === 'bucket') w.contribute(owner, 'prefixes', link.edge.props);
    // Firehose reads its processor's configuration, as AWS's policy for a transforming function has it; LambdaFunctionProcessor grants only the invocation.
    const code =
      part === 'processor'
        ? `    ${w.v(owner)}.grantPrincipal.addToPrincipalPolicy(new ${w.use('iam')}.PolicyStatement({ actions: ['lambda:GetFunctionConfiguration'], resources: [${w.v(other)}.functionArn] }));`
        : '';
    w.statement(`${says(link)}: written in ${owner.name}'s declaration`, code);
  };
}

/** A table's changes streamed into Kinesis: the Table construct's kinesisStream. */
export function tableToKinesisCdk(link: Link, w: CdkWriter) {
  w.contribute(link.source, 'kinesisStream', w.code(w.v(link.target), link.target));
  w.statement(`${says(link)}: written in ${link.source.name}'s declaration`, '');
}
