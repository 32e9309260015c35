import { setApiAuditSink } from '../api/apiAudit';
import { createBlobServiceClient } from './storage';
import { SnapshotStore } from '../snapshots/snapshotStore';
import {
  AuditRepository,
  JobRepository,
  OnboardingRepository,
  ScheduleRepository,
  ScopeRepository,
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
}

let services: Promise<Services> | undefined;

export function getServices(): Promise<Services> {
  services ??= (async () => {
    const store = new SnapshotStore(createBlobServiceClient());
    await Promise.all([store.ensureContainer(), ensureTables()]);
    const audit = new AuditRepository();
    // Every mutating API call lands in the audit table, under the tenant it concerns.
    setApiAuditSink(async (entry) => {
      await audit.record({
        tenantId: entry.tenantId ?? 'global',
        actor: entry.caller?.subject ?? 'anonymous',
        action: `${entry.method} ${entry.route}`,
        target: entry.path,
        outcome: String(entry.status),
        details: { invocationId: entry.invocationId, clientAppId: entry.caller?.clientAppId },
      });
    });
    return {
      store,
      tenants: new TenantRepository(),
      scopes: new ScopeRepository(),
      schedules: new ScheduleRepository(),
      jobs: new JobRepository(),
      audit,
      onboarding: new OnboardingRepository(),
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
