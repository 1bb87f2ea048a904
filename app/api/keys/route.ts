import { guard, readJson, refuse } from '@/server/http/guard';
import { forgetKeys, rememberKeys, SESSION_COOKIE } from '@/server/http/session';

/** Access keys typed into the page: kept in this server's memory for this browser session only. */
export async function POST(request: Request) {
  const refused = guard(request, true);
  if (refused) return refused;
  const body = await readJson<{ accessKeyId?: string; secretAccessKey?: string; sessionToken?: string }>(request);
  if (body instanceof Response) return body;
  if (!/^[A-Z0-9]{16,128}$/.test(body.accessKeyId ?? '') || !body.secretAccessKey || body.secretAccessKey.length < 16)
    return refuse(400, 'Enter an access key id (letters and digits) and its secret access key');
  const id = rememberKeys({ accessKeyId: body.accessKeyId!, secretAccessKey: body.secretAccessKey, ...(body.sessionToken ? { sessionToken: body.sessionToken } : {}) });
  return Response.json({ ok: true }, { headers: { 'Set-Cookie': `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/` } });
}

/** Forgets the keys typed into this page, at once (the server also drops them when it stops). */
export async function DELETE(request: Request) {
  const refused = guard(request, true);
  if (refused) return refused;
  const forgotten = forgetKeys(request);
  return Response.json({ forgotten }, { headers: { 'Set-Cookie': `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0` } });
}
