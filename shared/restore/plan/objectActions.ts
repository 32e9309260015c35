import { sameValue } from './canonicalJson';
import { naturalKeyPath, substitute } from './liveReader';
import type { ObjectState } from './objectStates';
import { hasPlaceholder, idMapKey } from './placeholders';
import type { DraftAction, PlanDraft } from './planDraft';
import { collectAtPath, dropReference } from './referencePaths';
import { isManagedElsewhere } from './managedElsewhere';
import type { ReferenceResolver } from './referenceResolver';
import type { RestoreRequest } from '../restoreTypes';
import { type RewriteResult, rewriteReferences } from './rewriteReferences';
import { warnLostSecrets } from './secretWarnings';

type Json = Record<string, unknown>;
import {
  createBody,
  diffProperties,
  displayNameOf,
  updateBody,
  writableProperties,
} from './writableProperties';

/**
 * The object-level actions of one backup object: restore from deleted items, create, update,
 * or blocked. Returns false when the object is blocked (no relationship or child actions then).
 */
export function planObjectActions(
  state: ObjectState,
  resolver: ReferenceResolver,
  request: RestoreRequest,
  draft: PlanDraft,
): boolean {
  const { module, record } = state;
  const displayName = displayNameOf(record.object);
  const base = { moduleId: module.id, objectId: record.id, displayName };
  const version = module.graphVersion;

  if (state.status === 'builtIn') {
    draft.warn({
      moduleId: module.id,
      objectId: record.id,
      code: 'builtInSkipped',
      message: `${displayName ?? record.id} is built in and cannot be written; it is left as it is.`,
    });
    return false;
  }

  if (
    isManagedElsewhere(module, record.object) ||
    (state.live !== undefined && isManagedElsewhere(module, state.live))
  ) {
    // Live ones are reported by the planner, with their link differences.
    if (state.status !== 'present') reportManagedElsewhere(state, resolver, draft);
    return false;
  }

  const rewritten = rewriteReferences(record.object, module.references, resolver);
  const desired = writableProperties(module, rewritten.object);
  const dependsOn = new Set(rewritten.dependsOn);
  let blocked = false;

  /**
   * Plans a write after the reference rule: a lost reference the write would carry drops out (or,
   * for a module with `referenceLoss`, blocks the object or disables it); references kept verbatim
   * (dangling at backup time, Microsoft's) are listed once per object and code.
   */
  const emit = (action: Omit<DraftAction, 'actionId'> & { detail?: string }): void => {
    let body = action.body as Json | undefined;
    let diff = action.diff;
    const carried = (d: { path: string; value: string }): boolean =>
      body !== undefined && collectAtPath(body, d.path).includes(d.value);
    const lost = rewritten.dangling.filter(carried);
    if (lost.length > 0 && body) {
      const text = lost.map((d) => `${d.path} ${d.value}`).join(', ');
      if (module.referenceLoss && request.caPolicyLossMode === 'block') {
        blocked = true;
        draft.add({
          ...base,
          kind: 'blocked',
          dependsOn,
          reason: `would lose references to objects that are neither live nor in the restore set (${text}); restore them too, or choose caPolicyLossMode createDisabled`,
        });
        draft.warn({
          moduleId: module.id,
          objectId: record.id,
          code: 'caPolicyBlocked',
          message: `${module.displayName}: ${displayName ?? record.id} is not restored: it would lose ${text}.`,
        });
        return;
      }
      for (const d of lost) body = dropReference(body, d.path, d.value);
      if (module.referenceLoss) {
        const disabled = module.referenceLoss.disabledProperties;
        body = { ...body, ...disabled };
        const live = state.live ?? {};
        diff = [
          ...(diff ?? []).filter((d) => !(d.property in disabled)),
          ...diffProperties(disabled, action.kind === 'create' ? {} : live),
        ];
        const how = Object.entries(disabled)
          .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
          .join(', ');
        draft.warn({
          moduleId: module.id,
          objectId: record.id,
          code: 'caPolicyDisabled',
          message: `${module.displayName}: ${displayName ?? record.id} is written with ${how} because it loses ${text}; review it and enable it again.`,
        });
      } else {
        for (const d of lost) {
          draft.warn({
            moduleId: module.id,
            objectId: record.id,
            code: 'danglingReference',
            message: `${displayName ?? record.id} references ${d.value} at ${d.path}, which is neither live nor in the restore set; the reference is left out.`,
          });
        }
      }
    }
    warnKept(rewritten.kept.filter(carried));
    draft.add({ ...action, body, diff });
  };
  const warnedKept = new Set<string>();
  const warnKept = (kept: RewriteResult['kept']): void => {
    for (const code of ['danglingAtBackup', 'microsoftOwned'] as const) {
      const values = [...new Set(kept.filter((k) => k.code === code).map((k) => k.value))];
      if (values.length === 0 || warnedKept.has(code)) continue;
      warnedKept.add(code);
      draft.warn({
        moduleId: module.id,
        objectId: record.id,
        code,
        message:
          code === 'danglingAtBackup'
            ? `${displayName ?? record.id} keeps ${values.join(', ')} verbatim: the backup could not resolve ${values.length === 1 ? 'it' : 'them'} either (deleted before the backup).`
            : `${displayName ?? record.id} keeps ${values.join(', ')} verbatim: Microsoft's own (first-party application or built-in role), not an object of this tenant.`,
      });
    }
  };

  const restore = module.restore;
  if (restore.kind === 'backupOnly') return false;

  if (restore.kind === 'singleton') {
    const diffs = diffProperties(desired, state.live ?? {});
    if (diffs.length === 0) {
      draft.noop++;
      return true;
    }
    emit({
      ...base,
      kind: 'update',
      method: restore.method,
      path: restore.path,
      version,
      body: updateBody(desired, diffs, record.object, restore.method, state.live ?? {}),
      diff: diffs,
      dependsOn,
      reason: `${diffs.length} propert${diffs.length === 1 ? 'y differs' : 'ies differ'}`,
    });
    return !blocked;
  }

  const method = restore.updateMethod ?? 'PATCH';
  const updateFrom = (live: Record<string, unknown>, liveId: string, reason: string): void => {
    const updatable = { ...desired };
    for (const key of restore.immutableProperties ?? []) {
      if (key in updatable && !sameValue(updatable[key], live[key])) {
        draft.warn({
          moduleId: module.id,
          objectId: record.id,
          code: 'createOnlyChanged',
          message: `${displayName ?? record.id} has ${key} ${String(live[key])} live but ${
            hasPlaceholder(updatable[key])
              ? `the restore re-creates what it points to, which gets a new ${key}`
              : `${String(updatable[key])} in the backup`
          }; ${key} cannot be changed after creation: delete the object and restore it again if it must follow the backup.`,
        });
      }
      delete updatable[key];
    }
    const diffs = diffProperties(updatable, live);
    if (diffs.length === 0) {
      if (state.status !== 'deleted') draft.noop++;
      return;
    }
    if (restore.createOnly) {
      // Activated roles, PIM schedules: created when missing, never updated in place.
      draft.warn({
        moduleId: module.id,
        objectId: record.id,
        code: 'createOnlyChanged',
        message: `${displayName ?? record.id} differs from the backup (${diffs.map((d) => d.property).join(', ')}) but cannot be updated: delete it and restore it again if it must follow the backup.`,
      });
      return;
    }
    if (restore.immutable) {
      emit({
        ...base,
        kind: 'create',
        method: 'POST',
        path: restore.createPath ?? module.listPath,
        version,
        body: createBody(desired, record.object),
        diff: diffs,
        replacesPath: substitute(module.itemPath, { id: liveId }),
        recordsId: idMapKey(module.id, record.id),
        dependsOn,
        reason: `cannot be changed in place: deleted and created again (${diffs.length} properties differ)`,
      });
      return;
    }
    emit({
      ...base,
      kind: 'update',
      method,
      path: substitute(restore.updatePath, { id: liveId }),
      version,
      body: updateBody(desired, diffs, record.object, method, live, restore.mergedOnPatch),
      diff: diffs,
      dependsOn: state.status === 'deleted' ? new Set([...dependsOn, module.id]) : dependsOn,
      reason,
    });
  };

  switch (state.status) {
    case 'present':
    case 'matched':
      updateFrom(
        state.live ?? {},
        state.liveId!,
        state.status === 'matched'
          ? `live under id ${state.liveId}; properties differ`
          : 'properties differ',
      );
      return !blocked;
    case 'deleted': {
      const restorePath = restore.softDelete!.restorePath;
      emit({
        ...base,
        kind: 'restoreDeleted',
        method: 'POST',
        path: substitute(restorePath, { id: record.id }),
        version,
        checkPath: `${substitute(module.itemPath, { id: record.id })}?$select=id`,
        dependsOn: new Set(),
        reason: 'in deleted items: restored with its id',
      });
      updateFrom(state.live ?? {}, record.id, 'restored from deleted items; properties differ');
      return !blocked;
    }
    case 'absent': {
      if (restore.updateOnly) {
        draft.warn({
          moduleId: module.id,
          objectId: record.id,
          code: 'missingNotCreated',
          message: `${record.id} is not in the tenant and cannot be created (it exists in every tenant); nothing was done.`,
        });
        return true;
      }
      const body: Record<string, unknown> = {
        ...createBody(desired, record.object),
        // Caller-chosen ids (domains, locales, connections) are sent on create.
        ...(module.callerChosenId ? { id: record.id } : {}),
        ...restore.createDefaults,
      };
      const keyValue = module.naturalKey ? rewritten.object[module.naturalKey] : undefined;
      emit({
        ...base,
        kind: 'create',
        method: 'POST',
        path: restore.createPath ?? module.listPath,
        version,
        body,
        diff: diffProperties(desired, {}),
        lookupPath:
          typeof keyValue === 'string' && keyValue ? naturalKeyPath(module, keyValue) : undefined,
        recordsId: idMapKey(module.id, record.id),
        dependsOn,
        reason: 'deleted permanently: created again with a new id',
      });
      warnLostSecrets(state, draft);
      return !blocked;
    }
    default:
      return true;
  }
}

/**
 * An object Graph refuses to write (an Exchange-managed group): what a restore would have changed,
 * as a warning under the module's code, for an admin to do where the object is managed.
 */
export function reportManagedElsewhere(
  state: ObjectState,
  resolver: ReferenceResolver,
  draft: PlanDraft,
  linkChanges: string[] = [],
): void {
  const { module, record } = state;
  const rule = module.managedElsewhere!;
  const name = displayNameOf(record.object) ?? record.id;
  const desired = writableProperties(
    module,
    rewriteReferences(record.object, module.references, resolver).object,
  );
  let change: string;
  if (state.status === 'present' || state.status === 'matched') {
    const diffs = diffProperties(desired, state.live ?? {});
    const parts = [...diffs.map((d) => `set ${d.property}`), ...linkChanges];
    if (parts.length === 0) return;
    change = parts.join(', ');
  } else change = 'it is gone: re-create it';
  draft.warn({
    moduleId: module.id,
    objectId: record.id,
    code: rule.code,
    message: `${name} is managed in ${rule.managedBy}; Graph cannot write it, so nothing is written. To restore it, in ${rule.managedBy}: ${change}.`,
  });
}
