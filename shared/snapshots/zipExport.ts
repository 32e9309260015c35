import { once } from 'node:events';
import { Zip, ZipDeflate, strToU8, unzipSync, type UnzipFileInfo } from 'fflate';
import type { SnapshotRecord } from '../modules/types';
import { SnapshotSelectionError, SnapshotZipError } from './errors';
import { parseManifest, type SnapshotManifest } from './manifest';
import { snapshotRecordSchema } from './snapshotRecord';
import type { SnapshotStore } from './snapshotStore';

/**
 * The download/upload format of a snapshot: a ZIP with `manifest.json` (the snapshot's manifest
 * filtered to what the archive holds) and one pretty-printed SnapshotRecord per object at
 * `{moduleId}/{objectId}.json`. Restore accepts the same format back.
 */

export interface ZipSelection {
  /** Only this module (module level). */
  moduleId?: string;
  /** Only this object (object level); searched in every module when moduleId is absent. */
  objectId?: string;
}

const MANIFEST_ENTRY = 'manifest.json';
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** Object ids are used as file names; anything unusual is replaced (the id inside is the truth). */
function fileNameFor(id: string): string {
  if (SAFE_NAME.test(id) && !id.includes('..')) return id;
  const safe = id
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/\.\.+/g, '_')
    .slice(0, 180);
  return /^[A-Za-z0-9]/.test(safe) ? safe : `_${safe}`;
}

/** Writes ZIP bytes to `out`, honouring back-pressure so memory stays bounded. */
class ZipWriter {
  private readonly zip: Zip;
  private failure: Error | undefined;
  private pendingDrain = false;
  private finished: Promise<void>;

  constructor(private readonly out: NodeJS.WritableStream) {
    let resolveFinished!: () => void;
    this.finished = new Promise((resolve) => (resolveFinished = resolve));
    this.zip = new Zip((err, data, final) => {
      if (err) {
        this.failure = err;
        resolveFinished();
        return;
      }
      if (data.length > 0 && !this.out.write(data)) this.pendingDrain = true;
      if (final) resolveFinished();
    });
  }

  async add(name: string, content: string): Promise<void> {
    if (this.failure) throw this.failure;
    const file = new ZipDeflate(name, { level: 6 });
    this.zip.add(file);
    file.push(strToU8(content), true);
    if (this.failure) throw this.failure;
    if (this.pendingDrain) {
      this.pendingDrain = false;
      await once(this.out as unknown as NodeJS.EventEmitter, 'drain');
    }
  }

  async finish(): Promise<void> {
    this.zip.end();
    await this.finished;
    if (this.failure) throw this.failure;
  }

  terminate(): void {
    this.zip.terminate();
  }
}

async function findObject(
  store: SnapshotStore,
  manifest: SnapshotManifest,
  moduleIds: string[],
  objectId: string,
): Promise<{ moduleId: string; record: SnapshotRecord }> {
  for (const moduleId of moduleIds) {
    for await (const record of store.readModuleRecords(manifest, moduleId)) {
      if (record.id === objectId) return { moduleId, record };
    }
  }
  throw new SnapshotSelectionError(
    `Object ${objectId} is not in snapshot ${manifest.snapshotId}` +
      (moduleIds.length === 1 ? ` (module ${moduleIds[0]}).` : '.'),
  );
}

function filteredManifest(
  manifest: SnapshotManifest,
  counts: Map<string, number>,
): SnapshotManifest {
  const modules: SnapshotManifest['modules'] = {};
  for (const [moduleId, count] of counts) {
    // Chunks are not in the archive and delta links are of no use outside this deployment.
    const { deltaLink: _deltaLink, ...rest } = manifest.modules[moduleId];
    modules[moduleId] = { ...rest, count, chunks: [] };
  }
  return { ...manifest, modules };
}

/**
 * Streams a snapshot (tenant level), one module, or one object into `out` as a ZIP and ends
 * `out`. On failure `out` is destroyed with the error, so a reader never takes a partial
 * archive for a whole one.
 */
