import type { GraphApi } from '../graph/graphApi';
import { GraphRequestError } from '../graph/graphErrors';
import { getModule } from '../modules';
import { forTenant } from '../modules/tenantPaths';
import type { ModuleDefinition, SnapshotRecord } from '../modules/types';
import type { SnapshotStore } from '../snapshots/snapshotStore';
import {
  hasPropertyChanges,
  normaliseRecord,
  recordFromGraphObject,
  relationshipDeltas,
  sortedUnique,
} from './recordBuilder';
import { readPerObjectRelated } from './relatedReader';
import type { ModuleBackupState, ModuleSliceInput } from './moduleBackupState';

/**
 * How modules are read. `optimized`: delta, `$select`, `$batch`. `baseline`: what exporters that
 * read object by object do (no delta, no `$select`, one request per relationship) — kept only so
 * the benchmark can show the difference (ENTRA_BACKUP_READ_STRATEGY=baseline).
 */
export type ReadStrategy = 'optimized' | 'baseline';

export function readStrategyFromEnv(env: NodeJS.ProcessEnv = process.env): ReadStrategy {
  return env.ENTRA_BACKUP_READ_STRATEGY === 'baseline' ? 'baseline' : 'optimized';
}

function moduleFor(moduleId: string, strategy: ReadStrategy, tenantId: string): ModuleDefinition {
  const module = forTenant(getModule(moduleId), tenantId);
  if (strategy === 'optimized') return module;
  return {
    ...module,
    delta: undefined,
    select: undefined,
    pageSize: undefined,
    relationships: module.relationships.map((r) => ({ ...r, readVia: 'perObject' as const })),
  };
}

/** Bounds of one activity: a slice stops after this many pages or this much time. */
export const SLICE_LIMITS = { maxPages: 10, maxMilliseconds: 20_000, mergeChunkRecords: 5_000 };

export interface ModuleBackupDeps {
  graph: GraphApi;
  store: SnapshotStore;
  now?: () => number;
  strategy?: ReadStrategy;
}

/** Delta reads ask for large pages; Graph may return fewer. */
const DELTA_HEADERS = { Prefer: 'odata.maxpagesize=999' };

export function initialReadUrl(module: ModuleDefinition): string {
  if (module.kind === 'singleton') return module.listPath;
  if (module.delta) {
    const deltaRelationships = module.relationships
      .filter((r) => r.readVia === 'delta')
      .map((r) => r.name);
    const select = module.select ? [...module.select, ...deltaRelationships] : [];
    return select.length ? `${module.delta.path}?$select=${select.join(',')}` : module.delta.path;
  }
  const params: string[] = [];
  if (module.select) params.push(`$select=${module.select.join(',')}`);
  if (module.pageSize) params.push(`$top=${module.pageSize}`);
  return params.length ? `${module.listPath}?${params.join('&')}` : module.listPath;
}

/** Runs one bounded slice of a module's backup and returns the next state. */
export async function runModuleSlice(
  deps: ModuleBackupDeps,
  input: ModuleSliceInput,
): Promise<ModuleBackupState> {
  const strategy = deps.strategy ?? 'optimized';
  const module = moduleFor(input.moduleId, strategy, input.tenantId);
  const state: ModuleBackupState = structuredClone(input.state);
  const requestsBefore = deps.graph.usage.requests;
  if (module.delegatedOnly) {
    return {
      ...state,
      phase: 'done',
      skipped: `needs a delegated connection: ${module.delegatedOnly.reason}`,
    };
  }
  try {
    switch (state.phase) {
      case 'read':
        await (module.kind === 'singleton'
          ? readSingleton(deps, input, module, state)
          : readPages(deps, input, module, state));
        break;
      case 'changes':
        await readChanges(deps, input, module, state);
        break;
      case 'merge':
        await mergeChanges(deps, input, module, state);
        break;
      case 'done':
        break;
    }
  } catch (error) {
    if (
      error instanceof GraphRequestError &&
      error.isDeltaResyncRequired &&
      state.mode === 'delta'
    ) {
      // Expired or unknown delta link: Graph asks for a full resync.
      await deps.store.deleteWork(input.tenantId, `${input.jobId}-${module.id}`);
      return {
        ...state,
        phase: 'read',
        mode: 'full',
        cursor: undefined,
        changeBlobs: 0,
        warnings: [
          ...state.warnings,
          `delta link no longer valid (${error.code}): read the module in full instead`,
        ],
        requests: state.requests + deps.graph.usage.requests - requestsBefore,
      };
    }
    if (error instanceof GraphRequestError && error.isPermissionDenied) {
      // A missing permission skips the module with a clear warning instead of failing the job.
      return {
        ...state,
        phase: 'done',
        chunks: [],
        count: 0,
        skipped: `permission missing (${module.permissions.read.join(', ')}): ${error.message}`,
        requests: state.requests + deps.graph.usage.requests - requestsBefore,
      };
    }
    throw error;
  }
  state.requests += deps.graph.usage.requests - requestsBefore;
  return state;
}

