import { channel } from 'node:diagnostics_channel';
import { createServer, request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterRequestsLeave } from './while-waiting';

let server: Server;
let port = 0;
beforeAll(async () => {
  server = createServer((_, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A request to the local server; resolves with its answer. */
const ask = () =>
  new Promise<string>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/' }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });

describe('work done while requests travel', () => {
  it('GIVEN two requests about to be made WHEN waiting for two to leave THEN it resolves after the second has left, not after the first', async () => {
    const order: string[] = [];
    const left = afterRequestsLeave(2).then(() => order.push('both left'));
    const first = ask();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    order.push('second made');
    const second = ask();
    await left;
    expect(order).toEqual(['second made', 'both left']);
    await Promise.all([first, second]);
  });

  it('GIVEN no request is ever made WHEN the fallback settles (even by failing) THEN it resolves', async () => {
    await expect(afterRequestsLeave(1, Promise.reject(new Error('no credentials')))).resolves.toBeUndefined();
  });

  it('GIVEN it has resolved THEN it no longer listens to the requests the process makes', async () => {
    const pending = afterRequestsLeave(1);
    expect(channel('http.client.request.start').hasSubscribers).toBe(true);
    await Promise.all([ask(), pending]);
    expect(channel('http.client.request.start').hasSubscribers).toBe(false);
  });
});
