import type { GraphApi } from '../../graph/graphApi';
import { GraphRequestError } from '../../graph/graphErrors';
import type { SnapshotStore } from '../../snapshots/snapshotStore';
import { isTenantBlob, putBinaryBodySchema } from '../plan/binaryActions';
import { sameValue } from '../plan/canonicalJson';
import { withoutGraphPrefix } from '../plan/childActions';
import { generatePassword } from '../plan/passwordGenerator';
import { mapWithConcurrency } from '../../graph/concurrencyLimiter';
import {
  idMapEntry,
  idMapKey,
  placeholderKeys,
  resolvePlaceholders,
  UnresolvedPlaceholderError,
} from '../plan/placeholders';
import { loadIdMap, loadPlan, saveIdMap } from '../job/planStore';
import type { ApplyResult, IdMap, PlanAction } from '../restoreTypes';

type Json = Record<string, unknown>;

export interface ApplyDeps {
  graph: GraphApi;
  store: SnapshotStore;
}

/**
 * Applies at most `maxActions` actions of one wave from `cursor`, in plan order, running the
 * independent ones of each group together (see concurrentGroups). Every action is idempotent, and
 * the id map is persisted after each create before that action counts as done, so a slice that is
 * retried after a crash converges without duplicates. Returns the next cursor, or undefined when
 * the wave is done.
 */
export async function applyWaveSlice(
  deps: ApplyDeps,
  tenantId: string,
  planId: string,
  waveIndex: number,
  cursor: number,
  maxActions: number,
): Promise<{ results: ApplyResult[]; nextCursor: number | undefined }> {
  const plan = await loadPlan(deps.store, tenantId, planId);
  const wave = plan.waves.find((w) => w.index === waveIndex);
  if (!wave) throw new Error(`Restore plan ${planId} has no wave ${waveIndex}.`);
  const idMap = await loadIdMap(deps.store, tenantId, planId);
  // Saves run one after another, each writing the whole (growing) map, so the last one holds
  // every create even when creates finish out of order.
  let saving: Promise<void> = Promise.resolve();
  const persist = (): Promise<void> =>
    (saving = saving
      .catch(() => undefined)
      .then(() => saveIdMap(deps.store, tenantId, planId, idMap)));
  const slice = wave.actions.slice(cursor, cursor + Math.max(1, maxActions));
  const results: ApplyResult[] = [];
  const binaries = { store: deps.store, tenantId };
  for (const group of concurrentGroups(slice)) {
    results.push(
      ...(await mapWithConcurrency(group, APPLY_CONCURRENCY, (action) =>
        applyAction(deps.graph, action, idMap, persist, binaries),
      )),
    );
  }
  const end = cursor + slice.length;
  return { results, nextCursor: end < wave.actions.length ? end : undefined };
}

/**
 * Actions in flight at once within a group; Graph calls are bounded again per tenant by the
 * GraphApi's limiter (GRAPH_MAX_CONCURRENCY).
 */
const APPLY_CONCURRENCY = 8;

/**
 * Splits actions (in plan order) into groups whose members can run at the same time: a run of
 * one kind (a wave orders creates before updates before links), cut where an action waits for an
 * id that an action of the same run creates.
 */
