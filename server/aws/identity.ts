import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { clientConfig, explainCredentialError, type CredentialSource, type Target } from './target';

import type { Identity } from '../../protocol';

export type { Identity } from '../../protocol';

/** Who the deployment will act as: shown before anything is deployed. */
export async function whoAmI(target: Target, source: CredentialSource): Promise<{ ok: true; identity: Identity } | { ok: false; error: string }> {
  try {
    const sts = new STSClient(clientConfig(target, source));
    const answer = await sts.send(new GetCallerIdentityCommand({}));
    return { ok: true, identity: { account: answer.Account ?? '?', arn: answer.Arn ?? '?', region: target.region } };
  } catch (error) {
    return { ok: false, error: explainCredentialError(error, source) };
  }
}