export async function writeSnapshotZip(
  store: SnapshotStore,
  manifest: SnapshotManifest,
  selection: ZipSelection,
  out: NodeJS.WritableStream,
): Promise<{ files: number }> {
  const allModules = Object.keys(manifest.modules);
  if (selection.moduleId !== undefined && !manifest.modules[selection.moduleId]) {
    throw new SnapshotSelectionError(
      `Module ${selection.moduleId} is not in snapshot ${manifest.snapshotId}.`,
    );
  }
  const moduleIds = selection.moduleId !== undefined ? [selection.moduleId] : allModules;
  // Object level: find the object before writing anything, so "not found" is a clean error.
  const single =
    selection.objectId !== undefined
      ? await findObject(store, manifest, moduleIds, selection.objectId)
      : undefined;

  const writer = new ZipWriter(out);
  const counts = new Map<string, number>();
  let files = 0;
  const addRecord = async (
    moduleId: string,
    record: SnapshotRecord,
    used: Set<string>,
  ): Promise<void> => {
    let name = fileNameFor(record.id);
    // Sanitised names can collide; only those are remembered, so memory does not grow with size.
    if (name !== record.id) {
      for (let n = 2; used.has(name); n++) name = `${fileNameFor(record.id)}~${n}`;
      used.add(name);
    }
    await writer.add(`${moduleId}/${name}.json`, JSON.stringify(record, null, 2));
    counts.set(moduleId, (counts.get(moduleId) ?? 0) + 1);
    files++;
  };

  try {
    if (single) {
      await addRecord(single.moduleId, single.record, new Set());
    } else {
      for (const moduleId of moduleIds) {
        counts.set(moduleId, 0);
        const used = new Set<string>();
        for await (const record of store.readModuleRecords(manifest, moduleId)) {
          await addRecord(moduleId, record, used);
        }
      }
    }
    await writer.add(MANIFEST_ENTRY, JSON.stringify(filteredManifest(manifest, counts), null, 2));
    files++;
    await writer.finish();
  } catch (error) {
    writer.terminate();
    const destroyable = out as NodeJS.WritableStream & { destroy?: (error?: Error) => void };
    destroyable.destroy?.(error as Error);
    throw error;
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return { files };
}

export interface ZipReadLimits {
  /** Largest archive accepted (bytes). Default 100 MiB. */
  maxBytes?: number;
  /** Largest total uncompressed size (guards against ZIP bombs). Default 1 GiB. */
  maxUncompressedBytes?: number;
  /** Most entries. Default 500,000. */
  maxEntries?: number;
}

const ENTRY = /^([A-Za-z0-9][A-Za-z0-9._-]{0,127})\/([^/\\]+)\.json$/;

export interface SnapshotZipContent {
  manifest: SnapshotManifest;
  /** Records per module, for modules that have at least one record in the archive. */
  records: Map<string, SnapshotRecord[]>;
}

/** Reads and validates a snapshot ZIP (as written by writeSnapshotZip, or edited by a user). */
export function readSnapshotZip(data: Uint8Array, limits: ZipReadLimits = {}): SnapshotZipContent {
  const maxBytes = limits.maxBytes ?? 100 * 1024 * 1024;
  const maxUncompressed = limits.maxUncompressedBytes ?? 1024 * 1024 * 1024;
  const maxEntries = limits.maxEntries ?? 500_000;
  if (data.length > maxBytes) {
    throw new SnapshotZipError(`The archive is ${data.length} bytes; the limit is ${maxBytes}.`);
  }
  let entries = 0;
  let uncompressed = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, {
      filter: (file: UnzipFileInfo) => {
        if (file.name.endsWith('/')) return false;
        entries++;
        uncompressed += file.originalSize;
        if (entries > maxEntries) {
          throw new SnapshotZipError(`The archive has more than ${maxEntries} entries.`);
        }
        if (uncompressed > maxUncompressed) {
          throw new SnapshotZipError(
            `The archive expands to more than ${maxUncompressed} bytes; the limit is ${maxUncompressed}.`,
          );
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof SnapshotZipError) throw error;
    throw new SnapshotZipError(`Not a readable ZIP archive: ${(error as Error).message}.`);
  }

  const manifestBytes = files[MANIFEST_ENTRY];
  if (!manifestBytes) throw new SnapshotZipError('The archive has no manifest.json.');
  let manifest: SnapshotManifest;
  try {
    manifest = parseManifest(parseJson(manifestBytes, MANIFEST_ENTRY), 'manifest.json');
  } catch (error) {
    throw new SnapshotZipError((error as Error).message);
  }

  const records = new Map<string, SnapshotRecord[]>();
  const seen = new Map<string, Set<string>>();
  for (const [name, bytes] of Object.entries(files)) {
    if (name === MANIFEST_ENTRY) continue;
    const match = ENTRY.exec(name);
    if (!match || name.includes('..')) {
      throw new SnapshotZipError(
        `Unexpected entry "${name.slice(0, 200)}": expected {moduleId}/{objectId}.json.`,
      );
    }
    const moduleId = match[1];
    if (!manifest.modules[moduleId]) {
      throw new SnapshotZipError(
        `Entry ${name} belongs to module ${moduleId}, which the manifest does not list.`,
      );
    }
    const parsed = snapshotRecordSchema.safeParse(parseJson(bytes, name));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SnapshotZipError(
        `Entry ${name} is not a snapshot record: ${issue.path.join('.') || '(root)'}: ${issue.message}.`,
      );
    }
    const record = parsed.data as SnapshotRecord;
    const ids = seen.get(moduleId) ?? new Set<string>();
    if (ids.has(record.id)) {
      throw new SnapshotZipError(`Module ${moduleId} holds object ${record.id} twice.`);
    }
    ids.add(record.id);
    seen.set(moduleId, ids);
    const list = records.get(moduleId) ?? [];
    list.push(record);
    records.set(moduleId, list);
  }
  return { manifest, records };
}

function parseJson(bytes: Uint8Array, name: string): unknown {
  try {
    return JSON.parse(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
    );
  } catch {
    throw new SnapshotZipError(`Entry ${name} is not valid JSON.`);
  }
}
