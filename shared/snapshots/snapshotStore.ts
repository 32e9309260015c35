import type { BlobServiceClient, ContainerClient } from '@azure/storage-blob';
import type { BinaryContentRef, SnapshotRecord } from '../modules/types';
import {
  chunkName,
  chunkPath,
  manifestPath,
  snapshotIdOfManifestPath,
  snapshotPrefix,
  tenantSnapshotsPrefix,
  workBlobPath,
  workPrefix,
  type ChunkRef,
} from './blobLayout';
import { decodeChunk, encodeChunk, sha256Hex } from './chunkCodec';
import { ManifestExistsError, SnapshotIntegrityError } from './errors';
import {
  parseManifest,
  summarizeManifest,
  type ChunkInfo,
  type SnapshotManifest,
  type SnapshotSummary,
} from './manifest';
import { mergeAdjacent } from './snapshotRecord';

export const DEFAULT_SNAPSHOT_CONTAINER = 'snapshots';
const DELETE_PARALLELISM = 16;

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Snapshot chunks, manifests and job work data in one Blob container. Chunks are immutable once
 * a manifest names them (their sha256 is in it); the manifest is written last and never replaced.
 */
export class SnapshotStore {
  readonly container: ContainerClient;

  constructor(
    client: BlobServiceClient,
    readonly containerName: string = DEFAULT_SNAPSHOT_CONTAINER,
  ) {
    this.container = client.getContainerClient(containerName);
  }

  async ensureContainer(): Promise<void> {
    await this.container.createIfNotExists();
  }

  // ---- chunks -------------------------------------------------------------------------------

  async writeChunk(
    ref: ChunkRef,
    index: number,
    records: readonly SnapshotRecord[],
  ): Promise<ChunkInfo> {
    const name = chunkName(index);
    const encoded = encodeChunk(records);
    // Overwrite is allowed: a retried activity rewrites the same chunk before any manifest names it.
    await this.container.getBlockBlobClient(chunkPath(ref, name)).uploadData(encoded.data, {
      blobHTTPHeaders: { blobContentType: 'application/gzip' },
      metadata: { sha256: encoded.sha256, count: String(encoded.count) },
    });
    const info: ChunkInfo = {
      name,
      count: encoded.count,
      sha256: encoded.sha256,
      bytes: encoded.bytes,
    };
    if (encoded.firstId !== undefined) info.firstId = encoded.firstId;
    if (encoded.lastId !== undefined) info.lastId = encoded.lastId;
    return info;
  }

  /** Reads one chunk, verifying its bytes against the manifest's sha256 and its record count. */
  async readChunk(ref: ChunkRef, chunk: ChunkInfo): Promise<SnapshotRecord[]> {
    const path = chunkPath(ref, chunk.name);
    const blobName = `${this.containerName}/${path}`;
    let data: Buffer;
    try {
      data = await this.container.getBlobClient(path).downloadToBuffer();
    } catch (error) {
      if (statusOf(error) === 404) throw new SnapshotIntegrityError(blobName, 'is missing');
      throw error;
    }
    const actual = sha256Hex(data);
    if (actual !== chunk.sha256) {
      throw new SnapshotIntegrityError(
        blobName,
        `does not match its manifest: sha256 ${actual}, expected ${chunk.sha256}`,
      );
    }
    let records: SnapshotRecord[];
    try {
      records = decodeChunk(data);
    } catch (error) {
      throw new SnapshotIntegrityError(blobName, (error as Error).message);
    }
    if (records.length !== chunk.count) {
      throw new SnapshotIntegrityError(
        blobName,
        `holds ${records.length} records, its manifest says ${chunk.count}`,
      );
    }
    return records;
  }

  /**
   * Streams a module's records in chunk order, one chunk in memory at a time, merging adjacent
   * parts of the same object (a large group's members can span consecutive chunks). A module the
   * snapshot does not hold, or holds without chunks (failed, skipped), yields nothing.
   */
  readModuleRecords(manifest: SnapshotManifest, moduleId: string): AsyncGenerator<SnapshotRecord> {
    const module = manifest.modules[moduleId];
    const ref = { tenantId: manifest.tenantId, snapshotId: manifest.snapshotId, moduleId };
    const chunks = module?.chunks ?? [];
    const readChunks = async function* (this: SnapshotStore): AsyncGenerator<SnapshotRecord> {
      for (const chunk of chunks) yield* await this.readChunk(ref, chunk);
    };
    return mergeAdjacent(readChunks.call(this));
  }

