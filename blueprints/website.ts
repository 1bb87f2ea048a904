import { diagram } from '../generators/graph/build';
import { blueprint, type Blueprint } from './types';
import { BLUEPRINT_HANDLERS } from './handlers.generated';
import { BLUEPRINT_LAYOUTS } from './layouts.generated';

export const website: Blueprint = blueprint({
  id: 'website',
  title: 'Serverless website',
  description:
    'A static website in S3 whose page calls an HTTP API; the API runs a Python Lambda function that answers in JSON. No server to manage: S3 serves the files, API Gateway and Lambda scale with the requests.',
  graph: () =>
    diagram({
      name: 'Serverless website',
      positions: BLUEPRINT_LAYOUTS.website,
      nodes: {
        Site: ['s3', { mode: 'website' }],
        Api: 'apigateway',
        Hello: ['lambda', { code: BLUEPRINT_HANDLERS['website_hello.py'] }],
      },
      edges: [
        ['Site', 'Api'],
        ['Api', 'Hello', { method: 'GET', path: '/hello' }],
      ],
      notes: {
        Site: 'An S3 bucket with static website hosting serves index.html and error.html to browsers. Its bucket policy allows public reads of the pages only; ACLs stay off.',
        Api: 'An HTTP API with CORS: it turns each browser request into an event for Lambda and gives the site one stable URL to call.',
        Hello: 'A Python function that runs only when a request arrives and answers with JSON. You pay per request, not per hour.',
        'Site->Api': "The page calls the API with XMLHttpRequest. CORS lets the website's origin do so; after a deploy the API URL is written into the uploaded page.",
        'Api->Hello': 'GET /hello invokes the function through a proxy integration; a resource policy lets this API, and only it, invoke the function.',
      },
    }),
});
