import { badRequest, notFound } from '../errors';
import { project, validateSelect } from '../odata/projection';
import { RESOURCES } from '../resources';
import type { ResourceDescriptor } from '../resources/descriptor';
import { type HandlerContext, type SimResponse, json, noContent } from './context';
import { contextUrl, pageIds } from './paging';

/** Soft-delete containers: /directory/deletedItems and /identity/conditionalAccess/deletedItems. */
export type DeletedContainer = 'directory' | 'conditionalAccess';

export function deletableResources(container: DeletedContainer): ResourceDescriptor[] {
  return RESOURCES.filter((r) => r.softDelete === container);
}

/** GET /directory/deletedItems/microsoft.graph.user or /identity/conditionalAccess/deletedItems/policies. */
export function listDeleted(
  ctx: HandlerContext,
  d: ResourceDescriptor,
  entitySet: string,
): SimResponse {
  validateSelect(d, ctx.query.select);
  const ids = [...ctx.store.listDeleted(d.name)].map((o) => o.id);
  const page = pageIds(ctx, ids);
  const value = page.ids.map((id) =>
    project(d, ctx.store.getDeleted(d.name, id)!, ctx.query.select, true),
  );
  const body: Record<string, unknown> = {
    '@odata.context': contextUrl(ctx, entitySet, ctx.query.select),
  };
  if (page.nextLink) body['@odata.nextLink'] = page.nextLink;
  body.value = value;
  return json(200, body, value.length);
}

function findDeleted(
  ctx: HandlerContext,
  container: DeletedContainer,
  id: string,
  only?: ResourceDescriptor,
): ResourceDescriptor {
  for (const d of only ? [only] : deletableResources(container))
    if (ctx.store.getDeleted(d.name, id)) return d;
  throw notFound(id);
}

export function deletedItem(
  ctx: HandlerContext,
  container: DeletedContainer,
  id: string,
  only?: ResourceDescriptor,
): SimResponse {
  const d = findDeleted(ctx, container, id, only);
  const method = ctx.req.method;
  if (method === 'GET') {
    return json(
      200,
      {
        '@odata.context': contextUrl(ctx, 'directory/deletedItems', undefined, true),
        ...project(d, ctx.store.getDeleted(d.name, id)!, ctx.query.select, true),
      },
      1,
    );
  }
  if (method === 'DELETE') {
    ctx.store.hardDelete(d.name, id);
    return noContent();
  }
  throw badRequest(`Method ${method} is not supported on deleted items.`);
}

/** POST …/deletedItems/{id}/restore → 200 with the object, same id, links intact. */
export function restoreDeleted(
  ctx: HandlerContext,
  container: DeletedContainer,
  id: string,
  only?: ResourceDescriptor,
): SimResponse {
  const d = findDeleted(ctx, container, id, only);
  const obj = ctx.store.restore(d.name, id)!;
  return json(
    200,
    {
      '@odata.context': contextUrl(ctx, 'directoryObjects', undefined, true),
      ...project(d, obj, undefined, true),
    },
    1,
  );
}
