import { defineRoute } from '../../shared/api/route';
import { registerDurableHttpRoute } from '../../shared/api/registerDurableRoute';
import { getOrchestrationClient } from '../../shared/api/orchestrationClientProvider';
import { backupJobParamsSchema } from '../../shared/api/schemas/backups';
import { getJobView } from '../../shared/backup/jobView';
import { getServices } from '../../shared/config/services';

export const GET_BACKUP_JOB_FUNCTION = 'getBackupJob';

/** Job status: 202 + Retry-After while running, 200 when finished (Logic Apps polling). */
export const getBackupJobRoute = defineRoute(
  {
    name: GET_BACKUP_JOB_FUNCTION,
    methods: ['GET'],
    route: 'tenants/{tenantId}/backups/{jobId}',
    minimumRole: 'Backup.Reader',
    params: backupJobParamsSchema,
    errors: { 404: 'No such backup job' },
    summary: 'Backup job status, progress and per-module results',
    tags: ['backups'],
  },
  async ({ params, request, context }) => {
    const view = await getJobView(
      await getServices(),
      getOrchestrationClient(context),
      params.tenantId,
      params.jobId,
    );
    return view.running
      ? { status: 202, headers: { Location: request.url, 'Retry-After': '5' }, jsonBody: view }
      : { status: 200, jsonBody: view };
  },
);

registerDurableHttpRoute(getBackupJobRoute);
