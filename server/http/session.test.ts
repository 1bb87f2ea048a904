import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { profileNames } from './session';

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
