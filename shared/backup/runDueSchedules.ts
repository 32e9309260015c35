import type { OrchestrationClient } from '../api/orchestrationClient';
import { isApiError } from '../api/errors';
import type { Services } from '../config/services';
import { startBackup } from './startBackup';

export interface ScheduleRunOutcome {
  tenantId: string;
  scheduleId: string;
  outcome: 'started' | 'alreadyRunning' | 'failed';
  jobId?: string;
  error?: string;
}

/**
 * Starts a backup for every due schedule. A tenant whose backup is still running is skipped (its
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
    const runCount = (schedule.runCount ?? 0) + 1;
    const full = schedule.fullEveryN ? runCount % schedule.fullEveryN === 0 : false;
    try {
      const started = await startBackup(
        services,
        client,
        { tenantId: schedule.tenantId, full, requestedBy: `schedule:${schedule.scheduleId}` },
        now,
      );
      outcomes.push({ ...base, outcome: 'started', jobId: started.jobId });
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        outcomes.push({ ...base, outcome: 'alreadyRunning' });
      } else {
        outcomes.push({ ...base, outcome: 'failed', error: (error as Error).message });
      }
    }
    await services.schedules.markRun(schedule, now);
  }
  return outcomes;
}
