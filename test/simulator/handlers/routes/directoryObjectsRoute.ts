import { badRequest, methodNotAllowed, noRoute, notFound } from '../../errors';
import { RESOURCE_BY_NAME } from '../../resources';
import { projectDirectoryObject } from '../collections';
import { json } from '../context';
import { requireObjectBody } from '../writes';
import { contextUrl } from '../paging';
import { type Route, route } from './route';

/** directoryObjects/getByIds and directoryObjects/{id}: any directory object by id. */
export function directoryObjectsRoute(method: string, segments: string[]): Route {
  if (segments[1] === 'getByIds' && segments.length === 2) {
    if (method !== 'POST') throw methodNotAllowed();
    return route('/directoryObjects/getByIds', 3, false, (ctx) => {
      const body = requireObjectBody(ctx.req.body);
      const ids = body.ids;
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > 1000)
        throw badRequest('ids must hold between 1 and 1000 ids.');
      const types = Array.isArray(body.types)
        ? (body.types as string[]).map((t) => t.toLowerCase())
        : undefined;
      const value = ids.flatMap((id) => {
        const resource = ctx.store.directoryResourceOf(String(id));
        if (!resource) return [];
        const type = RESOURCE_BY_NAME.get(resource)!
          .odataType.replace('microsoft.graph.', '')
          .toLowerCase();
        if (types && !types.includes(type)) return [];
        return [projectDirectoryObject(ctx, String(id))!];
      });
      return json(
        200,
        { '@odata.context': contextUrl(ctx, 'directoryObjects'), value },
        value.length,
      );
    });
  }
  if (segments.length === 2 && method === 'GET') {
    const id = segments[1];
    return route('/directoryObjects/{id}', 1, false, (ctx) => {
      const obj = projectDirectoryObject(ctx, id, ctx.query.select);
      if (!obj) throw notFound(id);
      return json(
        200,
        { '@odata.context': contextUrl(ctx, 'directoryObjects', undefined, true), ...obj },
        1,
      );
    });
  }
  throw noRoute(segments.join('/'));
}
