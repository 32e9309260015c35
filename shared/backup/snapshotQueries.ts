import { badRequest, notFound } from '../api/errors';
import { isModuleId } from '../modules';
import type { SnapshotRecord } from '../modules/types';
import type { SnapshotManifest } from '../snapshots/manifest';
import type { SnapshotStore } from '../snapshots/snapshotStore';

export async function requireSnapshot(
  store: SnapshotStore,
  tenantId: string,
  snapshotId: string,
): Promise<SnapshotManifest> {
  const manifest = await store.readManifest(tenantId, snapshotId);
  if (!manifest) {
    throw notFound(`Snapshot ${snapshotId} of tenant ${tenantId} was not found.`, {
      tenantId,
      snapshotId,
    });
  }
  return manifest;
}

export interface ObjectQuery {
  module?: string;
  id?: string;
  /** Case-insensitive text found anywhere in the object's JSON. */
  search?: string;
  limit?: number;
}

export interface FoundObject {
  moduleId: string;
  record: SnapshotRecord;
}

/**
 * Browses a snapshot by module, id or text, streaming chunk by chunk so a large tenant is never
 * held in memory; stops at `limit` matches.
 */
export async function findObjects(
  store: SnapshotStore,
  manifest: SnapshotManifest,
  query: ObjectQuery,
): Promise<{ objects: FoundObject[]; truncated: boolean }> {
  if (query.module && !isModuleId(query.module)) {
    throw badRequest(`Unknown module ${query.module}.`, { module: query.module }, 'unknownModule');
  }
  if (query.module && !manifest.modules[query.module]) {
    throw notFound(`Module ${query.module} is not in snapshot ${manifest.snapshotId}.`);
  }
  const limit = query.limit ?? 100;
  const needle = query.search?.toLowerCase();
  const modules = query.module ? [query.module] : Object.keys(manifest.modules);
  const objects: FoundObject[] = [];
  for (const moduleId of modules) {
    if (manifest.modules[moduleId].status !== 'succeeded') continue;
    for await (const record of store.readModuleRecords(manifest, moduleId)) {
      if (query.id && record.id !== query.id) continue;
      if (needle && !JSON.stringify(record).toLowerCase().includes(needle)) continue;
      if (objects.length >= limit) return { objects, truncated: true };
      objects.push({ moduleId, record });
    }
  }
  return { objects, truncated: false };
}
