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
  /** From where: the client address the host saw (`x-forwarded-for`), when known. */
  source?: string;
}

/** The first call of a caller session (one token: subject + issue time + client app). */
export interface ApiSignInEntry {
  caller: NonNullable<ApiAuditEntry['caller']>;
  /** The token's `iat`, ISO: the session's start. */
  issuedAt: string;
  source?: string;
  route: string;
}

export type ApiAuditSink = (entry: ApiAuditEntry, context: InvocationContext) => Promise<void>;
export type ApiSignInSink = (entry: ApiSignInEntry, context: InvocationContext) => Promise<void>;

let sink: ApiAuditSink | undefined;
let signInSink: ApiSignInSink | undefined;

/** The app wires the audit table here once at start-up; until then entries are only logged. */
export function setApiAuditSink(next: ApiAuditSink | undefined, nextSignIn?: ApiSignInSink): void {
  sink = next;
  signInSink = nextSignIn;
}

/** Sessions already recorded by this process: most calls of a session then cost no write. */
const seenSessions = new Set<string>();
const MAX_SEEN_SESSIONS = 10_000;

export async function recordApiSignIn(
  entry: ApiSignInEntry,
  context: InvocationContext,
): Promise<void> {
  const key = `${entry.caller.subject}|${entry.issuedAt}|${entry.caller.clientAppId ?? ''}`;
  if (!signInSink || seenSessions.has(key)) return;
  try {
    await signInSink(entry, context);
    if (seenSessions.size >= MAX_SEEN_SESSIONS) seenSessions.clear();
    seenSessions.add(key);
  } catch (err) {
    context.error('api sign-in audit failed', err instanceof Error ? err.message : String(err));
  }
}

/** The client address as the Functions host (or the local server) passes it on. */
export function clientAddress(headers: { get(name: string): string | null }): string | undefined {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded ? forwarded.slice(0, 100) : undefined;
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
