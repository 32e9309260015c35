import * as df from 'durable-functions';
import { z } from 'zod';
import { graphForTenant } from '../../shared/config/graphConfig';
import { getServices } from '../../shared/config/services';
import { defineActivity } from '../../shared/durable/activity';
import { verifyRestoreJob } from '../../shared/restore/job/restoreJob';

/** The final re-read: how many differences remain between the plan's target and the live tenant. */
export const verifyRestoreActivity = defineActivity(
  'verifyRestore',
  z.object({ tenantId: z.uuid(), planId: z.string().min(1) }),
  async ({ tenantId, planId }) => {
    const deps = {
      services: await getServices(),
      graph: (await graphForTenant(tenantId)).withOwnUsage(),
    };
    return verifyRestoreJob(deps, tenantId, planId);
  },
);

df.app.activity(verifyRestoreActivity.name, { handler: verifyRestoreActivity.handler });
