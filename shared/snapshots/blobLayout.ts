/**
 * Where things live in the snapshots container:
 * ```
 * tenants/{tenantId}/snapshots/{snapshotId}/manifest.json
 * tenants/{tenantId}/snapshots/{snapshotId}/{moduleId}/chunk-00001.ndjson.gz
 * tenants/{tenantId}/work/{jobId}/{name}            (temporary data of a running job)
 * ```
 * Every segment is validated so a caller-supplied id can never climb out of its tenant's folder.
 */

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export interface ChunkRef {
  tenantId: string;
  snapshotId: string;
  moduleId: string;
}

export function assertSegment(kind: string, value: string): string {
  if (typeof value !== 'string' || !SEGMENT.test(value) || value.includes('..')) {
    throw new Error(
      `Invalid ${kind} "${String(value).slice(0, 80)}": use letters, digits, '.', '_' or '-' (max 128).`,
    );
  }
  return value;
}

export const MANIFEST_NAME = 'manifest.json';

export function tenantSnapshotsPrefix(tenantId: string): string {
  return `tenants/${assertSegment('tenant id', tenantId)}/snapshots/`;
}

export function snapshotPrefix(tenantId: string, snapshotId: string): string {
  return `${tenantSnapshotsPrefix(tenantId)}${assertSegment('snapshot id', snapshotId)}/`;
}

export function manifestPath(tenantId: string, snapshotId: string): string {
  return `${snapshotPrefix(tenantId, snapshotId)}${MANIFEST_NAME}`;
}

export function chunkName(index: number): string {
  if (!Number.isInteger(index) || index < 1) {
    throw new Error(`Chunk index must be a positive integer, got ${index}.`);
  }
  return `chunk-${String(index).padStart(5, '0')}.ndjson.gz`;
}

export const CHUNK_NAME = /^chunk-\d{5,}\.ndjson\.gz$/;

export function chunkPath(ref: ChunkRef, name: string): string {
  if (!CHUNK_NAME.test(name)) throw new Error(`Invalid chunk name "${name.slice(0, 80)}".`);
  return `${snapshotPrefix(ref.tenantId, ref.snapshotId)}${assertSegment('module id', ref.moduleId)}/${name}`;
}

/** `tenants/{t}/snapshots/{id}/manifest.json` → `{id}`; undefined for any other blob. */
export function snapshotIdOfManifestPath(tenantId: string, path: string): string | undefined {
  const prefix = tenantSnapshotsPrefix(tenantId);
  if (!path.startsWith(prefix) || !path.endsWith(`/${MANIFEST_NAME}`)) return undefined;
  const id = path.slice(prefix.length, -MANIFEST_NAME.length - 1);
  return SEGMENT.test(id) && !id.includes('/') ? id : undefined;
}

export function workPrefix(tenantId: string, jobId: string): string {
  return `tenants/${assertSegment('tenant id', tenantId)}/work/${assertSegment('job id', jobId)}/`;
}

/** Work blob names may have folders (`users/changes-00001.json`); each part is a segment. */
export function workBlobPath(tenantId: string, jobId: string, name: string): string {
  const parts = name.split('/').map((part) => assertSegment('work blob name', part));
  return `${workPrefix(tenantId, jobId)}${parts.join('/')}`;
}
