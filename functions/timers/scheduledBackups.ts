import * as df from 'durable-functions';
import type { InvocationContext, Timer } from '@azure/functions';
import { getOrchestrationClient } from '../../shared/api/orchestrationClientProvider';
import { runDueSchedules } from '../../shared/backup/runDueSchedules';
import { getServices } from '../../shared/config/services';

export const SCHEDULED_BACKUPS_FUNCTION = 'scheduledBackups';

/**
 * Every minute: start the backups whose schedule (in Table Storage) is due. One table query a
 * minute keeps a `runNow` first backup close to immediate.
 */
export async function scheduledBackupsHandler(
  _timer: Timer,
  context: InvocationContext,
): Promise<void> {
  const outcomes = await runDueSchedules(
    await getServices(),
    getOrchestrationClient(context),
    new Date(),
  );
  for (const outcome of outcomes) {
    context.log(
      `schedule ${outcome.scheduleId} for tenant ${outcome.tenantId}: ${outcome.outcome}` +
        (outcome.error ? ` (${outcome.error})` : ''),
    );
  }
}

df.app.client.timer(SCHEDULED_BACKUPS_FUNCTION, {
  schedule: '0 * * * * *',
  handler: (timer, _client, context) => scheduledBackupsHandler(timer, context),
});
