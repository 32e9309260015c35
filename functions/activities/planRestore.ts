import * as df from 'durable-functions';
import { z } from 'zod';
import { graphForTenant } from '../../shared/config/graphConfig';
import { getServices } from '../../shared/config/services';
import { defineActivity } from '../../shared/durable/activity';
import {
  markAwaitingConfirmation,
  planRestoreJob,
  restoreJobInputSchema,
} from '../../shared/restore/job/restoreJob';

/** Dry-run: reads the backup and the live tenant, stores the plan blob, returns its summary. */
export const planRestoreActivity = defineActivity(
  'planRestore',
  z.object({ job: restoreJobInputSchema, now: z.string(), awaitConfirmation: z.boolean() }),
  async ({ job, now, awaitConfirmation }) => {
    const services = await getServices();
    const deps = { services, graph: (await graphForTenant(job.tenantId)).withOwnUsage() };
    const plan = await planRestoreJob(deps, job, new Date(now));
    if (awaitConfirmation)
      await markAwaitingConfirmation(services, job.tenantId, job.restoreId, plan);
    return plan;
  },
);

df.app.activity(planRestoreActivity.name, { handler: planRestoreActivity.handler });
