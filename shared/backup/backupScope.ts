import { badRequest } from '../api/errors';
import { ALL_MODULES, resolveSelection } from '../modules';
import type { BackupScope } from '../state/scopeRepository';

export interface ScopeView extends BackupScope {
  /** The modules a backup of this scope reads, in catalogue order. */
  selectedModules: string[];
  /** Modules added since the scope was saved: off until an admin opts in (enableAll includes them). */
  newModules: string[];
}

/** Everything, for a tenant that never saved a scope. */
export function defaultScope(): BackupScope {
  return {
    enableAll: true,
    categories: {},
    modules: {},
    knownModules: ALL_MODULES.map((m) => m.id),
  };
}

/**
 * Which modules a scope selects. A module the scope did not know when it was saved starts off,
 * even in an enabled category, so a release never widens what a tenant's backups read (and the
 * permissions they need) without an admin's consent; enable-all takes every module.
 */
export function modulesOfScope(scope: BackupScope): ScopeView {
  const known = new Set(scope.knownModules);
  const newModules = ALL_MODULES.map((m) => m.id).filter((id) => !known.has(id));
  const switchedOn = (record: Record<string, boolean>) =>
    Object.entries(record)
      .filter(([, on]) => on)
      .map(([key]) => key);
  const selected = scope.enableAll
    ? resolveSelection({ enableAll: true })
    : resolveSelection({
        categories: switchedOn(scope.categories),
        modules: switchedOn(scope.modules),
      })
        .filter((id) => known.has(id) || scope.modules[id] === true)
        .filter((id) => scope.modules[id] !== false);
  return { ...scope, selectedModules: selected, newModules };
}

/** A scope as an admin saves it: every module known now is recorded as known. */
export function scopeToSave(input: Omit<BackupScope, 'knownModules'>): BackupScope {
  try {
    resolveSelection({
      categories: Object.keys(input.categories),
      modules: Object.keys(input.modules),
    });
  } catch (error) {
    // Unknown category or module names: the caller's input, named in the message.
    throw badRequest((error as Error).message, undefined, 'unknownModuleOrCategory');
  }
  return { ...input, knownModules: ALL_MODULES.map((m) => m.id) };
}
