import { GraphError, methodNotAllowed, noRoute } from '../../errors';
import type { ResourceDescriptor } from '../../resources/descriptor';
import type { GraphObject } from '../../tenantState';
import { getItem } from '../collections';
import { type HandlerContext, json, noContent } from '../context';
import {
  createObject,
  deleteObject,
  requireObjectBody,
  updateObject,
  writeContext,
} from '../writes';
import type { Locator } from './locator';
import { navigationRoute } from './navigationRoutes';
import { type Route, created, parseSegment, route } from './route';
import { streamRoute } from './streamRoutes';

export function itemRoute(
  method: string,
  d: ResourceDescriptor,
  template: string,
  rest: string[],
  find: (ctx: HandlerContext) => GraphObject,
  altKey?: { property?: string; value: string },
): Route {
  return objectRoute(method, d, template, rest, { find, key: altKey?.value }, altKey);
}

/** GET / PATCH|PUT / DELETE of one object, its streams, bound actions and navigations. */
export function objectRoute(
  method: string,
  d: ResourceDescriptor,
  template: string,
  rest: string[],
  loc: Locator,
  altKey?: { property?: string; value: string },
): Route {
  const find = loc.find;
  if (rest.length === 0) {
    const verb = d.updateMethod ?? 'PATCH';
    switch (method) {
      case 'GET':
        return route(template, d.costs?.get ?? 1, false, (ctx) =>
          getItem(ctx, d, find(ctx), loc.contextPath),
        );
      case 'PATCH':
      case 'PUT':
        if (method !== verb) throw methodNotAllowed();
        return route(template, 1, true, (ctx) => {
          let existing: GraphObject;
          try {
            existing = find(ctx);
          } catch (e) {
            if (!(e instanceof GraphError) || e.status !== 404) throw e;
            const prefer = /create-if-missing/i.test(ctx.req.headers['prefer'] ?? '');
            if (altKey?.property && prefer) {
              const body = { ...requireObjectBody(ctx.req.body), [altKey.property]: altKey.value };
              return created(ctx, d, createObject(ctx, d, body), d.path);
            }
            // Caller-chosen ids (authentication contexts c1..c99): PATCH creates the object.
            const chosen = d.callerChosenId;
            if (chosen?.upsert && loc.key !== undefined && !loc.parent) {
              const body = { ...requireObjectBody(ctx.req.body), [chosen.property]: loc.key };
              return created(ctx, d, createObject(ctx, d, body), d.path);
            }
            throw e;
          }
          const parent = loc.parent?.(ctx);
          updateObject(ctx, d, existing, ctx.req.body, parent, method === 'PUT');
          return noContent();
        });
      case 'DELETE':
        return route(template, 1, true, (ctx) => {
          const obj = find(ctx);
          if (!loc.parent) {
            deleteObject(ctx, d, obj);
            return noContent();
          }
          if (!d.operations.delete) throw methodNotAllowed();
          // Same hook inputs as a child create: the parent's id (built-in policies refuse both).
          const parent = loc.parent(ctx);
          d.validateWrite?.('delete', {}, obj, writeContext(ctx, parent.id));
          parent.items.delete(obj.id);
          return noContent();
        });
      default:
        throw methodNotAllowed();
    }
  }
  if (rest.length === 1 && d.streams?.[rest[0]] !== undefined)
    return streamRoute(method, d, template, rest[0], d.streams[rest[0]], loc);
  if (rest.length === 1 && d.actions?.[rest[0]]) {
    const action = d.actions[rest[0]];
    if (method !== 'POST') throw methodNotAllowed();
    return route(`${template}/${rest[0]}`, 1, true, (ctx) => {
      const result = action(find(ctx), requireObjectBody(ctx.req.body ?? {}), ctx.store, ctx.newId);
      return result === undefined ? noContent() : json(200, result, 1);
    });
  }
  const navSeg = parseSegment(rest[0]);
  const nav = d.navigation?.[navSeg.name];
  if (!nav) throw noRoute(`${d.path || d.name}/{id}/${rest.join('/')}`);
  const navTemplate = `${template}/${navSeg.name}`;
  const tail = navSeg.key ? [navSeg.key.value, ...rest.slice(1)] : rest.slice(1);
  const keyTemplate = navSeg.key?.property ? `(${navSeg.key.property}={id})` : '/{id}';
  return navigationRoute(
    method,
    d,
    navSeg.name,
    nav,
    navTemplate,
    keyTemplate,
    tail,
    find,
    navSeg.key?.property,
  );
}
