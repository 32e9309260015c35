import { notFound } from '../../shared/api/errors';
import { defineRoute } from '../../shared/api/route';
import { registerHttpRoute } from '../../shared/api/registerRoute';
import { tenantParamsSchema } from '../../shared/api/schemas/common';
import {
  permissionReportSchema,
  permissionsQuerySchema,
} from '../../shared/api/schemas/permissions';
import { getServices } from '../../shared/config/services';
import { permissionModuleSelection } from '../../shared/permissions/moduleSelection';
import { tenantPermissionReport } from '../../shared/permissions/tenantPermissionReport';

export const GET_TENANT_PERMISSIONS_FUNCTION = 'getTenantPermissions';

export const getTenantPermissionsRoute = defineRoute(
  {
    name: GET_TENANT_PERMISSIONS_FUNCTION,
    methods: ['GET'],
    route: 'tenants/{tenantId}/permissions',
    minimumRole: 'Backup.Reader',
    params: tenantParamsSchema,
    query: permissionsQuerySchema,
    errors: {
      404: 'The tenant is not registered',
      424: 'Our app has no service principal there (no admin consent) or may not read its grants',
    },
    summary: 'Permissions the modules need, which are granted in the tenant and which are missing',
    description:
      'Reads the app role assignments of our app on Microsoft Graph in the tenant (needs ' +
      'Application.Read.All). `424` when the app has no service principal there (no admin ' +
      'consent) or may not read its grants.',
    tags: ['permissions'],
    responses: {
      200: {
        description: 'Required, granted and missing permissions',
        schema: permissionReportSchema,
      },
    },
  },
  async ({ params, query }) => {
    const modules = permissionModuleSelection(query.modules);
    if (!(await (await getServices()).tenants.get(params.tenantId))) {
      throw notFound(`Tenant ${params.tenantId} is not registered.`, { tenantId: params.tenantId });
    }
    return { status: 200, jsonBody: await tenantPermissionReport(params.tenantId, modules) };
  },
);

registerHttpRoute(getTenantPermissionsRoute);
