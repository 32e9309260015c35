import { GraphError, badRequest, notFound, readOnlyProperty } from '../errors';
import type { SingletonDescriptor } from '../resources/singletons';
import type { GraphObject } from '../tenantState';
import { type HandlerContext, type SimResponse, json, noContent } from './context';
import { contextUrl } from './paging';
import { requireObjectBody } from './writes';

function withoutNavigation(
  s: SingletonDescriptor,
  obj: GraphObject,
  expand: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (expand || !s.navigation.includes(k)) out[k] = v;
  return out;
}

/** GET/PATCH /policies/authorizationPolicy and /policies/authenticationMethodsPolicy. */
export function handleSingleton(ctx: HandlerContext, s: SingletonDescriptor): SimResponse {
  const current = ctx.store.singleton(s.name);
  if (ctx.req.method === 'GET') {
    const expand = (ctx.query.expand ?? []).some((e) => s.navigation.includes(e.nav));
    // authenticationMethodsPolicy returns its method configurations inline, like Graph v1.0.
    const inline = s.items !== undefined || expand;
    return json(
      200,
      {
        '@odata.context': contextUrl(ctx, s.path.replace(/\//g, '/'), undefined, true),
        ...withoutNavigation(s, current, inline),
      },
      1,
    );
  }
  const verb = s.updateMethod ?? 'PATCH';
  if (s.readOnlySingleton || ctx.req.method !== verb)
    throw new GraphError(
      405,
      'Request_BadRequest',
      `Method ${ctx.req.method} is not supported on ${s.odataType}${s.readOnlySingleton ? '' : `; use ${verb}`}.`,
    );
  const body = requireObjectBody(ctx.req.body);
  for (const key of Object.keys(body)) {
    if (key === '@odata.type') continue;
    if (s.navigation.includes(key))
      throw badRequest(
        `Property '${key}' is a navigation property; update its items individually.`,
      );
    if (!s.properties.includes(key))
      throw badRequest(
        `Property '${key}' does not exist as a declared property or extension property.`,
      );
    if (s.readOnly.includes(key)) throw readOnlyProperty(key);
  }
  // PUT replaces the object: what the body leaves out is reset (only read-only values are kept).
  const base =
    verb === 'PUT'
      ? Object.fromEntries(
          Object.entries(current).filter(
            ([k]) => s.readOnly.includes(k) || s.navigation.includes(k),
          ),
        )
      : current;
  const updated: GraphObject = { ...base, ...body, id: current.id };
  if ('lastModifiedDateTime' in current) updated.lastModifiedDateTime = ctx.store.nowIso();
  ctx.store.setSingleton(s.name, updated);
  return noContent();
}

/** GET/PATCH /policies/authenticationMethodsPolicy/authenticationMethodConfigurations[/{id}]. */
export function handleSingletonItems(
  ctx: HandlerContext,
  s: SingletonDescriptor,
  itemId?: string,
): SimResponse {
  const items = s.items!;
  const current = ctx.store.singleton(s.name);
  const list = (current[items.property] ?? []) as GraphObject[];
  if (itemId === undefined) {
    if (ctx.req.method !== 'GET')
      throw badRequest(`Method ${ctx.req.method} is not supported here.`);
    return json(
      200,
      { '@odata.context': contextUrl(ctx, `${s.path}/${items.property}`), value: list },
      list.length,
    );
  }
  const index = list.findIndex((i) => i.id.toLowerCase() === itemId.toLowerCase());
  if (index < 0) throw notFound(itemId);
  if (ctx.req.method === 'GET')
    return json(
      200,
      {
        '@odata.context': contextUrl(ctx, `${s.path}/${items.property}`, undefined, true),
        ...list[index],
      },
      1,
    );
  if (ctx.req.method !== 'PATCH')
    throw badRequest(`Method ${ctx.req.method} is not supported here.`);
  const body = requireObjectBody(ctx.req.body);
  for (const key of Object.keys(body))
    if (items.readOnly.includes(key)) throw readOnlyProperty(key);
  if (body['@odata.type'] !== undefined && body['@odata.type'] !== list[index]['@odata.type']) {
    throw badRequest('The @odata.type of a method configuration cannot be changed.');
  }
  const next = [...list];
  next[index] = { ...list[index], ...body, id: list[index].id };
  ctx.store.setSingleton(s.name, {
    ...current,
    [items.property]: next,
    lastModifiedDateTime: ctx.store.nowIso(),
  });
  return noContent();
}
