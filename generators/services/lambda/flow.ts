import type { Arrival, FlowApi } from '../../flow/types';
import type { ServiceFlow } from '../types';
import type { FunctionNode } from './cfn';

/** What a failing function does to the events it was given, by how it was invoked. */
function fail(arrival: Arrival<FunctionNode>, sim: FlowApi) {
  const { node, via, from, link } = arrival;
  // A queue redelivers and a stream retries: the connection that brought the events knows how.
  if ((via === 'poll' || via === 'stream') && link?.rule.flow.onTargetFailure) return link.rule.flow.onTargetFailure(arrival, link, sim);
  if (via === 'sync') sim.note('failed', `${node.name} fails: the error goes back to the caller, and ${from?.name ?? 'the caller'} answers 500`);
  else {
    sim.note('retried', `${node.name} fails. Lambda retries an asynchronous event twice, about 1 and then 2 minutes later`);
    const destination = sim.out.find((l) => l.edge.props.when === 'on-failure');
    if (destination)
      sim.deliver(destination, `Then Lambda sends the failed event's record to ${destination.target.name} (on-failure destination)`, {
        data: { requestPayload: arrival.data },
        via: 'async',
        delay: 2,
      });
    else sim.note('discarded', 'Then Lambda discards it: an on-failure destination or a dead-letter queue on the function would keep it', 2);
  }
}

export const lambdaFlow: ServiceFlow<FunctionNode> = {
  failable: true,
  receive(arrival, sim) {
    if (sim.failing.has(arrival.node.id)) return fail(arrival, sim);
    for (const link of sim.out) sim.carry(link);
  },
  scenarios: () => [{ label: 'invoke it once', data: { message: 'hello' }, count: 1 }],
  fromCode: (writer, node, _count, data) => ({ text: `${writer.name} invokes ${node.name} asynchronously`, data }),
};
