import { GraphError, badRequest, methodNotAllowed, noRoute, notFound } from '../errors';
import { SIM_PREFIX, project } from '../odata/projection';
import { RESOURCE_BY_NAME, ROUTABLE_RESOURCES } from '../resources';
import type {
  NavigationDescriptor,
  ResourceDescriptor,
  SingleChildNavigation,
} from '../resources/descriptor';
import { SINGLETONS } from '../resources/singletons';
import type { GraphObject } from '../tenantState';
import { handleBatch } from './batch';
import {
  countCollection,
  getItem,
  listCollection,
  listNavigation,
  projectDirectoryObject,
  referencedObject,
} from './collections';
import { type HandlerContext, type SimResponse, json, noContent } from './context';
import { handleDelta } from './delta';
import {
  type DeletedContainer,
  deletableResources,
  deletedItem,
  listDeleted,
  restoreDeleted,
} from './deletedItems';
import { addLinkFromBody, removeLink } from './links';
import { contextUrl } from './paging';
import { handleSingleton, handleSingletonItems } from './singletons';
import {
  createObject,
  deleteObject,
  requireObjectBody,
  updateObject,
  writeContext,
} from './writes';
import { valueAt } from '../store/tenantStore';

/** Simulator-private key holding an object's binary streams (never returned; see projection). */
const STREAMS_KEY = `${SIM_PREFIX}streams`;
interface StoredStream {
  contentType: string;
  base64: string;
}
import { duplicateAssignment } from '../resources/appRoleAssignments';

const SINGLETONS_LONGEST_FIRST = [...SINGLETONS].sort(
  (a, b) => b.path.split('/').length - a.path.split('/').length,
);

/** A matched request: its counter template, resource-unit cost, write flag, and the work. */
export interface Route {
  template: string;
  baseCost: number;
  write: boolean;
  run(ctx: HandlerContext): SimResponse | Promise<SimResponse>;
}

interface Segment {
  name: string;
  key?: { property?: string; value: string };
}

function parseSegment(raw: string): Segment {
  const m = /^([^()]+)\((.*)\)$/.exec(raw);
  if (!m) return { name: raw };
  const named = /^([A-Za-z0-9_]+)='(.*)'$/.exec(m[2]);
  if (named)
    return { name: m[1], key: { property: named[1], value: named[2].replace(/''/g, "'") } };
  return { name: m[1], key: { value: m[2].replace(/^'(.*)'$/, '$1') } };
}

const route = (template: string, baseCost: number, write: boolean, run: Route['run']): Route => ({
  template,
  baseCost,
  write,
  run,
});

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Graph's answer to a key that is not a GUID where one is required (`organization/{tenantId}`). */
function invalidObjectIdentifier(raw: string): GraphError {
  let shown = raw;
  try {
    shown = decodeURIComponent(raw);
  } catch {
    /* keep the raw segment */
  }
  return badRequest(`Invalid object identifier '${shown}'.`);
}

function findItem(
  ctx: HandlerContext,
  d: ResourceDescriptor,
  key: { property?: string; value: string },
): GraphObject {
  let obj: GraphObject | undefined;
  if (!key.property && d.guidKey && !GUID.test(key.value)) throw invalidObjectIdentifier(key.value);
  if (key.property) {
    if (!d.alternateKeys?.includes(key.property))
      throw badRequest(`'${key.property}' is not an alternate key of '${d.odataType}'.`);
    obj = ctx.store.findBy(d.name, key.property, key.value);
  } else {
    obj = ctx.store.get(d.name, key.value);
    if (!obj && key.value.includes('@') && d.alternateKeys?.includes('userPrincipalName'))
      obj = ctx.store.findBy(d.name, 'userPrincipalName', key.value);
  }
  if (!obj) throw notFound(key.value);
  return obj;
}

function created(
  ctx: HandlerContext,
  d: ResourceDescriptor,
  obj: GraphObject,
  entitySet: string,
): SimResponse {
  return json(
    201,
    { '@odata.context': contextUrl(ctx, entitySet, undefined, true), ...project(d, obj) },
    1,
  );
}

