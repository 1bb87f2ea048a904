import { readdirSync, readFileSync, statSync } from 'node:fs';
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

const HOST = '127.0.0.1:3000';
const request = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  new Request(`http://${HOST}${path}`, {
    method: init.method ?? 'POST',
    headers: { host: HOST, origin: `http://${HOST}`, 'content-type': 'application/json', ...init.headers },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
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
      const cookie = keys.headers.get('set-cookie')!.split(';')[0];
      expect(cookie).toMatch(/^eventform_session=[0-9a-f-]{36}$/);
      bodies.push(cookie, await readAll(keys));
      const env = { target: { kind: 'endpoint', region: 'us-east-1', endpoint: sandbox.endpoint }, credentials: { kind: 'keys' } };
      const identity = await postIdentity(request('/api/identity', { body: env, headers: { cookie } }));
      const who = await readAll(identity);
      bodies.push(who);
      expect(JSON.parse(who)).toMatchObject({ account: '123456789012', region: 'us-east-1' });

      const graph = diagram({ name: 'Keys test', nodes: { Jobs: 'sqs', Worker: 'lambda' }, edges: [['Jobs', 'Worker']] });
      const deployment = await postDeployment(request('/api/deployments', { body: { ...env, stackName: 'keys-test', diagram: JSON.parse(serializeGraph(graph)) }, headers: { cookie } }));
      const { operationId } = JSON.parse(await readAll(deployment));
      const id = { params: Promise.resolve({ id: operationId }) };
      for (let i = 0; i < 50; i++) {
        const confirm = await postConfirm(request(`/api/operations/${operationId}/confirm`, { headers: { cookie } }), id);
        bodies.push(await readAll(confirm));
        if (confirm.status === 200) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const events = await readAll(await getEvents(request(`/api/operations/${operationId}/events`, { method: 'GET' }), id));
      bodies.push(events);
      expect(events).toMatch(/"type":"done","ok":true/);
      bodies.push(await readAll(await postStacks(request('/api/stacks', { body: env, headers: { cookie } }))));
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
    for (const text of [...bodies, ...logged]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(ACCESS_KEY);
    }
    for (const file of recentFiles([process.cwd(), tmpdir()], started)) {
      const content = readFileSync(file, 'latin1');
      expect(content.includes(SECRET) || content.includes(ACCESS_KEY), file).toBe(false);
    }
  }, 120_000);
});

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
