import type { SnapshotRecord } from '../../modules/types';
import type { SnapshotStore } from '../../snapshots/snapshotStore';
import { notFound } from '../../api/errors';
import type { RestoreRequest } from '../restoreTypes';
import { validateUpload } from './uploadValidation';
import type { RestoreCatalog } from '../plan/restoreCatalog';

/** The backup objects a restore works from, per module, after selection. */
export type RestoreSet = Map<string, SnapshotRecord[]>;

/**
 * Reads the selected records of a snapshot or an uploaded export. The restore set is held in
 * memory: a plan has to know every object it may reference to rewrite ids.
 */
export async function loadRestoreSet(
  store: SnapshotStore,
  catalog: RestoreCatalog,
  request: RestoreRequest,
): Promise<RestoreSet> {
  const wantedModules = request.selection.modules ? new Set(request.selection.modules) : undefined;
  const wantedIds = request.selection.objectIds ? new Set(request.selection.objectIds) : undefined;
  const keep = (moduleId: string, record: SnapshotRecord): boolean =>
    (!wantedModules || wantedModules.has(moduleId)) && (!wantedIds || wantedIds.has(record.id));
  const set: RestoreSet = new Map();
  const add = (moduleId: string, record: SnapshotRecord): void => {
    if (!keep(moduleId, record)) return;
    const list = set.get(moduleId) ?? [];
    list.push(record);
    set.set(moduleId, list);
  };

  if (request.source.kind === 'snapshot') {
    const manifest = await store.readManifest(request.tenantId, request.source.snapshotId);
    if (!manifest) {
      throw notFound(
        `Snapshot ${request.source.snapshotId} of tenant ${request.tenantId} does not exist.`,
      );
    }
    for (const [moduleId, info] of Object.entries(manifest.modules)) {
      if (info.status !== 'succeeded') continue;
      if (wantedModules && !wantedModules.has(moduleId)) continue;
      for await (const record of store.readModuleRecords(manifest, moduleId)) add(moduleId, record);
    }
  } else {
    const blob = store.workContainer.getBlobClient(request.source.uploadBlob);
    let data: Buffer;
    try {
      data = await blob.downloadToBuffer();
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) {
        throw notFound(`Upload ${request.source.uploadBlob} does not exist.`);
      }
      throw error;
    }
    const upload = validateUpload(data, { tenantId: request.tenantId, catalog });
    for (const [moduleId, records] of upload.records) records.forEach((r) => add(moduleId, r));
  }
  if (wantedModules) {
    for (const moduleId of wantedModules) {
      if (!catalog.getModule(moduleId)) throw notFound(`Unknown module ${moduleId}.`);
    }
  }
  return set;
}
