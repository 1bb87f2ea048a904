/** API Gateway's route matching, and concrete requests for a route (the event flow's scenarios). */

/** ANY matches every method; {name} one segment, {proxy+} the rest. */
export function routeMatches(routeMethod: string, routePath: string, method: string, path: string): boolean {
  if (routeMethod !== 'ANY' && routeMethod !== method) return false;
  const want = routePath.split('/').filter(Boolean);
  const got = path.split('?')[0].split('/').filter(Boolean);
  for (let i = 0; i < want.length; i++) {
    if (/^\{\w+\+\}$/.test(want[i])) return got.length > i;
    if (i >= got.length) return false;
    if (!/^\{\w+\}$/.test(want[i]) && want[i] !== got[i]) return false;
  }
  return got.length === want.length;
}

export const concreteMethod = (method: string) => (method === 'ANY' ? 'GET' : method);
export const concretePath = (path: string) => path.replace(/\{(\w+)\+\}/g, 'photos/1').replace(/\{(\w+)\}/g, '42') || '/';
