import { GraphError, badRequest, duplicateValue, notFound, readOnlyProperty } from '../errors';
import type { ResourceDescriptor, WriteContext } from '../resources/descriptor';
import type { TenantStore } from '../store/tenantStore';
import type { GraphObject } from '../tenantState';
import type { HandlerContext } from './context';

/** `…@odata.bind` values per request (Graph: up to 20 members/owners per request). */
const MAX_BINDS = 20;

export function writeContext(ctx: HandlerContext, parentId?: string): WriteContext {
  const store = ctx.store;
  return {
    now: store.nowIso(),
    tenantId: store.tenantId,
    initialDomain: initialDomain(store),
    newId: ctx.newId,
    parentId,
    lookup: (resource, id) => store.get(resource, id),
    findBy: (resource, property, value) => store.findBy(resource, property, value),
    list: (resource) => store.list(resource),
  };
}

function initialDomain(store: TenantStore): string {
  const org = store.list('organization').next().value as GraphObject | undefined;
  const domains = (org?.verifiedDomains ?? []) as Array<{ name?: string; isInitial?: boolean }>;
  return domains.find((d) => d.isInitial)?.name ?? domains[0]?.name ?? 'contoso.onmicrosoft.com';
}

export function requireObjectBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('Empty Payload. JSON content expected.');
  }
  return body as Record<string, unknown>;
}

/** The last path segment of an @odata.id / @odata.bind URL: the referenced object's id. */
export function idFromReference(url: unknown): string {
  if (typeof url !== 'string' || !url) throw badRequest('Invalid object identifier in @odata.id.');
  const clean = url.split('?')[0].replace(/\/\$ref$/, '');
  const last = clean.split('/').pop() ?? '';
  const m = /\('([^']+)'\)$/.exec(last);
  return decodeURIComponent(m ? m[1] : last);
}

interface Binds {
  nav: string;
  store: string;
  targets: string[];
}

/** Rejects unknown, read-only, navigation and non-updatable properties; collects @odata.bind. */
function checkBody(
  d: ResourceDescriptor,
  body: Record<string, unknown>,
  existing: GraphObject | undefined,
): Binds[] {
  const binds: Binds[] = [];
  let bindCount = 0;
  for (const [key, value] of Object.entries(body)) {
    if (key === '@odata.type') continue;
    if (key.endsWith('@odata.bind')) {
      const navName = key.slice(0, -'@odata.bind'.length);
      const nav = d.navigation?.[navName];
      if (!nav || nav.kind !== 'links' || !nav.bindable)
        throw badRequest(`Property '${key}' is not supported for binding.`);
      const targets = (Array.isArray(value) ? value : [value]).map(idFromReference);
      bindCount += targets.length;
      binds.push({ nav: navName, store: nav.store, targets });
      continue;
    }
    if (d.navigation?.[key]?.kind === 'reference') {
      const id = (value as { id?: unknown } | null)?.id;
      if (typeof id !== 'string' || !id)
        throw badRequest(`Property '${key}' must be an object with the referenced 'id'.`);
      continue;
    }
    if (d.navigation?.[key])
      throw badRequest(
        `Property '${key}' is a navigation property and cannot be set; use '${key}@odata.bind' or '/${key}/$ref'.`,
      );
    const declared =
      d.properties.includes(key) || d.extraProperties?.test(key) || d.readOnly.includes(key);
    if (!declared)
      throw badRequest(
        `Property '${key}' does not exist as a declared property or extension property.`,
      );
    if (d.readOnly.includes(key)) throw readOnlyProperty(key);
    if (existing) {
      if (d.updatable && !d.updatable.includes(key)) throw readOnlyProperty(key);
      if (
        d.createOnly?.includes(key) &&
        JSON.stringify(existing[key] ?? null) !== JSON.stringify(value ?? null)
      ) {
        throw readOnlyProperty(key);
      }
    }
  }
  if (bindCount > MAX_BINDS)
    throw badRequest(
      `The request contains ${bindCount} @odata.bind references; at most ${MAX_BINDS} are allowed.`,
    );
  return binds;
}

function checkUnique(store: TenantStore, d: ResourceDescriptor, obj: GraphObject): void {
  for (const property of d.unique ?? []) {
    const value = obj[property];
    const values = Array.isArray(value)
      ? value
      : value === undefined || value === null
        ? []
        : [value];
    for (const v of values) {
      const holder = store.findUnique(d.name, property, String(v));
      if (holder && holder !== obj.id) throw duplicateValue(property);
    }
  }
}

/** Inline `{ id }` references must point at a live object of their collection. */
function checkReferences(
  store: TenantStore,
  d: ResourceDescriptor,
  body: Record<string, unknown>,
): void {
  for (const [name, nav] of Object.entries(d.navigation ?? {})) {
    if (nav.kind !== 'reference' || body[name] === undefined) continue;
    const id = String((body[name] as { id: string }).id);
    if (!store.get(nav.collection, id)) throw notFound(id);
  }
}

function checkBinds(store: TenantStore, d: ResourceDescriptor, binds: Binds[]): void {
  for (const b of binds) {
    const nav = d.navigation![b.nav];
    if (nav.kind !== 'links') continue;
    for (const target of b.targets) {
      const resource = store.directoryResourceOf(target);
      if (!resource || !nav.targets.includes(resource)) throw notFound(target);
    }
  }
}

function applyBinds(store: TenantStore, ownerId: string, binds: Binds[]): void {
  for (const b of binds) {
    for (const target of b.targets) {
      if (!store.addLink(b.store, ownerId, target)) {
        throw badRequest(
          `One or more added object references already exist for the following modified properties: '${b.nav}'.`,
        );
      }
    }
  }
}

