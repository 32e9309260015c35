import type { ResourceDescriptor } from '../../resources/descriptor';
import type { GraphObject } from '../../tenantState';
import type { HandlerContext } from '../context';

/** Where one object lives: top level (store) or among a parent's child items. */
export interface Locator {
  find(ctx: HandlerContext): GraphObject;
  /** Child items: the parent key and its items map (absent = top-level collection). */
  parent?(ctx: HandlerContext): { id: string; items: Map<string, GraphObject> };
  /** The key in the URL (caller-chosen id upserts). */
  key?: string;
  /** @odata.context entity set of the item. */
  contextPath?: string;
}

export function saveObject(
  ctx: HandlerContext,
  d: ResourceDescriptor,
  loc: Locator,
  obj: GraphObject,
) {
  if (loc.parent) loc.parent(ctx).items.set(obj.id, obj);
  else ctx.store.update(d.name, obj);
}

/**
 * The items a parent owns. The parent is always looked up first, even when the items are stored
 * under a constant key (branding under 'tenant'): Graph answers 404 for another organization's id
 * and 400 for a malformed one, whatever the method.
 */
export function ownedItems(
  ctx: HandlerContext,
  child: ResourceDescriptor,
  findOwner: (ctx: HandlerContext) => GraphObject,
  parentKey: string | undefined,
): { id: string; items: Map<string, GraphObject> } {
  const owner = findOwner(ctx);
  const key = parentKey ?? owner.id;
  return { id: key, items: ctx.store.childrenOf(child.name, key) };
}
