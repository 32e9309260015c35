import { z } from 'zod';
import { ApiError, badRequest, payloadTooLarge } from '../../api/errors';
import type { SnapshotRecord } from '../../modules/types';
import { parseManifest, type SnapshotManifest } from '../../snapshots/manifest';
import { snapshotRecordSchema } from '../../snapshots/snapshotRecord';
import { readSnapshotZip } from '../../snapshots/zipExport';
import { SnapshotZipError } from '../../snapshots/errors';
import type { RestoreCatalog } from '../plan/restoreCatalog';

/** Largest upload accepted by default (bytes). */
export const DEFAULT_UPLOAD_MAX_BYTES = 50 * 1024 * 1024;

export interface UploadContent {
  format: 'zip' | 'json';
  manifest: SnapshotManifest;
  records: Map<string, SnapshotRecord[]>;
  objectCount: number;
}

export interface UploadValidationOptions {
  tenantId: string;
  catalog: Pick<RestoreCatalog, 'getModule'>;
  maxBytes?: number;
}

const jsonUploadSchema = z.object({
  manifest: z.unknown(),
  records: z.union([
    z.record(z.string().min(1), z.array(z.unknown())),
    z.array(z.object({ moduleId: z.string().min(1) }).loose()),
  ]),
});

const invalid = (message: string, details?: unknown): ApiError =>
  badRequest(message, details, 'invalidUpload');

/**
 * Validates an uploaded export without writing anything: the ZIP `download` produces, or JSON
 * `{ manifest, records }` where records are `{ moduleId: SnapshotRecord[] }` or a list of
 * SnapshotRecords each with a `moduleId`. Throws ApiError 413 (too big) or 400 `invalidUpload`.
 */
export function validateUpload(data: Uint8Array, options: UploadValidationOptions): UploadContent {
  const maxBytes = options.maxBytes ?? DEFAULT_UPLOAD_MAX_BYTES;
  if (data.length > maxBytes) throw payloadTooLarge(maxBytes);
  if (data.length === 0) throw invalid('The upload is empty.');
  const isZip = data[0] === 0x50 && data[1] === 0x4b;
  const content = isZip ? fromZip(data, maxBytes) : fromJson(data);
  if (content.manifest.tenantId !== options.tenantId) {
    throw invalid(
      `The upload is a backup of tenant ${content.manifest.tenantId}, not of tenant ${options.tenantId}.`,
      { uploadTenantId: content.manifest.tenantId, tenantId: options.tenantId },
    );
  }
  for (const moduleId of content.records.keys()) {
    if (!options.catalog.getModule(moduleId)) {
      throw invalid(`The upload holds module "${moduleId.slice(0, 80)}", which is not known.`, {
        moduleId,
      });
    }
  }
  if (content.objectCount === 0) throw invalid('The upload holds no objects.');
  return content;
}

function fromZip(data: Uint8Array, maxBytes: number): UploadContent {
  try {
    const zip = readSnapshotZip(data, { maxBytes, maxUncompressedBytes: maxBytes * 20 });
    let objectCount = 0;
    zip.records.forEach((list) => (objectCount += list.length));
    return { format: 'zip', manifest: zip.manifest, records: zip.records, objectCount };
  } catch (error) {
    if (error instanceof SnapshotZipError) throw invalid(error.message);
    throw error;
  }
}

function fromJson(data: Uint8Array): UploadContent {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(data).toString('utf8'));
  } catch {
    throw invalid('The upload is neither a ZIP archive nor valid JSON.');
  }
  const shape = jsonUploadSchema.safeParse(json);
  if (!shape.success) {
    throw invalid('A JSON upload must be { "manifest": {…}, "records": {…} }.', {
      issues: shape.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  }
  let manifest: SnapshotManifest;
  try {
    manifest = parseManifest(shape.data.manifest, 'manifest in the upload');
  } catch (error) {
    throw invalid((error as Error).message);
  }
  const entries: Array<[string, unknown]> = Array.isArray(shape.data.records)
    ? shape.data.records.map(({ moduleId, ...record }) => [moduleId, record])
    : Object.entries(shape.data.records).flatMap(([m, list]) =>
        list.map((r) => [m, r] as [string, unknown]),
      );
  const records = new Map<string, SnapshotRecord[]>();
  const seen = new Set<string>();
  entries.forEach(([moduleId, raw], index) => {
    const parsed = snapshotRecordSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalid(
        `Record ${index} of module ${moduleId.slice(0, 80)} is not a snapshot record: ${issue.path.join('.') || '(root)'}: ${issue.message}.`,
      );
    }
    const key = `${moduleId}:${parsed.data.id}`;
    if (seen.has(key)) throw invalid(`Module ${moduleId} holds object ${parsed.data.id} twice.`);
    seen.add(key);
    const list = records.get(moduleId) ?? [];
    list.push(parsed.data as SnapshotRecord);
    records.set(moduleId, list);
  });
  return { format: 'json', manifest, records, objectCount: seen.size };
}
