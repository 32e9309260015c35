import { randomBytes } from 'node:crypto';
import type { SnapshotStore } from '../../snapshots/snapshotStore';
import { validateUpload } from './uploadValidation';
import { defaultCatalog } from '../plan/restoreCatalog';

/** Where an accepted upload is kept (the restore reads it by this blob name). */
export function uploadBlobName(tenantId: string, uploadId: string): string {
  return `tenants/${tenantId}/uploads/${uploadId}.bin`;
}

/** Whether an accepted upload is stored under that blob name (a restore checks before it starts). */
export async function uploadExists(store: SnapshotStore, blobName: string): Promise<boolean> {
  return store.workContainer.getBlockBlobClient(blobName).exists();
}

/**
 * Accepts an export (ZIP from `download`, or JSON) as a restore source: validated in full first
 * (format, schema, modules, tenant, size), stored only when valid.
 */
export async function acceptUpload(
  store: SnapshotStore,
  tenantId: string,
  data: Uint8Array,
  now: Date = new Date(),
): Promise<{ uploadId: string; modules: Record<string, number> }> {
  const content = validateUpload(data, { tenantId, catalog: defaultCatalog() });
  const uploadId = `${now.toISOString().replace(/[-:.]/g, '').slice(0, 15)}-${randomBytes(4).toString('hex')}`;
  await store.workContainer.getBlockBlobClient(uploadBlobName(tenantId, uploadId)).uploadData(data);
  const modules: Record<string, number> = {};
  for (const [moduleId, records] of content.records) modules[moduleId] = records.length;
  return { uploadId, modules };
}
