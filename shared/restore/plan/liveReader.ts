import type { GraphApi } from '../../graph/graphApi';
import { sendBatched, type BatchRequest } from '../../graph/batch';
import { graphErrorFrom } from '../../graph/graphErrors';
import type { LiveCollection } from './liveCollection';
import type {
  ChildCollectionDefinition,
  ModuleDefinition,
  RelationshipDefinition,
} from '../../modules/types';

/** Reads of the live tenant a plan needs, sent through `$batch` (20 per request). */

type Json = Record<string, unknown>;

/** Fills `{id}`-style segments; placeholders stay readable (they resolve to plain GUIDs). */
export function substitute(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (all, name: string) => {
    if (!(name in values)) return all;
    const value = values[name];
    return value.includes('{{') ? value : encodeURIComponent(value);
  });
}

export function withQuery(path: string, query: string): string {
  return query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
}

function selectQuery(select: string[] | undefined): string {
  return select && select.length > 0 ? `$select=${select.join(',')}` : '';
}

/** GETs by key; 404 (and 400 for malformed ids) answer undefined, other errors throw. */
async function batchGet(
  graph: GraphApi,
  version: 'v1.0' | 'beta',
  urls: Map<string, string>,
): Promise<Map<string, unknown>> {
  const keys = [...urls.keys()];
  const requests: BatchRequest[] = keys.map((key, i) => ({
    id: String(i + 1),
    method: 'GET',
    url: urls.get(key)!,
  }));
  const results = await sendBatched(graph, requests, version);
  const out = new Map<string, unknown>();
  for (const [i, key] of keys.entries()) {
    const request = requests[i];
    const result = results.get(request.id)!;
    if (result.status === 404 || result.status === 400) continue;
    if (result.status < 200 || result.status >= 300) {
      throw graphErrorFrom(result.status, result.body, 'GET', request.url);
    }
    out.set(key, result.body);
  }
  return out;
}

/** Pages beyond the first of a batched collection read. */
async function allValues(graph: GraphApi, body: unknown): Promise<Json[]> {
  const page = body as { value?: Json[]; '@odata.nextLink'?: string };
  const values = [...(page.value ?? [])];
  if (page['@odata.nextLink']) values.push(...(await graph.getAll<Json>(page['@odata.nextLink'])));
  return values;
}

function stripContext(body: unknown): Json {
  const { '@odata.context': _context, ...rest } = body as Json;
  return rest;
}

export async function readLiveObjects(
  graph: GraphApi,
  module: ModuleDefinition,
  ids: string[],
): Promise<Map<string, Json>> {
  // A fixed query on the list path (`$expand=catalog($select=id)`) shapes the objects the backup
  // holds, so live objects are read with it too.
  const listQuery = module.listPath.includes('?') ? module.listPath.split('?')[1] : undefined;
  const urls = new Map(
    ids.map((id) => [
      id,
      withQuery(substitute(module.itemPath, { id }), listQuery ?? selectQuery(module.select)),
    ]),
  );
  const found = await batchGet(graph, module.graphVersion, urls);
  return new Map([...found].map(([id, body]) => [id, stripContext(body)]));
}

export async function readSingleton(graph: GraphApi, module: ModuleDefinition): Promise<Json> {
  const path = withQuery(module.listPath, selectQuery(module.select));
  return stripContext(await graph.get(path, module.graphVersion));
}

/** Where a soft-deleted object of this module is read: the restore path without `/restore`. */
export function deletedItemPath(module: ModuleDefinition, id: string): string | undefined {
  if (module.restore.kind !== 'createOrUpdate' || !module.restore.softDelete) return undefined;
  const restorePath = module.restore.softDelete.restorePath;
  const base = restorePath.replace(/\/restore$/, '');
  return base.includes('{id}')
    ? substitute(base, { id })
    : `${module.restore.softDelete.deletedItemsPath}/${encodeURIComponent(id)}`;
}

/** Soft-deleted objects among `ids`, as deleted items return them. */
export async function readDeletedObjects(
  graph: GraphApi,
  module: ModuleDefinition,
  ids: string[],
): Promise<Map<string, Json>> {
  const urls = new Map<string, string>();
  for (const id of ids) {
    const path = deletedItemPath(module, id);
    if (path) urls.set(id, withQuery(path, selectQuery(module.select)));
  }
  if (urls.size === 0) return new Map();
  const found = await batchGet(graph, module.graphVersion, urls);
  return new Map([...found].map(([id, body]) => [id, stripContext(body)]));
}

