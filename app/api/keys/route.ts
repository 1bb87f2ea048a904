import { parseKeys } from '@/protocol';
import { guard, readJson, refuse } from '@/server/http/guard';
import { forgetKeys, rememberKeys } from '@/server/http/session';

/** Access keys typed into the page: kept in this server's memory for this launch only, never in a cookie. */
export async function POST(request: Request) {
  const refused = guard(request, true);
  if (refused) return refused;
  const body = await readJson<unknown>(request);
  if (body instanceof Response) return body;
  const keys = parseKeys(body);
  if (!keys.ok) return refuse(400, keys.error);
  rememberKeys(keys.value);
  return Response.json({ ok: true });
}

/** Forgets the keys typed into the page, at once (a restart of the server forgets them too). */
export async function DELETE(request: Request) {
  const refused = guard(request, true);
  if (refused) return refused;
  return Response.json({ forgotten: forgetKeys() });
}
