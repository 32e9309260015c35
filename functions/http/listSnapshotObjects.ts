import { defineRoute } from '../../shared/api/route';
import { registerHttpRoute } from '../../shared/api/registerRoute';
import { objectQuerySchema, snapshotParamsSchema } from '../../shared/api/schemas/snapshots';
import { findObjects, requireSnapshot } from '../../shared/backup/snapshotQueries';
import { getServices } from '../../shared/config/services';

export const LIST_SNAPSHOT_OBJECTS_FUNCTION = 'listSnapshotObjects';

export const listSnapshotObjectsRoute = defineRoute(
  {
    name: LIST_SNAPSHOT_OBJECTS_FUNCTION,
    methods: ['GET'],
    route: 'tenants/{tenantId}/snapshots/{snapshotId}/objects',
    minimumRole: 'Backup.Reader',
    params: snapshotParamsSchema,
    query: objectQuerySchema,
    errors: { 404: 'No such snapshot, or the module is not in it' },
    summary: 'Browse a snapshot by module, object id or text',
    tags: ['snapshots'],
  },
  async ({ params, query }) => {
    const { store } = await getServices();
    const manifest = await requireSnapshot(store, params.tenantId, params.snapshotId);
    const found = await findObjects(store, manifest, query);
    return {
      status: 200,
      jsonBody: {
        value: found.objects.map((o) => ({ moduleId: o.moduleId, ...o.record })),
        truncated: found.truncated,
      },
    };
  },
);

registerHttpRoute(listSnapshotObjectsRoute);
