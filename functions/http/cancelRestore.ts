import { defineRoute } from '../../shared/api/route';
import { requireTenantAccess } from '../../shared/api/auth';
import { registerDurableHttpRoute } from '../../shared/api/registerDurableRoute';
import { getOrchestrationClient } from '../../shared/api/orchestrationClientProvider';
import { cancelRestoreBodySchema, restoreIdParamsSchema } from '../../shared/api/schemas/restores';
import { decideRestore, parseRestoreId } from '../../shared/restore/job/startRestore';
import { getServices } from '../../shared/config/services';

export const CANCEL_RESTORE_FUNCTION = 'cancelRestore';

export const cancelRestoreRoute = defineRoute(
  {
    name: CANCEL_RESTORE_FUNCTION,
    methods: ['POST'],
    route: 'restores/{restoreId}/cancel',
    minimumRole: 'Backup.Operator',
    params: restoreIdParamsSchema,
    auditTenantOf: (params) => parseRestoreId(String(params.restoreId)).tenantId,
    body: cancelRestoreBodySchema,
    errors: { 404: 'No such restore', 409: 'Not awaiting confirmation any more' },
    summary: 'Cancel a restore that is awaiting confirmation',
    tags: ['restores'],
  },
  async ({ params, body, principal, context }) => {
    requireTenantAccess(principal, parseRestoreId(params.restoreId).tenantId);
    await decideRestore(await getServices(), getOrchestrationClient(context), params.restoreId, {
      action: 'cancel',
      by: principal.subject,
      reason: body.reason,
    });
    return { status: 202, jsonBody: { restoreId: params.restoreId, cancelled: true } };
  },
);

registerDurableHttpRoute(cancelRestoreRoute);
