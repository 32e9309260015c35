import { defineRoute } from '../../shared/api/route';
import { notFound } from '../../shared/api/errors';
import { registerDurableHttpRoute } from '../../shared/api/registerDurableRoute';
import { getOrchestrationClient } from '../../shared/api/orchestrationClientProvider';
import { jobParamsSchema } from '../../shared/api/schemas/jobs';
import { getServices } from '../../shared/config/services';
import { withLiveProgress } from '../../shared/jobs/jobMonitor';

export const GET_JOB_FUNCTION = 'getJob';

export const getJobRoute = defineRoute(
  {
    name: GET_JOB_FUNCTION,
    methods: ['GET'],
    route: 'tenants/{tenantId}/jobs/{jobId}',
    minimumRole: 'Backup.Reader',
    params: jobParamsSchema,
    errors: { 404: 'No such job' },
    summary: 'One job of any kind, with live progress while it runs',
    tags: ['jobs'],
  },
  async ({ params, context }) => {
    const job = await (await getServices()).jobs.get(params.tenantId, params.jobId);
    if (!job) throw notFound(`Job ${params.jobId} was not found for tenant ${params.tenantId}.`);
    return { status: 200, jsonBody: await withLiveProgress(job, getOrchestrationClient(context)) };
  },
);

registerDurableHttpRoute(getJobRoute);
