import { methodNotAllowed, noRoute } from '../errors';
import { handleBatch } from './batch';
import { collectionRoute } from './routes/collectionRoutes';
import { deletedItemsRoute } from './routes/deletedItemsRoutes';
import { directoryObjectsRoute } from './routes/directoryObjectsRoute';
import { type Route, route } from './routes/route';
import { singletonRoute } from './routes/singletonRoutes';

export type { Route } from './routes/route';

/**
 * Resolves `/v1.0/...` segments (after the version) to a Route, or throws 400/405. One module per
 * kind of route under ./routes: $batch, directoryObjects, deleted items, singletons, then the
 * collections (with their items, streams, actions, navigations, links/$ref and delta).
 */
export function resolveRoute(method: string, segments: string[], version = 'v1.0'): Route {
  const beta = version === 'beta';
  const first = segments[0];
  if (first === '$batch' && segments.length === 1) {
    if (method !== 'POST') throw methodNotAllowed();
    return route('/$batch', 0, false, handleBatch);
  }
  if (first === 'directoryObjects') return directoryObjectsRoute(method, segments);
  return (
    deletedItemsRoute(method, segments) ??
    singletonRoute(method, segments, beta) ??
    collectionRoute(method, segments, beta) ??
    noRouteFor(segments)
  );
}

function noRouteFor(segments: string[]): never {
  throw noRoute(segments.join('/'));
}
