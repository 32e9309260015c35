import type { RelationshipDefinition } from '../../modules/types';
import { linkListPath, substitute } from './liveReader';
import type { ObjectState } from './objectStates';
import { idPlaceholder } from './placeholders';
import type { PlanDraft } from './planDraft';
import type { ReferenceResolver } from './referenceResolver';
import type { RestoreRequest } from '../restoreTypes';

const DIRECTORY_OBJECTS = 'https://graph.microsoft.com/v1.0/directoryObjects';

/** The id to put in a path for this object: its live id, or a placeholder until it is created. */
export function ownerRef(state: ObjectState): string {
  return state.liveId ?? idPlaceholder(state.module.id, state.record.id);
}

function relationshipSkipped(state: ObjectState, rel: RelationshipDefinition): boolean {
  if (!rel.skipWriteWhen) return false;
  const value = state.record.object[rel.skipWriteWhen.property];
  return Array.isArray(value)
    ? value.includes(rel.skipWriteWhen.includes)
    : value === rel.skipWriteWhen.includes;
}

/**
 * Link actions of one object per relationship mode: merge adds the backup's missing links,
 * rollback also removes live links the backup did not have, skip writes none.
 * `liveLinks` is what the object has now (empty for objects that are deleted or absent).
 */
export function planLinkActions(
  state: ObjectState,
  rel: RelationshipDefinition,
  liveLinks: string[],
  resolver: ReferenceResolver,
  request: RestoreRequest,
  draft: PlanDraft,
): void {
  if (request.relationshipMode === 'skip' || relationshipSkipped(state, rel)) return;
  const { module, record } = state;
  const base = {
    moduleId: module.id,
    objectId: record.id,
    displayName: state.live?.displayName as string | undefined,
    version: module.graphVersion,
  };
  const owner = ownerRef(state);
  const ownerDepends = state.status === 'present' || state.status === 'matched' ? [] : [module.id];
  const wanted = new Map<string, { backupId: string; dependsOn?: string; comesBack: boolean }>();
  for (const linkedId of record.relationships?.[rel.name] ?? []) {
    const resolution = resolver.resolve(linkedId, rel.targets);
    if (resolution.kind === 'dangling') {
      draft.warn({
        moduleId: module.id,
        objectId: record.id,
        code: 'danglingReference',
        message: `${rel.name} of ${base.displayName ?? record.id} included ${linkedId}, which is neither live nor in the restore set; that link is not restored.`,
      });
      continue;
    }
    wanted.set(resolution.value, {
      backupId: linkedId,
      dependsOn: resolution.kind === 'resolved' ? resolution.dependsOn : undefined,
      // Graph restores an object from deleted items with its links, in both directions.
      comesBack:
        resolution.value === linkedId &&
        (state.status === 'deleted' ||
          (state.status === 'present' &&
            resolution.kind === 'resolved' &&
            resolution.restoredWithObject === true)),
    });
  }
  const live = new Set(liveLinks);
  for (const [target, info] of wanted) {
    if (live.has(target)) continue;
    if (info.comesBack) draft.restoredWithObject++;
    draft.add({
      ...base,
      kind: 'addLink',
      detail: `${rel.name}:${info.backupId}`,
      method: rel.cardinality === 'one' ? 'PUT' : 'POST',
      // linkOwner 'target': read on this object, written on the linked one (a policy's appliesTo
      // is assigned with POST /servicePrincipals/{refId}/claimsMappingPolicies/$ref).
      path: substitute(rel.addPath, { id: owner, refId: target }),
      body: {
        '@odata.id': `${DIRECTORY_OBJECTS}/${rel.linkOwner === 'target' ? owner : target}`,
      },
      dependsOn: new Set([...ownerDepends, ...(info.dependsOn ? [info.dependsOn] : [])]),
      reason: info.comesBack
        ? `${rel.name} link to ${target} comes back with the restored object; added only if Graph does not bring it back`
        : `add ${rel.name} link to ${target}`,
      ...(info.comesBack
        ? {
            comesBack: {
              linkListPath: `${linkListPath(module, rel, owner)}?$select=id`,
              linkedId: target,
            },
          }
        : {}),
    });
  }
  if (request.relationshipMode !== 'rollback') return;
  for (const target of live) {
    if (wanted.has(target)) continue;
    if (rel.cardinality === 'one' && wanted.size > 0) continue; // replaced by the PUT above
    draft.add({
      ...base,
      kind: 'removeLink',
      detail: `${rel.name}:${target}`,
      method: 'DELETE',
      path: substitute(rel.removePath, { id: owner, refId: target }),
      dependsOn: new Set(),
      reason: `rollback: the backup has no ${rel.name} link to ${target}`,
    });
  }
}
