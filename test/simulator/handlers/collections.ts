import { GraphError, badRequest, notFound } from '../errors';
import { matchesFilter } from '../odata/query';
import { project, validateSelect } from '../odata/projection';
import { RESOURCE_BY_NAME } from '../resources';
import type { NavigationDescriptor, ResourceDescriptor } from '../resources/descriptor';
import type { GraphObject } from '../tenantState';
import { type HandlerContext, type SimResponse, json } from './context';
import { contextUrl, pageIds, wantsCount } from './paging';

/** $expand returns at most 20 related objects and no next link (graph-notes 1.4). */
const EXPAND_LIMIT = 20;

/** A live directory object in its own shape, with @odata.type (members, owners, manager…). */
export function projectDirectoryObject(
  ctx: HandlerContext,
  id: string,
  select?: string[],
): Record<string, unknown> | undefined {
  const resource = ctx.store.directoryResourceOf(id);
  if (!resource) return undefined;
  return project(RESOURCE_BY_NAME.get(resource)!, ctx.store.get(resource, id)!, select, true);
}

function filteredIds(
  ctx: HandlerContext,
  d: ResourceDescriptor,
  source: Iterable<GraphObject>,
  allIds?: readonly string[],
): readonly string[] {
  const filter = ctx.query.filter;
  if (!filter) return allIds ?? [...source].map((o) => o.id);
  for (const clause of filter) {
    if (clause.property !== 'id' && !d.properties.includes(clause.property)) {
      throw badRequest(
        `Could not find a property named '${clause.property}' on type '${d.odataType}'.`,
      );
    }
  }
  // Fast paths: id / unique-key equality.
  if (filter.length === 1 && filter[0].op !== 'startswith') {
    const clause = filter[0];
    const values = clause.op === 'eq' ? [clause.value] : clause.values;
    if (clause.property === 'id')
      return values.filter((v) => typeof v === 'string' && ctx.store.get(d.name, v)).map(String);
  }
  const ids: string[] = [];
  for (const obj of source) if (matchesFilter(obj, filter)) ids.push(obj.id);
  return ids;
}

function withExpand(
  ctx: HandlerContext,
  d: ResourceDescriptor,
  obj: GraphObject,
  out: Record<string, unknown>,
): Record<string, unknown> {
  for (const item of ctx.query.expand ?? []) {
    const nav = d.navigation?.[item.nav];
    if (!nav)
      throw badRequest(
        `Could not find a navigation property named '${item.nav}' on type '${d.odataType}'.`,
      );
    if (nav.kind === 'links' && nav.single) {
      const target = [...ctx.store.linkTargets(nav.store, obj.id)].find((t) => ctx.store.isLive(t));
      if (target) out[item.nav] = projectDirectoryObject(ctx, target, item.select);
      continue;
    }
    if (nav.kind === 'reference') {
      const target = referencedObject(ctx, obj, item.nav, nav.collection);
      out[item.nav] = target
        ? project(RESOURCE_BY_NAME.get(nav.collection)!, target, item.select)
        : null;
      continue;
    }
    if (nav.kind === 'singleChild') {
      const child = ctx.store.childrenOf(nav.child.name, nav.parentKey ?? obj.id).get(nav.id);
      out[item.nav] = child ? project(nav.child, child, item.select) : null;
      continue;
    }
    out[item.nav] = navigationObjects(ctx, obj, nav, item.select).slice(0, EXPAND_LIMIT);
  }
  return out;
}

/** The object an inline `{ id }` reference (accessPackage.catalog) points at. */
export function referencedObject(
  ctx: HandlerContext,
  owner: GraphObject,
  navName: string,
  collection: string,
): GraphObject | undefined {
  const id = (owner[navName] as { id?: string } | undefined)?.id;
  return id ? ctx.store.get(collection, id) : undefined;
}

/** Live owners linking to `target` through any of `stores` (policy appliesTo). */
function inverseLinkOwners(ctx: HandlerContext, stores: readonly string[], target: string) {
  return stores.flatMap((s) => ctx.store.linkOwners(s, target)).filter((o) => ctx.store.isLive(o));
}

/** Every object behind a collection-valued navigation, projected. */
function navigationObjects(
  ctx: HandlerContext,
  owner: GraphObject,
  nav: NavigationDescriptor,
  select?: string[],
): Record<string, unknown>[] {
  if (nav.kind === 'inverseLinks') {
    return inverseLinkOwners(ctx, nav.stores, owner.id).flatMap((t) => {
      const o = projectDirectoryObject(ctx, t, select);
      return o ? [o] : [];
    });
  }
  if (nav.kind === 'reference' || nav.kind === 'singleChild') return [];
  if (nav.kind === 'links') {
    return [...ctx.store.linkTargets(nav.store, owner.id)].flatMap((t) => {
      const o = projectDirectoryObject(ctx, t, select);
      return o ? [o] : [];
    });
  }
  if (nav.kind === 'derived') {
    const d = RESOURCE_BY_NAME.get(nav.collection)!;
    return ctx.store
      .findByForeignKey(nav.collection, nav.foreignKey, owner.id)
      .map((o) => project(d, o, select));
  }
  return [...ctx.store.childrenOf(nav.child.name, nav.parentKey ?? owner.id).values()].map((o) =>
    project(nav.child, o, select),
  );
}

