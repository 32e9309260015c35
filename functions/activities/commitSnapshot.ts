import * as df from 'durable-functions';
import type { ActivityHandler } from 'durable-functions';
import { commitSnapshot } from '../../shared/backup/backupJob';
import type { BackupJobInput, BackupPlan, ModuleResult } from '../../shared/backup/backupJobTypes';
import { getServices } from '../../shared/config/services';

export const COMMIT_SNAPSHOT_ACTIVITY = 'commitSnapshot';

export interface CommitSnapshotInput {
  job: BackupJobInput;
  plan: BackupPlan;
  results: ModuleResult[];
  finishedAt: string;
}

/** Writes the manifest last (the commit marker) and closes the job row. */
export const commitSnapshotHandler: ActivityHandler = async (input: unknown) => {
  const { job, plan, results, finishedAt } = input as CommitSnapshotInput;
  return commitSnapshot(await getServices(), job, plan, results, finishedAt);
};

df.app.activity(COMMIT_SNAPSHOT_ACTIVITY, { handler: commitSnapshotHandler });
