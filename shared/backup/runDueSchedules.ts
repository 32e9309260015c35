import type { OrchestrationClient } from '../api/orchestrationClient';
import { isApiError } from '../api/errors';
import type { Services } from '../config/services';
import { parseIsoDuration, subtractDuration } from '../schedules/isoDuration';
import { ConcurrencyError } from '../state/errors';
import type { StoredSchedule } from '../state/scheduleRepository';
import { startBackup } from './startBackup';

export interface ScheduleRunOutcome {
  tenantId: string;
  scheduleId: string;
  outcome: 'started' | 'alreadyRunning' | 'claimedElsewhere' | 'failed';
  jobId?: string;
  full?: boolean;
  error?: string;
}

/**
 * Whether this run must read in full: the schedule's `fullEvery` is an age (P90D), so the newest
 * full snapshot of the tenant (from any schedule or by hand) decides, not a count of runs.
 */
export async function fullBackupIsDue(
  services: Services,
  schedule: StoredSchedule,
  now: Date,
): Promise<boolean> {
  const duration = schedule.fullEvery ? parseIsoDuration(schedule.fullEvery) : undefined;
  if (!duration) return false;
  const cutoff = subtractDuration(now, duration).getTime();
  const snapshots = await services.store.listSnapshots(schedule.tenantId);
  const newestFull = snapshots.find((s) => s.kind === 'full' && s.status !== 'failed');
  return !newestFull || Date.parse(newestFull.startedAt) <= cutoff;
}

/**
 * Starts a backup for every due schedule. The run is claimed first (markRun is ETag-guarded), so
 * two timer instances never start the same slot twice, and slots missed while the app was
 * stopped run once, not once per slot. A tenant whose backup is still running is skipped (its
 * next run is still moved on), so a slow backup never piles up behind itself.
 */
export async function runDueSchedules(
  services: Services,
  client: OrchestrationClient,
  now: Date,
): Promise<ScheduleRunOutcome[]> {
  const outcomes: ScheduleRunOutcome[] = [];
  for (const schedule of await services.schedules.listDue(now)) {
    const base = { tenantId: schedule.tenantId, scheduleId: schedule.scheduleId };
    try {
      await services.schedules.markRun(schedule, now);
    } catch (error) {
      if (error instanceof ConcurrencyError) {
        outcomes.push({ ...base, outcome: 'claimedElsewhere' });
        continue;
      }
      throw error;
    }
    try {
      const full = await fullBackupIsDue(services, schedule, now);
      const started = await startBackup(
        services,
        client,
        { tenantId: schedule.tenantId, full, requestedBy: `schedule:${schedule.scheduleId}` },
        now,
      );
      outcomes.push({ ...base, outcome: 'started', jobId: started.jobId, full });
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        outcomes.push({ ...base, outcome: 'alreadyRunning' });
      } else {
        outcomes.push({ ...base, outcome: 'failed', error: (error as Error).message });
      }
    }
  }
  return outcomes;
}
