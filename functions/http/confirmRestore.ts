import { defineRoute } from '../../shared/api/route';
import { requireTenantAccess } from '../../shared/api/auth';
import { registerDurableHttpRoute } from '../../shared/api/registerDurableRoute';
import { getOrchestrationClient } from '../../shared/api/orchestrationClientProvider';
import { confirmRestoreBodySchema, restoreIdParamsSchema } from '../../shared/api/schemas/restores';
import { decideRestore, parseRestoreId } from '../../shared/restore/job/startRestore';
import { getServices } from '../../shared/config/services';

export const CONFIRM_RESTORE_FUNCTION = 'confirmRestore';

export const confirmRestoreRoute = defineRoute(
  {
    name: CONFIRM_RESTORE_FUNCTION,
    methods: ['POST'],
    route: 'restores/{restoreId}/confirm',
    minimumRole: 'Backup.Operator',
    params: restoreIdParamsSchema,
    auditTenantOf: (params) => parseRestoreId(String(params.restoreId)).tenantId,
    body: confirmRestoreBodySchema,
    errors: {
      404: 'No such restore',
      409: 'Not awaiting confirmation, or the plan hash is not the plan on record',
    },
    summary: 'Apply the plan awaiting confirmation; the plan hash must match (409 otherwise)',
    tags: ['restores'],
  },
  async ({ params, body, principal, request, context }) => {
    requireTenantAccess(principal, parseRestoreId(params.restoreId).tenantId);
    await decideRestore(await getServices(), getOrchestrationClient(context), params.restoreId, {
      action: 'confirm',
      planHash: body.planHash,
      by: principal.subject,
    });
    const statusUrl = new URL(`/api/restores/${params.restoreId}`, request.url).toString();
    return {
      status: 202,
      headers: { Location: statusUrl, 'Retry-After': '5' },
      jsonBody: { restoreId: params.restoreId, statusUrl },
    };
  },
);

registerDurableHttpRoute(confirmRestoreRoute);
