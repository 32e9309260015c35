import type { GraphApi } from '../graph/graphApi';
import { batchBodyOrThrow, sendBatched, type BatchRequest, type BatchResult } from '../graph/batch';
import { GraphRequestError } from '../graph/graphErrors';
import type { ModuleDefinition, SnapshotRecord } from '../modules/types';
import { stripAnnotations } from './recordBuilder';

interface CollectionBody {
  value?: Record<string, unknown>[];
  '@odata.nextLink'?: string;
  id?: string;
}

function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
}

/**
 * Reads the relationships and child collections a module cannot get from delta, for a page of
 * records, through `$batch` (20 per call) — one request per object and relation.
 */
export async function readPerObjectRelated(
  graph: GraphApi,
  module: ModuleDefinition,
  records: SnapshotRecord[],
  options: { batch?: boolean } = {},
): Promise<void> {
  const relationships = module.relationships.filter((r) => r.readVia === 'perObject');
  if (relationships.length === 0 && module.children.length === 0) return;
  const requests: BatchRequest[] = [];
  const apply: Array<(body: CollectionBody | undefined) => Promise<void>> = [];

  records.forEach((record) => {
    const item = module.itemPath.replace('{id}', encodeURIComponent(record.id));
    for (const relationship of relationships) {
      const many = relationship.cardinality === 'many';
      requests.push({
        id: String(requests.length),
        method: 'GET',
        url: withQuery(`${item}/${relationship.name}`, {
          $select: 'id',
          $top: many ? '999' : undefined,
        }),
      });
      apply.push(async (body) => {
        const ids = many
          ? (await allValues(graph, module, body)).map((o) => String(o.id))
          : body?.id
            ? [String(body.id)]
            : [];
        record.relationships ??= {};
        record.relationships[relationship.name] = [...new Set(ids)].sort();
      });
    }
    for (const child of module.children) {
      requests.push({
        id: String(requests.length),
        method: 'GET',
        url: withQuery(child.listPath.replace('{id}', encodeURIComponent(record.id)), {
          $select: child.select?.join(','),
        }),
      });
      apply.push(async (body) => {
        // A single-valued child (an external connection's schema) is kept as a one-element list.
        const values =
          child.cardinality === 'one'
            ? body && Object.keys(body).length > 0
              ? [stripAnnotations(body as Record<string, unknown>)]
              : []
            : (await allValues(graph, module, body)).map(stripAnnotations);
        record.children ??= {};
        record.children[child.name] = values.sort((a, b) =>
          String(a.id ?? '').localeCompare(String(b.id ?? '')),
        );
      });
    }
  });

  const results =
    options.batch === false
      ? await sendOneByOne(graph, requests, module.graphVersion)
      : await sendBatched(graph, requests, module.graphVersion);
  for (const request of requests) {
    const result = results.get(request.id);
    // The object went away between the list read and this one: nothing to link.
    const body =
      result?.status === 404 ? undefined : batchBodyOrThrow<CollectionBody>(result, request);
    await apply[Number(request.id)](body);
  }
}

async function allValues(
  graph: GraphApi,
  module: ModuleDefinition,
  body: CollectionBody | undefined,
): Promise<Record<string, unknown>[]> {
  if (!body) return [];
  const values = [...(body.value ?? [])];
  if (body['@odata.nextLink']) {
    values.push(...(await graph.getAll(body['@odata.nextLink'], module.graphVersion)));
  }
  return values;
}

/** One request per relationship, as object-by-object exporters do (benchmark baseline only). */
async function sendOneByOne(
  graph: GraphApi,
  requests: BatchRequest[],
  version: ModuleDefinition['graphVersion'],
): Promise<Map<string, BatchResult>> {
  const results = new Map<string, BatchResult>();
  await Promise.all(
    requests.map(async (request) => {
      try {
        const body = await graph.get(request.url, version);
        results.set(request.id, { id: request.id, status: 200, body, headers: {} });
      } catch (error) {
        const status = error instanceof GraphRequestError ? error.status : 500;
        results.set(request.id, { id: request.id, status, body: undefined, headers: {} });
      }
    }),
  );
  return results;
}
