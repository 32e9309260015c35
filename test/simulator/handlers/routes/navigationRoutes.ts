import { methodNotAllowed, notFound } from '../../errors';
import { RESOURCE_BY_NAME } from '../../resources';
import type { NavigationDescriptor, ResourceDescriptor } from '../../resources/descriptor';
import type { GraphObject } from '../../tenantState';
import { getItem, listNavigation, referencedObject } from '../collections';
import type { HandlerContext } from '../context';
import { createObject } from '../writes';
import { derivedCreateRoute, derivedItemRoute } from './derivedRoutes';
import { objectRoute } from './entityRoute';
import { linkRoute } from './linkRoutes';
import { ownedItems } from './locator';
import { type Route, created, route } from './route';
import { singleChildRoute } from './singleChildRoute';

/** {item}/{navigation}[/...]: dispatches on the navigation's kind. */
export function navigationRoute(
  method: string,
  d: ResourceDescriptor,
  navName: string,
  nav: NavigationDescriptor,
  template: string,
  keyTemplate: string,
  tail: string[],
  find: (ctx: HandlerContext) => GraphObject,
  childKeyProperty?: string,
): Route {
  const cost = nav.cost ?? 1;
  if (nav.kind === 'singleChild')
    return singleChildRoute(method, d, navName, nav, template, tail, find);
  if (nav.kind === 'reference') {
    if (tail.length || method !== 'GET') throw methodNotAllowed();
    return route(template, cost, false, (ctx) => {
      const target = referencedObject(ctx, find(ctx), navName, nav.collection);
      if (!target) throw notFound(navName);
      return getItem(ctx, RESOURCE_BY_NAME.get(nav.collection)!, target);
    });
  }
  if (nav.kind === 'inverseLinks') {
    if (tail.length || method !== 'GET') throw methodNotAllowed();
    return route(template, cost, false, (ctx) => listNavigation(ctx, d, find(ctx), navName, nav));
  }
  if (tail.length === 0) {
    if (method === 'GET')
      return route(template, cost, false, (ctx) => listNavigation(ctx, d, find(ctx), navName, nav));
    if (method !== 'POST') throw methodNotAllowed();
    if (nav.kind === 'derived') return derivedCreateRoute(nav, template, find);
    if (nav.kind === 'children') {
      if (!nav.child.operations.create) throw methodNotAllowed();
      return route(template, 1, true, (ctx) => {
        const owner = find(ctx);
        const key = nav.parentKey ?? owner.id;
        const obj = createObject(ctx, nav.child, ctx.req.body, {
          id: key,
          items: ctx.store.childrenOf(nav.child.name, key),
        });
        return created(ctx, nav.child, obj, `${d.path}('${owner.id}')/${navName}`);
      });
    }
    throw methodNotAllowed();
  }
  if (nav.kind === 'links') return linkRoute(method, navName, nav, template, tail, find);
  const itemId = tail[0];
  const itemTemplate = `${template}${keyTemplate}`;
  if (nav.kind === 'derived')
    return derivedItemRoute(method, nav, template, itemTemplate, tail, find);
  const child = nav.child;
  const parent = (ctx: HandlerContext) => ownedItems(ctx, child, find, nav.parentKey);
  const findChild = (ctx: HandlerContext): GraphObject => {
    const { items } = parent(ctx);
    const obj = childKeyProperty
      ? [...items.values()].find((o) => o[childKeyProperty] === itemId)
      : items.get(itemId);
    if (!obj) throw notFound(itemId);
    return obj;
  };
  return objectRoute(method, child, itemTemplate, tail.slice(1), {
    find: findChild,
    parent,
    key: itemId,
    contextPath: `${d.path || d.name}/${navName}`,
  });
}
