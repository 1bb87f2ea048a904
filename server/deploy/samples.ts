/**
 * Sample social-media events for a deployed streaming diagram, so an instructor can show data
 * flowing: posted to the API in front of the stream when there is one (no credentials needed), or
 * put on the stream directly in the local sandbox.
 */
import { indexGraph, type EdgeOf, type Graph, type RouteProps } from '../../generators';
import { clientsFor, type Environment } from './clients';
import { DeployError } from './events';
import { physicalIds, stackOutputs } from './stack';

const USERS = ['ana', 'ben', 'chloe', 'dev', 'eli', 'fatou'];
const TEXTS = [
  'I love how #serverless scales, great talk @ben',
  'The keynote stream is slow and broken #fail',
  'Lunch at the #AWS summit',
  'Event-driven architectures are awesome #eventbridge #lambda',
  'Deploying with one click, nice @chloe',
  'Queue backlog again, bad day #sqs',
];

function sampleEvents(count: number, seed = Date.now()): Record<string, string>[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `sample-${seed}-${i}`,
    user: USERS[i % USERS.length],
    text: TEXTS[(i * 7) % TEXTS.length],
    postedAt: new Date(seed + i * 1000).toISOString(),
  }));
}

/** The stream sample events are put on, when the diagram has one. */
export const sampleStreamOf = (graph: Graph) => graph.nodes.find((n) => n.kind === 'kinesis');

export async function sendSampleEvents(env: Environment, graph: Graph, stackName: string, count: number): Promise<{ sent: number; via: string }> {
  const stream = sampleStreamOf(graph);
  if (!stream) throw new DeployError('This diagram has no Kinesis stream to send events to');
  const events = sampleEvents(Math.max(1, Math.min(count, 500)));
  const { deps } = clientsFor(env);
  const outputs = await stackOutputs(deps, stackName);
  const routeLink = indexGraph(graph)
    .into(stream)
    .find((l) => l.source.kind === 'apigateway');
  const route = routeLink && (routeLink.edge as EdgeOf<RouteProps>).props;
  const apiUrl = routeLink && outputs[`${routeLink.source.name}Url`];
  if (route && apiUrl) {
    const url = `${apiUrl.replace(/\/$/, '')}${route.path.replace(/\{[^}]+\}/g, 'x')}`;
    for (const event of events) {
      const response = await fetch(url, { method: route.method === 'ANY' ? 'POST' : route.method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(event) });
      if (!response.ok) throw new DeployError(`${url} answered ${response.status}`);
    }
    return { sent: events.length, via: url };
  }
  if (env.target.kind !== 'sandbox') throw new DeployError('No API URL in the stack outputs to post events to: connect an API to the stream, or put records with the AWS CLI');
  const streamName = (await physicalIds(deps, stackName)).get(stream.name)?.physicalId;
  if (!streamName) throw new DeployError(`Stack ${stackName} has no stream ${stream.name}`);
  // moto does not speak the Kinesis SDK's CBOR protocol, and checks no signature: its JSON API it is.
  const response = await fetch(`${env.target.endpoint}/`, {
    method: 'POST',
    headers: {
      'X-Amz-Target': 'Kinesis_20131202.PutRecords',
      'Content-Type': 'application/x-amz-json-1.1',
      Authorization: `AWS4-HMAC-SHA256 Credential=sandbox/20260101/${env.target.region}/kinesis/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify({ StreamName: streamName, Records: events.map((e) => ({ Data: Buffer.from(JSON.stringify(e)).toString('base64'), PartitionKey: e.user })) }),
  });
  if (!response.ok) throw new DeployError(`The sandbox refused the records (${response.status})`);
  return { sent: events.length, via: `stream ${streamName}` };
}
