import type { ModuleDefinition, SnapshotRecord } from '../modules/types';

/** An entry of a `{relationship}@delta` annotation. */
interface DeltaLink {
  id: string;
  '@removed'?: { reason?: string };
}

/** The relationship changes a delta item carries: ids added and removed per relationship. */
export interface RelationshipDelta {
  added: string[];
  removed: string[];
}

/**
 * Graph annotations are transport, not configuration: only `@odata.type` is kept (it is needed
 * to write polymorphic objects back). Relationship annotations become the record's relationships.
 */
export function stripAnnotations(object: Record<string, unknown>): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (key === '@odata.type' || !key.includes('@')) clean[key] = value;
  }
  return clean;
}

/** Reads `{name}@delta` annotations of the module's delta relationships. */
export function relationshipDeltas(
  module: ModuleDefinition,
  item: Record<string, unknown>,
): Record<string, RelationshipDelta> {
  const result: Record<string, RelationshipDelta> = {};
  for (const relationship of module.relationships) {
    if (relationship.readVia !== 'delta') continue;
    const annotation = item[`${relationship.name}@delta`];
    if (annotation === undefined) continue;
    const entries = (Array.isArray(annotation) ? annotation : [annotation]) as DeltaLink[];
    const delta: RelationshipDelta = { added: [], removed: [] };
    for (const entry of entries) {
      if (!entry || typeof entry.id !== 'string') continue;
      (entry['@removed'] ? delta.removed : delta.added).push(entry.id);
    }
    result[relationship.name] = delta;
  }
  return result;
}

/** Only the properties the module selects (delta items may carry relationship names too). */
function selectedObject(
  module: ModuleDefinition,
  item: Record<string, unknown>,
): Record<string, unknown> {
  const clean = stripAnnotations(item);
  if (!module.select) return clean;
  const keep = new Set(['id', '@odata.type', ...module.select]);
  for (const relationship of module.relationships) keep.delete(relationship.name);
  return Object.fromEntries(Object.entries(clean).filter(([key]) => keep.has(key)));
}

/** A snapshot record from a list or first-round delta item. */
export function recordFromGraphObject(
  module: ModuleDefinition,
  item: Record<string, unknown>,
): SnapshotRecord {
  const id = String(item.id);
  const record: SnapshotRecord = { id, object: selectedObject(module, item) };
  // Every delta relationship is present (empty when Graph sent no annotation), so records read
  // by a full delta round and records built from an incremental change look the same.
  const deltas = relationshipDeltas(module, item);
  for (const relationship of module.relationships) {
    if (relationship.readVia !== 'delta' || !module.delta) continue;
    record.relationships ??= {};
    record.relationships[relationship.name] = sortedUnique(deltas[relationship.name]?.added ?? []);
  }
  return record;
}

/** True when a delta item carries properties beyond its id and relationship annotations. */
export function hasPropertyChanges(item: Record<string, unknown>): boolean {
  return Object.keys(item).some((key) => key !== 'id' && !key.includes('@'));
}

export function sortedUnique(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}

/** Sorts relationship lists and children so equal content gives equal records. */
export function normaliseRecord(record: SnapshotRecord): SnapshotRecord {
  if (record.relationships) {
    for (const name of Object.keys(record.relationships)) {
      record.relationships[name] = sortedUnique(record.relationships[name]);
    }
  }
  if (record.children) {
    for (const name of Object.keys(record.children)) {
      record.children[name] = [...record.children[name]].sort((a, b) =>
        String(a.id ?? '').localeCompare(String(b.id ?? '')),
      );
    }
  }
  return record;
}
