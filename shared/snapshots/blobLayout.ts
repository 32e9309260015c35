/**
 * Where things live. The snapshots container holds only committed, write-once blobs (it may carry
 * an immutability policy):
 * ```
 * tenants/{tenantId}/snapshots/{snapshotId}/manifest.json
 * tenants/{tenantId}/snapshots/{snapshotId}/{moduleId}/chunk-00001.ndjson.gz
 * tenants/{tenantId}/snapshots/{snapshotId}/{moduleId}/chunk-00001-{sha12}.ndjson.gz (a retry's)
 * ```
 * Mutable data lives in the work container beside it (`{container}-work`):
 * ```
 * tenants/{tenantId}/work/{jobId}/{name}            (temporary data of a running job)
 * tenants/{tenantId}/restores/{planId}/...          (restore plans and id maps)
 * tenants/{tenantId}/uploads/{uploadId}.bin         (uploaded restore sources)
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

/**
 * A retried slice whose chunk name is already taken by different bytes (Graph changed between
 * attempts) cannot overwrite it: it writes under a name carrying its own hash instead.
 */
export function chunkNameWithHash(index: number, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('sha256 must be 64 lowercase hex digits.');
  return chunkName(index).replace('.ndjson.gz', `-${sha256.slice(0, 12)}.ndjson.gz`);
}

export const CHUNK_NAME = /^chunk-\d{5,}(-[0-9a-f]{12})?\.ndjson\.gz$/;

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
