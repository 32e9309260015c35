import { badRequest, methodNotAllowed, noRoute, notFound } from '../../errors';
import { RESOURCE_BY_NAME } from '../../resources';
import { duplicateAssignment } from '../../resources/appRoleAssignments';
import type { DerivedNavigation } from '../../resources/descriptor';
import { valueAt } from '../../store/tenantStore';
import type { GraphObject } from '../../tenantState';
import { getItem } from '../collections';
import { type HandlerContext, type SimResponse, noContent } from '../context';
import { createObject, requireObjectBody } from '../writes';
import { type Route, created, route } from './route';

/** POST to a derived navigation (servicePrincipals/{id}/appRoleAssignedTo) when it is writable. */
export function derivedCreateRoute(
  nav: DerivedNavigation,
  template: string,
  find: (ctx: HandlerContext) => GraphObject,
): Route {
  if (!nav.writable) throw methodNotAllowed();
  return route(template, 1, true, (ctx) =>
    createDerived(ctx, find(ctx), nav.collection, nav.foreignKey),
  );
}

/** GET / DELETE {owner}/{derived}/{id}: an item of the other collection that points at the owner. */
export function derivedItemRoute(
  method: string,
  nav: DerivedNavigation,
  template: string,
  itemTemplate: string,
  tail: string[],
  find: (ctx: HandlerContext) => GraphObject,
): Route {
  const cost = nav.cost ?? 1;
  const itemId = tail[0];
  if (tail.length !== 1) throw noRoute(`${template}/${tail.join('/')}`);
  const target = RESOURCE_BY_NAME.get(nav.collection)!;
  const findDerived = (ctx: HandlerContext): GraphObject => {
    const owner = find(ctx);
    const obj = ctx.store.get(nav.collection, itemId);
    if (!obj || valueAt(obj, nav.foreignKey) !== owner.id) throw notFound(itemId);
    return obj;
  };
  if (method === 'GET')
    return route(itemTemplate, cost, false, (ctx) =>
      getItem(ctx, target, findDerived(ctx), nav.collection),
    );
  if (method === 'DELETE' && nav.writable) {
    return route(itemTemplate, 1, true, (ctx) => {
      ctx.store.hardDelete(nav.collection, findDerived(ctx).id);
      return noContent();
    });
  }
  throw methodNotAllowed();
}

/** POST servicePrincipals/{id}/appRoleAssignedTo, {users|groups|servicePrincipals}/{id}/appRoleAssignments. */
function createDerived(
  ctx: HandlerContext,
  owner: GraphObject,
  collection: string,
  foreignKey: string,
): SimResponse {
  const body = { ...requireObjectBody(ctx.req.body) };
  if (body[foreignKey] !== undefined && body[foreignKey] !== owner.id) {
    throw badRequest(`The ${foreignKey} in the request body must match the id in the request URL.`);
  }
  body[foreignKey] = owner.id;
  const d = RESOURCE_BY_NAME.get(collection)!;
  if (collection === 'appRoleAssignments') {
    const exists = ctx.store
      .findByForeignKey(collection, 'principalId', String(body.principalId))
      .some((a) => a.resourceId === body.resourceId && a.appRoleId === body.appRoleId);
    if (exists) throw duplicateAssignment();
  }
  const obj = createObject(ctx, d, body);
  return created(ctx, d, obj, collection);
}
