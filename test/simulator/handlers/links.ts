import { badRequest, notFound } from '../errors';
import { RESOURCE_BY_NAME } from '../resources';
import type { LinkNavigation } from '../resources/descriptor';
import type { GraphObject } from '../tenantState';
import { type HandlerContext, type SimResponse, noContent } from './context';
import { idFromReference, requireObjectBody } from './writes';

/** POST {owner}/{nav}/$ref and PUT {owner}/manager/$ref with `{"@odata.id": ".../directoryObjects/{id}"}`. */
export function addLinkFromBody(
  ctx: HandlerContext,
  owner: GraphObject,
  navName: string,
  nav: LinkNavigation,
): SimResponse {
  if (!nav.writable) throw badRequest(`The '${navName}' relationship cannot be changed.`);
  validateLinkWrite(ctx, owner, navName);
  const target = idFromReference(requireObjectBody(ctx.req.body)['@odata.id']);
  const resource = ctx.store.directoryResourceOf(target);
  if (!resource || !nav.targets.includes(resource)) throw notFound(target);
  if (!ctx.store.addLink(nav.store, owner.id, target)) {
    throw badRequest(
      `One or more added object references already exist for the following modified properties: '${navName}'.`,
    );
  }
  return noContent();
}

/** DELETE {owner}/{nav}/{targetId}/$ref, or DELETE {owner}/manager/$ref (targetId undefined). */
export function removeLink(
  ctx: HandlerContext,
  owner: GraphObject,
  navName: string,
  nav: LinkNavigation,
  targetId?: string,
): SimResponse {
  if (!nav.writable) throw badRequest(`The '${navName}' relationship cannot be changed.`);
  validateLinkWrite(ctx, owner, navName);
  const target = targetId ?? [...ctx.store.linkTargets(nav.store, owner.id)][0];
  if (!target || !ctx.store.removeLink(nav.store, owner.id, target))
    throw notFound(targetId ?? navName);
  return noContent();
}

function validateLinkWrite(ctx: HandlerContext, owner: GraphObject, navName: string): void {
  const resource = ctx.store.directoryResourceOf(owner.id);
  if (resource) RESOURCE_BY_NAME.get(resource)?.validateLinkWrite?.(owner, navName);
}
