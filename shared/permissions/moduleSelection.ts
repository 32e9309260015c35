import { badRequest } from '../api/errors';
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