async function writeChunk(
  deps: ModuleBackupDeps,
  input: ModuleSliceInput,
  state: ModuleBackupState,
  records: SnapshotRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const chunk = await deps.store.writeChunk(
    { tenantId: input.tenantId, snapshotId: input.snapshotId, moduleId: input.moduleId },
    state.nextChunkIndex++,
    records.map(normaliseRecord),
  );
  state.chunks.push(chunk);
  state.count += records.length;
}

/** Stream properties (branding images) are downloaded and kept as blobs beside the chunks. */
async function readBinaries(
  deps: ModuleBackupDeps,
  input: ModuleSliceInput,
  module: ModuleDefinition,
  records: SnapshotRecord[],
): Promise<void> {
  for (const binary of module.binaryProperties ?? []) {
    for (const record of records) {
      const content = await deps.graph.getBinary(
        binary.path.replace('{id}', encodeURIComponent(record.id)),
        module.graphVersion,
      );
      if (!content) continue;
      record.binaries ??= {};
      record.binaries[binary.name] = await deps.store.writeBinary(
        { tenantId: input.tenantId, snapshotId: input.snapshotId, moduleId: input.moduleId },
        record.id,
        binary.name,
        content.data,
        content.contentType || binary.contentType || 'application/octet-stream',
      );
    }
  }
}

async function readSingleton(
  deps: ModuleBackupDeps,
  input: ModuleSliceInput,
  module: ModuleDefinition,
  state: ModuleBackupState,
): Promise<void> {
  const object = await deps.graph.get<Record<string, unknown>>(
    module.listPath,
    module.graphVersion,
  );
  const record = recordFromGraphObject(module, {
    ...object,
    id: String(object[module.keyProperty ?? 'id'] ?? module.id),
  });
  await readPerObjectRelated(deps.graph, module, [record], {
    batch: deps.strategy !== 'baseline',
  });
  await writeChunk(deps, input, state, [record]);
  state.phase = 'done';
}

/** Merges consecutive items with the same id (a large group's links span pages). */
function appendMerging(records: SnapshotRecord[], record: SnapshotRecord): void {
  const last = records[records.length - 1];
  if (!last || last.id !== record.id) {
    records.push(record);
    return;
  }
  for (const [name, ids] of Object.entries(record.relationships ?? {})) {
    last.relationships ??= {};
    last.relationships[name] = sortedUnique([...(last.relationships[name] ?? []), ...ids]);
  }
  if (Object.keys(record.object).length > 1) last.object = record.object;
}

/**
 * Reads pages from `url` until the slice's page or time budget is spent; returns the items, the
 * next URL (undefined when the round ended) and the deltaLink of the last page.
 */
async function readSlicePages(
  deps: ModuleBackupDeps,
  module: ModuleDefinition,
  url: string | undefined,
  headers: Record<string, string> | undefined,
): Promise<{ items: Record<string, unknown>[]; next?: string; deltaLink?: string }> {
  const now = deps.now ?? Date.now;
  const started = now();
  const items: Record<string, unknown>[] = [];
  let deltaLink: string | undefined;
  for (let pages = 0; url && pages < SLICE_LIMITS.maxPages; pages++) {
    if (pages > 0 && now() - started > SLICE_LIMITS.maxMilliseconds) break;
    const body = await readPage(deps, module, url, headers, pages === 0);
    if (!body) return { items: [] };
    items.push(...((body.value as Record<string, unknown>[] | undefined) ?? []));
    url = body['@odata.nextLink'] as string | undefined;
    if (!url) deltaLink = body['@odata.deltaLink'] as string | undefined;
  }
  return { items, next: url, deltaLink };
}

