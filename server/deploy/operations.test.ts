import { describe, expect, it, vi } from 'vitest';
import { describeError } from './aws-errors';
import { explainCredentialError } from '../aws/target';
import { stackKeyOf } from '../http/run-operation';
import { emitTo, finish, FINISHED_OPERATION_TTL_MS, getOperation, StackBusyError, startOperation } from './operations';

const SANDBOX = { kind: 'sandbox' as const, region: 'us-east-1' };

describe('operations', () => {
  it('GIVEN a running deployment of a stack WHEN a second operation on it starts THEN it is refused clearly; once finished, a new one may start', () => {
    const first = startOperation('deploy', 'sandbox|x|us-east-1|orders', 'orders');
    expect(() => startOperation('destroy', 'sandbox|x|us-east-1|orders', 'orders')).toThrow(StackBusyError);
    expect(() => startOperation('destroy', 'sandbox|x|us-east-1|orders', 'orders')).toThrow(/A deploy of orders is already in progress/);
    expect(startOperation('deploy', 'sandbox|x|us-east-1|other', 'other').stackName).toBe('other');
    finish(first, 'succeeded');
    expect(startOperation('destroy', 'sandbox|x|us-east-1|orders', 'orders').kind).toBe('destroy');
  });

  it('GIVEN an operation THEN every event is kept for a page that reconnects, and live listeners get them too', () => {
    const op = startOperation('deploy', 'k-events', 'events');
    const heard: string[] = [];
    op.listeners.add((e) => heard.push(e.type));
    emitTo(op)({ type: 'notice', message: 'one' });
    emitTo(op)({ type: 'done', ok: true, status: 'X', message: 'two' });
    expect(op.events.map((e) => e.type)).toEqual(['notice', 'done']);
    expect(heard).toEqual(['notice', 'done']);
  });
});

describe('finished operations', () => {
  it('GIVEN an operation finished over an hour ago WHEN another starts THEN the old one is dropped; a recent one is still replayable', () => {
    const old = startOperation('deploy', 'k-prune-old', 'old', SANDBOX, 0);
    finish(old, 'succeeded', 1000);
    const recent = startOperation('deploy', 'k-prune-recent', 'recent', SANDBOX, 0);
    finish(recent, 'failed', FINISHED_OPERATION_TTL_MS);
    const running = startOperation('deploy', 'k-prune-running', 'running', SANDBOX, 0);
    startOperation('deploy', 'k-prune-next', 'next', SANDBOX, FINISHED_OPERATION_TTL_MS + 2000);
    expect(getOperation(old.id)).toBeUndefined();
    expect(getOperation(recent.id)).toBe(recent);
    expect(getOperation(running.id)).toBe(running);
  });
});

describe('credential errors', () => {
  it.each([
    [
      new Error('The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login'),
      'The SSO session of profile "work" has expired: run  aws sso login --profile work  and try again',
    ],
    [
      Object.assign(new Error('Could not resolve credentials using profile: [work] in configuration/credentials file(s).'), { name: 'CredentialsProviderError' }),
      'Profile "work" was not found in ~/.aws/config or ~/.aws/credentials, or it has no credentials',
    ],
    [Object.assign(new Error('The security token included in the request is invalid.'), { name: 'InvalidClientTokenId' }), 'AWS refused these credentials (invalid key id or secret)'],
  ])('GIVEN %s THEN the user is told what to do', (error, expected) => {
    expect(explainCredentialError(error, { kind: 'profile', profile: 'work' })).toBe(expected);
  });

  it('GIVEN an unexpected error that quotes a secret-looking string THEN it is hidden', () => {
    const message = explainCredentialError(new Error('bad signature for wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'), { kind: 'environment' });
    expect(message).not.toContain('wJalrXUtnFEMI');
    expect(message).toContain('[hidden]');
  });
});

describe('the end of an operation', () => {
  it('GIVEN a deploy that finishes THEN whoever hears its last event already sees the final state (it used to say "running")', () => {
    const op = startOperation('deploy', 'k-final-state', 'final', SANDBOX);
    op.state = 'running';
    const seen: string[] = [];
    op.listeners.add((e) => seen.push(`${e.type}:${op.state}`));
    emitTo(op)({ type: 'done', ok: true, status: 'CREATE_COMPLETE', message: 'done' });
    expect(seen).toEqual(['done:succeeded']);
    const failed = startOperation('deploy', 'k-final-failed', 'failed', SANDBOX);
    emitTo(failed)({ type: 'done', ok: false, status: 'ROLLBACK_COMPLETE', message: 'no' });
    expect(failed.state).toBe('failed');
    // Its lock is released: the stack can be deployed again.
    expect(startOperation('deploy', 'k-final-failed', 'failed', SANDBOX).state).toBe('planning');
  });
});

describe('one operation per stack, however its endpoint is written', () => {
  it.each(['http://127.0.0.1:5056', 'http://127.0.0.1:5056/', 'http://localhost:5056', 'http://127.0.0.1:5056/.', 'HTTP://LOCALHOST:5056'])(
    'GIVEN a deploy running on :5056 WHEN another targets %s THEN it is the same stack, and refused',
    (endpoint) => {
      const env = (url: string) => ({ target: { kind: 'endpoint' as const, region: 'us-east-1', endpoint: url }, credentials: { kind: 'dummy' as const } });
      const first = startOperation('deploy', stackKeyOf(env('http://127.0.0.1:5056'), `lock-${endpoint.length}`), 'orders', SANDBOX);
      expect(() => startOperation('deploy', stackKeyOf(env(endpoint), `lock-${endpoint.length}`), 'orders', SANDBOX)).toThrow(StackBusyError);
      // Another region is another stack.
      expect(stackKeyOf({ ...env(endpoint), target: { ...env(endpoint).target, region: 'eu-west-1' } }, 'x')).not.toBe(stackKeyOf(env(endpoint), 'x'));
      finish(first, 'succeeded');
    },
  );
});

describe('errors the page is shown', () => {
  it("GIVEN a bug of ours (a TypeError) THEN the page gets a plain sentence, never the program's text; an AWS answer is shown as AWS gave it", () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((m) => void errors.push(String(m)));
    try {
      const bug = (() => {
        try {
          (undefined as unknown as { x: number }).x;
        } catch (error) {
          return error;
        }
      })();
      expect(describeError(bug)).toBe('an unexpected error in the Eventform server (its log has the details)');
      expect(errors[0]).toMatch(/TypeError: Cannot read properties of undefined/);
      expect(describeError(Object.assign(new Error('Stack [x] does not exist'), { name: 'ValidationError', $metadata: {} }))).toBe('ValidationError: Stack [x] does not exist');
    } finally {
      spy.mockRestore();
    }
  });
});
