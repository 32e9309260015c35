import * as df from 'durable-functions';
import type { ActivityHandler } from 'durable-functions';
import { z } from 'zod';
import { graphForTenant } from '../../shared/config/graphConfig';
import { getServices } from '../../shared/config/services';
import {
  markAwaitingConfirmation,
  planRestoreJob,
  replanHash,
  restoreJobInputSchema,
  type RestoreJobInput,
} from '../../shared/restore/job/restoreJob';

export const PLAN_RESTORE_ACTIVITY = 'planRestore';
export const CHECK_RESTORE_DRIFT_ACTIVITY = 'checkRestoreDrift';

const inputSchema = z.object({
  job: restoreJobInputSchema,
  now: z.string(),
  awaitConfirmation: z.boolean(),
});

/** Dry-run: reads the backup and the live tenant, stores the plan blob, returns its summary. */
export const planRestoreHandler: ActivityHandler = async (input: unknown) => {
  const { job, now, awaitConfirmation } = inputSchema.parse(input);
  const services = await getServices();
  const deps = { services, graph: (await graphForTenant(job.tenantId)).withOwnUsage() };
  const plan = await planRestoreJob(deps, job as RestoreJobInput, new Date(now));
  if (awaitConfirmation)
    await markAwaitingConfirmation(services, job.tenantId, job.restoreId, plan);
  return plan;
};

/** Plans again right before applying; the hash tells whether the tenant drifted meanwhile. */
export const checkRestoreDriftHandler: ActivityHandler = async (input: unknown) => {
  const { job, now } = inputSchema.parse(input);
  const deps = {
    services: await getServices(),
    graph: (await graphForTenant(job.tenantId)).withOwnUsage(),
  };
  return replanHash(deps, job as RestoreJobInput, new Date(now));
};

df.app.activity(PLAN_RESTORE_ACTIVITY, { handler: planRestoreHandler });
df.app.activity(CHECK_RESTORE_DRIFT_ACTIVITY, { handler: checkRestoreDriftHandler });