/** A page of the list; undefined when the first page is a 404 that means "never configured". */
async function readPage(
  deps: ModuleBackupDeps,
  module: ModuleDefinition,
  url: string,
  headers: Record<string, string> | undefined,
  first: boolean,
): Promise<Record<string, unknown> | undefined> {
  try {
    return await deps.graph.get<Record<string, unknown>>(url, module.graphVersion, headers);
  } catch (e) {
    if (first && module.emptyWhenNotFound && e instanceof GraphRequestError && e.isNotFound)
      return undefined;
    throw e;
  }
}

async function readPages(
  deps: ModuleBackupDeps,
  input: ModuleSliceInput,
  module: ModuleDefinition,
  state: ModuleBackupState,
): Promise<void> {
  const page = await readSlicePages(
    deps,
    module,
    state.cursor ?? initialReadUrl(module),
    module.delta ? DELTA_HEADERS : undefined,
  );
  const records: SnapshotRecord[] = [];
  for (const item of page.items) {
    // Objects keyed by another property (cross-tenant partners by tenantId) get it as id.
    const keyed = module.keyProperty ? { ...item, id: item[module.keyProperty] } : item;
    appendMerging(records, recordFromGraphObject(module, keyed));
  }
  if (!page.next) state.deltaLink = page.deltaLink;
  const url = page.next;
  await readPerObjectRelated(deps.graph, module, records, {
    batch: deps.strategy !== 'baseline',
  });
  await readBinaries(deps, input, module, records);
  await writeChunk(deps, input, state, records);
  state.cursor = url;
  if (!url) state.phase = 'done';
}

function workName(module: ModuleDefinition, index: number): string {
  return `${module.id}/changes-${String(index).padStart(5, '0')}.json`;
}

function workJob(input: ModuleSliceInput, moduleId = input.moduleId): string {
  return `${input.jobId}-${moduleId}`;
}

const REMOVED_IDS = 'removed-ids.json';

async function readChanges(
  deps: ModuleBackupDeps,
  input: ModuleSliceInput,
  module: ModuleDefinition,
  state: ModuleBackupState,
): Promise<void> {
  const page = await readSlicePages(deps, module, state.cursor, DELTA_HEADERS);
  const items = page.items;
  const url = page.next;
  if (!url) state.deltaLink = page.deltaLink;
  if (items.length > 0) {
    await deps.store.writeWorkBlob(
      input.tenantId,
      workJob(input),
      workName(module, ++state.changeBlobs),
      items,
    );
  }
  state.cursor = url;
  if (!url) {
    const changes = await loadChanges(deps, input, module, state);
    const removed = [...changes].filter(([, change]) => change.removed).map(([id]) => id);
    await deps.store.writeWorkBlob(input.tenantId, workJob(input), REMOVED_IDS, removed);
    state.phase = 'merge';
  }
}

/** Ids the job's other delta modules removed (written when their change phase ended). */
async function removedElsewhere(
  deps: ModuleBackupDeps,
  input: ModuleSliceInput,
): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const moduleId of input.linkedDeltaModules ?? []) {
    if (moduleId === input.moduleId) continue;
    const removed = await deps.store.readWorkBlob<string[]>(
      input.tenantId,
      workJob(input, moduleId),
      REMOVED_IDS,
    );
    for (const id of removed ?? []) ids.add(id);
  }
  return ids;
}

/**
 * A per-object link or a child (read outside delta) points at an object removed in this round:
 * Graph hides it now, so the record's per-object reads are redone.
 */
function linksToRemoved(
  module: ModuleDefinition,
  record: SnapshotRecord,
  removed: Set<string>,
): boolean {
  if (removed.size === 0) return false;
  const linked = module.relationships.some(
    (r) =>
      r.readVia === 'perObject' &&
      (record.relationships?.[r.name] ?? []).some((id) => removed.has(id)),
  );
  return (
    linked ||
    module.children.some((child) =>
      (record.children?.[child.name] ?? []).some((item) =>
        child.references.some((reference) =>
          valuesAt(item, reference.path).some((v) => removed.has(v)),
        ),
      ),
    )
  );
}

/** String values at a dotted path where `[]` walks an array (`conditions.users.includeUsers[]`). */
export function valuesAt(value: unknown, path: string): string[] {
  let current: unknown[] = [value];
  for (const segment of path.split('.')) {
    const isArray = segment.endsWith('[]');
    const key = isArray ? segment.slice(0, -2) : segment;
    const next: unknown[] = [];
    for (const item of current) {
      const child =
        item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined;
      if (isArray && Array.isArray(child)) next.push(...child);
      else if (!isArray && child !== undefined && child !== null) next.push(child);
    }
    current = next;
  }
  return current.filter((v): v is string => typeof v === 'string');
}

