import { z } from 'zod';
import { CHUNK_NAME } from './blobLayout';

/**
 * The manifest is a snapshot's table of contents and its commit marker: it is written last, and a
 * snapshot without one is never a recovery point.
 */

export const MANIFEST_FORMAT_VERSION = 1;

const isoDateTime = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();

export const chunkInfoSchema = z.object({
  name: z.string().regex(CHUNK_NAME, 'chunk names look like chunk-00001.ndjson.gz'),
  count,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex digits'),
  bytes: count,
  /** First and last record ids: a record continued across a chunk boundary shows up here. */
  firstId: z.string().optional(),
  lastId: z.string().optional(),
});
export type ChunkInfo = z.infer<typeof chunkInfoSchema>;

export const moduleManifestSchema = z.object({
  status: z.enum(['succeeded', 'failed', 'skipped']),
  graphVersion: z.enum(['v1.0', 'beta']),
  mode: z.enum(['full', 'delta']),
  count,
  chunks: z.array(chunkInfoSchema),
  deltaLink: z.string().optional(),
  changes: z.object({ added: count, updated: count, removed: count }).optional(),
  warnings: z.array(z.string()),
  error: z.string().optional(),
  requests: count.optional(),
  durationMs: z.number().nonnegative().optional(),
});
export type ModuleManifest = z.infer<typeof moduleManifestSchema>;

export const snapshotManifestSchema = z.object({
  formatVersion: z.literal(MANIFEST_FORMAT_VERSION),
  tenantId: z.string().min(1),
  snapshotId: z.string().min(1),
  jobId: z.string().min(1),
  kind: z.enum(['full', 'incremental']),
  basedOnSnapshotId: z.string().optional(),
  startedAt: isoDateTime,
  finishedAt: isoDateTime,
  status: z.enum(['succeeded', 'finishedWithExceptions', 'failed']),
  modules: z.record(z.string().min(1), moduleManifestSchema),
  warnings: z.array(z.string()),
});
export type SnapshotManifest = z.infer<typeof snapshotManifestSchema>;

/** Parses a manifest; the error names the first few offending fields. */
export function parseManifest(value: unknown, source = 'manifest'): SnapshotManifest {
  const result = snapshotManifestSchema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new Error(`Invalid snapshot ${source}: ${issues}`);
  }
  return result.data;
}

/** What a snapshot list shows without reading every manifest. */
export interface SnapshotSummary {
  tenantId: string;
  snapshotId: string;
  jobId: string;
  kind: SnapshotManifest['kind'];
  basedOnSnapshotId?: string;
  status: SnapshotManifest['status'];
  startedAt: string;
  finishedAt: string;
  /** Objects in succeeded modules. */
  objects: number;
  modules: number;
  failedModules: number;
}

export function summarizeManifest(manifest: SnapshotManifest): SnapshotSummary {
  const modules = Object.values(manifest.modules);
  return {
    tenantId: manifest.tenantId,
    snapshotId: manifest.snapshotId,
    jobId: manifest.jobId,
    kind: manifest.kind,
    basedOnSnapshotId: manifest.basedOnSnapshotId,
    status: manifest.status,
    startedAt: manifest.startedAt,
    finishedAt: manifest.finishedAt,
    objects: modules.filter((m) => m.status === 'succeeded').reduce((n, m) => n + m.count, 0),
    modules: modules.length,
    failedModules: modules.filter((m) => m.status === 'failed').length,
  };
}
