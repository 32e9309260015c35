import { methodNotAllowed } from '../../errors';
import { ROUTABLE_RESOURCES } from '../../resources';
import type { ResourceDescriptor } from '../../resources/descriptor';
import { countCollection, listCollection } from '../collections';
import { handleDelta } from '../delta';
import { createObject } from '../writes';
import { itemRoute, objectRoute } from './entityRoute';
import { findItem } from './findItem';
import { type Route, created, parseSegment, route } from './route';

/**
 * A routable collection (users, identity/conditionalAccess/policies, ...): list / create, delta,
 * $count, and the item below it by id or alternate key; undefined when no collection matches.
 */
export function collectionRoute(
  method: string,
  segments: string[],
  beta: boolean,
): Route | undefined {
  for (const d of ROUTABLE_RESOURCES) {
    if (d.betaOnly && !beta) continue;
    const pSegs = d.path.split('/');
    const n = pSegs.length;
    if (segments.length < n) continue;
    if (segments.slice(0, n - 1).join('/') !== pSegs.slice(0, n - 1).join('/')) continue;
    const last = parseSegment(segments[n - 1]);
    if (last.name !== pSegs[n - 1]) continue;
    const rest = segments.slice(n);
    const base = `/${d.path}`;
    if (last.key) {
      const key = last.key;
      const template = `${base}(${key.property ?? ''}${key.property ? '=' : ''}{id})`;
      return itemRoute(method, d, template, rest, (ctx) => findItem(ctx, d, key), key);
    }
    if (rest.length === 0) return collectionRootRoute(method, d, base);
    if (rest.length === 1 && rest[0] === 'delta' && d.delta) return deltaRoute(method, d, base);
    if (rest.length === 1 && rest[0] === '$count') {
      if (method !== 'GET') throw methodNotAllowed();
      return route(`${base}/$count`, 1, false, (ctx) => countCollection(ctx, d));
    }
    const id = rest[0];
    return objectRoute(method, d, `${base}/{id}`, rest.slice(1), {
      find: (ctx) => findItem(ctx, d, { value: id }),
      key: id,
    });
  }
  return undefined;
}

/** GET lists the collection, POST creates in it. */
function collectionRootRoute(method: string, d: ResourceDescriptor, base: string): Route {
  if (method === 'GET')
    return route(base, d.costs?.list ?? 1, false, (ctx) => listCollection(ctx, d));
  if (method === 'POST') {
    if (!d.operations.create) throw methodNotAllowed();
    return route(base, 1, true, (ctx) =>
      created(ctx, d, createObject(ctx, d, ctx.req.body), d.path),
    );
  }
  throw methodNotAllowed();
}

/** {collection}/delta: the delta query rounds (see ../delta). */
function deltaRoute(method: string, d: ResourceDescriptor, base: string): Route {
  if (method !== 'GET') throw methodNotAllowed();
  return route(`${base}/delta`, d.costs?.list ?? 1, false, (ctx) => handleDelta(ctx, d));
}
