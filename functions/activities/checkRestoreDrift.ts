import * as df from 'durable-functions';
import { z } from 'zod';
import { graphForTenant } from '../../shared/config/graphConfig';
import { getServices } from '../../shared/config/services';
import { defineActivity } from '../../shared/durable/activity';
import { replanHash, restoreJobInputSchema } from '../../shared/restore/job/restoreJob';

/** Plans again right before applying; the hash tells whether the tenant drifted meanwhile. */
export const checkRestoreDriftActivity = defineActivity(
  'checkRestoreDrift',
  z.object({ job: restoreJobInputSchema, now: z.string() }),
  async ({ job, now }) => {
    const deps = {
      services: await getServices(),
      graph: (await graphForTenant(job.tenantId)).withOwnUsage(),
    };
    return replanHash(deps, job, new Date(now));
  },
);

df.app.activity(checkRestoreDriftActivity.name, { handler: checkRestoreDriftActivity.handler });
