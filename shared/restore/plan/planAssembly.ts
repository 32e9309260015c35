import { sha256OfCanonical } from './canonicalJson';
import { placeholderModules } from './placeholders';
import type { DraftAction } from './planDraft';
import type {
  PlanAction,
  PlanActionKind,
  PlanCounts,
  PlanWarning,
  PlanWave,
  RestorePlan,
  RestoreRequest,
} from '../restoreTypes';

/** Within a wave: objects come back before they are changed, and links after both ends exist. */
const KIND_ORDER: Record<PlanActionKind, number> = {
  restoreDeleted: 0,
  create: 1,
  update: 2,
  // Streams go into objects that exist by now (created or restored above).
  putBinary: 3,
  deleteChild: 4,
  createChild: 5,
  removeLink: 6,
  addLink: 7,
  blocked: 8,
};

/**
 * Places every action in the wave of its module or, when it references objects of a later module
 * (placeholders, objects restored from deleted items), in that module's wave, then orders each
 * wave by kind. Waves without actions are dropped.
 */
export function assembleWaves(moduleWaves: string[][], actions: DraftAction[]): PlanWave[] {
  const waveOf = new Map<string, number>();
  moduleWaves.forEach((modules, index) => modules.forEach((m) => waveOf.set(m, index)));
  const buckets: DraftAction[][] = moduleWaves.map(() => []);
  for (const action of actions) {
    const modules = new Set([
      action.moduleId,
      ...action.dependsOn,
      ...placeholderModules([action.path, action.body, action.lookupPath, action.match]),
    ]);
    let wave = 0;
    for (const m of modules) wave = Math.max(wave, waveOf.get(m) ?? 0);
    buckets[wave].push(action);
  }
  const moduleOrder = new Map(moduleWaves.flat().map((m, i) => [m, i]));
  const waves: PlanWave[] = [];
  buckets.forEach((bucket, index) => {
    if (bucket.length === 0) return;
    const sorted = bucket
      .map((action, position) => ({ action, position }))
      .sort(
        (a, b) =>
          KIND_ORDER[a.action.kind] - KIND_ORDER[b.action.kind] ||
          (moduleOrder.get(a.action.moduleId) ?? 0) - (moduleOrder.get(b.action.moduleId) ?? 0) ||
          a.position - b.position,
      )
      .map(({ action }) => toPlanAction(action));
    waves.push({ index: waves.length, modules: moduleWaves[index], actions: sorted });
  });
  return waves;
}

function toPlanAction(draft: DraftAction): PlanAction {
  const { dependsOn: _dependsOn, ...action } = draft;
  return action;
}

export function countActions(waves: PlanWave[], noop: number): PlanCounts {
  const counts: PlanCounts = {
    restoreDeleted: 0,
    create: 0,
    update: 0,
    addLink: 0,
    removeLink: 0,
    createChild: 0,
    deleteChild: 0,
    putBinary: 0,
    blocked: 0,
    noop,
  };
  for (const wave of waves) for (const action of wave.actions) counts[action.kind]++;
  return counts;
}

/** The plan's identity for confirmation: what it will do, not when or under which id it was made. */
export function planHash(
  plan: Pick<RestorePlan, 'request' | 'waves' | 'warnings' | 'counts'>,
): string {
  return sha256OfCanonical({
    request: plan.request,
    waves: plan.waves,
    warnings: plan.warnings,
    counts: plan.counts,
  });
}

export function buildPlan(
  request: RestoreRequest,
  planId: string,
  now: Date,
  waves: PlanWave[],
  warnings: PlanWarning[],
  noop: number,
): RestorePlan {
  const counts = countActions(waves, noop);
  return {
    formatVersion: 1,
    tenantId: request.tenantId,
    planId,
    createdAt: now.toISOString(),
    request,
    waves,
    counts,
    warnings,
    hash: planHash({ request, waves, warnings, counts }),
  };
}
