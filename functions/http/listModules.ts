import { defineRoute } from '../../shared/api/route';
import { registerHttpRoute } from '../../shared/api/registerRoute';
import { type ModuleCatalogue, moduleCatalogueSchema } from '../../shared/api/schemas/modules';
import { ALL_MODULES } from '../../shared/modules';
import { CATEGORIES } from '../../shared/modules/types';

export const LIST_MODULES_FUNCTION = 'listModules';

/** The catalogue as data, so a client can group scope switches by category without its own copy. */
export function moduleCatalogue(): ModuleCatalogue {
  return {
    categories: [...CATEGORIES],
    value: ALL_MODULES.map((m) => ({
      id: m.id,
      displayName: m.displayName,
      category: m.category,
      graphVersion: m.graphVersion,
      delta: Boolean(m.delta),
      restore: m.restore.kind,
      backupOnlyReason: m.restore.kind === 'backupOnly' ? m.restore.reason : undefined,
      readPermissions: m.permissions.read,
      writePermissions: m.permissions.write,
    })),
  };
}

export const listModulesRoute = defineRoute(
  {
    name: LIST_MODULES_FUNCTION,
    methods: ['GET'],
    route: 'modules',
    minimumRole: 'Backup.Reader',
    summary: 'The module catalogue: object types by category, Graph version, restore, permissions',
    tags: ['modules'],
    responses: { 200: { description: 'The catalogue', schema: moduleCatalogueSchema } },
  },
  async () => ({ status: 200, jsonBody: moduleCatalogue() }),
);

registerHttpRoute(listModulesRoute);
