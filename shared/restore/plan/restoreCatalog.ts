import { getModule, isModuleId, restoreOrder } from '../../modules';
import { forTenant } from '../../modules/tenantPaths';
import type { ModuleDefinition } from '../../modules/types';

/** The part of the module catalogue the restore engine needs; tests pass hand-made ones. */
export interface RestoreCatalog {
  getModule(moduleId: string): ModuleDefinition | undefined;
  /** Waves of module ids: every module after the modules it depends on. */
  restoreOrder(moduleIds: string[]): string[][];
}

export function catalogFromModules(modules: readonly ModuleDefinition[]): RestoreCatalog {
  const byId = new Map(modules.map((m) => [m.id, m]));
  return {
    getModule: (id) => byId.get(id),
    restoreOrder: (ids) => dependencyWaves(ids, (id) => byId.get(id)?.dependsOn ?? []),
  };
}

/**
 * Kahn layering restricted to the selected modules: a module goes one wave after the latest
 * selected module it depends on. Ties sort by id so plans are deterministic; a cycle (a catalogue
 * bug) puts the rest in one last wave rather than losing them.
 */
export function dependencyWaves(ids: string[], dependsOn: (id: string) => string[]): string[][] {
  const selected = new Set(ids);
  const remaining = new Set(ids);
  const waves: string[][] = [];
  const placed = new Set<string>();
  while (remaining.size > 0) {
    const wave = [...remaining]
      .filter((id) => dependsOn(id).every((d) => !selected.has(d) || placed.has(d)))
      .sort();
    const layer = wave.length > 0 ? wave : [...remaining].sort();
    layer.forEach((id) => {
      remaining.delete(id);
      placed.add(id);
    });
    waves.push(layer);
  }
  return waves;
}

/** The catalogue with `{tenantId}` in every module path replaced by the tenant's id. */
export function forTenantCatalog(catalog: RestoreCatalog, tenantId: string): RestoreCatalog {
  const cache = new Map<string, ModuleDefinition | undefined>();
  return {
    getModule: (id) => {
      if (!cache.has(id)) {
        const module = catalog.getModule(id);
        cache.set(id, module && forTenant(module, tenantId));
      }
      return cache.get(id);
    },
    restoreOrder: (ids) => catalog.restoreOrder(ids),
  };
}

/** The project's catalogue (shared/modules). */
export function defaultCatalog(): RestoreCatalog {
  return {
    getModule: (id) => (isModuleId(id) ? getModule(id) : undefined),
    restoreOrder: (ids) => restoreOrder(ids.filter(isModuleId)),
  };
}
