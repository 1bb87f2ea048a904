/**
 * The common shape of the routes that act in an AWS target: guard the request, read its JSON, resolve
 * the target and credentials server-side, run, and turn failures into clear answers.
 */
import type { Environment } from '../deploy/deployment';
import { describeError } from '../deploy/aws-errors';
import { DeployError } from '../deploy/events';
import { StackBusyError } from '../deploy/operations';
import { guard, readJson, refuse } from './guard';
import { environmentOf } from './session';

export async function environmentRoute<B>(request: Request, run: (env: Environment, body: B) => Promise<Response>): Promise<Response> {
  const refused = guard(request, true);
  if (refused) return refused;
  const body = await readJson<B>(request);
  if (body instanceof Response) return body;
  let env: Environment | string;
  try {
    env = await environmentOf(body);
  } catch (error) {
    return refuse(503, (error as Error).message);
  }
  if (typeof env === 'string') return refuse(400, env);
  try {
    return await run(env, body);
  } catch (error) {
    if (error instanceof StackBusyError) return refuse(409, error.message);
    if (error instanceof DeployError) return refuse(400, error.message);
    return refuse(502, describeError(error));
  }
}
