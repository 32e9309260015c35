import type { SnapshotRecord } from '../../shared/modules/types';
import type { SnapshotStore } from '../../shared/snapshots/snapshotStore';

/** Every record of every module of a snapshot, keyed by module (tests only: holds it all). */
export async function readSnapshot(
  store: SnapshotStore,
  tenantId: string,
  snapshotId: string,
): Promise<Record<string, SnapshotRecord[]>> {
  const manifest = await store.readManifest(tenantId, snapshotId);
  if (!manifest) throw new Error(`snapshot ${snapshotId} has no manifest`);
  const result: Record<string, SnapshotRecord[]> = {};
  for (const moduleId of Object.keys(manifest.modules)) {
    const records: SnapshotRecord[] = [];
    for await (const record of store.readModuleRecords(manifest, moduleId)) records.push(record);
    result[moduleId] = records.sort((a, b) => a.id.localeCompare(b.id));
  }
  return result;
}
