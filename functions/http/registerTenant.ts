import { defineRoute } from '../../shared/api/route';
import { registerHttpRoute } from '../../shared/api/registerRoute';
import { tenantParamsSchema } from '../../shared/api/schemas/common';
import { registerTenantBodySchema } from '../../shared/api/schemas/tenants';
import { registerTenant } from '../../shared/tenants/registerTenant';
import { getServices } from '../../shared/config/services';

export const REGISTER_TENANT_FUNCTION = 'registerTenant';

export const registerTenantRoute = defineRoute(
  {
    name: REGISTER_TENANT_FUNCTION,
    methods: ['PUT'],
    route: 'tenants/{tenantId}',
    minimumRole: 'Backup.Admin',
    params: tenantParamsSchema,
    body: registerTenantBodySchema,
    summary: 'Register (or rename) a managed tenant',
    tags: ['tenants'],
  },
  async ({ params, body }) => {
    const tenant = await registerTenant(
      await getServices(),
      params.tenantId,
      body.displayName,
      body.credential,
    );
    return { status: 200, jsonBody: tenant };
  },
);

registerHttpRoute(registerTenantRoute);