/** Resolves `/v1.0/...` segments (after the version) to a Route, or throws 400/405. */
export function resolveRoute(method: string, segments: string[], version = 'v1.0'): Route {
  const beta = version === 'beta';
  const path = segments.join('/');
  const first = segments[0];
  if (first === '$batch' && segments.length === 1) {
    if (method !== 'POST') throw methodNotAllowed();
    return route('/$batch', 0, false, handleBatch);
  }
  if (first === 'directoryObjects') return directoryObjectsRoute(method, segments);
  if (path.startsWith('directory/deletedItems'))
    return deletedRoute(method, segments.slice(2), 'directory', '/directory/deletedItems');
  if (path.startsWith('identity/conditionalAccess/deletedItems')) {
    const kind = segments[3];
    const d =
      kind === 'policies'
        ? RESOURCE_BY_NAME.get('conditionalAccessPolicies')
        : kind === 'namedLocations'
          ? RESOURCE_BY_NAME.get('namedLocations')
          : undefined;
    if (!d) throw noRoute(path);
    return deletedRoute(
      method,
      segments.slice(4),
      'conditionalAccess',
      `/identity/conditionalAccess/deletedItems/${kind}`,
      d,
    );
  }
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
    if (rest.length === 0) {
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
    if (rest.length === 1 && rest[0] === 'delta' && d.delta) {
      if (method !== 'GET') throw methodNotAllowed();
      return route(`${base}/delta`, d.costs?.list ?? 1, false, (ctx) => handleDelta(ctx, d));
    }
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
  throw noRoute(path);
}

/** Where one object lives: top level (store) or among a parent's child items. */
interface Locator {
  find(ctx: HandlerContext): GraphObject;
  /** Child items: the parent key and its items map (absent = top-level collection). */
  parent?(ctx: HandlerContext): { id: string; items: Map<string, GraphObject> };
  /** The key in the URL (caller-chosen id upserts). */
  key?: string;
  /** @odata.context entity set of the item. */
  contextPath?: string;
}

function itemRoute(
  method: string,
  d: ResourceDescriptor,
  template: string,
  rest: string[],
  find: (ctx: HandlerContext) => GraphObject,
  altKey?: { property?: string; value: string },
): Route {
  return objectRoute(method, d, template, rest, { find, key: altKey?.value }, altKey);
}

function saveObject(ctx: HandlerContext, d: ResourceDescriptor, loc: Locator, obj: GraphObject) {
  if (loc.parent) loc.parent(ctx).items.set(obj.id, obj);
  else ctx.store.update(d.name, obj);
}

/** GET / PATCH|PUT / DELETE of one object, its streams, bound actions and navigations. */
function objectRoute(
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
  if (rest.length === 1 && d.streams?.[rest[0]] !== undefined) {
    const name = rest[0];
    const expected = d.streams[name];
    const t = `${template}/${name}`;
    if (method === 'GET') return route(t, 1, false, (ctx) => readStream(find(ctx), name));
    if (method !== 'PUT') throw methodNotAllowed();
    return route(t, 1, true, (ctx) => {
      const obj = writeStream(ctx, d, find(ctx), name, expected);
      saveObject(ctx, d, loc, obj);
      return noContent();
    });
  }
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

/** GET {item}/{stream}: the stored bytes with their content type (404 when never uploaded). */
function readStream(obj: GraphObject, name: string): SimResponse {
  const streams = (obj[STREAMS_KEY] ?? {}) as Record<string, StoredStream>;
  const s = streams[name];
  if (!s) throw notFound(name);
  return {
    status: 200,
    binary: Buffer.from(s.base64, 'base64'),
    headers: { 'content-type': s.contentType },
    objects: 1,
  };
}

/** PUT {item}/{stream} with an image/* (or text/css) body; sets `{stream}RelativeUrl` when declared. */
function writeStream(
  ctx: HandlerContext,
  d: ResourceDescriptor,
  obj: GraphObject,
  name: string,
  expected: string,
): GraphObject {
  const bytes = ctx.req.rawBody;
  const contentType = (ctx.req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!bytes || bytes.length === 0)
    throw badRequest(`The stream '${name}' needs a non-empty body.`);
  if (!contentType.startsWith(expected))
    throw badRequest(
      `Content type '${contentType || '(none)'}' is not valid for '${name}'; expected ${expected}*.`,
    );
  const streams = { ...((obj[STREAMS_KEY] ?? {}) as Record<string, StoredStream>) };
  streams[name] = { contentType, base64: bytes.toString('base64') };
  const next: GraphObject = { ...obj, [STREAMS_KEY]: streams };
  if (d.properties.includes(`${name}RelativeUrl`))
    next[`${name}RelativeUrl`] = `c_${ctx.store.tenantId.slice(0, 8)}/${obj.id}/${name}`;
  return next;
}

function navigationRoute(
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
    if (nav.kind === 'derived') {
      if (!nav.writable) throw methodNotAllowed();
      return route(template, 1, true, (ctx) =>
        createDerived(ctx, find(ctx), nav.collection, nav.foreignKey),
      );
    }
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
  if (nav.kind === 'links') {
    if (tail.length === 1 && tail[0] === '$ref') {
      if (nav.single && method === 'PUT')
        return route(`${template}/$ref`, 1, true, (ctx) =>
          addLinkFromBody(ctx, find(ctx), navName, nav),
        );
      if (nav.single && method === 'DELETE')
        return route(`${template}/$ref`, 1, true, (ctx) =>
          removeLink(ctx, find(ctx), navName, nav),
        );
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
          throw badRequest(
            "Count is not supported without the 'ConsistencyLevel: eventual' header.",
          );
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
  const itemId = tail[0];
  const itemTemplate = `${template}${keyTemplate}`;
  if (nav.kind === 'derived') {
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

/**
 * The items a parent owns. The parent is always looked up first, even when the items are stored
 * under a constant key (branding under 'tenant'): Graph answers 404 for another organization's id
 * and 400 for a malformed one, whatever the method.
 */
function ownedItems(
  ctx: HandlerContext,
  child: ResourceDescriptor,
  findOwner: (ctx: HandlerContext) => GraphObject,
  parentKey: string | undefined,
): { id: string; items: Map<string, GraphObject> } {
  const owner = findOwner(ctx);
  const key = parentKey ?? owner.id;
  return { id: key, items: ctx.store.childrenOf(child.name, key) };
}

/** organization/{id}/branding, external/connections/{id}/schema: one object owned by the parent. */
function singleChildRoute(
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

function directoryObjectsRoute(method: string, segments: string[]): Route {
  if (segments[1] === 'getByIds' && segments.length === 2) {
    if (method !== 'POST') throw methodNotAllowed();
    return route('/directoryObjects/getByIds', 3, false, (ctx) => {
      const body = requireObjectBody(ctx.req.body);
      const ids = body.ids;
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > 1000)
        throw badRequest('ids must hold between 1 and 1000 ids.');
      const types = Array.isArray(body.types)
        ? (body.types as string[]).map((t) => t.toLowerCase())
        : undefined;
      const value = ids.flatMap((id) => {
        const resource = ctx.store.directoryResourceOf(String(id));
        if (!resource) return [];
        const type = RESOURCE_BY_NAME.get(resource)!
          .odataType.replace('microsoft.graph.', '')
          .toLowerCase();
        if (types && !types.includes(type)) return [];
        return [projectDirectoryObject(ctx, String(id))!];
      });
      return json(
        200,
        { '@odata.context': contextUrl(ctx, 'directoryObjects'), value },
        value.length,
      );
    });
  }
  if (segments.length === 2 && method === 'GET') {
    const id = segments[1];
    return route('/directoryObjects/{id}', 1, false, (ctx) => {
      const obj = projectDirectoryObject(ctx, id, ctx.query.select);
      if (!obj) throw notFound(id);
      return json(
        200,
        { '@odata.context': contextUrl(ctx, 'directoryObjects', undefined, true), ...obj },
        1,
      );
    });
  }
  throw noRoute(segments.join('/'));
}

function deletedRoute(
  method: string,
  rest: string[],
  container: DeletedContainer,
  base: string,
  only?: ResourceDescriptor,
): Route {
  if (rest.length === 0 && only) {
    if (method !== 'GET') throw methodNotAllowed();
    return route(base, 1, false, (ctx) => listDeleted(ctx, only, base.slice(1)));
  }
  if (rest.length === 1 && rest[0].startsWith('microsoft.graph.') && !only) {
    const d = deletableResources(container).find((r) => r.odataType === rest[0]);
    if (!d) throw noRoute(`${base}/${rest[0]}`);
    if (method !== 'GET') throw methodNotAllowed();
    return route(`${base}/${rest[0]}`, 1, false, (ctx) =>
      listDeleted(ctx, d, `${base.slice(1)}/${rest[0]}`),
    );
  }
  if (rest.length === 1) {
    if (method !== 'GET' && method !== 'DELETE') throw methodNotAllowed();
    return route(`${base}/{id}`, 1, method === 'DELETE', (ctx) =>
      deletedItem(ctx, container, rest[0], only),
    );
  }
  if (rest.length === 2 && rest[1] === 'restore') {
    if (method !== 'POST') throw methodNotAllowed();
    return route(`${base}/{id}/restore`, 1, true, (ctx) =>
      restoreDeleted(ctx, container, rest[0], only),
    );
  }
  throw noRoute(`${base}/${rest.join('/')}`);
}
