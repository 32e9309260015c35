import type { GraphApi } from '../../graph/graphApi';
import type { ModuleDefinition, SnapshotRecord } from '../../modules/types';
import { withNullMeaning } from './writableProperties';
import { findByNaturalKey, readDeletedObjects, readLiveObjects, readSingleton } from './liveReader';
import type { LiveCollection } from './liveCollection';
import { idMapKey } from './placeholders';

type Json = Record<string, unknown>;

/**
 * Where a backup object stands in the live tenant:
 * - `present`: live with its backup id;
 * - `matched`: live under another id (re-created earlier, found through the id map or its natural key);
 * - `deleted`: in deleted items (restorable with its id);
 * - `absent`: gone for good (to be created);
 * - `builtIn`: a built-in object that is never written;
 * - `singleton`: the one object of a singleton module.
 */
export type ObjectStatus = 'present' | 'matched' | 'deleted' | 'absent' | 'builtIn' | 'singleton';

export interface ObjectState {
  module: ModuleDefinition;
  record: SnapshotRecord;
  status: ObjectStatus;
  /** The id the object has (or will keep) live; undefined while it must be created. */
  liveId?: string;
  /** The live (or deleted) object as Graph returns it now. */
  live?: Json;
}

function isBuiltIn(module: ModuleDefinition, object: Json): boolean {
  if (module.restore.kind !== 'createOrUpdate' || !module.restore.builtInWhen) return false;
  const { property, equals } = module.restore.builtInWhen;
  return object[property] === equals;
}

export async function classifyModule(
  graph: GraphApi,
  module: ModuleDefinition,
  records: SnapshotRecord[],
  knownIds: Record<string, string>,
  /** The module read whole, when that was cheaper than reading these objects one by one. */
  collection?: LiveCollection,
): Promise<ObjectState[]> {
  if (module.kind === 'singleton' || module.restore.kind === 'singleton') {
    const live = await readSingleton(graph, module);
    return records.slice(0, 1).map((record) => ({
      module,
      record,
      status: 'singleton' as const,
      liveId: record.id,
      live: withNullMeaning(module, live),
    }));
  }
  const states = new Map<string, ObjectState>();
  const pending: SnapshotRecord[] = [];
  const readObjects = async (ids: string[]): Promise<Map<string, Json>> =>
    collection ? pick(collection.objects, ids) : readLiveObjects(graph, module, ids);
  const live = await readObjects(records.map((r) => r.id));
  for (const record of records) {
    if (isBuiltIn(module, record.object)) {
      states.set(record.id, { module, record, status: 'builtIn', liveId: record.id });
      continue;
    }
    const object = live.get(record.id);
    if (object)
      states.set(record.id, {
        module,
        record,
        status: 'present',
        liveId: record.id,
        live: withNullMeaning(module, object),
      });
    else pending.push(record);
  }

  // Re-created by an earlier apply of this plan (the verifier passes the id map).
  const known = pending.filter((r) => knownIds[idMapKey(module.id, r.id)]);
  if (known.length > 0) {
    const byNewId = await readObjects(known.map((r) => knownIds[idMapKey(module.id, r.id)]));
    for (const record of known) {
      const newId = knownIds[idMapKey(module.id, record.id)];
      const object = byNewId.get(newId);
      if (object)
        states.set(record.id, {
          module,
          record,
          status: 'matched',
          liveId: newId,
          live: withNullMeaning(module, object),
        });
    }
  }

  let missing = pending.filter((r) => !states.has(r.id));
  const deleted = await readDeletedObjects(
    graph,
    module,
    missing.map((r) => r.id),
  );
  for (const record of missing) {
    const object = deleted.get(record.id);
    if (object)
      states.set(record.id, {
        module,
        record,
        status: 'deleted',
        liveId: record.id,
        live: withNullMeaning(module, object),
      });
  }

  missing = missing.filter((r) => !states.has(r.id));
  const keyOf = (r: SnapshotRecord): string | undefined => {
    const value = module.naturalKey ? r.object[module.naturalKey] : undefined;
    return typeof value === 'string' && value ? value : undefined;
  };
  const keys = missing.map(keyOf).filter((v): v is string => v !== undefined);
  const byKey =
    collection && carriesNaturalKey(module)
      ? byNaturalKey(module, collection, keys)
      : await findByNaturalKey(graph, module, keys);
  for (const record of missing) {
    const key = keyOf(record);
    const object = key ? byKey.get(key) : undefined;
    if (object && typeof object.id === 'string') {
      states.set(record.id, {
        module,
        record,
        status: 'matched',
        liveId: object.id,
        live: withNullMeaning(module, object),
      });
    } else {
      states.set(record.id, { module, record, status: 'absent' });
    }
  }
  return records.map((r) => states.get(r.id)!);
}

function pick(objects: Map<string, Json>, ids: string[]): Map<string, Json> {
  const found = new Map<string, Json>();
  for (const id of ids) {
    const object = objects.get(id);
    if (object) found.set(id, object);
  }
  return found;
}

/** Whether list reads return the natural key (it is selected, or nothing is). */
function carriesNaturalKey(module: ModuleDefinition): boolean {
  return !!module.naturalKey && (!module.select || module.select.includes(module.naturalKey));
}

/** The first live object per natural-key value, as `$filter=key eq 'value'` would answer. */
function byNaturalKey(
  module: ModuleDefinition,
  collection: LiveCollection,
  values: string[],
): Map<string, Json> {
  const wanted = new Set(values);
  const found = new Map<string, Json>();
  for (const object of collection.objects.values()) {
    const value = object[module.naturalKey!];
    if (typeof value === 'string' && wanted.has(value) && !found.has(value))
      found.set(value, object);
  }
  return found;
}
