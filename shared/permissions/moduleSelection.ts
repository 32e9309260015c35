import { badRequest } from '../api/errors';
import { defaultScope, modulesOfScope } from '../backup/backupScope';
import type { ScopeRepository } from '../state/scopeRepository';
import { ALL_MODULES } from '../modules';
import { unknownModuleIds } from './permissionReport';

/**
 * The module ids a permissions request is about: the given ones, or the whole catalogue.
 * Unknown ids are a 400 naming them, raised before anything calls Graph.
 */
export function permissionModuleSelection(moduleIds: readonly string[] | undefined): string[] {
  if (!moduleIds || moduleIds.length === 0) return ALL_MODULES.map((m) => m.id);
  const unknown = unknownModuleIds(moduleIds);
  if (unknown.length > 0) {
    throw badRequest(
      `Unknown module${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
      { modules: unknown },
      'unknownModule',
    );
  }
  return [...new Set(moduleIds)];
}

/**
 * For a tenant: the given modules, else the ones its backup scope selects — what its backups
 * will actually read, so the report names exactly what consent must still grant.
 */
export async function tenantModuleSelection(
  scopes: ScopeRepository,
  tenantId: string,
  moduleIds: readonly string[] | undefined,
): Promise<string[]> {
  if (moduleIds && moduleIds.length > 0) return permissionModuleSelection(moduleIds);
  const scope = await scopes.get(tenantId);
  return modulesOfScope(scope ?? defaultScope()).selectedModules;
}
