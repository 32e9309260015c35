import { ALL_MODULES, getModule } from '../../shared/modules';
import type { ModuleDefinition } from '../../shared/modules/types';
import { matchesFilter, parseFilter } from '../simulator/odata/query';
import { RESOURCES } from '../simulator/resources';
import type { NavigationDescriptor, ResourceDescriptor } from '../simulator/resources/descriptor';
import { SINGLETONS, type SingletonDescriptor } from '../simulator/resources/singletons';
import type { GraphObject, TenantState } from '../simulator/tenantState';

/**
 * What a backup of a module must hold, read straight from the simulator's tenant state (not
 * through Graph), so a backup is checked against the source of truth. Nothing here names a
 * module: the module's own paths are resolved against the simulator's resource descriptors, so a
 * module added to the catalogue is covered as soon as the simulator serves its path.
 */
export interface ExpectedRecord {
  id: string;
  object: GraphObject;
  relationships: Record<string, string[]>;
  children: Record<string, GraphObject[]>;
}

/** The modules a typical backup in the tests covers: the catalogue's core (no addedInVersion). */
export function coreModuleIds(): string[] {
  return ALL_MODULES.filter((m) => !m.addedInVersion).map((m) => m.id);
}

/** Where the simulator keeps what a path names: objects and the descriptor that serves them. */
interface Located {
  objects: GraphObject[];
  descriptor?: ResourceDescriptor;
}

const PLACEHOLDER = /^\{([^}]+)\}$/;

function pathOf(graphPath: string): string {
  return graphPath.split('?')[0].replace(/^\//, '');
}

function findSingleton(urlPath: string): SingletonDescriptor | undefined {
  return SINGLETONS.find((s) => s.path === urlPath);
}

/** Objects a navigation of `owner` holds in the state (children, derived, single child). */
function navigate(
  state: TenantState,
  nav: NavigationDescriptor,
  ownerId: string,
): Located | undefined {
  if (nav.kind === 'children') {
    return {
      objects: state.children[nav.child.name]?.[nav.parentKey ?? ownerId] ?? [],
      descriptor: nav.child,
    };
  }
  if (nav.kind === 'singleChild') {
    const stored = state.children[nav.child.name]?.[nav.parentKey ?? ownerId] ?? [];
    return { objects: stored.filter((c) => c.id === nav.id), descriptor: nav.child };
  }
  if (nav.kind === 'derived') {
    const keyPath = nav.foreignKey.split('.');
    const keyOf = (o: GraphObject): unknown =>
      keyPath.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);
    return { objects: state.collections[nav.collection].filter((o) => keyOf(o) === ownerId) };
  }
  return undefined;
}

/**
 * Resolves a module's list path against the simulator: the longest resource path that prefixes
 * it, then `{key}` / navigation segments (organization/{tenantId}/branding/localizations).
 */
function locate(state: TenantState, graphPath: string): Located | undefined {
  const urlPath = pathOf(graphPath);
  const singleton = findSingleton(urlPath);
  // A singleton the tenant never set is served with its default, as the store loads it.
  if (singleton) {
    const stored = state.singletons[singleton.name] as GraphObject | undefined;
    return { objects: [stored ?? (singleton.defaultValue() as GraphObject)] };
  }
  const segments = urlPath.split('/');
  for (let cut = segments.length; cut > 0; cut -= 1) {
    const descriptor = RESOURCES.find((r) => r.path === segments.slice(0, cut).join('/'));
    if (!descriptor) continue;
    let at: Located = { objects: state.collections[descriptor.name] ?? [], descriptor };
    for (let i = cut; i < segments.length; i += 1) {
      const key = PLACEHOLDER.exec(segments[i])?.[1];
      const item = key
        ? at.objects.find((o) => o.id === (key === 'tenantId' ? state.tenantId : undefined))
        : undefined;
      if (key) {
        if (!item) return undefined;
        at = { objects: [item], descriptor: at.descriptor };
        continue;
      }
      const nav = at.descriptor?.navigation?.[segments[i]];
      if (!nav || at.objects.length !== 1) return undefined;
      const next = navigate(state, nav, at.objects[0].id);
      if (!next) return undefined;
      at = next;
    }
    return at;
  }
  return undefined;
}

/**
 * Whether the simulator serves a module's list path. A module it does not serve cannot be
 * checked by the full-backup test; the catalogue test names the file to add.
 */
