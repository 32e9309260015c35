import type { BlobServiceClient, ContainerClient } from '@azure/storage-blob';
import { statusOf } from '../state/entityCodec';
import type { BinaryContentRef, SnapshotRecord } from '../modules/types';
import {
  chunkName,
  chunkNameWithHash,
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
import { writeOnce } from './writeOnce';

export const DEFAULT_SNAPSHOT_CONTAINER = 'snapshots';
/** Mutable data (job work, restore plans and id maps, uploads) never shares the WORM container. */
export const WORK_CONTAINER_SUFFIX = '-work';
const DELETE_PARALLELISM = 16;

/**
 * Snapshot chunks and manifests in one Blob container, job work data in a second one beside it.
 * Every blob of the snapshots container is written once (`If-None-Match: *`) and never
 * overwritten, so the container can carry a WORM immutability policy; the manifest is written
 * last and is the commit marker. Only retention deletes from it (deleteSnapshot).
 */
export class SnapshotStore {
  readonly container: ContainerClient;
  /** Job work blobs, restore plans and id maps, uploads: data that changes or is thrown away. */
  readonly workContainer: ContainerClient;

  constructor(
    client: BlobServiceClient,
    readonly containerName: string = DEFAULT_SNAPSHOT_CONTAINER,
  ) {
    this.container = client.getContainerClient(containerName);
    this.workContainer = client.getContainerClient(`${containerName}${WORK_CONTAINER_SUFFIX}`);
  }

  async ensureContainer(): Promise<void> {
    await Promise.all([this.container.createIfNotExists(), this.workContainer.createIfNotExists()]);
  }

  // ---- chunks -------------------------------------------------------------------------------

  async writeChunk(
    ref: ChunkRef,
    index: number,
    records: readonly SnapshotRecord[],
  ): Promise<ChunkInfo> {
    const encoded = encodeChunk(records);
    const options = {
      headers: { blobContentType: 'application/gzip' },
      metadata: { sha256: encoded.sha256, count: String(encoded.count) },
    };
    // A retried slice finds its earlier attempt's chunk: the same bytes are reused; different
    // bytes (Graph changed meanwhile) go under a hash-named sibling, never over the first.
    let name = chunkName(index);
    if (
      (await writeOnce(this.container, chunkPath(ref, name), encoded.data, options)) === 'taken'
    ) {
      name = chunkNameWithHash(index, encoded.sha256);
      const outcome = await writeOnce(this.container, chunkPath(ref, name), encoded.data, options);
      if (outcome === 'taken') {
        throw new SnapshotIntegrityError(
          `${this.containerName}/${chunkPath(ref, name)}`,
          'exists with other bytes than its name says',
        );
      }
    }
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

  /**
   * Commits a snapshot. Call it after every chunk is written. A replayed commit that finds its
   * own manifest (same bytes) succeeds; any other manifest at that path is ManifestExistsError.
   */
  async writeManifest(manifest: SnapshotManifest): Promise<void> {
    const valid = parseManifest(manifest);
    const path = manifestPath(valid.tenantId, valid.snapshotId);
    const body = Buffer.from(JSON.stringify(valid, null, 2), 'utf8');
    const outcome = await writeOnce(this.container, path, body, {
      headers: { blobContentType: 'application/json' },
      metadata: summaryToMetadata(summarizeManifest(valid)),
    });
    if (outcome === 'taken') throw new ManifestExistsError(`${this.containerName}/${path}`);
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

  /**
   * Removes the manifest first (it stops being a recovery point at once), then the chunks. Only
   * retention calls it, after its rules (and the blobs' immutability period) allow it.
   */
  async deleteSnapshot(tenantId: string, snapshotId: string): Promise<{ deletedBlobs: number }> {
    const manifest = await this.container
      .getBlobClient(manifestPath(tenantId, snapshotId))
      .deleteIfExists();
    const rest = await this.deletePrefix(snapshotPrefix(tenantId, snapshotId));
    return { deletedBlobs: rest + (manifest.succeeded ? 1 : 0) };
  }

  /**
   * Stores a stream property (a branding image) beside the module's chunks, write-once like a
   * chunk; the record keeps the returned reference. Integrity is checked on read like chunks.
   */
  async writeBinary(
    ref: ChunkRef,
    objectId: string,
    name: string,
    data: Uint8Array,
    contentType: string,
  ): Promise<BinaryContentRef> {
    const safe = (v: string): string => v.replace(/[^A-Za-z0-9._-]/g, '_');
    const sha256 = sha256Hex(data);
    const folder = `${snapshotPrefix(ref.tenantId, ref.snapshotId)}${ref.moduleId}/binaries/${safe(objectId)}/`;
    const options = { headers: { blobContentType: contentType } };
    let blob = `${folder}${safe(name)}`;
    if ((await writeOnce(this.container, blob, data, options)) === 'taken') {
      blob = `${folder}${sha256.slice(0, 12)}-${safe(name)}`;
      if ((await writeOnce(this.container, blob, data, options)) === 'taken') {
        throw new SnapshotIntegrityError(blob, 'exists with other bytes than its name says');
      }
    }
    return { blob, sha256, bytes: data.byteLength, contentType };
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

  // ---- work area (the work container) ------------------------------------------------------

  async writeWorkBlob(tenantId: string, jobId: string, name: string, data: unknown): Promise<void> {
    const body = Buffer.from(JSON.stringify(data ?? null), 'utf8');
    const blob = this.workContainer.getBlockBlobClient(workBlobPath(tenantId, jobId, name));
    await blob.uploadData(body, {
      blobHTTPHeaders: { blobContentType: 'application/json' },
    });
  }

  /** The work blob's JSON, or undefined when it does not exist. */
  async readWorkBlob<T>(tenantId: string, jobId: string, name: string): Promise<T | undefined> {
    try {
      const data = await this.workContainer
        .getBlobClient(workBlobPath(tenantId, jobId, name))
        .downloadToBuffer();
      return JSON.parse(data.toString('utf8')) as T;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async deleteWork(tenantId: string, jobId: string): Promise<{ deletedBlobs: number }> {
    return {
      deletedBlobs: await this.deletePrefix(workPrefix(tenantId, jobId), this.workContainer),
    };
  }

  private async deletePrefix(
    prefix: string,
    container: ContainerClient = this.container,
  ): Promise<number> {
    let deleted = 0;
    let batch: string[] = [];
    const flush = async (): Promise<void> => {
      const results = await Promise.all(
        batch.map((name) => container.getBlobClient(name).deleteIfExists()),
      );
      deleted += results.filter((r) => r.succeeded).length;
      batch = [];
    };
    for await (const blob of container.listBlobsFlat({ prefix })) {
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
