import { defineRoute } from '../../shared/api/route';
import { registerDurableHttpRoute } from '../../shared/api/registerDurableRoute';
import { getOrchestrationClient } from '../../shared/api/orchestrationClientProvider';
import { tenantParamsSchema } from '../../shared/api/schemas/common';
import { startRestoreBodySchema } from '../../shared/api/schemas/restores';
import { startRestore } from '../../shared/restore/job/startRestore';
import { uploadBlobName } from '../../shared/restore/source/uploads';
import { getServices } from '../../shared/config/services';

export const START_RESTORE_FUNCTION = 'startRestore';

/** Plans a restore (dry-run) and, unless dryRun, waits for a confirmation of that exact plan. */
export const startRestoreRoute = defineRoute(
  {
    name: START_RESTORE_FUNCTION,
    methods: ['POST'],
    route: 'tenants/{tenantId}/restores',
    minimumRole: 'Backup.Operator',
    params: tenantParamsSchema,
    body: startRestoreBodySchema,
    errors: {
      404: 'The tenant, the snapshot or the upload is not known (uploadNotFound)',
      409: 'A restore of the tenant is active (restoreAlreadyActive) or a backup of it runs (backupRunning)',
    },
    summary:
      'Plan a restore from a snapshot or an uploaded export; confirm the plan hash to apply it',
    tags: ['restores'],
  },
  async ({ params, body, principal, request, context }) => {
    const tenantId = params.tenantId.toLowerCase();
    const source =
      'snapshotId' in body.source
        ? { kind: 'snapshot' as const, snapshotId: body.source.snapshotId }
        : { kind: 'upload' as const, uploadBlob: uploadBlobName(tenantId, body.source.uploadId) };
    const started = await startRestore(await getServices(), getOrchestrationClient(context), {
      tenantId,
      request: {
        source,
        selection: { modules: body.modules, objectIds: body.objectIds },
        relationshipMode: body.relationshipMode,
        caPolicyLossMode: body.caPolicyLossMode,
      },
      dryRun: body.dryRun,
      expiresInHours: body.expiresInHours,
      requestedBy: principal.subject,
    });
    const statusUrl = new URL(`/api/restores/${started.restoreId}`, request.url).toString();
    return {
      status: 202,
      headers: { Location: statusUrl, 'Retry-After': '5' },
      jsonBody: { restoreId: started.restoreId, statusUrl },
    };
  },
);

registerDurableHttpRoute(startRestoreRoute);
