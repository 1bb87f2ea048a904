/**
 * The app is a local server that can spend the user's AWS money: requests must come from its own
 * pages. A foreign Host is refused (DNS rebinding); a state-changing request must be same-origin
 * and JSON (which a foreign page cannot send without a preflight this server never grants).
 */
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
  if (!stateChanging) return null;
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== `http://${host}`) return refuse(403, `Refused: cross-origin request from ${origin}`);
  if (request.headers.get('sec-fetch-site') === 'cross-site') return refuse(403, 'Refused: cross-site request');
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) return refuse(415, 'Refused: send JSON');
  return null;
}

export async function readJson<T>(request: Request, limit = 6 * 1024 * 1024): Promise<T | Response> {
  const text = await request.text();
  if (text.length > limit) return refuse(413, 'Request too large');
  try {
    return JSON.parse(text) as T;
  } catch {
    return refuse(400, 'The request body is not valid JSON');
  }
}
