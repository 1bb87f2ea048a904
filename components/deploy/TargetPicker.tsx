'use client';

import { useEffect, useState } from 'react';
import { endpointHost } from '@/protocol';
import type { TargetChoice } from './api';
import { get, post } from './api';

interface Offer {
  profiles: string[];
  environment: boolean;
  keys: boolean;
  sandbox: { available: boolean; hint?: string };
}

/** Where to deploy and with which credentials; the keys form posts to the server, which keeps them in memory. */
/** The host a custom endpoint names, or null while it is not a URL yet. */
function endpointHostOf(endpoint: string | undefined): string | null {
  try {
    return endpoint ? endpointHost(endpoint) : null;
  } catch {
    return null;
  }
}

export function TargetPicker({ value, onChange }: { value: TargetChoice; onChange: (choice: TargetChoice) => void }) {
  const [offer, setOffer] = useState<Offer | null>(null);
  const [keyId, setKeyId] = useState('');
  const [secret, setSecret] = useState('');
  const [keysMessage, setKeysMessage] = useState('');
  useEffect(() => {
    void get<Offer>('/api/profiles').then(setOffer, () => undefined);
  }, []);
  const kind = value.target.kind;
  // Another target or endpoint drops the confirmation given for the previous host.
  const setTarget = (target: Partial<TargetChoice['target']>) => onChange({ ...value, realCredentialsFor: undefined, target: { ...value.target, ...target } });
  const credentialKind = value.credentials?.kind ?? '';
  const realCredentials = credentialKind !== '' && credentialKind !== 'dummy';

  return (
    <fieldset className="space-y-2 text-sm">
      <legend className="font-semibold">Target</legend>
      <div className="flex flex-wrap gap-3">
        {(
          [
            ['sandbox', 'Local sandbox (moto, no AWS account)'],
            ['aws', 'AWS'],
            ['endpoint', 'Custom endpoint (LocalStack-style)'],
          ] as const
        ).map(([k, label]) => (
          <label key={k} className="flex items-center gap-1">
            <input type="radio" name="deploy-target" checked={kind === k} onChange={() => setTarget({ kind: k })} /> {label}
          </label>
        ))}
      </div>
      {kind === 'sandbox' && offer && !offer.sandbox.available && (
        <p role="alert" className="text-red-700">
          {offer.sandbox.hint}
        </p>
      )}
      {kind === 'endpoint' && (
        <label className="block">
          Endpoint URL
          <input className="mt-1 w-full rounded border px-2 py-1" value={value.target.endpoint ?? ''} placeholder="http://127.0.0.1:4566" onChange={(e) => setTarget({ endpoint: e.target.value })} />
        </label>
      )}
      <label className="block">
        Region
        <input className="mt-1 w-40 rounded border px-2 py-1" value={value.target.region} onChange={(e) => setTarget({ region: e.target.value.trim() })} />
      </label>
      {kind !== 'sandbox' && (
        <div className="space-y-2">
          <label className="block">
            Credentials
            <select
              className="mt-1 block rounded border px-2 py-1"
              value={credentialKind === 'profile' ? `profile:${(value.credentials as { profile: string }).profile}` : credentialKind}
              onChange={(e) => {
                const v = e.target.value;
                onChange({
                  target: value.target,
                  credentials: v.startsWith('profile:')
                    ? { kind: 'profile', profile: v.slice(8) }
                    : v === 'environment'
                      ? { kind: 'environment' }
                      : v === 'keys'
                        ? { kind: 'keys' }
                        : v === 'dummy'
                          ? { kind: 'dummy' }
                          : undefined,
                });
              }}
            >
              <option value="">Choose…</option>
              {kind === 'endpoint' && <option value="dummy">Dummy credentials (what emulators expect)</option>}
              {offer?.profiles.map((p) => (
                <option key={p} value={`profile:${p}`}>
                  Profile {p}
                </option>
              ))}
              <option value="environment">Environment variables of the server{offer?.environment ? '' : ' (not set)'}</option>
              <option value="keys">Access keys typed here{offer?.keys ? ' (entered)' : ''}</option>
            </select>
          </label>
          {kind === 'endpoint' && realCredentials && endpointHostOf(value.target.endpoint) && (
            <label className="flex items-start gap-2 rounded border border-amber-300 bg-amber-50 p-2 text-amber-950">
              <input
                type="checkbox"
                checked={value.realCredentialsFor === endpointHostOf(value.target.endpoint)}
                onChange={(e) => onChange({ ...value, realCredentialsFor: e.target.checked ? (endpointHostOf(value.target.endpoint) ?? undefined) : undefined })}
              />
              <span>
                Send my real AWS credentials to <strong>{endpointHostOf(value.target.endpoint)}</strong>. Anyone running that endpoint can use them as me.
              </span>
            </label>
          )}
          {credentialKind === 'keys' && (
            <div className="space-y-1 rounded border border-slate-200 p-2">
              <p className="text-xs text-slate-600">Sent once to this local server and kept in its memory for this session only: never stored, logged or sent back.</p>
              <input aria-label="Access key id" className="w-full rounded border px-2 py-1 font-mono" autoComplete="off" value={keyId} onChange={(e) => setKeyId(e.target.value.trim())} />
              <input
                aria-label="Secret access key"
                type="password"
                className="w-full rounded border px-2 py-1 font-mono"
                autoComplete="off"
                value={secret}
                onChange={(e) => setSecret(e.target.value)}
              />
              <button
                type="button"
                className="rounded border px-2 py-0.5"
                onClick={async () => {
                  try {
                    await post('/api/keys', { accessKeyId: keyId, secretAccessKey: secret });
                    setSecret('');
                    setKeysMessage('Keys held by the server for this session.');
                  } catch (error) {
                    setKeysMessage((error as Error).message);
                  }
                }}
              >
                Use these keys
              </button>
              <button
                type="button"
                className="ml-2 rounded border px-2 py-0.5"
                onClick={async () => {
                  try {
                    const { forgotten } = await post<{ forgotten: boolean }>('/api/keys', {}, 'DELETE');
                    setKeyId('');
                    setSecret('');
                    setKeysMessage(forgotten ? 'The server has forgotten the keys.' : 'The server held no keys for this page.');
                  } catch (error) {
                    setKeysMessage((error as Error).message);
                  }
                }}
              >
                Forget keys
              </button>
              {keysMessage && (
                <p role="status" className="text-xs">
                  {keysMessage}
                </p>
              )}
            </div>
          )}
        </div>
      )}
    </fieldset>
  );
}
