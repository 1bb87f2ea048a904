import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseKeys } from '../../protocol';
import { environmentOf, forgetKeys, hasKeys, profileNames, rememberKeys } from './session';

const saved = { config: process.env.AWS_CONFIG_FILE, credentials: process.env.AWS_SHARED_CREDENTIALS_FILE };
afterEach(() => {
  process.env.AWS_CONFIG_FILE = saved.config;
  process.env.AWS_SHARED_CREDENTIALS_FILE = saved.credentials;
  if (saved.config === undefined) delete process.env.AWS_CONFIG_FILE;
  if (saved.credentials === undefined) delete process.env.AWS_SHARED_CREDENTIALS_FILE;
});

describe('profile names', () => {
  it('GIVEN config and credentials files THEN the profile names are offered, never their contents, and SSO sessions are not profiles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eventform-aws-'));
    writeFileSync(join(dir, 'config'), '[default]\nregion = eu-west-1\n[profile work]\nsso_session = corp\n[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\n');
    writeFileSync(join(dir, 'credentials'), '[default]\naws_access_key_id = TESTKEYID\naws_secret_access_key = TESTSECRET\n[ci]\naws_access_key_id = X\n');
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    expect(profileNames()).toEqual(['ci', 'default', 'work']);
  });
});

describe('keys typed into the page', () => {
  const aws = { target: { kind: 'aws', region: 'eu-west-1' }, credentials: { kind: 'keys' } };

  it('GIVEN keys held for this launch WHEN they are forgotten THEN the server holds none and a deploy with them is refused', async () => {
    rememberKeys({ accessKeyId: 'AKIAFORGETME0000', secretAccessKey: 'secret-to-forget-0000' });
    expect(hasKeys()).toBe(true);
    expect(typeof (await environmentOf(aws))).toBe('object');
    expect(forgetKeys()).toBe(true);
    expect(hasKeys()).toBe(false);
    expect(await environmentOf(aws)).toBe('No access keys are held: enter them again');
    expect(forgetKeys()).toBe(false);
  });

  it('GIVEN an unknown target kind or an invalid region THEN the request is refused, never taken to mean AWS or us-east-1', async () => {
    expect(await environmentOf({ target: { kind: 5, region: 'us-east-1' } })).toMatch(/Unknown target "5"/);
    expect(await environmentOf({ target: { kind: 'aws', region: 'moon-1' }, credentials: { kind: 'environment' } })).toMatch(/not an AWS region/);
  });

  it.each([
    ['a key id in an array', { accessKeyId: ['AKIAARRAY0000000'], secretAccessKey: 'secret/secret/secret+0000' }],
    ['a number', { accessKeyId: 'AKIANUMBER000000', secretAccessKey: 1234 }],
    ['a token with CR/LF', { accessKeyId: 'AKIACRLF00000000', secretAccessKey: 'secret/secret/secret+0000', sessionToken: 'token\r\nX-Injected: yes' }],
    ['a key id that is no key id', { accessKeyId: 'akia-lower', secretAccessKey: 'secret/secret/secret+0000' }],
  ] as [string, unknown][])('GIVEN keys with %s THEN they are refused', (_case, body) => {
    expect(parseKeys(body).ok).toBe(false);
  });
});
