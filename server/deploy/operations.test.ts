import { describe, expect, it } from 'vitest';
import { explainCredentialError } from '../aws/target';
import { emitTo, finish, StackBusyError, startOperation } from './operations';

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

describe('credential errors', () => {
  it.each([
    [new Error('The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login'), 'The SSO session of profile "work" has expired: run  aws sso login --profile work  and try again'],
    [Object.assign(new Error('Could not resolve credentials using profile: [work] in configuration/credentials file(s).'), { name: 'CredentialsProviderError' }), 'Profile "work" was not found in ~/.aws/config or ~/.aws/credentials, or it has no credentials'],
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
