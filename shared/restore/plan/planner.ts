import type { GraphApi } from '../../graph/graphApi';
import type { ModuleDefinition, RelationshipDefinition } from '../../modules/types';
import type { SnapshotStore } from '../../snapshots/snapshotStore';
import { binarySources, planBinaryActions } from './binaryActions';
import { planChildActions } from './childActions';
import { planLinkActions } from './linkActions';
import {
  collectionReadPays,
  readLiveCollection,
  readLiveIds,
  softDeletedTargets,
  withoutLinksTo,
  type LiveCollection,
} from './liveCollection';
import { existingIds, readChildren, readLinks } from './liveReader';
import { BackupIndex } from './backupIndex';
import { isManagedElsewhere } from './managedElsewhere';
import { planObjectActions, reportManagedElsewhere } from './objectActions';
import { classifyModule, type ObjectState } from './objectStates';
import { assembleWaves, buildPlan } from './planAssembly';
import { idMapKey } from './placeholders';
import { PlanDraft } from './planDraft';
import { collectAtPath } from './referencePaths';
import { ReferenceResolver } from './referenceResolver';
import { defaultCatalog, forTenantCatalog, type RestoreCatalog } from './restoreCatalog';
import { loadRestoreSet } from '../source/restoreSource';
import type { RestorePlan, RestoreRequest } from '../restoreTypes';

export interface RestoreDeps {
  graph: GraphApi;
  store: SnapshotStore;
  /** The module catalogue; defaults to shared/modules. */
  catalog?: RestoreCatalog;
}

export interface PlanOptions {
  /** `${moduleId}:${backupId}` → id of an object an earlier apply re-created (verification). */
  knownIds?: Record<string, string>;
  /**
   * `auto` (default) reads a module whole when that costs fewer Graph requests than one read per
   * object; `perObject` always reads object by object (the equivalence test compares both).
   */
  liveReads?: 'auto' | 'perObject';
}

/**
 * The dry-run: reads the backup objects and the live tenant and computes what a restore would do.
 * Makes no writes (reads only, several per `$batch`).
 */
