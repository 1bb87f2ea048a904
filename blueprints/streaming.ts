import { diagram } from '../generators/graph/build';
import { blueprint, type Blueprint } from './types';
import { BLUEPRINT_HANDLERS } from './handlers.generated';
import { BLUEPRINT_LAYOUTS } from './layouts.generated';

export const streaming: Blueprint = blueprint({
  id: 'streaming',
  title: 'Streaming social-media events',
  description:
    'Social-media events are posted to an API that puts them on a Kinesis stream. A consumer function processes them in batches and saves results in DynamoDB, while Firehose archives the raw events to S3.',
  graph: () =>
    diagram({
      name: 'Streaming social media',
      positions: BLUEPRINT_LAYOUTS.streaming,
      nodes: {
        EventsApi: 'apigateway',
        SocialEvents: 'kinesis',
        Analyzer: ['lambda', { code: BLUEPRINT_HANDLERS['streaming_analyzer.py'] }],
        Results: ['dynamodb', { partitionKey: 'id' }],
        Archiver: 'firehose',
        RawArchive: 's3',
      },
      edges: [
        ['EventsApi', 'SocialEvents', { method: 'POST', path: '/events' }],
        ['SocialEvents', 'Analyzer', { batchSize: 100 }],
        ['Analyzer', 'Results', { access: 'write' }],
        ['SocialEvents', 'Archiver'],
        ['Archiver', 'RawArchive', { prefix: 'raw/' }],
      ],
      notes: {
        EventsApi: 'Social-media events (posts, likes, hashtags) are posted here as JSON.',
        SocialEvents: 'A Kinesis data stream keeps the events in order per shard and lets several consumers read them independently.',
        Analyzer: 'Reads the stream in batches and turns each event into a result: hashtags, mentions, a simple sentiment.',
        Results: 'The processed results, one item per event.',
        Archiver: 'Firehose buffers the raw events and writes them to S3 in compressed batches, with no code.',
        RawArchive: 'The raw archive, for replay and analytics.',
        'EventsApi->SocialEvents': 'API Gateway puts each request body on the stream directly, with a role that may only PutRecord on it.',
        'SocialEvents->Analyzer': 'An event source mapping polls the stream and invokes the function with batches of up to 100 records.',
        'Analyzer->Results': 'The function may write items to this table and nothing else.',
        'SocialEvents->Archiver': 'Firehose reads the same stream: a second, independent consumer.',
        'Archiver->RawArchive': 'Every minute (or 5 MiB) Firehose writes a GZIP file under raw/.',
      },
    }),
});
