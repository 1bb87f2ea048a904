import { whoAmI } from '@/server/aws/identity';
import { guard, readJson, refuse } from '@/server/http/guard';
import { environmentOf, type EnvironmentRequest } from '@/server/http/session';

/** The account, caller ARN and region a deployment would use: shown before anything is deployed. */
export async function POST(request: Request) {
  const refused = guard(request, true);
  if (refused) return refused;
  const body = await readJson<EnvironmentRequest>(request);
  if (body instanceof Response) return body;
  let env;
  try {
    env = await environmentOf(request, body);
  } catch (error) {
    return refuse(503, (error as Error).message);
  }
  if (typeof env === 'string') return refuse(400, env);
  const who = await whoAmI(env.target, env.credentials);
  return who.ok ? Response.json({ ...who.identity, target: env.target.kind, endpoint: env.target.kind === 'aws' ? null : env.target.endpoint }) : refuse(401, who.error);
}
