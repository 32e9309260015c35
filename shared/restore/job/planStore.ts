import { z } from 'zod';
import { assertSegment } from '../../snapshots/blobLayout';
import type { SnapshotStore } from '../../snapshots/snapshotStore';
import { notFound } from '../../api/errors';
import type { IdMap, RestorePlan } from '../restoreTypes';

/**
 * A restore's blobs live in the work container (mutable; never in the WORM snapshots container):
 * `tenants/{tenantId}/restores/{planId}/plan.json` (written once) and `idmap.json` (old → new ids,
 * rewritten after every create so a resumed apply never creates an object twice).
 */
export function restorePrefix(tenantId: string, planId: string): string {
  return `tenants/${assertSegment('tenant id', tenantId)}/restores/${assertSegment('plan id', planId)}/`;
}

const planShape = z
  .object({
    formatVersion: z.literal(1),
    tenantId: z.string(),
    planId: z.string(),
    hash: z.string(),
    waves: z.array(
      z.object({ index: z.number(), modules: z.array(z.string()), actions: z.array(z.unknown()) }),
    ),
  })
  .loose();

async function writeJson(store: SnapshotStore, name: string, value: unknown): Promise<void> {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  await store.workContainer.getBlockBlobClient(name).uploadData(body, {
    blobHTTPHeaders: { blobContentType: 'application/json' },
  });
}

async function readJson(store: SnapshotStore, name: string): Promise<unknown> {
  try {
    const data = await store.workContainer.getBlobClient(name).downloadToBuffer();
    return JSON.parse(data.toString('utf8'));
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return undefined;
    throw error;
  }
}

export async function savePlan(store: SnapshotStore, plan: RestorePlan): Promise<string> {
  const name = `${restorePrefix(plan.tenantId, plan.planId)}plan.json`;
  await writeJson(store, name, plan);
  return name;
}

export async function loadPlan(
  store: SnapshotStore,
  tenantId: string,
  planId: string,
): Promise<RestorePlan> {
  const json = await readJson(store, `${restorePrefix(tenantId, planId)}plan.json`);
  if (json === undefined)
    throw notFound(`Restore plan ${planId} of tenant ${tenantId} does not exist.`);
  const parsed = planShape.safeParse(json);
  if (!parsed.success || parsed.data.tenantId !== tenantId || parsed.data.planId !== planId) {
    throw new Error(`Restore plan blob ${planId} of tenant ${tenantId} is not a valid plan.`);
  }
  return json as RestorePlan;
}

export async function loadIdMap(
  store: SnapshotStore,
  tenantId: string,
  planId: string,
): Promise<IdMap> {
  const json = await readJson(store, `${restorePrefix(tenantId, planId)}idmap.json`);
  return (json ?? {}) as IdMap;
}

export async function saveIdMap(
  store: SnapshotStore,
  tenantId: string,
  planId: string,
  idMap: IdMap,
): Promise<void> {
  await writeJson(store, `${restorePrefix(tenantId, planId)}idmap.json`, idMap);
}

/**
 * Every old → new id a tenant's restores have produced, so a later plan from the same (or an
 * older) snapshot recognises re-created objects instead of creating them again.
 */
export async function loadTenantIdMap(
  store: SnapshotStore,
  tenantId: string,
): Promise<Record<string, string>> {
  const json = (await readJson(store, `tenants/${tenantId}/restores/tenant-idmap.json`)) as
    Record<string, string> | undefined;
  return json ?? {};
}

export async function mergeIntoTenantIdMap(
  store: SnapshotStore,
  tenantId: string,
  planId: string,
): Promise<number> {
  const restoreMap = await loadIdMap(store, tenantId, planId);
  const tenantMap = await loadTenantIdMap(store, tenantId);
  let added = 0;
  for (const [key, value] of Object.entries(restoreMap)) {
    if (tenantMap[key] !== value.id) added++;
    tenantMap[key] = value.id;
  }
  if (added > 0)
    await writeJson(store, `tenants/${tenantId}/restores/tenant-idmap.json`, tenantMap);
  return added;
}

/** Removes a restore's blobs (plan and id map). */
export async function deleteRestoreBlobs(
  store: SnapshotStore,
  tenantId: string,
  planId: string,
): Promise<number> {
  let deleted = 0;
  for await (const blob of store.workContainer.listBlobsFlat({
    prefix: restorePrefix(tenantId, planId),
  })) {
    if ((await store.workContainer.getBlobClient(blob.name).deleteIfExists()).succeeded) deleted++;
  }
  return deleted;
}
