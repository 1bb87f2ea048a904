import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serializeGraph } from '../../generators';
import { diagram } from '../../generators/graph/build';
import { POST as postKeys } from '../../app/api/keys/route';
import { POST as postIdentity } from '../../app/api/identity/route';
import { POST as postDeployment } from '../../app/api/deployments/route';
import { POST as postStacks } from '../../app/api/stacks/route';
import { POST as postBuckets } from '../../app/api/stacks/buckets/route';
import { POST as postDestruction } from '../../app/api/destructions/route';
import { POST as postConfirm } from '../../app/api/operations/[id]/confirm/route';
import { POST as postCancel } from '../../app/api/operations/[id]/cancel/route';
import { GET as getEvents } from '../../app/api/operations/[id]/events/route';
import { GET as getProfiles } from '../../app/api/profiles/route';
import { POST as postSamples } from '../../app/api/samples/route';
import { startMoto, type Sandbox } from '../sandbox/moto';
import { getOperation } from '../deploy/operations';
import { LAUNCH_TOKEN_HEADER } from '../../protocol';

const HOST = '127.0.0.1:3000';
// The launch token this test's "server" was started with, as `npm start` hands it over.
const TOKEN = 'security-test-launch-token-0123456789abcdef';
process.env.EVENTFORM_TOKEN = TOKEN;
const request = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string | null> } = {}) => {
  const headers = new Headers({ host: HOST, origin: `http://${HOST}`, 'content-type': 'application/json', [LAUNCH_TOKEN_HEADER]: TOKEN });
  for (const [name, value] of Object.entries(init.headers ?? {})) value === null ? headers.delete(name) : headers.set(name, value);
  return new Request(`http://${HOST}${path}`, { method: init.method ?? 'POST', headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
};
const params = { params: Promise.resolve({ id: '00000000-0000-4000-8000-000000000000' }) };

const STATE_CHANGING: [string, (r: Request) => Promise<Response>][] = [
  ['/api/keys', postKeys],
  ['/api/identity', postIdentity],
  ['/api/deployments', postDeployment],
  ['/api/stacks', postStacks],
  ['/api/stacks/buckets', postBuckets],
  ['/api/destructions', postDestruction],
  ['/api/samples', postSamples],
  ['/api/operations/x/confirm', (r) => postConfirm(r, params)],
  ['/api/operations/x/cancel', (r) => postCancel(r, params)],
];

describe('requests from elsewhere', () => {
  it.each(STATE_CHANGING)('GIVEN %s WHEN called from a foreign origin, with a foreign Host, or without JSON THEN it is refused', async (path, handler) => {
    const foreignOrigin = await handler(request(path, { body: {}, headers: { origin: 'http://evil.example' } }));
    expect(foreignOrigin.status).toBe(403);
    expect(await foreignOrigin.json()).toEqual({ error: 'Refused: cross-origin request from http://evil.example' });
    const foreignHost = await handler(request(path, { body: {}, headers: { host: 'evil.example:3000', origin: 'http://evil.example:3000' } }));
    expect(foreignHost.status).toBe(403);
    expect((await foreignHost.json()).error).toMatch(/unexpected Host "evil.example:3000"/);
    const form = await handler(request(path, { body: {}, headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    expect(form.status).toBe(415);
  });

  it('GIVEN the read-only endpoints WHEN called with a foreign Host THEN they are refused too (DNS rebinding)', async () => {
    expect((await getProfiles(request('/api/profiles', { method: 'GET', headers: { host: 'rebound.example' } }))).status).toBe(403);
    expect((await getEvents(request('/api/operations/x/events', { method: 'GET', headers: { host: 'rebound.example' } }), params)).status).toBe(403);
  });
});

describe('requests without the launch token', () => {
  it.each(STATE_CHANGING)('GIVEN %s WHEN called without the token, with a wrong one, or without an Origin THEN it is refused', async (path, handler) => {
    const none = await handler(request(path, { body: {}, headers: { [LAUNCH_TOKEN_HEADER]: null } }));
    expect(none.status).toBe(401);
    expect((await none.json()).error).toMatch(/does not carry the launch token/);
    expect((await handler(request(path, { body: {}, headers: { [LAUNCH_TOKEN_HEADER]: `${TOKEN}x` } }))).status).toBe(401);
    // A process on this machine sends no Origin: it used to pass.
    const noOrigin = await handler(request(path, { body: {}, headers: { origin: null } }));
    expect(noOrigin.status).toBe(403);
  });

  it('GIVEN the read-only endpoints WHEN called without the token THEN they are refused (profiles, events)', async () => {
    expect((await getProfiles(request('/api/profiles', { method: 'GET', headers: { [LAUNCH_TOKEN_HEADER]: null } }))).status).toBe(401);
    expect((await getEvents(request('/api/operations/x/events', { method: 'GET', headers: { [LAUNCH_TOKEN_HEADER]: null } }), params)).status).toBe(401);
    expect((await getProfiles(request('/api/profiles', { method: 'GET' }))).status).toBe(200);
  });
});

describe('custom endpoints', () => {
  const keysTo = (endpoint: string, confirmed?: string) => ({
    target: { kind: 'endpoint', region: 'us-east-1', endpoint },
    credentials: { kind: 'environment' },
    ...(confirmed ? { realCredentialsFor: confirmed } : {}),
  });

  it('GIVEN real credentials for a custom endpoint WHEN the host is not confirmed by name THEN nothing is signed with them', async () => {
    const refused = await postIdentity(request('/api/identity', { body: keysTo('http://127.0.0.1:4566') }));
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatch(/Real credentials would be sent to 127\.0\.0\.1:4566: confirm that host first/);
    const otherHost = await postIdentity(request('/api/identity', { body: keysTo('http://127.0.0.1:4566', '127.0.0.1:9999') }));
    expect(otherHost.status).toBe(400);
  });

  it('GIVEN a plain-http endpoint on another machine THEN real credentials never go there, even confirmed; dummy ones may', async () => {
    const refused = await postIdentity(request('/api/identity', { body: keysTo('http://collector.example:4566', 'collector.example:4566') }));
    expect((await refused.json()).error).toMatch(/plain http: real credentials \(and any session token\) would cross the network in clear/);
    const dummy = await postIdentity(request('/api/identity', { body: { target: { kind: 'endpoint', region: 'us-east-1', endpoint: 'http://127.0.0.1:1' }, credentials: { kind: 'dummy' } } }));
    // Dummy keys are accepted as a choice; the endpoint itself is unreachable here.
    expect((await dummy.json()).error ?? '').not.toMatch(/confirm that host|plain http/);
  });
});

describe('bodies', () => {
  it('GIVEN a body that is null, an array or not JSON THEN it is refused with 400, never a 500', async () => {
    for (const body of ['null', '[1]', '"text"', '{broken']) {
      const response = await postIdentity(
        new Request(`http://${HOST}/api/identity`, { method: 'POST', headers: { host: HOST, origin: `http://${HOST}`, 'content-type': 'application/json', [LAUNCH_TOKEN_HEADER]: TOKEN }, body }),
      );
      expect(response.status, body).toBe(400);
    }
  });

  it('GIVEN a body over the limit THEN it is refused while it streams in, before it is all held in memory', async () => {
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(32);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await postIdentity(
      new Request(`http://${HOST}/api/identity`, {
        method: 'POST',
        headers: { host: HOST, origin: `http://${HOST}`, 'content-type': 'application/json', [LAUNCH_TOKEN_HEADER]: TOKEN },
        body: endless,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    // Read up to the 6 MiB limit and a little past it, never the whole (endless) body.
    expect(sent).toBeLessThan(16 * 1024 * 1024);
  });
});

describe('credentials', () => {
  // Shaped like a key id without being one (no AKIA prefix), so no scanner mistakes it for a leak.
  const ACCESS_KEY = 'TESTEVENTFORMKEYID01';
  const SECRET = 'eventform/TEST/secret/0123456789abcdefghijklmn';
  let sandbox: Sandbox;
  const started = Date.now();
  beforeAll(async () => {
    sandbox = await startMoto();
  }, 60_000);
  afterAll(() => sandbox?.stop());

  async function readAll(response: Response) {
    return response.body ? await new Response(response.body).text() : '';
  }

  it('GIVEN keys typed into the page WHEN used to check the identity, deploy and list stacks THEN they appear in no response, log line or file', async () => {
    const logged: string[] = [];
    const capture = (chunk: unknown) => void logged.push(String(chunk));
    const spies = [
      vi.spyOn(process.stdout, 'write').mockImplementation((c) => (capture(c), true)),
      vi.spyOn(process.stderr, 'write').mockImplementation((c) => (capture(c), true)),
      ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation((...a) => capture(a.join(' ')))),
    ];
    const bodies: string[] = [];
    try {
      const keys = await postKeys(request('/api/keys', { body: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET } }));
      // Bound to the launch, never to a cookie another web server on this machine would be sent.
      expect(keys.headers.get('set-cookie')).toBeNull();
      bodies.push(await readAll(keys));
      // A custom endpoint gets real credentials only for a host confirmed by name.
      const env = { target: { kind: 'endpoint', region: 'us-east-1', endpoint: sandbox.endpoint }, credentials: { kind: 'keys' }, realCredentialsFor: new URL(sandbox.endpoint).host };
      const identity = await postIdentity(request('/api/identity', { body: env }));
      const who = await readAll(identity);
      bodies.push(who);
      expect(JSON.parse(who)).toMatchObject({ account: '123456789012', region: 'us-east-1' });

      const graph = diagram({ name: 'Keys test', nodes: { Jobs: 'sqs', Worker: 'lambda' }, edges: [['Jobs', 'Worker']] });
      const deployment = await postDeployment(request('/api/deployments', { body: { ...env, stackName: 'keys-test', acknowledged: ['CAPABILITY_IAM'], diagram: JSON.parse(serializeGraph(graph)) } }));
      const { operationId } = JSON.parse(await readAll(deployment));
      const id = { params: Promise.resolve({ id: operationId }) };
      // Confirmed once its change set waits for it: on a loaded machine planning (the function's build, the change set) takes
      // as long as it takes, so the wait is for that state, bounded only by the test's own time, never by a count of tries.
      for (;;) {
        const confirm = await postConfirm(request(`/api/operations/${operationId}/confirm`, {}), id);
        bodies.push(await readAll(confirm));
        if (confirm.status === 200) break;
        const operation = getOperation(operationId);
        if (!operation || operation.finishedAt !== undefined) throw new Error(`the deployment ended before its change set waited: ${JSON.stringify(operation?.events.at(-1))}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const events = await readAll(await getEvents(request(`/api/operations/${operationId}/events`, { method: 'GET' }), id));
      bodies.push(events);
      expect(events).toMatch(/"type":"done","ok":true/);
      bodies.push(await readAll(await postStacks(request('/api/stacks', { body: env }))));
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
    for (const text of [...bodies, ...logged]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(ACCESS_KEY);
    }
    for (const file of recentFiles([process.cwd(), tmpdir()], started)) {
      // Other test files run beside this one: a build folder they remove between the listing and the
      // read is no longer on disk, and what is not on disk is not what this test looks for.
      const content = readIfPresent(file);
      expect(content !== undefined && (content.includes(SECRET) || content.includes(ACCESS_KEY)), file).toBe(false);
    }
  }, 120_000);
});

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'latin1');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Files written since `since` under the given folders (skipping dependencies and build output). */
function recentFiles(roots: string[], since: number): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 6) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (['node_modules', '.git', '.next'].includes(entry.name)) continue;
      const path = join(dir, entry.name);
      try {
        if (entry.isDirectory()) walk(path, depth + 1);
        else if (entry.isFile() && statSync(path).mtimeMs >= since && statSync(path).size < 50 * 1024 * 1024) found.push(path);
      } catch {
        /* vanished meanwhile */
      }
    }
  };
  roots.forEach((r) => walk(r, 0));
  return found;
}

describe('the local sandbox', () => {
  const raw = (endpoint: string, headers: Record<string, string>) =>
    new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
      const url = new URL(`${endpoint}/moto-api/`);
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, headers }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
      });
      req.on('error', reject);
      req.end();
    });

  it('GIVEN the sandbox the app starts WHEN a web page calls it (an Origin) or reaches it through another name (DNS rebinding) THEN it refuses; the app itself gets through, with no CORS headers', async () => {
    const sandbox = await startMoto();
    try {
      const host = new URL(sandbox.endpoint).host;
      const app = await raw(sandbox.endpoint, { host });
      expect(app.status).toBe(200);
      expect(Object.keys(app.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      expect((await raw(sandbox.endpoint, { host, origin: 'http://evil.example' })).status).toBe(403);
      expect((await raw(sandbox.endpoint, { host: 'rebound.evil.example' })).status).toBe(403);
    } finally {
      sandbox.stop();
    }
  }, 60_000);
});
