import * as df from 'durable-functions';
import { z } from 'zod';
import { getServices } from '../../shared/config/services';
import { defineActivity } from '../../shared/durable/activity';
import { finishRestoreJob, restoreOutcomeSchema } from '../../shared/restore/job/restoreJob';

/** Closes the job row with the outcome (and keeps the ids the restore created); returns it. */
export const finishRestoreActivity = defineActivity(
  'finishRestore',
  z.object({ outcome: restoreOutcomeSchema, finishedAt: z.string(), actor: z.string() }),
  async ({ outcome, finishedAt, actor }) => {
    await finishRestoreJob(await getServices(), outcome, finishedAt, actor);
    return outcome;
  },
);

df.app.activity(finishRestoreActivity.name, { handler: finishRestoreActivity.handler });