export function concurrentGroups(actions: readonly PlanAction[]): PlanAction[][] {
  const groups: PlanAction[][] = [];
  let current: PlanAction[] = [];
  let created = new Set<string>();
  for (const action of actions) {
    const waits = placeholderKeys([
      action.path,
      action.body,
      action.lookupPath,
      action.replacesPath,
      action.match,
    ]);
    const dependent = [...waits].some((key) => created.has(key));
    if (current.length > 0 && (action.kind !== current[0].kind || dependent)) {
      groups.push(current);
      current = [];
      created = new Set();
    }
    current.push(action);
    if (action.kind === 'create')
      created.add(action.recordsId ?? idMapKey(action.moduleId, action.objectId));
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function describe(error: unknown): string {
  if (error instanceof GraphRequestError || error instanceof UnresolvedPlaceholderError) {
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

function isStatus(error: unknown, status: number, pattern?: RegExp): boolean {
  return (
    error instanceof GraphRequestError &&
    error.status === status &&
    (!pattern || pattern.test(error.message))
  );
}

/** Where `putBinary` actions read their bytes: the snapshots of this tenant. */
export interface TenantSnapshots {
  store: SnapshotStore;
  tenantId: string;
}

/**
 * One action, idempotently. Never throws: failures become `failed` results. `binaries` is needed
 * only by `putBinary` actions (without it they fail).
 */
export async function applyAction(
  graph: GraphApi,
  action: PlanAction,
  idMap: IdMap,
  persistIdMap: () => Promise<void>,
  binaries?: TenantSnapshots,
): Promise<ApplyResult> {
  const result = (
    outcome: ApplyResult['outcome'],
    extra: Partial<ApplyResult> = {},
  ): ApplyResult => ({
    actionId: action.actionId,
    outcome,
    ...extra,
  });
  if (action.kind === 'blocked') return result('skipped', { error: action.reason ?? 'blocked' });
  const version = action.version ?? 'v1.0';
  try {
    const path = resolvePlaceholders(action.path ?? '', idMap);
    switch (action.kind) {
      case 'restoreDeleted': {
        try {
          await graph.request({ method: 'POST', url: path, version, body: {} });
          return result('succeeded', { newId: action.objectId });
        } catch (error) {
          if (action.checkPath && (await exists(graph, action.checkPath, version))) {
            return result('skipped', { newId: action.objectId });
          }
          throw error;
        }
      }
      case 'create':
        return await applyCreate(graph, action, path, idMap, persistIdMap);
      case 'update': {
        const body = resolvePlaceholders(action.body, idMap);
        await graph.request({ method: action.method ?? 'PATCH', url: path, version, body });
        return result('succeeded');
      }
      case 'addLink': {
        const body = resolvePlaceholders(action.body, idMap);
        const expected = action.comesBack;
        if (expected?.linkListPath && expected.linkedId) {
          const linked = await linkedIds(
            graph,
            resolvePlaceholders(expected.linkListPath, idMap),
            version,
          );
          if (linked.includes(expected.linkedId)) return result('skipped');
        }
        try {
          await graph.request({ method: action.method ?? 'POST', url: path, version, body });
          return result('succeeded');
        } catch (error) {
          if (isStatus(error, 400, /already exist/i)) return result('skipped');
          throw error;
        }
      }
      case 'removeLink':
      case 'deleteChild': {
        try {
          await graph.request({ method: 'DELETE', url: path, version });
          return result('succeeded');
        } catch (error) {
          if (isStatus(error, 404)) return result('skipped');
          throw error;
        }
      }
      case 'createChild': {
        if (action.match) {
          const match = resolvePlaceholders(action.match, idMap);
          // A single-valued child of a just re-created parent (a connection's schema) is 404.
          const existing = await graph.getAll<Json>(match.listPath, version).catch((error) => {
            if (isStatus(error, 404)) return [] as Json[];
            throw error;
          });
          const same = existing
            .map((child) => withoutGraphPrefix(match.graphPrefix, child))
            .find((child) =>
              Object.entries(match.properties).every(([k, v]) => sameValue(child[k], v)),
            );
          if (same) return result('skipped', { newId: String(same.id) });
        }
        const body = resolvePlaceholders(action.body, idMap);
        // A single-valued child is written in place (PATCH) and answers 204 without a body.
        const method = action.method ?? 'POST';
        const created = await graph.request<Json>({ method, url: path, version, body });
        return result('succeeded', method === 'POST' ? { newId: idOf(created.body) } : {});
      }
      case 'putBinary': {
        await applyPutBinary(graph, action, path, binaries);
        return result('succeeded');
      }
    }
    return result('failed', { error: `unknown action kind ${String(action.kind)}` });
  } catch (error) {
    return result('failed', { error: describe(error) });
  }
}

async function applyCreate(
  graph: GraphApi,
  action: PlanAction,
  path: string,
  idMap: IdMap,
  persistIdMap: () => Promise<void>,
): Promise<ApplyResult> {
  const version = action.version ?? 'v1.0';
  const key = action.recordsId ?? `${action.moduleId}:${action.objectId}`;
  const done = (outcome: ApplyResult['outcome'], newId: string): ApplyResult => ({
    actionId: action.actionId,
    outcome,
    newId,
  });
  const known = idMap[key];
  if (known) return done('skipped', known.id);
  if (action.lookupPath) {
    const lookup = resolvePlaceholders(action.lookupPath, idMap);
    const found = (await graph.get<{ value?: Json[] }>(lookup, version)).value?.[0];
    if (found && typeof found.id === 'string') {
      idMap[key] = idMapEntry(action.moduleId, found);
      await persistIdMap();
      return done('skipped', found.id);
    }
  }
  if (action.replacesPath) {
    try {
      await graph.request({
        method: 'DELETE',
        url: resolvePlaceholders(action.replacesPath, idMap),
        version,
      });
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }
  // The password exists only inside this request.
  const body = resolvePlaceholders(action.body, idMap, { password: generatePassword });
  const created = await graph.request<Json>({ method: 'POST', url: path, version, body });
  const entry = idMapEntry(action.moduleId, created.body);
  idMap[key] = entry;
  await persistIdMap();
  return done('succeeded', entry.id);
}

/** Reads the backed-up bytes (readBinary checks their sha256) and PUTs them; a repeat is harmless. */
async function applyPutBinary(
  graph: GraphApi,
  action: PlanAction,
  path: string,
  binaries: TenantSnapshots | undefined,
): Promise<void> {
  if (!binaries) throw new Error('putBinary needs the snapshot store to read the backed-up bytes');
  const parsed = putBinaryBodySchema.safeParse(action.body);
  if (!parsed.success) throw new Error('putBinary action has no valid blob reference');
  const ref = parsed.data;
  if (!isTenantBlob(binaries.tenantId, ref.blob)) {
    throw new Error(`${ref.blob} is not a snapshot blob of tenant ${binaries.tenantId}`);
  }
  const bytes = await binaries.store.readBinary(ref);
  await graph.putBinary(path, bytes, ref.contentType, action.version ?? 'v1.0');
}

function idOf(body: unknown): string | undefined {
  const id = (body as Json | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The ids a relationship holds live: a list (members), or one object for a single-valued one
 * (manager), which Graph answers 404 while it is unset.
 */
async function linkedIds(
  graph: GraphApi,
  path: string,
  version: 'v1.0' | 'beta',
): Promise<string[]> {
  let body: Json;
  try {
    body = await graph.get<Json>(path, version);
  } catch (error) {
    if (error instanceof GraphRequestError && error.isNotFound) return [];
    throw error;
  }
  if (!Array.isArray(body.value)) return [idOf(body)].filter((id): id is string => !!id);
  const pages = [...(body.value as Json[])];
  const next = body['@odata.nextLink'];
  if (typeof next === 'string') pages.push(...(await graph.getAll<Json>(next, version)));
  return pages.map(idOf).filter((id): id is string => !!id);
}

async function exists(graph: GraphApi, path: string, version: 'v1.0' | 'beta'): Promise<boolean> {
  try {
    await graph.get(path, version);
    return true;
  } catch (error) {
    if (error instanceof GraphRequestError && (error.isNotFound || error.status === 400))
      return false;
    throw error;
  }
}
