import { defineRoute } from '../../shared/api/route';
import { registerHttpRoute } from '../../shared/api/registerRoute';
import { tenantParamsSchema } from '../../shared/api/schemas/common';
import { getServices } from '../../shared/config/services';

export const LIST_SNAPSHOTS_FUNCTION = 'listSnapshots';

export const listSnapshotsRoute = defineRoute(
  {
    name: LIST_SNAPSHOTS_FUNCTION,
    methods: ['GET'],
    route: 'tenants/{tenantId}/snapshots',
    minimumRole: 'Backup.Reader',
    params: tenantParamsSchema,
    summary: 'Recovery points (committed snapshots) of a tenant, newest first',
    tags: ['snapshots'],
  },
  async ({ params }) => {
    const { store } = await getServices();
    return { status: 200, jsonBody: { value: await store.listSnapshots(params.tenantId) } };
  },
);

registerHttpRoute(listSnapshotsRoute);
