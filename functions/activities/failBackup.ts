import * as df from 'durable-functions';
import { z } from 'zod';
import { failBackupJob } from '../../shared/backup/backupJob';
import { backupJobInputSchema } from '../../shared/backup/backupJobTypes';
import { getServices } from '../../shared/config/services';
import { defineActivity } from '../../shared/durable/activity';

/** Closes the job row of a backup that cannot go on (failed, with the reason) and frees the tenant. */
export const failBackupActivity = defineActivity(
  'failBackup',
  z.object({ job: backupJobInputSchema, reason: z.string().max(1000), finishedAt: z.string() }),
  async ({ job, reason, finishedAt }) => {
    await failBackupJob(await getServices(), job, reason, finishedAt);
  },
);

df.app.activity(failBackupActivity.name, { handler: failBackupActivity.handler });
