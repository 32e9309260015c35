import { notFound } from '../../shared/api/errors';
import { defineRoute } from '../../shared/api/route';
import { registerHttpRoute } from '../../shared/api/registerRoute';
import { tenantParamsSchema } from '../../shared/api/schemas/common';
import {
  permissionReportSchema,
  permissionsQuerySchema,
} from '../../shared/api/schemas/permissions';
import { getServices } from '../../shared/config/services';
import {
  permissionModuleSelection,
  tenantModuleSelection,
} from '../../shared/permissions/moduleSelection';
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
      424:
        'Our app has no service principal there (no admin consent), may not read its grants, ' +
        "or the tenant's credential is unusable",
    },
    summary: 'Permissions the modules need, which are granted in the tenant and which are missing',
    description:
      "Without `modules`, the modules of the tenant's backup scope. Uses the tenant's own " +
      'credential. Reads the app role assignments of our app on Microsoft Graph in the tenant (needs ' +
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
    permissionModuleSelection(query.modules);
    const services = await getServices();
    const tenant = await services.tenants.get(params.tenantId);
    if (!tenant) {
      throw notFound(`Tenant ${params.tenantId} is not registered.`, { tenantId: params.tenantId });
    }
    const modules = await tenantModuleSelection(services.scopes, tenant.tenantId, query.modules);
    return { status: 200, jsonBody: await tenantPermissionReport(tenant, modules) };
  },
);

registerHttpRoute(getTenantPermissionsRoute);
