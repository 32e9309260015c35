import { defineRoute } from '../../shared/api/route';
import { registerHttpRoute } from '../../shared/api/registerRoute';
import { tenantParamsSchema } from '../../shared/api/schemas/common';
import { listJobsQuerySchema } from '../../shared/api/schemas/backups';
import { getServices } from '../../shared/config/services';

export const LIST_BACKUP_JOBS_FUNCTION = 'listBackupJobs';

export const listBackupJobsRoute = defineRoute(
  {
    name: LIST_BACKUP_JOBS_FUNCTION,
    methods: ['GET'],
    route: 'tenants/{tenantId}/backups',
    minimumRole: 'Backup.Reader',
    params: tenantParamsSchema,
    query: listJobsQuerySchema,
    summary: 'Recent backup jobs of a tenant, newest first',
    tags: ['backups'],
  },
  async ({ params, query }) => {
    const services = await getServices();
    const jobs = await services.jobs.list(params.tenantId, { limit: query.limit, type: 'backup' });
    return { status: 200, jsonBody: { value: jobs } };
  },
);

registerHttpRoute(listBackupJobsRoute);
