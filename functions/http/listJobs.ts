import { defineRoute } from '../../shared/api/route';
import { canAccessTenant, requireTenantAccess } from '../../shared/api/auth';
import { registerDurableHttpRoute } from '../../shared/api/registerDurableRoute';
import { getOrchestrationClient } from '../../shared/api/orchestrationClientProvider';
import { listAllJobsQuerySchema } from '../../shared/api/schemas/jobs';
import { getServices } from '../../shared/config/services';
import { listJobs } from '../../shared/jobs/jobMonitor';

export const LIST_JOBS_FUNCTION = 'listJobs';

export const listJobsRoute = defineRoute(
  {
    name: LIST_JOBS_FUNCTION,
    methods: ['GET'],
    route: 'jobs',
    minimumRole: 'Backup.Reader',
    query: listAllJobsQuerySchema,
    summary: 'Job monitor: jobs of every kind across the tenants the caller may see, newest first',
    description:
      'Filters: tenantId, type (backup, restore, retention, verify…), status, since/until ' +
      '(ISO 8601, by job start), limit. Running jobs carry live progress from their orchestration.',
    tags: ['jobs'],
  },
  async ({ query, principal, context }) => {
    const services = await getServices();
    let tenantIds: string[];
    if (query.tenantId) {
      requireTenantAccess(principal, query.tenantId);
      tenantIds = [query.tenantId];
    } else {
      tenantIds = (await services.tenants.list())
        .map((t) => t.tenantId.toLowerCase())
        .filter((id) => canAccessTenant(principal, id));
    }
    const jobs = await listJobs(services, getOrchestrationClient(context), {
      tenantIds,
      type: query.type,
      status: query.status,
      since: query.since ? new Date(query.since) : undefined,
      until: query.until ? new Date(query.until) : undefined,
      limit: query.limit,
    });
    return { status: 200, jsonBody: { value: jobs } };
  },
);

registerDurableHttpRoute(listJobsRoute);
