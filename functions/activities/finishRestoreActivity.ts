import * as df from 'durable-functions';
import type { ActivityHandler } from 'durable-functions';
import { getServices } from '../../shared/config/services';
import { finishRestoreJob, type RestoreOutcome } from '../../shared/restore/job/restoreJob';

export const FINISH_RESTORE_ACTIVITY = 'finishRestore';

export const finishRestoreHandler: ActivityHandler = async (input: unknown) => {
  const { outcome, finishedAt, actor } = input as {
    outcome: RestoreOutcome;
    finishedAt: string;
    actor: string;
  };
  await finishRestoreJob(await getServices(), outcome, finishedAt, actor);
  return outcome;
};

df.app.activity(FINISH_RESTORE_ACTIVITY, { handler: finishRestoreHandler });
