import { defineRoute } from '../../shared/api/route';
import { registerHttpRoute } from '../../shared/api/registerRoute';
import { jobParamsSchema, jobReportQuerySchema } from '../../shared/api/schemas/jobs';
import { getServices } from '../../shared/config/services';
import { buildJobReport, jobReportCsv } from '../../shared/jobs/jobReport';

export const GET_JOB_REPORT_FUNCTION = 'getJobReport';

export const getJobReportRoute = defineRoute(
  {
    name: GET_JOB_REPORT_FUNCTION,
    methods: ['GET'],
    route: 'tenants/{tenantId}/jobs/{jobId}/report',
    minimumRole: 'Backup.Reader',
    params: jobParamsSchema,
    query: jobReportQuerySchema,
    errors: { 404: 'No such job' },
    summary: 'Job report: per module (backup) or per action (restore), as JSON or CSV',
    responses: {
      200: { description: 'The report (format=json), or CSV rows (format=csv)' },
    },
    tags: ['jobs'],
  },
  async ({ params, query }) => {
    const report = await buildJobReport(await getServices(), params.tenantId, params.jobId);
    if (query.format === 'json') return { status: 200, jsonBody: report };
    return {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="job-${report.jobId}.csv"`,
      },
      body: jobReportCsv(report),
    };
  },
);

registerHttpRoute(getJobReportRoute);
