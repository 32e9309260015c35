import type { SnapshotStore } from '../../shared/snapshots/snapshotStore';

/**
 * Sum of blob sizes under `tenants/{tenantId}/` in the snapshots container (chunks, manifests) and
 * its work container (plans, id maps, work data).
 */
export async function tenantBlobBytes(store: SnapshotStore, tenantId: string): Promise<number> {
  let total = 0;
  for (const container of [store.container, store.workContainer]) {
    for await (const blob of container.listBlobsFlat({ prefix: `tenants/${tenantId}/` })) {
      total += blob.properties.contentLength ?? 0;
    }
  }
  return total;
}
