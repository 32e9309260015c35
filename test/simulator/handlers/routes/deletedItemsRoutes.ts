import { methodNotAllowed, noRoute } from '../../errors';
import { RESOURCE_BY_NAME } from '../../resources';
import type { ResourceDescriptor } from '../../resources/descriptor';
import {
  type DeletedContainer,
  deletableResources,
  deletedItem,
  listDeleted,
  restoreDeleted,
} from '../deletedItems';
import { type Route, route } from './route';

/**
 * directory/deletedItems/... and identity/conditionalAccess/deletedItems/{policies|namedLocations}/...;
 * undefined when the path is under neither.
 */
export function deletedItemsRoute(method: string, segments: string[]): Route | undefined {
  const path = segments.join('/');
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
  return undefined;
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
