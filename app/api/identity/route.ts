import { whoAmI } from '@/server/aws/identity';
import { refuse } from '@/server/http/guard';
import { environmentRoute } from '@/server/http/environment-route';

/** The account, caller ARN and region a deployment would use: shown before anything is deployed. */
export async function POST(request: Request) {
  return environmentRoute(request, async (env) => {
    const who = await whoAmI(env.target, env.credentials);
    return who.ok ? Response.json({ ...who.identity, target: env.target.kind, endpoint: env.target.kind === 'aws' ? null : env.target.endpoint }) : refuse(401, who.error);
  });
}
