/**
 * The app is a local server that can spend the user's AWS money: requests must come from its own
 * pages. A foreign Host is refused (DNS rebinding); every call must carry the launch token (a local
 * process that did not see the address `npm start` printed has nothing to send); a state-changing
 * request must also come from the app's own origin and be JSON (which a foreign page cannot send
 * without a preflight this server never grants).
 */
import { carriesLaunchToken } from './launch';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

function hostName(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
}

export function refuse(status: number, message: string): Response {
  return Response.json({ error: message }, { status });
}

export function guard(request: Request, stateChanging: boolean): Response | null {
  const host = request.headers.get('host') ?? '';
  if (!LOOPBACK_NAMES.has(hostName(host).toLowerCase())) return refuse(403, `Refused: unexpected Host "${host}" (Eventform answers on 127.0.0.1 only)`);
  if (!carriesLaunchToken(request)) return refuse(401, 'Refused: this request does not carry the launch token. Open the address `npm start` printed (it ends in #token=...)');
  if (!stateChanging) return null;
  const origin = request.headers.get('origin');
  if (origin === null) return refuse(403, "Refused: a state-changing request must say where it comes from (an Origin header naming this app's own address)");
  if (origin !== `http://${host}`) return refuse(403, `Refused: cross-origin request from ${origin}`);
  if (request.headers.get('sec-fetch-site') === 'cross-site') return refuse(403, 'Refused: cross-site request');
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) return refuse(415, 'Refused: send JSON');
  return null;
}

/**
 * The request's JSON body, read as it streams in and refused as soon as it passes the limit (a
 * declared Content-Length over it is refused before reading). The body must be a JSON object.
 */
export async function readJson<T>(request: Request, limit = 6 * 1024 * 1024): Promise<T | Response> {
  const tooLarge = () => refuse(413, `Request too large: at most ${limit / 1048576} MiB`);
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return refuse(400, 'The request body is not valid JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return refuse(400, 'The request body must be a JSON object');
  return body as T;
}