export function naturalKeyPath(module: ModuleDefinition, value: string): string {
  const literal = value.replace(/'/g, "''");
  // A placeholder (an appId known only at apply time) is resolved to a plain GUID later.
  const encoded = value.includes('{{') ? literal : encodeURIComponent(literal);
  return withQuery(
    module.listPath,
    `$filter=${module.naturalKey} eq '${encoded}'&${selectQuery(module.select) || '$select=id'}`,
  );
}

/** Live objects found by the module's natural key, by value. */
export async function findByNaturalKey(
  graph: GraphApi,
  module: ModuleDefinition,
  values: string[],
): Promise<Map<string, Json>> {
  if (!module.naturalKey || values.length === 0) return new Map();
  const urls = new Map(values.map((v) => [v, naturalKeyPath(module, v)]));
  const found = await batchGet(graph, module.graphVersion, urls);
  const out = new Map<string, Json>();
  for (const [value, body] of found) {
    const first = (body as { value?: Json[] }).value?.[0];
    if (first) out.set(value, first);
  }
  return out;
}

export function linkListPath(module: ModuleDefinition, rel: RelationshipDefinition, id: string) {
  return `${substitute(module.itemPath, { id })}/${rel.name}`;
}

/** Linked ids per object (404 on a `one` relationship = no link). */
export async function readLinks(
  graph: GraphApi,
  module: ModuleDefinition,
  rel: RelationshipDefinition,
  ids: string[],
): Promise<Map<string, string[]>> {
  const query = rel.cardinality === 'many' ? '$select=id&$top=999' : '$select=id';
  const urls = new Map(ids.map((id) => [id, withQuery(linkListPath(module, rel, id), query)]));
  const found = await batchGet(graph, module.graphVersion, urls);
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [id, body] of found) {
    if (rel.cardinality === 'one') {
      const linked = (body as Json).id;
      out.set(id, typeof linked === 'string' ? [linked] : []);
    } else {
      out.set(
        id,
        (await allValues(graph, body)).map((v) => String(v.id)),
      );
    }
  }
  return out;
}

export async function readChildren(
  graph: GraphApi,
  module: ModuleDefinition,
  child: ChildCollectionDefinition,
  parentIds: string[],
): Promise<Map<string, Json[]>> {
  const urls = new Map(
    parentIds.map((id) => [
      id,
      withQuery(substitute(child.listPath, { id }), selectQuery(child.select)),
    ]),
  );
  const found = await batchGet(graph, module.graphVersion, urls);
  const out = new Map<string, Json[]>(parentIds.map((id) => [id, []]));
  for (const [id, body] of found) {
    // A single-valued child (an external connection's schema) is one object, not a page.
    const single = child.cardinality === 'one';
    const object = body as Json | undefined;
    out.set(
      id,
      single
        ? object && Object.keys(stripContext(object)).length > 0
          ? [stripContext(object)]
          : []
        : await allValues(graph, body),
    );
  }
  return out;
}

/** Which of `ids` exist live in any of the modules (by id, or by an addressable alternate key). */
export async function existingIds(
  graph: GraphApi,
  modules: ModuleDefinition[],
  ids: string[],
  /** Modules already read whole: an id is live there when the collection holds it. */
  collections: ReadonlyMap<string, LiveCollection> = new Map(),
): Promise<Set<string>> {
  const found = new Set<string>();
  let pending = [...new Set(ids)];
  for (const module of modules) {
    if (pending.length === 0) break;
    if (module.kind !== 'collection') continue;
    const collection = collections.get(module.id);
    if (collection) {
      const keys = (module.alternateKeys ?? []).filter((k) => k.addressable);
      const live = new Set(collection.objects.keys());
      for (const object of collection.objects.values())
        for (const key of keys)
          if (typeof object[key.property] === 'string') live.add(object[key.property] as string);
      for (const id of pending) if (live.has(id)) found.add(id);
      pending = pending.filter((id) => !found.has(id));
      continue;
    }
    const urls = new Map(
      pending.map((id) => [id, withQuery(substitute(module.itemPath, { id }), '$select=id')]),
    );
    for (const id of (await batchGet(graph, module.graphVersion, urls)).keys()) found.add(id);
    pending = pending.filter((id) => !found.has(id));
    for (const key of module.alternateKeys ?? []) {
      if (!key.addressable || pending.length === 0) continue;
      const byKey = new Map(
        pending.map((id) => [
          id,
          `${module.listPath}(${key.property}='${encodeURIComponent(id.replace(/'/g, "''"))}')?$select=id`,
        ]),
      );
      for (const id of (await batchGet(graph, module.graphVersion, byKey)).keys()) found.add(id);
      pending = pending.filter((id) => !found.has(id));
    }
  }
  return found;
}
