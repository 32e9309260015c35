import type { GraphApi } from '../../graph/graphApi';
import { GraphRequestError } from '../../graph/graphErrors';
import type { ModuleDefinition } from '../../modules/types';
import { recordFromGraphObject, sortedUnique } from '../../backup/recordBuilder';
import { initialReadUrl } from '../../backup/moduleBackup';

type Json = Record<string, unknown>;

/**
 * A module's live objects read whole, the way a full backup reads them (delta or list pages,
 * `$select`, large pages, delta relationships carried along), instead of one GET per object.
 */
export interface LiveCollection {
  objects: Map<string, Json>;
  /** Relationship name → object id → linked ids, for the relationships delta carries. */
  links: Map<string, Map<string, string[]>>;
}

/** Graph's documented costs: a list page about 2 resource units, a GET of one object 1. */
const LIST_PAGE_COST = 2;
const ITEM_GET_COST = 1;
/** Pages Graph really returns are often smaller than asked (delta pages of groups with members). */
const EXPECTED_PAGE = 100;

function deltaRelationships(module: ModuleDefinition): string[] {
  if (!module.delta) return [];
  return module.relationships.filter((r) => r.readVia === 'delta').map((r) => r.name);
}

/**
 * Whether reading the whole module costs less than reading `wanted` objects (and their delta
 * relationships) one by one; `moduleSize` is how many objects the backup held (the live count is
 * not known before reading).
 */
export function collectionReadPays(
  module: ModuleDefinition,
  wanted: number,
  moduleSize: number,
  /** Whether the per-object reads would also read the delta relationships (not for ids only). */
  withLinks = true,
): boolean {
  if (module.kind !== 'collection' || wanted === 0) return false;
  const pageSize = Math.min(module.pageSize ?? EXPECTED_PAGE, EXPECTED_PAGE);
  const collectionCost = LIST_PAGE_COST * Math.max(1, Math.ceil(moduleSize / pageSize));
  const perObjectCost =
    wanted * ITEM_GET_COST * (1 + (withLinks ? deltaRelationships(module).length : 0));
  return collectionCost < perObjectCost;
}

export async function readLiveCollection(
  graph: GraphApi,
  module: ModuleDefinition,
): Promise<LiveCollection> {
  const relationships = deltaRelationships(module);
  const collection: LiveCollection = {
    objects: new Map(),
    links: new Map(relationships.map((name) => [name, new Map()])),
  };
  const headers = module.delta ? { Prefer: 'odata.maxpagesize=999' } : undefined;
  let url: string | undefined = initialReadUrl(module);
  for (let first = true; url; first = false) {
    let page: Json;
    try {
      page = await graph.get<Json>(url, module.graphVersion, headers);
    } catch (error) {
      // "Never configured" (company branding): the module is empty, as the backup reads it.
      if (
        first &&
        module.emptyWhenNotFound &&
        error instanceof GraphRequestError &&
        error.isNotFound
      )
        return collection;
      throw error;
    }
    for (const item of (page.value as Json[] | undefined) ?? []) {
      // A first delta round names no removed objects; a later page may still mark one.
      if (item['@removed']) continue;
      const keyed = module.keyProperty ? { ...item, id: item[module.keyProperty] } : item;
      const record = recordFromGraphObject(module, keyed);
      // A large group's links span several pages: the same id comes again with more links.
      const seen = collection.objects.get(record.id);
      if (!seen || Object.keys(record.object).length > 1)
        collection.objects.set(record.id, record.object);
      for (const name of relationships) {
        const byId = collection.links.get(name)!;
        const ids = record.relationships?.[name] ?? [];
        byId.set(record.id, sortedUnique([...(byId.get(record.id) ?? []), ...ids]));
      }
    }
    url = page['@odata.nextLink'] as string | undefined;
  }
  return collection;
}

/**
 * Ids in deleted items of the modules `links` point to. Graph's delta keeps a soft-deleted user
 * among a group's members until it is deleted for good (learn.microsoft.com/graph/
 * delta-query-groups), where `GET /groups/{id}/members` no longer lists it: links carried by delta
 * are read without these, as a per-object read would see them.
 */
export async function softDeletedTargets(
  graph: GraphApi,
  targets: ModuleDefinition[],
): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const module of targets) {
    const softDelete =
      module.restore.kind === 'createOrUpdate' ? module.restore.softDelete : undefined;
    if (!softDelete?.deletedItemsPath.startsWith('/directory/deletedItems/')) continue;
    const path = `${softDelete.deletedItemsPath}?$select=id&$top=999`;
    for (const item of await graph.getAll<Json>(path, module.graphVersion))
      ids.add(String(item.id));
  }
  return ids;
}

/** The collection's delta links without those to `ids`. */
export function withoutLinksTo(collection: LiveCollection, ids: ReadonlySet<string>): void {
  if (ids.size === 0) return;
  for (const byId of collection.links.values())
    for (const [id, linked] of byId)
      byId.set(
        id,
        linked.filter((t) => !ids.has(t)),
      );
}

/**
 * A module's live ids (and addressable alternate keys) from list pages, for existence checks of
 * many references at once: `$select` of just those, the largest pages the module allows.
 */
export async function readLiveIds(
  graph: GraphApi,
  module: ModuleDefinition,
): Promise<LiveCollection> {
  const keys = (module.alternateKeys ?? []).filter((k) => k.addressable).map((k) => k.property);
  const query = module.listPath.includes('?')
    ? ''
    : `?$select=${['id', ...keys].join(',')}${module.pageSize ? `&$top=${module.pageSize}` : ''}`;
  const collection: LiveCollection = { objects: new Map(), links: new Map() };
  let items: Json[];
  try {
    items = await graph.getAll<Json>(`${module.listPath}${query}`, module.graphVersion);
  } catch (error) {
    if (module.emptyWhenNotFound && error instanceof GraphRequestError && error.isNotFound)
      return collection;
    throw error;
  }
  for (const item of items) {
    const id = String(module.keyProperty ? item[module.keyProperty] : item.id);
    collection.objects.set(id, item);
  }
  return collection;
}
