/**
 * A scripted CloudFormation endpoint for what moto cannot show: per-resource events appearing over
 * time, failures and rollbacks, throttling and dropped connections. It answers the Query API with
 * the XML shapes CloudFormation itself returns, on 127.0.0.1 only.
 */
import { createServer, type Server } from 'node:http';

export interface FakeEvent {
  logicalId: string;
  type: string;
  status: string;
  reason?: string;
}

export interface Script {
  stackName: string;
  /** Each DescribeStacks call moves one step on: the stack's status then, and the events that have appeared by then. */
  timeline: { status: string; events: FakeEvent[] }[];
  /** Request numbers (1-based, over all requests) answered with a fault instead. */
  faults?: Record<number, 'throttle' | 'drop'>;
  /** Move on by wall-clock time instead (one step every stepMs after ExecuteChangeSet): for measuring display delay. */
  stepMs?: number;
}

const xml = (text: string) => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
const NS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';

export interface Fake {
  endpoint: string;
  /** When each step's events appeared (wall-clock ms), for time-based scripts. */
  revealedAt: number[];
  requests: string[];
  close(): Promise<void>;
}

export async function startCloudFormationFake(script: Script): Promise<Fake> {
  const stackId = `arn:aws:cloudformation:us-east-1:123456789012:stack/${script.stackName}/00000000-0000-4000-8000-000000000000`;
  const requests: string[] = [];
  let step = 0;
  let executedAt = 0;
  const revealedAt: number[] = [];
  const timeStep = () => {
    if (!script.stepMs || !executedAt) return;
    const target = Math.min(Math.floor((Date.now() - executedAt) / script.stepMs), script.timeline.length - 1);
    while (step < target) revealedAt[++step] = executedAt + step * script.stepMs;
  };
  const start = Date.UTC(2026, 10, 27, 12, 0, 0);
  const revealed = () => script.timeline.slice(0, step + 1).flatMap((s) => s.events);

  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const action = new URLSearchParams(body).get('Action') ?? '?';
      requests.push(action);
      timeStep();
      const fault = script.faults?.[requests.length];
      if (fault === 'drop') {
        request.socket.destroy();
        return;
      }
      const send = (status: number, text: string) => {
        response.writeHead(status, { 'Content-Type': 'text/xml' });
        response.end(text);
      };
      if (fault === 'throttle')
        return send(400, `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>t</RequestId></ErrorResponse>`);
      const wrap = (name: string, result: string) =>
        send(200, `<${name}Response xmlns="${NS}"><${name}Result>${result}</${name}Result><ResponseMetadata><RequestId>r${requests.length}</RequestId></ResponseMetadata></${name}Response>`);
      switch (action) {
        case 'ExecuteChangeSet':
          executedAt = Date.now();
          return wrap('ExecuteChangeSet', '');
        case 'DescribeStacks': {
          const current = script.timeline[Math.min(step, script.timeline.length - 1)];
          if (!script.stepMs && requests.filter((r) => r === 'DescribeStacks').length > 2) step = Math.min(step + 1, script.timeline.length - 1);
          return wrap(
            'DescribeStacks',
            `<Stacks><member><StackId>${stackId}</StackId><StackName>${xml(script.stackName)}</StackName><StackStatus>${current.status}</StackStatus><CreationTime>${new Date(start).toISOString()}</CreationTime></member></Stacks>`,
          );
        }
        case 'DescribeStackEvents': {
          const events = revealed()
            .map((e, i) => ({ ...e, id: `event-${i}`, time: new Date(start + i * 1000).toISOString() }))
            .reverse();
          return wrap(
            'DescribeStackEvents',
            `<StackEvents>${events
              .map(
                (e) =>
                  `<member><EventId>${e.id}</EventId><StackId>${stackId}</StackId><StackName>${xml(script.stackName)}</StackName><LogicalResourceId>${xml(e.logicalId)}</LogicalResourceId><ResourceType>${xml(e.type)}</ResourceType><Timestamp>${e.time}</Timestamp><ResourceStatus>${e.status}</ResourceStatus>${e.reason ? `<ResourceStatusReason>${xml(e.reason)}</ResourceStatusReason>` : ''}</member>`,
              )
              .join('')}</StackEvents>`,
          );
        }
        default:
          return send(
            400,
            `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>The fake does not script ${xml(action)}</Message></Error><RequestId>x</RequestId></ErrorResponse>`,
          );
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { endpoint: `http://127.0.0.1:${port}`, requests, revealedAt, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