export async function planRestore(
  deps: RestoreDeps,
  request: RestoreRequest,
  planId: string,
  now: Date,
  options: PlanOptions = {},
): Promise<RestorePlan> {
  const catalog = forTenantCatalog(deps.catalog ?? defaultCatalog(), request.tenantId);
  const backup = new BackupIndex();
  const backupSizes = new Map<string, number>();
  const restoreSet = await loadRestoreSet(deps.store, catalog, request, (moduleId, record) => {
    backup.add(moduleId, catalog.getModule(moduleId), record);
    backupSizes.set(moduleId, (backupSizes.get(moduleId) ?? 0) + 1);
  });
  const draft = new PlanDraft();

  const modules: ModuleDefinition[] = [];
  for (const moduleId of [...restoreSet.keys()].sort()) {
    const module = catalog.getModule(moduleId);
    if (!module) {
      draft.warn({
        moduleId,
        code: 'unknownModule',
        message: `Module ${moduleId} is not known; its objects are not restored.`,
      });
      continue;
    }
    if (module.restore.kind === 'backupOnly') {
      draft.warn({
        moduleId,
        code: 'backupOnly',
        message: `${module.displayName} (${restoreSet.get(moduleId)!.length} objects) is backup-only and not restored: ${module.restore.reason}`,
      });
      continue;
    }
    modules.push(module);
  }
  const moduleWaves = catalog.restoreOrder(modules.map((m) => m.id));
  const byId = new Map(modules.map((m) => [m.id, m]));

  const states: ObjectState[] = [];
  const collections = new Map<string, LiveCollection>();
  for (const moduleId of moduleWaves.flat()) {
    const module = byId.get(moduleId)!;
    const records = restoreSet.get(moduleId) ?? [];
    if (
      options.liveReads !== 'perObject' &&
      collectionReadPays(module, records.length, backupSizes.get(moduleId) ?? records.length)
    )
      collections.set(moduleId, await readLiveCollection(deps.graph, module));
    states.push(
      ...(await classifyModule(
        deps.graph,
        module,
        records,
        options.knownIds ?? {},
        collections.get(moduleId),
      )),
    );
  }

  await dropLinksToSoftDeleted(deps.graph, catalog, byId, collections);

  const external = await findLiveExternal(
    deps.graph,
    catalog,
    states,
    options.knownIds ?? {},
    collections,
    options.liveReads === 'perObject' ? undefined : backupSizes,
  );
  const resolver = new ReferenceResolver(states, external.live, catalog, external.remapped, backup);

  const statesByModule = new Map<string, ObjectState[]>();
  for (const state of states) {
    const list = statesByModule.get(state.module.id) ?? [];
    list.push(state);
    statesByModule.set(state.module.id, list);
  }
  for (const moduleId of moduleWaves.flat()) {
    const module = byId.get(moduleId)!;
    const moduleStates = statesByModule.get(moduleId) ?? [];
    const writable: ObjectState[] = [];
    const managed: ObjectState[] = [];
    for (const state of moduleStates) {
      if (planObjectActions(state, resolver, request, draft)) writable.push(state);
      else if (state.status === 'present' && isManagedElsewhere(module, state.live ?? {}))
        managed.push(state);
    }
    const collection = collections.get(moduleId);
    if (managed.length > 0)
      await reportManaged(deps.graph, module, managed, resolver, request, draft, collection);
    const liveIds = writable
      .filter((s) => s.status === 'present' || s.status === 'matched')
      .map((s) => s.liveId!);
    if (request.relationshipMode !== 'skip') {
      for (const rel of module.relationships) {
        const links = await linksOf(deps.graph, module, rel, liveIds, collection);
        for (const state of writable) {
          const live = state.status === 'present' || state.status === 'matched';
          planLinkActions(
            state,
            rel,
            live ? (links.get(state.liveId!) ?? []) : [],
            resolver,
            request,
            draft,
          );
        }
      }
    }
    for (const child of module.children) {
      if (child.restore === 'backupOnly') continue;
      const children = await readChildren(deps.graph, module, child, liveIds);
      for (const state of writable) {
        const live = state.status === 'present' || state.status === 'matched';
        planChildActions(
          state,
          child,
          live ? (children.get(state.liveId!) ?? []) : [],
          resolver,
          request,
          draft,
        );
      }
    }
    const sources = binarySources(deps.graph, deps.store);
    await planBinaryActions(sources, request.tenantId, module, writable, draft);
  }

  const touched = new Set(draft.actions.map((a) => a.moduleId));
  for (const module of modules) {
    if (!touched.has(module.id)) continue;
    for (const caveat of module.caveats) {
      draft.warn({ moduleId: module.id, code: 'caveat', message: caveat });
    }
  }

  if (draft.restoredWithObject > 0) {
    draft.warn({
      code: 'restoredWithObject',
      message: `${draft.restoredWithObject} links and children come back by themselves with the objects restored from deleted items (Graph restores their relationships); they are not written again, and the verification checks them.`,
    });
  }

  const waves = assembleWaves(moduleWaves, draft.actions);
  return buildPlan(request, planId, now, waves, draft.warnings, draft.noop);
}

/**
 * Referenced ids outside the restore set that exist live (so they are not dangling), and those an
 * earlier restore re-created under a new id that is live (the tenant id map), with that id.
 */
