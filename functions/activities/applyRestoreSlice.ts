import * as df from 'durable-functions';
import { z } from 'zod';
import { graphForTenant } from '../../shared/config/graphConfig';
import { getServices } from '../../shared/config/services';
import { defineActivity } from '../../shared/durable/activity';
import { applyRestoreSlice } from '../../shared/restore/job/restoreJob';

/** A bounded, idempotent slice of one wave: re-running it never duplicates an object. */
export const applyRestoreSliceActivity = defineActivity(
  'applyRestoreSlice',
  z.object({
    tenantId: z.uuid(),
    planId: z.string().min(1),
    waveIndex: z.number().int().min(0),
    cursor: z.number().int().min(0),
    maxActions: z.number().int().min(1).max(500),
  }),
  async (slice) => {
    const deps = {
      services: await getServices(),
      graph: (await graphForTenant(slice.tenantId)).withOwnUsage(),
    };
    return applyRestoreSlice(
      deps,
      slice.tenantId,
      slice.planId,
      slice.waveIndex,
      slice.cursor,
      slice.maxActions,
    );
  },
);

df.app.activity(applyRestoreSliceActivity.name, { handler: applyRestoreSliceActivity.handler });
