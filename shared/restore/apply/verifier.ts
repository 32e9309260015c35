import { randomUUID } from 'node:crypto';
import { planRestore, type RestoreDeps } from '../plan/planner';
import { loadIdMap, loadPlan, loadTenantIdMap } from '../job/planStore';
import { touchedRequest } from '../plan/touchedSelection';
import type { PlanAction, PlanWarning } from '../restoreTypes';

/**
 * The final re-read: plans the objects the plan wrote again against the live tenant, knowing which
 * objects the apply re-created, and reports what still differs. An empty `residual` means the
 * tenant equals the backup for everything the plan wrote (blocked actions stay residual); objects
 * the plan left alone are not read again.
 */
export async function verifyRestore(
  deps: RestoreDeps,
  tenantId: string,
  planId: string,
): Promise<{ residual: PlanAction[]; warnings: PlanWarning[] }> {
  const plan = await loadPlan(deps.store, tenantId, planId);
  const idMap = await loadIdMap(deps.store, tenantId, planId);
  // Objects earlier restores re-created (the tenant map) and those this apply re-created.
  const knownIds = {
    ...(await loadTenantIdMap(deps.store, tenantId)),
    ...Object.fromEntries(Object.entries(idMap).map(([k, v]) => [k, v.id])),
  };
  const replan = await planRestore(
    deps,
    touchedRequest(plan),
    `${planId}-verify-${randomUUID()}`,
    new Date(),
    { knownIds },
  );
  return {
    residual: replan.waves.flatMap((w) => w.actions),
    warnings: replan.warnings.filter((w) => w.code !== 'caveat'),
  };
}
