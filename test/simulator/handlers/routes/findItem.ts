import { GraphError, badRequest, notFound } from '../../errors';
import type { ResourceDescriptor } from '../../resources/descriptor';
import type { GraphObject } from '../../tenantState';
import type { HandlerContext } from '../context';

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

export function findItem(
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