export function simulatorServes(module: ModuleDefinition, state: TenantState): boolean {
  return locate(state, module.listPath) !== undefined;
}

/** Ids of objects that are not soft-deleted (links to deleted objects are hidden, as in Graph). */
function liveIds(state: TenantState): Set<string> {
  const ids = new Set<string>();
  for (const objects of Object.values(state.collections)) for (const o of objects) ids.add(o.id);
  return ids;
}

function linkedIds(
  state: TenantState,
  nav: NavigationDescriptor,
  ownerId: string,
  live: Set<string>,
): string[] {
  let ids: string[] = [];
  if (nav.kind === 'links') {
    const value = (state.relationships[nav.store] as Record<string, string | string[]>)?.[ownerId];
    ids = value === undefined ? [] : Array.isArray(value) ? value : [value];
  } else if (nav.kind === 'inverseLinks') {
    for (const store of nav.stores) {
      const links = state.relationships[store] as Record<string, string[]>;
      for (const [owner, targets] of Object.entries(links ?? {}))
        if (targets.includes(ownerId)) ids.push(owner);
    }
  } else {
    throw new Error(`navigation of kind ${nav.kind} is not a relationship`);
  }
  return [...new Set(ids.filter((id) => live.has(id)))].sort();
}

/**
 * The object with the module's fixed `$expand`s filled in as the simulator keeps them: a child
 * collection (teamsApps appDefinitions) or an inline reference (`catalog($select=id)`).
 */
function withExpanded(
  state: TenantState,
  descriptor: ResourceDescriptor | undefined,
  object: GraphObject,
  expand: string[],
): GraphObject {
  if (expand.length === 0) return object;
  const out: GraphObject = { ...object };
  for (const item of expand) {
    const [, name, options] = /^([^(]+)(?:\((.*)\))?$/.exec(item)!;
    const nav = descriptor?.navigation?.[name];
    if (!nav) throw new Error(`the simulator's ${descriptor?.name} cannot expand '${name}'`);
    if (nav.kind === 'reference') {
      const ref = object[name] as { id: string } | undefined;
      const target = ref && state.collections[nav.collection].find((o) => o.id === ref.id);
      out[name] = !target ? null : options === '$select=id' ? { id: target.id } : target;
    } else {
      out[name] = navigate(state, nav, object.id)?.objects ?? [];
    }
  }
  return out;
}

export function expectedRecords(state: TenantState, moduleId: string): ExpectedRecord[] {
  const module = getModule(moduleId);
  const located = locate(state, module.listPath);
  if (!located) {
    throw new Error(
      `the simulator serves no ${module.listPath} (module ${moduleId}): add a descriptor in ` +
        'test/simulator/resources/ (ADR 0004, "Adding a module")',
    );
  }
  if (module.kind === 'singleton') {
    const object = located.objects[0];
    return [{ id: String(object.id ?? moduleId), object, relationships: {}, children: {} }];
  }
  const query = new URLSearchParams(module.listPath.split('?')[1] ?? '');
  const filter = query.get('$filter');
  const objects = filter
    ? located.objects.filter((o) => matchesFilter(o, parseFilter(filter)))
    : located.objects;
  const live = liveIds(state);
  const navigationOf = (name: string): NavigationDescriptor => {
    const nav = located.descriptor?.navigation?.[name];
    if (!nav) {
      throw new Error(
        `the simulator's ${located.descriptor?.name ?? module.listPath} has no navigation ` +
          `'${name}' (module ${moduleId})`,
      );
    }
    return nav;
  };
  const expand = (query.get('$expand') ?? '').split(',').filter(Boolean);
  return objects.map((stored) => {
    const object = withExpanded(state, located.descriptor, stored, expand);
    const id = module.keyProperty ? String(object[module.keyProperty]) : object.id;
    const relationships: Record<string, string[]> = {};
    for (const r of module.relationships) {
      relationships[r.name] = linkedIds(state, navigationOf(r.name), object.id, live);
    }
    const children: Record<string, GraphObject[]> = {};
    for (const c of module.children) {
      const name = c.listPath.split('?')[0].split('/').pop()!;
      children[c.name] = navigate(state, navigationOf(name), object.id)?.objects ?? [];
    }
    return { id, object, relationships, children };
  });
}