async function findLiveExternal(
  graph: GraphApi,
  catalog: RestoreCatalog,
  states: ObjectState[],
  knownIds: Record<string, string>,
  collections: ReadonlyMap<string, LiveCollection>,
  /** Backup objects per module; undefined: never read a module's ids as a list. */
  backupSizes: ReadonlyMap<string, number> | undefined,
): Promise<{ live: Set<string>; remapped: Map<string, string> }> {
  const probe = new ReferenceResolver(states, new Set(), catalog);
  const byTargets = new Map<string, Set<string>>();
  const note = (
    targets: string[],
    values: string[],
    literals?: string[],
    targetProperty?: string,
  ): void => {
    const key = [...targets].sort().join(',');
    for (const raw of values) {
      if (!probe.isExternal(raw, targets, literals, targetProperty)) continue;
      const value = raw.includes('/') ? raw.slice(raw.lastIndexOf('/') + 1) : raw;
      const set = byTargets.get(key) ?? new Set<string>();
      set.add(value);
      byTargets.set(key, set);
    }
  };
  for (const { module, record } of states) {
    for (const ref of module.references) {
      note(ref.targets, collectAtPath(record.object, ref.path), ref.literals, ref.targetProperty);
    }
    for (const rel of module.relationships)
      note(rel.targets, record.relationships?.[rel.name] ?? []);
    for (const child of module.children) {
      for (const item of record.children?.[child.name] ?? []) {
        for (const ref of child.references)
          note(ref.targets, collectAtPath(item, ref.path), ref.literals, ref.targetProperty);
      }
    }
  }
  const live = new Set<string>();
  const remapped = new Map<string, string>();
  // Many references into one module (the members of the groups a restore touches) are checked
  // against its live ids read as a list, not one GET each.
  const known = new Map(collections);
  for (const [key, values] of byTargets) {
    const targets = key.split(',');
    const targetModules = targets
      .map((id) => catalog.getModule(id))
      .filter((m): m is ModuleDefinition => m !== undefined);
    for (const module of backupSizes ? targetModules : []) {
      const size = backupSizes!.get(module.id) ?? 0;
      if (!known.has(module.id) && collectionReadPays(module, values.size, size, false))
        known.set(module.id, await readLiveIds(graph, module));
    }
    const newIds = new Map<string, string>();
    for (const value of values) {
      const newId = targets.map((t) => knownIds[idMapKey(t, value)]).find((id) => id);
      if (newId) newIds.set(value, newId);
    }
    const liveNew = await existingIds(graph, targetModules, [...new Set(newIds.values())], known);
    for (const [value, newId] of newIds) if (liveNew.has(newId)) remapped.set(value, newId);
    const rest = [...values].filter((v) => !remapped.has(v));
    for (const id of await existingIds(graph, targetModules, rest, known)) live.add(id);
  }
  return { live, remapped };
}

/**
 * Objects another service manages (Exchange-managed groups) get no writes: their property and
 * link differences are reported instead, for an admin to make there.
 */
async function reportManaged(
  graph: GraphApi,
  module: ModuleDefinition,
  states: ObjectState[],
  resolver: ReferenceResolver,
  request: RestoreRequest,
  draft: PlanDraft,
  collection: LiveCollection | undefined,
): Promise<void> {
  const changes = new Map<ObjectState, string[]>(states.map((s) => [s, []]));
  if (request.relationshipMode !== 'skip') {
    for (const rel of module.relationships) {
      const links = await linksOf(
        graph,
        module,
        rel,
        states.map((s) => s.liveId!),
        collection,
      );
      for (const state of states) {
        const scratch = new PlanDraft();
        planLinkActions(state, rel, links.get(state.liveId!) ?? [], resolver, request, scratch);
        for (const action of scratch.actions) {
          const target = action.actionId.split(':').pop();
          changes
            .get(state)!
            .push(`${action.kind === 'addLink' ? 'add' : 'remove'} ${rel.name} ${target}`);
        }
      }
    }
  }
  for (const state of states) reportManagedElsewhere(state, resolver, draft, changes.get(state));
}

/** Linked ids per live object: from the module read whole when delta carried them, else read. */
async function linksOf(
  graph: GraphApi,
  module: ModuleDefinition,
  rel: RelationshipDefinition,
  ids: string[],
  collection: LiveCollection | undefined,
): Promise<Map<string, string[]>> {
  const carried = collection?.links.get(rel.name);
  if (!carried) return readLinks(graph, module, rel, ids);
  return new Map(ids.map((id) => [id, carried.get(id) ?? []]));
}

/** Links delta carried to soft-deleted objects are dropped (see softDeletedTargets). */
async function dropLinksToSoftDeleted(
  graph: GraphApi,
  catalog: RestoreCatalog,
  modules: ReadonlyMap<string, ModuleDefinition>,
  collections: ReadonlyMap<string, LiveCollection>,
): Promise<void> {
  const targetIds = new Set<string>();
  for (const [moduleId, collection] of collections) {
    for (const rel of modules.get(moduleId)!.relationships)
      if (collection.links.has(rel.name)) rel.targets.forEach((t) => targetIds.add(t));
  }
  if (targetIds.size === 0) return;
  const targets = [...targetIds]
    .sort()
    .map((id) => catalog.getModule(id))
    .filter((m): m is ModuleDefinition => m !== undefined);
  const deleted = await softDeletedTargets(graph, targets);
  for (const collection of collections.values()) withoutLinksTo(collection, deleted);
}
