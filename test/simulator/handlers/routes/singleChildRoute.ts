import { methodNotAllowed, notFound } from '../../errors';
import type { ResourceDescriptor, SingleChildNavigation } from '../../resources/descriptor';
import type { GraphObject } from '../../tenantState';
import { type HandlerContext, noContent } from '../context';
import { createObject, updateObject } from '../writes';
import { objectRoute } from './entityRoute';
import { type Locator, ownedItems } from './locator';
import { type Route, route } from './route';

/** organization/{id}/branding, external/connections/{id}/schema: one object owned by the parent. */
export function singleChildRoute(
  method: string,
  d: ResourceDescriptor,
  navName: string,
  nav: SingleChildNavigation,
  template: string,
  tail: string[],
  find: (ctx: HandlerContext) => GraphObject,
): Route {
  const child = nav.child;
  const parent = (ctx: HandlerContext) => ownedItems(ctx, child, find, nav.parentKey);
  const findChild = (ctx: HandlerContext): GraphObject => {
    const obj = parent(ctx).items.get(nav.id);
    if (!obj) throw notFound(navName);
    return obj;
  };
  const loc: Locator = { find: findChild, parent, contextPath: `${d.path || d.name}/${navName}` };
  if (tail.length > 0 || method === 'GET' || method === 'DELETE')
    return objectRoute(method, child, template, tail, loc);
  const verb = child.updateMethod ?? 'PATCH';
  if (method !== verb) throw methodNotAllowed();
  return route(template, 1, true, (ctx) => {
    const p = parent(ctx);
    const existing = p.items.get(nav.id);
    if (existing) updateObject(ctx, child, existing, ctx.req.body, p, method === 'PUT');
    else {
      // First write creates the object (a schema or branding that was never set).
      const scratch = new Map<string, GraphObject>();
      const obj = createObject(ctx, child, ctx.req.body, { id: p.id, items: scratch });
      p.items.set(nav.id, { ...obj, id: nav.id });
    }
    if (!nav.accepted) return noContent();
    const owner = find(ctx);
    return {
      status: 202,
      headers: {
        location: `${ctx.apiBase}/${d.path}/${owner.id}/operations/${ctx.newId()}`,
      },
    };
  });
}
