import { canonicalJson } from './canonicalJson';
import type { PlanAction, RestorePlan, RestoreRequest } from '../restoreTypes';

/**
 * The plan's request narrowed to the objects it writes (their properties, links, children and
 * binaries). The drift check and the verification re-plan only these: an object the plan leaves
 * alone is not read again, so re-checking a restore of a few objects reads a few objects.
 */
export function touchedRequest(plan: RestorePlan): RestoreRequest {
  const actions = plan.waves.flatMap((w) => w.actions);
  return {
    ...plan.request,
    selection: {
      modules: [...new Set(actions.map((a) => a.moduleId))].sort(),
      objectIds: [...new Set(actions.map((a) => a.objectId))].sort(),
    },
  };
}

/** The actions as one canonical text, whatever wave they fall in (waves follow the selection). */
export function actionsFingerprint(actions: PlanAction[]): string {
  return canonicalJson([...actions].sort((a, b) => a.actionId.localeCompare(b.actionId)));
}
