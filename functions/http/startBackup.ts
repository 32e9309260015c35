import { defineRoute } from '../../shared/api/route';
import { registerDurableHttpRoute } from '../../shared/api/registerDurableRoute';
import { getOrchestrationClient } from '../../shared/api/orchestrationClientProvider';
import { tenantParamsSchema } from '../../shared/api/schemas/common';
import { backupAcceptedSchema, startBackupBodySchema } from '../../shared/api/schemas/backups';
import { startBackup } from '../../shared/backup/startBackup';
import { getServices } from '../../shared/config/services';

export const START_BACKUP_FUNCTION = 'startBackup';

/** "Backup now": 202 with a status URL (the async pattern Logic Apps follows natively). */
export const startBackupRoute = defineRoute(
  {
    name: START_BACKUP_FUNCTION,
    methods: ['POST'],
    route: 'tenants/{tenantId}/backups',
    minimumRole: 'Backup.Operator',
    params: tenantParamsSchema,
    body: startBackupBodySchema,
    errors: {
      404: 'The tenant is not registered',
      409: 'A backup of the tenant is running (backupAlreadyRunning, its job id in the details)',
    },
    summary:
      'Start a backup of a tenant (incremental where possible; full: true forces a full read)',
    tags: ['backups'],
    responses: { 202: { description: 'Backup accepted', schema: backupAcceptedSchema } },
  },
  async ({ params, body, principal, request, context }) => {
    const started = await startBackup(await getServices(), getOrchestrationClient(context), {
      tenantId: params.tenantId,
      modules: body.modules,
      full: body.full,
      requestedBy: principal.subject,
    });
    const statusUrl = new URL(
      `/api/tenants/${started.tenantId}/backups/${started.jobId}`,
      request.url,
    ).toString();
    return {
      status: 202,
      headers: { Location: statusUrl, 'Retry-After': '5' },
      jsonBody: {
        jobId: started.jobId,
        snapshotId: started.snapshotId,
        tenantId: started.tenantId,
        statusUrl,
      },
    };
  },
);

registerDurableHttpRoute(startBackupRoute);
