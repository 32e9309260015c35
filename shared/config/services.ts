import { createHash } from 'node:crypto';
import { setApiAuditSink } from '../api/apiAudit';
import { createBlobServiceClient } from './storage';
import { SnapshotStore } from '../snapshots/snapshotStore';
import {
  AuditRepository,
  GLOBAL_AUDIT_PARTITION,
  JobRepository,
  OnboardingRepository,
  ScheduleRepository,
  ScopeRepository,
  TenantLeaseRepository,
  TenantRepository,
  ensureTables,
} from '../state';

/** The storage-backed services every function uses, created once per process. */
export interface Services {
  store: SnapshotStore;
  tenants: TenantRepository;
  scopes: ScopeRepository;
  schedules: ScheduleRepository;
  jobs: JobRepository;
  audit: AuditRepository;
  onboarding: OnboardingRepository;
  /** Which job holds a tenant per job kind (one backup, one active restore at a time). */
  leases: TenantLeaseRepository;
}

let services: Promise<Services> | undefined;

export function getServices(): Promise<Services> {
  services ??= (async () => {
    const store = new SnapshotStore(createBlobServiceClient());
    await Promise.all([store.ensureContainer(), ensureTables()]);
    const audit = new AuditRepository();
    // Every mutating API call lands in the audit table, under the tenant it concerns.
    setApiAuditSink(
      async (entry) => {
        await audit.record({
          tenantId: entry.tenantId ?? GLOBAL_AUDIT_PARTITION,
          actor: entry.caller?.subject ?? 'anonymous',
          actorObjectId: entry.caller?.objectId,
          actorAppId: entry.caller?.clientAppId,
          actorName: entry.caller?.displayName,
          source: entry.source,
          action: `${entry.method} ${entry.route}`,
          target: entry.path,
          outcome: String(entry.status),
          details: { invocationId: entry.invocationId, clientAppId: entry.caller?.clientAppId },
        });
      },
      async (signIn) => {
        // One row per session in every process: the key is derived from the session itself.
        const key = createHash('sha256')
          .update(`${signIn.caller.subject}|${signIn.issuedAt}|${signIn.caller.clientAppId ?? ''}`)
          .digest('hex')
          .slice(0, 16);
        await audit.recordOnce(
          {
            tenantId: GLOBAL_AUDIT_PARTITION,
            actor: signIn.caller.subject,
            actorObjectId: signIn.caller.objectId,
            actorAppId: signIn.caller.clientAppId,
            actorName: signIn.caller.displayName,
            source: signIn.source,
            action: 'signIn',
            target: signIn.route,
            outcome: 'succeeded',
            details: { callerTenantId: signIn.caller.callerTenantId, issuedAt: signIn.issuedAt },
          },
          new Date(signIn.issuedAt),
          key,
        );
      },
    );
    return {
      store,
      tenants: new TenantRepository(),
      scopes: new ScopeRepository(),
      schedules: new ScheduleRepository(),
      jobs: new JobRepository(),
      audit,
      onboarding: new OnboardingRepository(),
      leases: new TenantLeaseRepository(),
    };
  })();
  services.catch(() => {
    services = undefined;
  });
  return services;
}

/** Drop cached services (tests point AzureWebJobsStorage elsewhere). */
export function resetServices(): void {
  services = undefined;
}
