import type { Services } from '../config/services';
import { auditRetentionDays } from '../state/auditRepository';

/** Deletes audit rows older than the retention (AUDIT_RETENTION_DAYS, default 90, at least 30). */
export async function purgeAuditLog(
  services: Services,
  now: Date = new Date(),
  days: number = auditRetentionDays(),
): Promise<{ cutoff: string; deleted: number }> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const deleted = await services.audit.purgeOlderThan(cutoff);
  return { cutoff: cutoff.toISOString(), deleted };
}
