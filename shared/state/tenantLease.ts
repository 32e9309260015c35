import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { assertKey, compact, parseWith, statusOf } from './entityCodec';
import { stateTableClient } from './tables';

/**
 * One row per tenant and job kind that says which job holds the tenant for that kind: the lock
 * that closes the check-then-start race of the Durable singleton pattern (two starters both see
 * "not running", both call startNew). Every write is ETag-conditional: the first taker inserts
 * the row (insert fails with 409 if it exists), a takeover of an expired or finished holder
 * replaces it only if it is unchanged since read (412 otherwise), a release deletes it only if it
 * is still the releaser's. PartitionKey tenant id, RowKey the kind.
 */

/**
 * Leases are per kind, not one per tenant: a restore plan may await confirmation for up to a
 * week, and one lease for both would stop scheduled backups for that long. The rule between
 * kinds (no restore starts while a backup runs) is a check of the other kind's lease.
 */
export const LEASE_KINDS = ['backup', 'restore'] as const;
export type LeaseKind = (typeof LEASE_KINDS)[number];

const leaseSchema = z.object({
  tenantId: z.string().min(1).max(128),
  kind: z.enum(LEASE_KINDS),
  jobId: z.string().min(1).max(128),
  instanceId: z.string().min(1).max(256),
  acquiredAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type TenantLease = z.infer<typeof leaseSchema>;
export type StoredTenantLease = TenantLease & { etag: string };

export interface LeaseRequest {
  tenantId: string;
  kind: LeaseKind;
  jobId: string;
  instanceId: string;
  /** The hard ceiling: after this a lease can be taken over whatever its holder says. */
  ttlMs: number;
}

export type LeaseOutcome =
  { acquired: true; lease: StoredTenantLease } | { acquired: false; holder: StoredTenantLease };

/**
 * Whether the holder of an unexpired lease is still at work (its orchestration runs). A holder
 * that ended without releasing (a crash, a failed orchestration) answers false and loses the
 * lease to the next taker.
 */
export type HolderCheck = (lease: StoredTenantLease) => Promise<boolean>;

const MAX_ATTEMPTS = 5;

export class TenantLeaseRepository {
  constructor(readonly table: TableClient = stateTableClient('leases')) {}

  async get(tenantId: string, kind: LeaseKind): Promise<StoredTenantLease | undefined> {
    try {
      const entity = await this.table.getEntity<Record<string, unknown>>(
        assertKey('tenant id', tenantId),
        kind,
      );
      const lease = parseWith(
        leaseSchema,
        {
          tenantId: entity.partitionKey,
          kind: entity.rowKey,
          jobId: entity.jobId,
          instanceId: entity.instanceId,
          acquiredAt: entity.acquiredAt,
          expiresAt: entity.expiresAt,
        },
        `lease ${tenantId}/${kind}`,
      );
      return { ...lease, etag: entity.etag };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /**
   * Takes the lease for `request.jobId`, or answers who holds it. Taking a lease the same job
   * already holds succeeds without a write, so a retried or replayed start is idempotent.
   */
  async acquire(
    request: LeaseRequest,
    holderIsLive: HolderCheck,
    now: Date = new Date(),
  ): Promise<LeaseOutcome> {
    const lease = parseWith(
      leaseSchema,
      {
        tenantId: request.tenantId,
        kind: request.kind,
        jobId: request.jobId,
        instanceId: request.instanceId,
        acquiredAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + request.ttlMs).toISOString(),
      },
      'lease',
    );
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        const created = await this.table.createEntity(toEntity(lease));
        return { acquired: true, lease: { ...lease, etag: created.etag ?? '' } };
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
      const current = await this.get(lease.tenantId, lease.kind);
      if (!current) continue; // released between our insert and read: insert again
      if (current.jobId === lease.jobId) return { acquired: true, lease: current };
      const expired = Date.parse(current.expiresAt) <= now.getTime();
      if (!expired && (await holderIsLive(current))) return { acquired: false, holder: current };
      try {
        const replaced = await this.table.updateEntity(toEntity(lease), 'Replace', {
          etag: current.etag,
        });
        return { acquired: true, lease: { ...lease, etag: replaced.etag ?? '' } };
      } catch (error) {
        // Someone else took it over (412) or released it (404) since we read it: look again.
        const status = statusOf(error);
        if (status !== 412 && status !== 404) throw error;
      }
    }
    const holder = await this.get(lease.tenantId, lease.kind);
    if (holder) return { acquired: false, holder };
    throw new Error(`Lease ${lease.tenantId}/${lease.kind} kept changing; try again.`);
  }

  /**
   * Gives the lease back if `jobId` still holds it; a release by a job that no longer holds it
   * (it was taken over, or this is a replay) changes nothing. True when a row was removed.
   */
  async release(tenantId: string, kind: LeaseKind, jobId: string): Promise<boolean> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const current = await this.get(tenantId, kind);
      if (!current || current.jobId !== jobId) return false;
      try {
        await this.table.deleteEntity(current.tenantId, kind, { etag: current.etag });
        return true;
      } catch (error) {
        const status = statusOf(error);
        if (status === 404) return false;
        if (status !== 412) throw error;
      }
    }
    return false;
  }
}

function toEntity(lease: TenantLease) {
  return compact({
    partitionKey: assertKey('tenant id', lease.tenantId),
    rowKey: lease.kind,
    jobId: lease.jobId,
    instanceId: lease.instanceId,
    acquiredAt: lease.acquiredAt,
    expiresAt: lease.expiresAt,
  });
}
