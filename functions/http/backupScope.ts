import { defineRoute } from '../../shared/api/route';
import { registerHttpRoute } from '../../shared/api/registerRoute';
import { tenantParamsSchema } from '../../shared/api/schemas/common';
import { backupScopeBodySchema } from '../../shared/api/schemas/tenants';
import { defaultScope, modulesOfScope, scopeToSave } from '../../shared/backup/backupScope';
import { getServices } from '../../shared/config/services';

export const GET_BACKUP_SCOPE_FUNCTION = 'getBackupScope';
export const PUT_BACKUP_SCOPE_FUNCTION = 'putBackupScope';

export const getBackupScopeRoute = defineRoute(
  {
    name: GET_BACKUP_SCOPE_FUNCTION,
    methods: ['GET'],
    route: 'tenants/{tenantId}/scope',
    minimumRole: 'Backup.Reader',
    params: tenantParamsSchema,
    summary: 'What backups of a tenant include; modules added since it was saved are flagged new',
    tags: ['tenants'],
  },
  async ({ params }) => {
    const scope = await (await getServices()).scopes.get(params.tenantId);
    return { status: 200, jsonBody: modulesOfScope(scope ?? defaultScope()) };
  },
);

export const putBackupScopeRoute = defineRoute(
  {
    name: PUT_BACKUP_SCOPE_FUNCTION,
    methods: ['PUT'],
    route: 'tenants/{tenantId}/scope',
    minimumRole: 'Backup.Admin',
    params: tenantParamsSchema,
    body: backupScopeBodySchema,
    summary: 'Enable all modules, per category, or per module',
    tags: ['tenants'],
  },
  async ({ params, body }) => {
    const scope = scopeToSave(body);
    const { scopes } = await getServices();
    await scopes.put(params.tenantId, scope);
    return { status: 200, jsonBody: modulesOfScope(scope) };
  },
);

registerHttpRoute(getBackupScopeRoute);
registerHttpRoute(putBackupScopeRoute);
