import { defineRoute } from '../../shared/api/route';
import { requireTenantAccess } from '../../shared/api/auth';
import { registerHttpRoute } from '../../shared/api/registerRoute';
import { auditQuerySchema } from '../../shared/api/schemas/audit';
import { auditCsv, readAuditLog, visibleAuditPartitions } from '../../shared/audit/auditLog';
import { getServices } from '../../shared/config/services';

export const LIST_AUDIT_FUNCTION = 'listAudit';

export const listAuditRoute = defineRoute(
  {
    name: LIST_AUDIT_FUNCTION,
    methods: ['GET'],
    route: 'audit',
    minimumRole: 'Backup.Reader',
    query: auditQuerySchema,
    summary: 'Audit log: sign-ins and every administrative operation, newest first, paged',
    description:
      'Filters: tenantId, actor (subject, object id, app id or name), action (exact, or a prefix ' +
      'ending in *), since/until (ISO 8601). Pages follow nextLink (skipToken). format=csv ' +
      'exports the same rows as CSV. Rows are kept AUDIT_RETENTION_DAYS (default 90, at least 30).',
    tags: ['audit'],
  },
  async ({ query, principal, request }) => {
    if (query.tenantId) requireTenantAccess(principal, query.tenantId);
    const services = await getServices();
    const partitions = await visibleAuditPartitions(services, principal.tenants, query.tenantId);
    const page = await readAuditLog(services, partitions, {
      tenantId: query.tenantId,
      actor: query.actor,
      action: query.action,
      since: query.since ? new Date(query.since) : undefined,
      until: query.until ? new Date(query.until) : undefined,
      limit: query.limit,
      after: query.skipToken,
    });
    let nextLink: string | undefined;
    if (page.nextSkipToken) {
      const next = new URL(request.url);
      next.searchParams.set('skipToken', page.nextSkipToken);
      nextLink = next.toString();
    }
    if (query.format === 'csv') {
      return {
        status: 200,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="audit.csv"',
          ...(nextLink ? { link: `<${nextLink}>; rel="next"` } : {}),
        },
        body: auditCsv(page.entries),
      };
    }
    return { status: 200, jsonBody: { value: page.entries, nextLink } };
  },
);

registerHttpRoute(listAuditRoute);
