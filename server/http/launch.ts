/**
 * The launch token: a random secret made when the server starts (the way Jupyter does it), printed
 * in the address `npm start` shows and sent by the page with every API call. A process on this
 * machine that did not see the address, another user among them, cannot use the server's
 * credentials; nothing is kept in a cookie another local port could replay.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { LAUNCH_TOKEN_HEADER } from '../../protocol';

const state = ((globalThis as { __eventformLaunch?: { token?: string } }).__eventformLaunch ??= {});

/** `npm start` makes the token and hands it to the server in EVENTFORM_TOKEN; a server started otherwise makes its own and says so. */
export function launchToken(): string {
  if (state.token) return state.token;
  const given = process.env.EVENTFORM_TOKEN;
  if (given && /^[A-Za-z0-9_-]{32,128}$/.test(given)) state.token = given;
  else {
    state.token = newLaunchToken();
    console.log(`Eventform: this server made its own launch token. Open http://127.0.0.1:${process.env.PORT ?? '3000'}/#token=${state.token} to use the deploy panel.`);
  }
  return state.token;
}

export const newLaunchToken = () => randomBytes(24).toString('base64url');

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether a request carries this launch's token (compared in constant time). */
export function carriesLaunchToken(request: Request): boolean {
  const given = request.headers.get(LAUNCH_TOKEN_HEADER) ?? '';
  return timingSafeEqual(digest(given), digest(launchToken()));
}

/** A stable, non-secret key for what this launch holds (the keys typed into its pages). */
export const launchKey = () => digest(launchToken()).toString('hex');
