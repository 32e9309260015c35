import type { PlanAction, PlanWarning } from '../restoreTypes';

/** An action while the plan is being built: with the modules it must wait for. */
export interface DraftAction extends PlanAction {
  dependsOn: Set<string>;
}

/** What the action builders append to. */
export class PlanDraft {
  readonly actions: DraftAction[] = [];
  readonly warnings: PlanWarning[] = [];
  noop = 0;
  /** Links and children not written because Graph restores them with an object from deleted items. */
  restoredWithObject = 0;
  private readonly ids = new Set<string>();

  add(action: Omit<DraftAction, 'actionId'> & { detail?: string }): DraftAction {
    const { detail, ...rest } = action;
    const base = `${rest.moduleId}:${rest.objectId}:${rest.kind}${detail ? `:${detail}` : ''}`;
    let actionId = base;
    for (let n = 2; this.ids.has(actionId); n++) actionId = `${base}#${n}`;
    this.ids.add(actionId);
    const draft = { actionId, ...rest } as DraftAction;
    for (const key of Object.keys(draft) as Array<keyof DraftAction>) {
      if (draft[key] === undefined) delete draft[key];
    }
    this.actions.push(draft);
    return draft;
  }

  warn(warning: PlanWarning): void {
    this.warnings.push(warning);
  }
}
