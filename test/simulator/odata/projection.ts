import { badRequest } from '../errors';
import type { ResourceDescriptor } from '../resources/descriptor';
import type { GraphObject } from '../tenantState';

/** Simulator-private keys on stored objects (binary streams); never returned. */
export const SIM_PREFIX = '@sim.';

/** Checks $select names against the type: properties, extension attributes, and (for delta) link navigations. */
export function validateSelect(
  descriptor: ResourceDescriptor,
  select: string[] | undefined,
  allowNav: readonly string[] = [],
): void {
  for (const name of select ?? []) {
    if (name === '*' || name === 'id') continue;
    const known =
      descriptor.properties.includes(name) ||
      allowNav.includes(name) ||
      descriptor.extraProperties?.test(name);
    if (!known || descriptor.writeOnly?.includes(name)) {
      throw badRequest(
        `Could not find a property named '${name}' on type '${descriptor.odataType}'.`,
      );
    }
  }
}

/**
 * The object as Graph returns it: with $select only id + the named properties (null when unset);
 * without, everything except write-only and "returned only on $select" properties.
 */
export function project(
  descriptor: ResourceDescriptor,
  obj: GraphObject,
  select?: string[],
  withType = false,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (withType || obj['@odata.type'])
    out['@odata.type'] = obj['@odata.type'] ?? `#${descriptor.odataType}`;
  const hideId = descriptor.callerChosenId?.hideId === true;
  if (select && select.length && !select.includes('*')) {
    if (!hideId) out.id = obj.id;
    for (const name of select) {
      if (name === 'id' || descriptor.navigation?.[name]) continue;
      out[name] = obj[name] ?? null;
    }
    return out;
  }
  const hidden = new Set([...(descriptor.writeOnly ?? []), ...(descriptor.selectOnly ?? [])]);
  // Inline references ({ id }) are navigation properties: returned only when $expand-ed.
  for (const [name, nav] of Object.entries(descriptor.navigation ?? {}))
    if (nav.kind === 'reference') hidden.add(name);
  if (hideId) hidden.add('id');
  for (const [k, v] of Object.entries(obj))
    if (!hidden.has(k) && k !== '@odata.type' && !k.startsWith(SIM_PREFIX)) out[k] = v;
  return out;
}
