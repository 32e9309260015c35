import type { ChildCollectionDefinition } from '../../modules/types';
import { canonicalJson } from './canonicalJson';
import { ownerRef } from './linkActions';
import { substitute } from './liveReader';
import type { ObjectState } from './objectStates';
import { hasPlaceholder } from './placeholders';
import type { PlanDraft } from './planDraft';
import type { ReferenceResolver } from './referenceResolver';
import type { RestoreRequest } from '../restoreTypes';
import { rewriteReferences } from './rewriteReferences';
import { createBody, diffProperties, writableProperties } from './writableProperties';

type Json = Record<string, unknown>;

function matchProperties(child: ChildCollectionDefinition, object: Json): Json {
  const plain = withoutGraphPrefix(child.graphPrefix, object);
  return Object.fromEntries(child.matchBy.map((key) => [key, plain[key] ?? null]));
}

/** The object with the prefix Graph adds on create removed from its property (see graphPrefix). */
export function withoutGraphPrefix(
  prefix: ChildCollectionDefinition['graphPrefix'],
  object: Json,
): Json {
  const value = prefix ? object[prefix.property] : undefined;
  if (!prefix || typeof value !== 'string') return object;
  return { ...object, [prefix.property]: value.replace(new RegExp(prefix.pattern), '') };
}

/**
 * Child objects (federated credentials, app role assignments) of one parent: missing ones are
 * created, changed ones patched where the type allows it, extra ones deleted on rollback. Children
 * are matched by their `matchBy` properties after id rewriting, never by their own ids.
 */
export function planChildActions(
  state: ObjectState,
  child: ChildCollectionDefinition,
  liveChildren: Json[],
  resolver: ReferenceResolver,
  request: RestoreRequest,
  draft: PlanDraft,
): void {
  if (child.restore === 'backupOnly') return;
  const { module, record } = state;
  const owner = ownerRef(state);
  const listPath = substitute(child.listPath, { id: owner });
  const ownerDepends = state.status === 'present' || state.status === 'matched' ? [] : [module.id];
  const base = {
    moduleId: module.id,
    objectId: record.id,
    displayName: (state.live?.displayName ?? record.object.displayName) as string | undefined,
    version: module.graphVersion,
  };
  const liveByKey = new Map(
    liveChildren.map((c) => [canonicalJson(matchProperties(child, c)), c] as const),
  );
  const wantedKeys = new Set<string>();
  for (const backupChild of record.children?.[child.name] ?? []) {
    const rewritten = rewriteReferences(backupChild, child.references, resolver);
    const label = child.matchBy.map((k) => String(backupChild[k] ?? '')).join('+');
    // A child needs what it names (an assignment's principal): any unresolved id keeps it out.
    const unresolved = [...rewritten.dangling, ...rewritten.kept];
    if (unresolved.length > 0) {
      draft.warn({
        moduleId: module.id,
        objectId: record.id,
        code: 'danglingReference',
        message: `${child.name} ${label} of ${base.displayName ?? record.id} references ${unresolved.map((d) => d.value).join(', ')}, which is neither live nor in the restore set; it is not restored.`,
      });
      continue;
    }
    const desired = writableProperties(
      { readOnlyProperties: child.readOnlyProperties },
      rewritten.object,
    );
    const match = matchProperties(child, rewritten.object);
    const key = canonicalJson(match);
    wantedKeys.add(key);
    const dependsOn = new Set([...ownerDepends, ...rewritten.dependsOn]);
    const live = liveByKey.get(key);
    // Expected back with the restored object; the create's match check writes it only if Graph
    // did not bring it back (the child changed between backup and deletion).
    const comesBack = !live && comesBackWithObject(state, rewritten);
    if (comesBack) draft.restoredWithObject++;
    if (!live) {
      const single = child.cardinality === 'one';
      draft.add({
        ...base,
        kind: 'createChild',
        detail: `${child.name}:${label}`,
        // A single-valued child (an external connection's schema) is written in place.
        method: single ? 'PATCH' : 'POST',
        path: listPath,
        body: {
          ...withoutGraphPrefix(child.graphPrefix, createBody(desired, backupChild)),
          ...(child.callerChosenId && backupChild.id !== undefined ? { id: backupChild.id } : {}),
        },
        diff: diffProperties(desired, {}),
        match: { listPath, properties: match, graphPrefix: child.graphPrefix },
        dependsOn,
        reason: comesBack
          ? `${child.name} ${label} comes back with the restored object; created only if Graph does not bring it back`
          : `${child.name} ${label} is missing`,
        ...(comesBack ? { comesBack: {} } : {}),
      });
      continue;
    }
    if (child.restore !== 'createOrPatch') continue;
    const diffs = diffProperties(desired, live);
    if (diffs.length === 0) continue;
    const body: Json = {};
    for (const d of diffs) body[d.property] = desired[d.property] ?? null;
    draft.add({
      ...base,
      kind: 'update',
      detail: `${child.name}:${label}`,
      method: 'PATCH',
      path: `${listPath}/${encodeURIComponent(String(live.id))}`,
      body,
      diff: diffs,
      dependsOn,
      reason: `${child.name} ${label} differs`,
    });
  }
  if (request.relationshipMode !== 'rollback') return;
  for (const [key, live] of liveByKey) {
    if (wantedKeys.has(key)) continue;
    const label = child.matchBy.map((k) => String(live[k] ?? '')).join('+');
    draft.add({
      ...base,
      kind: 'deleteChild',
      detail: `${child.name}:${label}`,
      method: 'DELETE',
      path: `${listPath}/${encodeURIComponent(String(live.id))}`,
      dependsOn: new Set(),
      reason: `rollback: the backup has no ${child.name} ${label}`,
    });
  }
}

/**
 * Graph restores an object from deleted items with its relationships and children (an
 * application's credentials, a principal's app role assignments), in both directions: nothing to
 * write when the parent or what the child names comes back that way under its own id.
 */
export function comesBackWithObject(
  parent: ObjectState,
  rewritten: { object: Json; restoredWithObject: boolean },
): boolean {
  if (hasPlaceholder(rewritten.object)) return false;
  if (parent.status === 'deleted') return true;
  return parent.status === 'present' && rewritten.restoredWithObject;
}
