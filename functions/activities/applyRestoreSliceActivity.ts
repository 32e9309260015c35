import * as df from 'durable-functions';
import type { ActivityHandler } from 'durable-functions';
import { z } from 'zod';
import { graphForTenant } from '../../shared/config/graphConfig';
import { getServices } from '../../shared/config/services';
import { applyRestoreSlice, verifyRestoreJob } from '../../shared/restore/job/restoreJob';

export const APPLY_RESTORE_SLICE_ACTIVITY = 'applyRestoreSlice';
export const VERIFY_RESTORE_ACTIVITY = 'verifyRestore';

const sliceSchema = z.object({
  tenantId: z.uuid(),
  planId: z.string().min(1),
  waveIndex: z.number().int().min(0),
  cursor: z.number().int().min(0),
  maxActions: z.number().int().min(1).max(500),
});

/** A bounded, idempotent slice of one wave: re-running it never duplicates an object. */
export const applyRestoreSliceHandler: ActivityHandler = async (input: unknown) => {
  const slice = sliceSchema.parse(input);
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
};

/** The final re-read: how many differences remain between the plan's target and the live tenant. */
export const verifyRestoreHandler: ActivityHandler = async (input: unknown) => {
  const { tenantId, planId } = z
    .object({ tenantId: z.uuid(), planId: z.string().min(1) })
    .parse(input);
  const deps = {
    services: await getServices(),
    graph: (await graphForTenant(tenantId)).withOwnUsage(),
  };
  return verifyRestoreJob(deps, tenantId, planId);
};

df.app.activity(APPLY_RESTORE_SLICE_ACTIVITY, { handler: applyRestoreSliceHandler });
df.app.activity(VERIFY_RESTORE_ACTIVITY, { handler: verifyRestoreHandler });
