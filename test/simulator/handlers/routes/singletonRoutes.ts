import { noRoute } from '../../errors';
import { SINGLETONS } from '../../resources/singletons';
import { handleSingleton, handleSingletonItems } from '../singletons';
import { type Route, route } from './route';

const SINGLETONS_LONGEST_FIRST = [...SINGLETONS].sort(
  (a, b) => b.path.split('/').length - a.path.split('/').length,
);

/** A singleton (policies/authorizationPolicy, ...) and its items; undefined when none matches. */
export function singletonRoute(
  method: string,
  segments: string[],
  beta: boolean,
): Route | undefined {
  const path = segments.join('/');
  for (const s of SINGLETONS_LONGEST_FIRST) {
    if (s.betaOnly && !beta) continue;
    const n = s.path.split('/').length;
    if (segments.slice(0, n).join('/') !== s.path) continue;
    const rest = segments.slice(n);
    // A longer collection path under the singleton (crossTenantAccessPolicy/partners) routes below.
    if (rest.length > 0 && !(s.items && rest[0] === s.items.property)) continue;
    const write = method !== 'GET';
    if (rest.length === 0) return route(`/${s.path}`, 1, write, (ctx) => handleSingleton(ctx, s));
    if (s.items && rest[0] === s.items.property && rest.length <= 2) {
      return route(
        `/${s.path}/${s.items.property}${rest.length === 2 ? '/{id}' : ''}`,
        1,
        write,
        (ctx) => handleSingletonItems(ctx, s, rest[1]),
      );
    }
    throw noRoute(path);
  }
  return undefined;
}
