import type { SnapshotStore } from '../../shared/snapshots/snapshotStore';

/** Sum of blob sizes under `tenants/{tenantId}/` in the snapshots container (chunks, manifests, plans, work data). */
export async function tenantBlobBytes(store: SnapshotStore, tenantId: string): Promise<number> {
  let total = 0;
  for await (const blob of store.container.listBlobsFlat({ prefix: `tenants/${tenantId}/` })) {
    total += blob.properties.contentLength ?? 0;
  }
  return total;
}
