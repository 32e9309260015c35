import { app, type InvocationContext, type Timer } from '@azure/functions';
import { purgeAuditLog } from '../../shared/audit/auditRetention';
import { getServices } from '../../shared/config/services';

export const AUDIT_RETENTION_FUNCTION = 'auditRetention';

/** Daily at 03:30 UTC: audit rows past AUDIT_RETENTION_DAYS are deleted. */
export async function auditRetentionHandler(
  _timer: Timer,
  context: InvocationContext,
): Promise<void> {
  const { cutoff, deleted } = await purgeAuditLog(await getServices());
  context.log(`audit retention: ${deleted} rows older than ${cutoff} deleted`);
}

app.timer(AUDIT_RETENTION_FUNCTION, { schedule: '0 30 3 * * *', handler: auditRetentionHandler });
