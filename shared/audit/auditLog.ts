import type { Services } from '../config/services';
import { toCsv } from '../format/csv';
import { type AuditEntry, GLOBAL_AUDIT_PARTITION } from '../state/auditRepository';

/**
 * Reading the audit trail: which partitions a caller sees, one page of entries across them, and
 * the CSV export. Callers limited to some tenants see those tenants' rows; callers of every
 * tenant also see the `global` rows (sign-ins, tenant registration).
 */
export interface AuditFilter {
  tenantId?: string;
  actor?: string;
  action?: string;
  since?: Date;
  until?: Date;
  limit: number;
  after?: string;
}

export async function visibleAuditPartitions(
  services: Services,
  tenants: 'all' | readonly string[],
  tenantId: string | undefined,
): Promise<string[]> {
  if (tenantId) return [tenantId];
  if (tenants !== 'all') return [...tenants];
  const registered = (await services.tenants.list()).map((t) => t.tenantId.toLowerCase());
  return [GLOBAL_AUDIT_PARTITION, ...registered];
}

export async function readAuditLog(
  services: Services,
  partitions: readonly string[],
  filter: AuditFilter,
): Promise<{ entries: AuditEntry[]; nextSkipToken?: string }> {
  const { entries, more } = await services.audit.query(partitions, filter);
  return { entries, nextSkipToken: more ? entries[entries.length - 1]?.id : undefined };
}

export const AUDIT_CSV_HEADERS = [
  'at',
  'tenantId',
  'actor',
  'actorObjectId',
  'actorAppId',
  'actorName',
  'action',
  'target',
  'outcome',
  'source',
  'details',
] as const;

export function auditCsv(entries: readonly AuditEntry[]): string {
  return toCsv(
    AUDIT_CSV_HEADERS,
    entries.map((e) => [
      e.at,
      e.tenantId,
      e.actor,
      e.actorObjectId,
      e.actorAppId,
      e.actorName,
      e.action,
      e.target,
      e.outcome,
      e.source,
      e.details === undefined ? undefined : JSON.stringify(e.details),
    ]),
  );
}
