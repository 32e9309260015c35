import { defineRoute } from '../../shared/api/route';
import { registerHttpRoute } from '../../shared/api/registerRoute';
import { snapshotParamsSchema } from '../../shared/api/schemas/snapshots';
import { requireSnapshot } from '../../shared/backup/snapshotQueries';
import { getServices } from '../../shared/config/services';

export const GET_SNAPSHOT_FUNCTION = 'getSnapshot';

export const getSnapshotRoute = defineRoute(
  {
    name: GET_SNAPSHOT_FUNCTION,
    methods: ['GET'],
    route: 'tenants/{tenantId}/snapshots/{snapshotId}',
    minimumRole: 'Backup.Reader',
    params: snapshotParamsSchema,
    errors: { 404: 'No such snapshot' },
    summary: 'A snapshot manifest: modules, counts, changes, warnings',
    tags: ['snapshots'],
  },
  async ({ params }) => {
    const { store } = await getServices();
    const manifest = await requireSnapshot(store, params.tenantId, params.snapshotId);
    return { status: 200, jsonBody: manifest };
  },
);

registerHttpRoute(getSnapshotRoute);