interface PendingChange {
  removed: boolean;
  object?: Record<string, unknown>;
  links: Record<string, { added: Set<string>; removed: Set<string> }>;
}

async function loadChanges(
  deps: ModuleBackupDeps,
  input: ModuleSliceInput,
  module: ModuleDefinition,
  state: ModuleBackupState,
): Promise<Map<string, PendingChange>> {
  const changes = new Map<string, PendingChange>();
  for (let i = 1; i <= state.changeBlobs; i++) {
    const items =
      (await deps.store.readWorkBlob<Record<string, unknown>[]>(
        input.tenantId,
        workJob(input),
        workName(module, i),
      )) ?? [];
    for (const item of items) {
      const id = String(item.id);
      if (item['@removed']) {
        changes.set(id, { removed: true, links: {} });
        continue;
      }
      let change = changes.get(id);
      if (!change || change.removed) {
        change = { removed: false, links: {} };
        changes.set(id, change);
      }
      if (hasPropertyChanges(item)) change.object = item;
      for (const [name, delta] of Object.entries(relationshipDeltas(module, item))) {
        const links = (change.links[name] ??= { added: new Set(), removed: new Set() });
        for (const added of delta.added) {
          links.removed.delete(added);
          links.added.add(added);
        }
        for (const removed of delta.removed) {
          links.added.delete(removed);
          links.removed.add(removed);
        }
      }
    }
  }
  return changes;
}

function applyChange(
  module: ModuleDefinition,
  record: SnapshotRecord,
  change: PendingChange,
): SnapshotRecord {
  let next: SnapshotRecord = { ...record };
  if (change.object) {
    const fresh = recordFromGraphObject(module, change.object);
    // Links come from the previous record plus this round's link changes, not from the item.
    next = { ...fresh, relationships: record.relationships ?? fresh.relationships };
  }
  if (record.children) next.children = record.children;
  for (const [name, links] of Object.entries(change.links)) {
    const current = new Set(next.relationships?.[name] ?? []);
    for (const id of links.removed) current.delete(id);
    for (const id of links.added) current.add(id);
    next.relationships = { ...next.relationships, [name]: sortedUnique(current) };
  }
  return next;
}

/**
 * Writes the synthetic full snapshot of a delta module: the previous snapshot's records with
 * this round's changes applied, so every snapshot stands alone.
 */
async function mergeChanges(
  deps: ModuleBackupDeps,
  input: ModuleSliceInput,
  module: ModuleDefinition,
  state: ModuleBackupState,
): Promise<void> {
  if (!input.previousSnapshotId)
    throw new Error('an incremental merge needs the previous snapshot');
  const previous = await deps.store.readManifest(input.tenantId, input.previousSnapshotId);
  if (!previous) throw new Error(`previous snapshot ${input.previousSnapshotId} has no manifest`);
  const changes = await loadChanges(deps, input, module, state);
  const removed = await removedElsewhere(deps, input);
  for (const [id, change] of changes) if (change.removed) removed.add(id);
  const counts = { added: 0, updated: 0, removed: 0 };
  const seen = new Set<string>();
  let buffer: SnapshotRecord[] = [];
  let changed: SnapshotRecord[] = [];
  const flush = async (): Promise<void> => {
    await readPerObjectRelated(deps.graph, module, changed);
    await writeChunk(deps, input, state, buffer);
    buffer = [];
    changed = [];
  };

  for await (const record of deps.store.readModuleRecords(previous, module.id)) {
    const change = changes.get(record.id);
    seen.add(record.id);
    if (!change) {
      buffer.push(record);
      if (linksToRemoved(module, record, removed)) changed.push(record);
    } else if (change.removed) {
      counts.removed++;
    } else {
      const next = applyChange(module, record, change);
      counts.updated++;
      buffer.push(next);
      if (change.object || linksToRemoved(module, next, removed)) changed.push(next);
    }
    if (buffer.length >= SLICE_LIMITS.mergeChunkRecords) await flush();
  }
  for (const [id, change] of changes) {
    if (seen.has(id) || change.removed || !change.object) continue;
    const record = applyChange(module, { id, object: {} }, change);
    counts.added++;
    buffer.push(record);
    changed.push(record);
    if (buffer.length >= SLICE_LIMITS.mergeChunkRecords) await flush();
  }
  await flush();
  // Work blobs stay until the commit: other modules' merges read this module's removed ids.
  state.changes = counts;
  state.phase = 'done';
}
