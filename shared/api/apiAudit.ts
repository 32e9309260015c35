import type { InvocationContext } from '@azure/functions';

/** What the route wrapper reports for every mutating call (POST/PUT/PATCH/DELETE). */
export interface ApiAuditEntry {
  route: string;
  method: string;
  /** Path and query, without host. */
  path: string;
  status: number;
  /** Managed tenant from the route's tenant parameter, when there is one. */
  tenantId?: string;
  caller?: {
    subject: string;
    objectId?: string;
    callerTenantId?: string;
    clientAppId?: string;
    displayName?: string;
  };
  invocationId: string;
  at: string;
}

export type ApiAuditSink = (entry: ApiAuditEntry, context: InvocationContext) => Promise<void>;

let sink: ApiAuditSink | undefined;

/** The app wires the audit table here once at start-up; until then entries are only logged. */
export function setApiAuditSink(next: ApiAuditSink | undefined): void {
  sink = next;
}

export async function recordApiCall(
  entry: ApiAuditEntry,
  context: InvocationContext,
): Promise<void> {
  if (!sink) {
    context.log('api audit', JSON.stringify(entry));
    return;
  }
  try {
    await sink(entry, context);
  } catch (err) {
    // The caller's operation already happened; a lost audit row must be visible in logs.
    context.error('api audit write failed', err instanceof Error ? err.message : String(err));
  }
}
