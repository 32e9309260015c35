import { badRequest, methodNotAllowed, noRoute } from '../../errors';
import type { LinkNavigation } from '../../resources/descriptor';
import type { GraphObject } from '../../tenantState';
import { type HandlerContext, json } from '../context';
import { addLinkFromBody, removeLink } from '../links';
import { type Route, route } from './route';

/** {item}/{links}/$ref (add, remove, list), {links}/$count and {links}/{id}/$ref. */
export function linkRoute(
  method: string,
  navName: string,
  nav: LinkNavigation,
  template: string,
  tail: string[],
  find: (ctx: HandlerContext) => GraphObject,
): Route {
  const cost = nav.cost ?? 1;
  if (tail.length === 1 && tail[0] === '$ref') {
    if (nav.single && method === 'PUT')
      return route(`${template}/$ref`, 1, true, (ctx) =>
        addLinkFromBody(ctx, find(ctx), navName, nav),
      );
    if (nav.single && method === 'DELETE')
      return route(`${template}/$ref`, 1, true, (ctx) => removeLink(ctx, find(ctx), navName, nav));
    if (!nav.single && method === 'POST')
      return route(`${template}/$ref`, 1, true, (ctx) =>
        addLinkFromBody(ctx, find(ctx), navName, nav),
      );
    if (method === 'GET') {
      return route(`${template}/$ref`, cost, false, (ctx) => {
        const owner = find(ctx);
        const value = [...ctx.store.linkTargets(nav.store, owner.id)]
          .filter((t) => ctx.store.isLive(t))
          .map((t) => ({ '@odata.id': `${ctx.apiBase}/directoryObjects/${t}` }));
        return json(
          200,
          { '@odata.context': `${ctx.apiBase}/$metadata#Collection($ref)`, value },
          value.length,
        );
      });
    }
    throw methodNotAllowed();
  }
  if (tail.length === 1 && tail[0] === '$count') {
    return route(`${template}/$count`, cost, false, (ctx) => {
      if ((ctx.req.headers['consistencylevel'] ?? '').toLowerCase() !== 'eventual') {
        throw badRequest("Count is not supported without the 'ConsistencyLevel: eventual' header.");
      }
      const owner = find(ctx);
      const n = [...ctx.store.linkTargets(nav.store, owner.id)].filter((t) =>
        ctx.store.isLive(t),
      ).length;
      return { status: 200, text: String(n), headers: { 'content-type': 'text/plain' } };
    });
  }
  if (tail.length === 2 && tail[1] === '$ref' && !nav.single) {
    if (method !== 'DELETE') throw methodNotAllowed();
    const targetId = tail[0];
    return route(`${template}/{id}/$ref`, 1, true, (ctx) =>
      removeLink(ctx, find(ctx), navName, nav, targetId),
    );
  }
  throw noRoute(`${template}/${tail.join('/')}`);
}
