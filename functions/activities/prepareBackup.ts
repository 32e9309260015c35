import * as df from 'durable-functions';
import type { ActivityHandler } from 'durable-functions';
import { prepareBackup } from '../../shared/backup/backupJob';
import { backupJobInputSchema } from '../../shared/backup/backupJobTypes';
import { getServices } from '../../shared/config/services';
import { z } from 'zod';

export const PREPARE_BACKUP_ACTIVITY = 'prepareBackup';

const inputSchema = z.object({ job: backupJobInputSchema, startedAt: z.string() });

export const prepareBackupHandler: ActivityHandler = async (input: unknown) => {
  const { job, startedAt } = inputSchema.parse(input);
  return prepareBackup(await getServices(), job, startedAt);
};

df.app.activity(PREPARE_BACKUP_ACTIVITY, { handler: prepareBackupHandler });
