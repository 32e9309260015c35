import * as df from 'durable-functions';
import { z } from 'zod';
import { commitSnapshot } from '../../shared/backup/backupJob';
import {
  backupJobInputSchema,
  backupPlanSchema,
  moduleResultSchema,
} from '../../shared/backup/backupJobTypes';
import { getServices } from '../../shared/config/services';
import { defineActivity } from '../../shared/durable/activity';

/** Writes the manifest last (the commit marker) and closes the job row. */
export const commitSnapshotActivity = defineActivity(
  'commitSnapshot',
  z.object({
    job: backupJobInputSchema,
    plan: backupPlanSchema,
    results: z.array(moduleResultSchema),
    finishedAt: z.string(),
  }),
  async ({ job, plan, results, finishedAt }) =>
    commitSnapshot(await getServices(), job, plan, results, finishedAt),
);

df.app.activity(commitSnapshotActivity.name, { handler: commitSnapshotActivity.handler });
