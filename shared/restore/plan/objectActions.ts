import { sameValue } from './canonicalJson';
import { naturalKeyPath, substitute } from './liveReader';
import type { ObjectState } from './objectStates';
import { hasPlaceholder, idMapKey } from './placeholders';
import type { PlanDraft } from './planDraft';
import type { ReferenceResolver } from './referenceResolver';
import type { RestoreRequest } from '../restoreTypes';
import { rewriteReferences } from './rewriteReferences';
import { warnLostSecrets } from './secretWarnings';
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

  const rewritten = rewriteReferences(record.object, module.references, resolver);
  let desired = writableProperties(module, rewritten.object);
  const dependsOn = new Set(rewritten.dependsOn);

  if (rewritten.dangling.length > 0) {
    const lost = rewritten.dangling.map((d) => `${d.path} ${d.value}`).join(', ');
    if (module.referenceLoss) {
      if (request.caPolicyLossMode === 'block') {
        draft.add({
          ...base,
          kind: 'blocked',
          dependsOn,
          reason: `would lose references to objects that are neither live nor in the restore set (${lost}); restore them too, or choose caPolicyLossMode createDisabled`,
        });
        draft.warn({
          moduleId: module.id,
          objectId: record.id,
          code: 'caPolicyBlocked',
          message: `${module.displayName}: ${displayName ?? record.id} is not restored: it would lose ${lost}.`,
        });
        return false;
      }
      const disabled = module.referenceLoss.disabledProperties;
      desired = { ...desired, ...disabled };
      const how = Object.entries(disabled)
        .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
        .join(', ');
      draft.warn({
        moduleId: module.id,
        objectId: record.id,
        code: 'caPolicyDisabled',
        message: `${module.displayName}: ${displayName ?? record.id} is written with ${how} because it loses ${lost}; review it and enable it again.`,
      });
    } else {
      for (const d of rewritten.dangling) {
        draft.warn({
          moduleId: module.id,
          objectId: record.id,
          code: 'danglingReference',
          message: `${displayName ?? record.id} references ${d.value} at ${d.path}, which is neither live nor in the restore set; the reference is left out.`,
        });
      }
    }
  }

  const restore = module.restore;
  if (restore.kind === 'backupOnly') return false;

  if (restore.kind === 'singleton') {
    const diffs = diffProperties(desired, state.live ?? {});
    if (diffs.length === 0) {
      draft.noop++;
      return true;
    }
    draft.add({
      ...base,
      kind: 'update',
      method: restore.method,
      path: restore.path,
      version,
      body: updateBody(desired, diffs, record.object, restore.method),
      diff: diffs,
      dependsOn,
      reason: `${diffs.length} propert${diffs.length === 1 ? 'y differs' : 'ies differ'}`,
    });
    return true;
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
      draft.add({
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
    draft.add({
      ...base,
      kind: 'update',
      method,
      path: substitute(restore.updatePath, { id: liveId }),
      version,
      body: updateBody(desired, diffs, record.object, method),
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
      return true;
    case 'deleted': {
      const restorePath = restore.softDelete!.restorePath;
      draft.add({
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
      return true;
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
      draft.add({
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
      return true;
    }
    default:
      return true;
  }
}
