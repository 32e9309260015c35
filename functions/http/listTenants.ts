import { defineRoute } from '../../shared/api/route';
import { registerHttpRoute } from '../../shared/api/registerRoute';
import { getServices } from '../../shared/config/services';

export const LIST_TENANTS_FUNCTION = 'listTenants';

export const listTenantsRoute = defineRoute(
  {
    name: LIST_TENANTS_FUNCTION,
    methods: ['GET'],
    route: 'tenants',
    minimumRole: 'Backup.Reader',
    summary: 'Managed tenants visible to the caller',
    tags: ['tenants'],
  },
  async ({ principal }) => {
    const tenants = await (await getServices()).tenants.list();
    const visible =
      principal.tenants === 'all'
        ? tenants
        : tenants.filter((t) => principal.tenants.includes(t.tenantId.toLowerCase()));
    return { status: 200, jsonBody: { value: visible } };
  },
);

registerHttpRoute(listTenantsRoute);