function stripWriteOnly(
  d: ResourceDescriptor,
  body: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (!k.endsWith('@odata.bind') && !d.writeOnly?.includes(k)) out[k] = v;
  }
  return out;
}

/** POST semantics shared by collections and child collections. Returns the stored object. */
export function createObject(
  ctx: HandlerContext,
  d: ResourceDescriptor,
  rawBody: unknown,
  parent?: { id: string; items: Map<string, GraphObject> },
): GraphObject {
  let body = requireObjectBody(rawBody);
  let id = ctx.newId();
  const chosen = d.callerChosenId;
  if (chosen) {
    const key = body[chosen.property];
    if (typeof key !== 'string' || !key)
      throw badRequest(
        `A value is required for property '${chosen.property}' of resource '${d.odataType.split('.').pop()}'.`,
      );
    if (chosen.pattern && !chosen.pattern.test(key))
      throw badRequest(`The value '${key}' is not valid for property '${chosen.property}'.`);
    id = key;
    if (chosen.property === 'id') {
      body = { ...body };
      delete body.id;
    }
  }
  const binds = checkBody(d, body, undefined);
  for (const p of d.requiredOnCreate) {
    if (body[p] === undefined || body[p] === null) {
      throw badRequest(
        `A value is required for property '${p}' of resource '${d.odataType.split('.').pop()}'.`,
      );
    }
  }
  const wctx = writeContext(ctx, parent?.id);
  d.validateWrite?.('create', body, undefined, wctx);
  const obj: GraphObject = { id, ...stripWriteOnly(d, body) };
  d.onCreate?.(obj, wctx);
  checkReferences(ctx.store, d, body);
  if (parent) {
    if (d.maxPerParent && parent.items.size >= d.maxPerParent) {
      throw badRequest(`Maximum of ${d.maxPerParent} objects can be added to an application.`);
    }
    for (const p of d.uniqueWithinParent ?? []) {
      if (
        [...parent.items.values()].some(
          (o) => String(o[p]).toLowerCase() === String(obj[p]).toLowerCase(),
        )
      )
        throw duplicateValue(p);
    }
    if (parent.items.has(obj.id)) throw duplicateValue(chosen?.property ?? 'id');
    parent.items.set(obj.id, obj);
    return obj;
  }
  if (ctx.store.get(d.name, obj.id) || ctx.store.getDeleted(d.name, obj.id))
    throw duplicateValue(chosen?.property ?? 'id');
  checkUnique(ctx.store, d, obj);
  checkBinds(ctx.store, d, binds);
  ctx.store.insert(d.name, obj);
  applyBinds(ctx.store, obj.id, binds);
  d.afterCreate?.(obj, ctx.store);
  return obj;
}

/**
 * PATCH semantics: merge, server-set fields, uniqueness, binds. `replace` gives PUT semantics
 * (assignment policies, access review definitions, device registration policy): the body is the
 * whole object; read-only / server-set values are kept from the stored one.
 */
export function updateObject(
  ctx: HandlerContext,
  d: ResourceDescriptor,
  existing: GraphObject,
  rawBody: unknown,
  parent?: { id: string; items: Map<string, GraphObject> },
  replace = false,
): GraphObject {
  if (!d.operations.update)
    throw new GraphError(
      405,
      'Request_BadRequest',
      `Updates are not supported for '${d.odataType}'.`,
    );
  const body = requireObjectBody(rawBody);
  const binds = checkBody(d, body, existing);
  const wctx = writeContext(ctx, parent?.id);
  d.validateWrite?.('update', body, existing, wctx);
  checkReferences(ctx.store, d, body);
  let base: Record<string, unknown> = existing;
  if (replace) {
    for (const p of d.requiredOnCreate) {
      // Inline references left out of a PUT keep pointing where they did (accessPackage).
      const keptReference = d.navigation?.[p]?.kind === 'reference' && existing[p] !== undefined;
      if (p !== '@odata.type' && !keptReference && (body[p] === undefined || body[p] === null))
        throw badRequest(
          `A value is required for property '${p}' of resource '${d.odataType.split('.').pop()}'.`,
        );
    }
    const references = Object.entries(d.navigation ?? {})
      .filter(([name, nav]) => nav.kind === 'reference' && body[name] === undefined)
      .map(([name]) => name);
    const keep = new Set([...d.readOnly, ...(d.createOnly ?? []), ...references, '@odata.type']);
    base = Object.fromEntries(
      Object.entries(existing).filter(([k]) => keep.has(k) || k.startsWith('@sim.')),
    );
  }
  const obj: GraphObject = { ...base, ...stripWriteOnly(d, body), id: existing.id };
  for (const p of replace ? [] : (d.mergeOnPatch ?? [])) {
    const [was, sent] = [existing[p], body[p]];
    if (isPlainObject(was) && isPlainObject(sent)) obj[p] = { ...was, ...sent };
  }
  d.onUpdate?.(obj, wctx);
  if (parent) {
    parent.items.set(obj.id, obj);
    return obj;
  }
  checkUnique(ctx.store, d, obj);
  checkBinds(ctx.store, d, binds);
  ctx.store.update(d.name, obj);
  applyBinds(ctx.store, obj.id, binds);
  return obj;
}

/** DELETE semantics: soft delete where Graph has deletedItems, else hard delete. */
export function deleteObject(
  ctx: HandlerContext,
  d: ResourceDescriptor,
  existing: GraphObject,
): void {
  if (!d.operations.delete)
    throw new GraphError(
      405,
      'Request_BadRequest',
      `Deletes are not supported for '${d.odataType}'.`,
    );
  d.validateWrite?.('delete', {}, existing, writeContext(ctx));
  if (d.softDelete) ctx.store.softDelete(d.name, existing.id);
  else ctx.store.hardDelete(d.name, existing.id);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
