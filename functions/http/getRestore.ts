import { defineRoute } from '../../shared/api/route';
import { requireTenantAccess } from '../../shared/api/auth';
import { registerDurableHttpRoute } from '../../shared/api/registerDurableRoute';
import { getOrchestrationClient } from '../../shared/api/orchestrationClientProvider';
import { restoreIdParamsSchema, restoreViewQuerySchema } from '../../shared/api/schemas/restores';
import { parseRestoreId } from '../../shared/restore/job/startRestore';
import { getRestoreView } from '../../shared/restore/job/restoreView';
import { getServices } from '../../shared/config/services';

export const GET_RESTORE_FUNCTION = 'getRestore';

/** Restore status; `?plan=text` adds the readable per-object diff, `?plan=json` the plan itself. */
export const getRestoreRoute = defineRoute(
  {
    name: GET_RESTORE_FUNCTION,
    methods: ['GET'],
    route: 'restores/{restoreId}',
    minimumRole: 'Backup.Reader',
    params: restoreIdParamsSchema,
    query: restoreViewQuerySchema,
    errors: { 404: 'No such restore' },
    summary: 'Restore status, plan summary and (optionally) the plan',
    tags: ['restores'],
  },
  async ({ params, query, principal, request, context }) => {
    requireTenantAccess(principal, parseRestoreId(params.restoreId).tenantId);
    const view = await getRestoreView(
      await getServices(),
      getOrchestrationClient(context),
      params.restoreId,
      {
        plan: query.plan,
      },
    );
    // Still working (planning or applying): 202 so polling clients keep polling.
    const working = view.running && view.phase !== 'awaitingConfirmation';
    return working
      ? { status: 202, headers: { Location: request.url, 'Retry-After': '5' }, jsonBody: view }
      : { status: 200, jsonBody: view };
  },
);

registerDurableHttpRoute(getRestoreRoute);