  // ---- manifests ----------------------------------------------------------------------------

  /** Commits a snapshot. Call it after every chunk is written; it refuses to replace a manifest. */
  async writeManifest(manifest: SnapshotManifest): Promise<void> {
    const valid = parseManifest(manifest);
    const path = manifestPath(valid.tenantId, valid.snapshotId);
    const body = Buffer.from(JSON.stringify(valid, null, 2), 'utf8');
    try {
      await this.container.getBlockBlobClient(path).upload(body, body.length, {
        conditions: { ifNoneMatch: '*' },
        blobHTTPHeaders: { blobContentType: 'application/json' },
        metadata: summaryToMetadata(summarizeManifest(valid)),
      });
    } catch (error) {
      const status = statusOf(error);
      if (status === 409 || status === 412) {
        throw new ManifestExistsError(`${this.containerName}/${path}`);
      }
      throw error;
    }
  }

  async readManifest(tenantId: string, snapshotId: string): Promise<SnapshotManifest | undefined> {
    const path = manifestPath(tenantId, snapshotId);
    let data: Buffer;
    try {
      data = await this.container.getBlobClient(path).downloadToBuffer();
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
    const blobName = `${this.containerName}/${path}`;
    let json: unknown;
    try {
      json = JSON.parse(data.toString('utf8'));
    } catch {
      throw new SnapshotIntegrityError(blobName, 'is not valid JSON');
    }
    let manifest: SnapshotManifest;
    try {
      manifest = parseManifest(json, `manifest ${blobName}`);
    } catch (error) {
      throw new SnapshotIntegrityError(blobName, (error as Error).message);
    }
    if (manifest.tenantId !== tenantId || manifest.snapshotId !== snapshotId) {
      throw new SnapshotIntegrityError(
        blobName,
        `describes ${manifest.tenantId}/${manifest.snapshotId}, not the snapshot at its path`,
      );
    }
    return manifest;
  }

  /** Committed snapshots (those with a manifest), newest first. */
  async listSnapshots(tenantId: string): Promise<SnapshotSummary[]> {
    const summaries: SnapshotSummary[] = [];
    const prefix = tenantSnapshotsPrefix(tenantId);
    for await (const blob of this.container.listBlobsFlat({ prefix, includeMetadata: true })) {
      const snapshotId = snapshotIdOfManifestPath(tenantId, blob.name);
      if (!snapshotId) continue;
      const summary =
        summaryFromMetadata(tenantId, snapshotId, blob.metadata) ??
        (await this.summaryFromManifest(tenantId, snapshotId));
      if (summary) summaries.push(summary);
    }
    return summaries.sort((a, b) => (a.snapshotId < b.snapshotId ? 1 : -1));
  }

  private async summaryFromManifest(
    tenantId: string,
    snapshotId: string,
  ): Promise<SnapshotSummary | undefined> {
    const manifest = await this.readManifest(tenantId, snapshotId);
    return manifest && summarizeManifest(manifest);
  }

  /** The newest committed snapshot; with `succeededOnly`, the newest whose status is succeeded. */
  async latestSnapshot(
    tenantId: string,
    options: { succeededOnly?: boolean } = {},
  ): Promise<SnapshotManifest | undefined> {
    for (const summary of await this.listSnapshots(tenantId)) {
      if (options.succeededOnly && summary.status !== 'succeeded') continue;
      const manifest = await this.readManifest(tenantId, summary.snapshotId);
      if (manifest) return manifest;
    }
    return undefined;
  }

  /** Removes the manifest first (it stops being a recovery point at once), then the chunks. */
  async deleteSnapshot(tenantId: string, snapshotId: string): Promise<{ deletedBlobs: number }> {
    const manifest = await this.container
      .getBlobClient(manifestPath(tenantId, snapshotId))
      .deleteIfExists();
    const rest = await this.deletePrefix(snapshotPrefix(tenantId, snapshotId));
    return { deletedBlobs: rest + (manifest.succeeded ? 1 : 0) };
  }

  // ---- work area ----------------------------------------------------------------------------

  /**
   * Stores a stream property (a branding image) beside the module's chunks; the record keeps the
   * returned reference. Integrity is checked on read like chunks.
   */
  async writeBinary(
    ref: ChunkRef,
    objectId: string,
    name: string,
    data: Uint8Array,
    contentType: string,
  ): Promise<BinaryContentRef> {
    const safe = (v: string): string => v.replace(/[^A-Za-z0-9._-]/g, '_');
    const blob = `${snapshotPrefix(ref.tenantId, ref.snapshotId)}${ref.moduleId}/binaries/${safe(objectId)}/${safe(name)}`;
    await this.container
      .getBlockBlobClient(blob)
      .uploadData(data, { blobHTTPHeaders: { blobContentType: contentType } });
    return { blob, sha256: sha256Hex(data), bytes: data.byteLength, contentType };
  }

  async readBinary(reference: BinaryContentRef): Promise<Buffer> {
    let data: Buffer;
    try {
      data = await this.container.getBlobClient(reference.blob).downloadToBuffer();
    } catch (error) {
      if (statusOf(error) === 404) {
        throw new SnapshotIntegrityError(reference.blob, 'is missing');
      }
      throw error;
    }
    if (sha256Hex(data) !== reference.sha256) {
      throw new SnapshotIntegrityError(reference.blob, 'does not match its sha256');
    }
    return data;
  }

  async writeWorkBlob(tenantId: string, jobId: string, name: string, data: unknown): Promise<void> {
    const body = Buffer.from(JSON.stringify(data ?? null), 'utf8');
    await this.container.getBlockBlobClient(workBlobPath(tenantId, jobId, name)).uploadData(body, {
      blobHTTPHeaders: { blobContentType: 'application/json' },
    });
  }

  /** The work blob's JSON, or undefined when it does not exist. */
  async readWorkBlob<T>(tenantId: string, jobId: string, name: string): Promise<T | undefined> {
    try {
      const data = await this.container
        .getBlobClient(workBlobPath(tenantId, jobId, name))
        .downloadToBuffer();
      return JSON.parse(data.toString('utf8')) as T;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async deleteWork(tenantId: string, jobId: string): Promise<{ deletedBlobs: number }> {
    return { deletedBlobs: await this.deletePrefix(workPrefix(tenantId, jobId)) };
  }

  private async deletePrefix(prefix: string): Promise<number> {
    let deleted = 0;
    let batch: string[] = [];
    const flush = async (): Promise<void> => {
      const results = await Promise.all(
        batch.map((name) => this.container.getBlobClient(name).deleteIfExists()),
      );
      deleted += results.filter((r) => r.succeeded).length;
      batch = [];
    };
    for await (const blob of this.container.listBlobsFlat({ prefix })) {
      batch.push(blob.name);
      if (batch.length >= DELETE_PARALLELISM) await flush();
    }
    await flush();
    return deleted;
  }
}

// Blob metadata lets listSnapshots summarise without downloading each manifest.
function summaryToMetadata(summary: SnapshotSummary): Record<string, string> {
  const metadata: Record<string, string> = {
    formatversion: '1',
    jobid: summary.jobId,
    kind: summary.kind,
    status: summary.status,
    startedat: summary.startedAt,
    finishedat: summary.finishedAt,
    objects: String(summary.objects),
    modules: String(summary.modules),
    failedmodules: String(summary.failedModules),
  };
  if (summary.basedOnSnapshotId) metadata.basedon = summary.basedOnSnapshotId;
  return metadata;
}

function summaryFromMetadata(
  tenantId: string,
  snapshotId: string,
  metadata: Record<string, string> | undefined,
): SnapshotSummary | undefined {
  if (!metadata || metadata.formatversion !== '1') return undefined;
  const { jobid, kind, status, startedat, finishedat } = metadata;
  const objects = Number(metadata.objects);
  const modules = Number(metadata.modules);
  const failedModules = Number(metadata.failedmodules);
  if (
    !jobid ||
    !startedat ||
    !finishedat ||
    (kind !== 'full' && kind !== 'incremental') ||
    (status !== 'succeeded' && status !== 'finishedWithExceptions' && status !== 'failed') ||
    ![objects, modules, failedModules].every((n) => Number.isInteger(n) && n >= 0)
  ) {
    return undefined;
  }
  const summary: SnapshotSummary = {
    tenantId,
    snapshotId,
    jobId: jobid,
    kind,
    status,
    startedAt: startedat,
    finishedAt: finishedat,
    objects,
    modules,
    failedModules,
  };
  if (metadata.basedon) summary.basedOnSnapshotId = metadata.basedon;
  return summary;
}
