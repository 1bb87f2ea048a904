import { guard } from '@/server/http/guard';
import { hasKeys, profileNames } from '@/server/http/session';
import { motoAvailable, MOTO_INSTALL_HINT } from '@/server/sandbox/moto';

export const dynamic = 'force-dynamic';

/** What the deploy panel can offer: profile names (never their contents), whether keys are set, the sandbox. */
export async function GET(request: Request) {
  const refused = guard(request, false);
  if (refused) return refused;
  const sandbox = motoAvailable();
  return Response.json({
    profiles: profileNames(),
    environment: Boolean(process.env.AWS_ACCESS_KEY_ID),
    keys: hasKeys(),
    sandbox: sandbox ? { available: true } : { available: false, hint: MOTO_INSTALL_HINT },
  });
}
