import * as df from 'durable-functions';
import { z } from 'zod';
import { prepareBackup } from '../../shared/backup/backupJob';
import { backupJobInputSchema } from '../../shared/backup/backupJobTypes';
import { getServices } from '../../shared/config/services';
import { defineActivity } from '../../shared/durable/activity';

/** Opens the job row and plans each module's first slice (delta links from the last snapshot). */
export const prepareBackupActivity = defineActivity(
  'prepareBackup',
  z.object({ job: backupJobInputSchema, startedAt: z.string() }),
  async ({ job, startedAt }) => prepareBackup(await getServices(), job, startedAt),
);

df.app.activity(prepareBackupActivity.name, { handler: prepareBackupActivity.handler });
