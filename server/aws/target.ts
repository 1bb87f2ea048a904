/**
 * Where a deployment goes and with whose credentials, resolved server-side only. Credentials are
 * providers handed to the SDK: their values never leave this process (no response, log or file).
 */
import { fromEnv, fromIni } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';

export type Target = { kind: 'aws'; region: string } | { kind: 'endpoint'; region: string; endpoint: string } | { kind: 'sandbox'; region: string; endpoint: string };

export type CredentialSource =
  | { kind: 'profile'; profile: string }
  | { kind: 'environment' }
  /** Keys typed into the page, held in this server's memory only. */
  | { kind: 'keys'; keys: AwsCredentialIdentity }
  /** The local sandbox accepts any keys; these are not secrets. */
  | { kind: 'sandbox' }
  /** Fixed fake keys for an emulator behind a custom endpoint: not secrets either. */
  | { kind: 'dummy' };

export const SANDBOX_KEYS: AwsCredentialIdentity = { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' };

export interface ClientConfig {
  region: string;
  endpoint?: string;
  credentials: AwsCredentialIdentityProvider;
  forcePathStyle?: boolean;
  maxAttempts?: number;
}

function credentialsOf(source: CredentialSource): AwsCredentialIdentityProvider {
  switch (source.kind) {
    case 'profile':
      // fromIni follows SSO and credential_process profiles as the AWS CLI does.
      return fromIni({ profile: source.profile });
    case 'environment':
      return fromEnv();
    case 'keys': {
      const keys = { ...source.keys };
      return async () => keys;
    }
    case 'sandbox':
    case 'dummy':
      return async () => SANDBOX_KEYS;
  }
}

export function clientConfig(target: Target, source: CredentialSource): ClientConfig {
  const config: ClientConfig = { region: target.region, credentials: credentialsOf(source) };
  if (target.kind !== 'aws') {
    config.endpoint = target.endpoint;
    config.forcePathStyle = true;
  }
  // moto answers errors with HTTP 500 from the call itself: retrying would only repeat them.
  if (target.kind === 'sandbox') config.maxAttempts = 1;
  return config;
}

/** Turns credential errors into what the user should do next; never echoes secrets. */
export function explainCredentialError(error: unknown, source: CredentialSource): string {
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : '';
  if (source.kind === 'profile') {
    if (/sso.*(expired|refresh)|token.*expired|expired.*token/i.test(message))
      return `The SSO session of profile "${source.profile}" has expired: run  aws sso login --profile ${source.profile}  and try again`;
    if (/could not resolve credentials|profile .* (could not be found|not found)|Profile .* not found/i.test(message))
      return `Profile "${source.profile}" was not found in ~/.aws/config or ~/.aws/credentials, or it has no credentials`;
  }
  if (source.kind === 'environment' && /Unable to find environment variable credentials/i.test(message))
    return 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set in the environment of the Eventform server';
  if (/InvalidClientTokenId|SignatureDoesNotMatch|UnrecognizedClient/i.test(`${name} ${message}`)) return 'AWS refused these credentials (invalid key id or secret)';
  if (/ExpiredToken/i.test(`${name} ${message}`)) return 'These credentials have expired: get new ones (or a new session token) and try again';
  return `Could not use these credentials: ${message.replace(/[A-Za-z0-9/+=]{30,}/g, '[hidden]')}`;
}