export function listCollection(ctx: HandlerContext, d: ResourceDescriptor): SimResponse {
  validateSelect(d, ctx.query.select);
  const all = ctx.query.filter ? undefined : ctx.store.ids(d.name);
  const ids = filteredIds(ctx, d, ctx.store.list(d.name), all);
  const page = pageIds(ctx, ids);
  const value = page.ids.map((id) =>
    withExpand(
      ctx,
      d,
      ctx.store.get(d.name, id)!,
      project(d, ctx.store.get(d.name, id)!, ctx.query.select),
    ),
  );
  const body: Record<string, unknown> = {
    '@odata.context': contextUrl(ctx, d.path, ctx.query.select),
  };
  if (wantsCount(ctx)) body['@odata.count'] = ids.length;
  if (page.nextLink) body['@odata.nextLink'] = page.nextLink;
  body.value = value;
  return json(200, body, value.length);
}

export function countCollection(ctx: HandlerContext, d: ResourceDescriptor): SimResponse {
  if ((ctx.req.headers['consistencylevel'] ?? '').toLowerCase() !== 'eventual') {
    throw new GraphError(
      400,
      'Request_BadRequest',
      "Count is not supported without the 'ConsistencyLevel: eventual' header.",
    );
  }
  const ids = filteredIds(
    ctx,
    d,
    ctx.store.list(d.name),
    ctx.query.filter ? undefined : ctx.store.ids(d.name),
  );
  return { status: 200, text: String(ids.length), headers: { 'content-type': 'text/plain' } };
}

export function getItem(
  ctx: HandlerContext,
  d: ResourceDescriptor,
  obj: GraphObject,
  path = d.path,
): SimResponse {
  validateSelect(d, ctx.query.select);
  const body = {
    '@odata.context': contextUrl(ctx, path, ctx.query.select, true),
    ...withExpand(ctx, d, obj, project(d, obj, ctx.query.select)),
  };
  return json(200, body, 1);
}

/** GET {owner}/{nav}: members, owners, appRoleAssignedTo, federatedIdentityCredentials, manager… */
export function listNavigation(
  ctx: HandlerContext,
  d: ResourceDescriptor,
  owner: GraphObject,
  navName: string,
  nav: NavigationDescriptor,
): SimResponse {
  if (nav.kind === 'links' && nav.single) {
    const target = [...ctx.store.linkTargets(nav.store, owner.id)].find((t) => ctx.store.isLive(t));
    const obj = target ? projectDirectoryObject(ctx, target, ctx.query.select) : undefined;
    if (!obj) throw notFound(navName);
    return json(
      200,
      { '@odata.context': contextUrl(ctx, 'directoryObjects', undefined, true), ...obj },
      1,
    );
  }
  let ids: readonly string[];
  let toObject: (id: string) => Record<string, unknown> | undefined;
  let entitySet = 'directoryObjects';
  if (nav.kind === 'reference' || nav.kind === 'singleChild') {
    throw badRequest(`'${navName}' is not a collection.`);
  }
  if (nav.kind === 'inverseLinks') {
    ids = inverseLinkOwners(ctx, nav.stores, owner.id);
    toObject = (id) => projectDirectoryObject(ctx, id, ctx.query.select);
  } else if (nav.kind === 'links') {
    ids = [...ctx.store.linkTargets(nav.store, owner.id)].filter((t) => ctx.store.isLive(t));
    if (ctx.query.filter) {
      ids = ids.filter((id) => {
        const resource = ctx.store.directoryResourceOf(id)!;
        return matchesFilter(ctx.store.get(resource, id)!, ctx.query.filter!);
      });
    }
    toObject = (id) => projectDirectoryObject(ctx, id, ctx.query.select);
  } else if (nav.kind === 'derived') {
    const target = RESOURCE_BY_NAME.get(nav.collection)!;
    validateSelect(target, ctx.query.select);
    const objects = ctx.store
      .findByForeignKey(nav.collection, nav.foreignKey, owner.id)
      .filter(
        (o) => target.name !== 'appRoleAssignments' || ctx.store.isLive(String(o.principalId)),
      );
    ids = filteredIds(ctx, target, objects);
    toObject = (id) => project(target, ctx.store.get(nav.collection, id)!, ctx.query.select);
    entitySet = nav.collection;
  } else {
    const items = ctx.store.childrenOf(nav.child.name, nav.parentKey ?? owner.id);
    validateSelect(nav.child, ctx.query.select);
    ids = filteredIds(ctx, nav.child, items.values());
    toObject = (id) => project(nav.child, items.get(id)!, ctx.query.select);
    entitySet = `${d.path}('${owner.id}')/${navName}`;
  }
  const page = pageIds(ctx, ids);
  const value = page.ids.flatMap((id) => {
    const o = toObject(id);
    return o ? [o] : [];
  });
  const body: Record<string, unknown> = {
    '@odata.context': contextUrl(ctx, entitySet, ctx.query.select),
  };
  if (wantsCount(ctx)) body['@odata.count'] = ids.length;
  if (page.nextLink) body['@odata.nextLink'] = page.nextLink;
  body.value = value;
  return json(200, body, value.length);
}
