import crypto from 'node:crypto';
import { z } from 'zod';
import { ApiError, badRequest } from '../api/errors';
import type { OrchestrationClient } from '../api/orchestrationClient';
import { startBackup } from '../backup/startBackup';
import { defaultScope, scopeToSave } from '../backup/backupScope';
import { graphForTenant } from '../config/graphConfig';
import type { Services } from '../config/services';
import type { Tenant } from '../state/tenantRepository';
import { registerTenant } from '../tenants/registerTenant';
import { InvalidStateError, signState, stateKey, verifyState } from './consentState';

const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';
const STATE_LIFETIME_MINUTES = 30;
/** The schedule an onboarded tenant starts with: daily, a full read every 7th run. */
export const ONBOARDING_SCHEDULE = { scheduleId: 'daily', intervalMinutes: 1440, fullEveryN: 7 };

export interface OnboardingRequest {
  requestedBy: string;
  displayName?: string;
  startBackup: boolean;
  /** Where Microsoft sends the admin back: ONBOARDING_REDIRECT_URI, else this API's callback. */
  redirectUri: string;
}

export interface StartedOnboarding {
  consentUrl: string;
  expiresAt: string;
  /** The state's single-use id: the CLI waits for it to be used. */
  nonce: string;
}

/**
 * Microsoft's admin-consent URL for our multi-tenant app (GRAPH_CLIENT_ID), with a signed,
 * expiring, single-use state. `organizations`: the admin who signs in names the tenant.
 * https://learn.microsoft.com/entra/identity-platform/v2-admin-consent
 */
export async function startOnboarding(
  services: Services,
  request: OnboardingRequest,
  env: NodeJS.ProcessEnv = process.env,
  now: Date = new Date(),
): Promise<StartedOnboarding> {
  const key = stateKey(env);
  const clientId = env.GRAPH_CLIENT_ID;
  if (!clientId)
    throw new ApiError(
      503,
      'onboardingNotConfigured',
      'Onboarding is not configured: set GRAPH_CLIENT_ID to the multi-tenant app id.',
    );
  const nonce = crypto.randomBytes(16).toString('hex');
  const expiresAt = new Date(now.getTime() + STATE_LIFETIME_MINUTES * 60_000).toISOString();
  const state = signState(
    {
      nonce,
      expiresAt,
      requestedBy: request.requestedBy,
      displayName: request.displayName,
      startBackup: request.startBackup,
    },
    key,
  );
  await services.onboarding.issue(nonce, expiresAt, request.requestedBy);
  const authority = (env.GRAPH_AUTHORITY_HOST || DEFAULT_AUTHORITY).replace(/\/+$/, '');
  const url = new URL(`${authority}/organizations/v2.0/adminconsent`);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('scope', 'https://graph.microsoft.com/.default');
  url.searchParams.set('redirect_uri', env.ONBOARDING_REDIRECT_URI || request.redirectUri);
  url.searchParams.set('state', state);
  return { consentUrl: url.toString(), expiresAt, nonce };
}

/** What Microsoft appends to the redirect URI (success or error). */
export const consentCallbackQuerySchema = z.object({
  state: z.string().max(4096).optional(),
  admin_consent: z.string().max(16).optional(),
  tenant: z.string().max(64).optional(),
  scope: z.string().max(4096).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(4096).optional(),
  error_uri: z.string().max(2048).optional(),
});
export type ConsentCallbackQuery = z.infer<typeof consentCallbackQuerySchema>;

export interface OnboardedTenant {
  tenantId: string;
  displayName: string;
  consentedAt: string;
  requestedBy: string;
  scopeApplied: boolean;
  scheduleApplied: boolean;
  backup?: { jobId: string; snapshotId: string };
}

/**
 * The redirect target. Nothing happens before the state is proven ours, current and unused;
 * consuming it first means a replay — even of a failed consent — does nothing. Microsoft's own
 * errors (declined consent…) are returned to the admin with its code and description.
 */
export async function completeOnboarding(
  services: Services,
  runner: OrchestrationClient,
  query: ConsentCallbackQuery,
  env: NodeJS.ProcessEnv = process.env,
  now: Date = new Date(),
): Promise<OnboardedTenant> {
  const payload = verifyState(query.state, stateKey(env), now);
  if ((await services.onboarding.consume(payload.nonce)) !== 'consumed')
    throw new InvalidStateError('replayed');
  if (query.error || query.admin_consent?.toLowerCase() !== 'true') {
    throw new ApiError(
      400,
      query.error === 'access_denied' ? 'consentDeclined' : 'consentFailed',
      `Microsoft did not grant admin consent: ${query.error ?? 'no admin_consent=True'}` +
        (query.error_description ? ` — ${query.error_description}` : ''),
      { details: { error: query.error, errorDescription: query.error_description } },
    );
  }
  const tenantId = z.guid().safeParse(query.tenant?.toLowerCase());
  if (!tenantId.success) throw badRequest('The consent callback names no tenant id.');

  const consentedAt = now.toISOString();
  const existing = await services.tenants.get(tenantId.data);
  let tenant = await registerTenant(
    services,
    tenantId.data,
    existing?.displayName ?? payload.displayName ?? tenantId.data,
    {
      graphBaseUrl: existing?.graphBaseUrl ?? (env.GRAPH_BASE_URL || undefined),
      authorityHost: existing?.authorityHost ?? (env.GRAPH_AUTHORITY_HOST || undefined),
      consent: {
        grantedAt: consentedAt,
        grantedBy: payload.requestedBy,
        via: 'adminConsent',
        onboardingId: payload.nonce,
      },
    },
    env,
  );
  if (!existing && !payload.displayName) {
    // The organization's own name, read with the credential just consented to.
    const name = await organizationName(tenant).catch(() => undefined);
    if (name) tenant = await registerTenant(services, tenant.tenantId, name, {}, env);
  }
  const scopeApplied = !(await services.scopes.get(tenant.tenantId));
  if (scopeApplied) {
    const { enableAll, categories, modules } = defaultScope();
    await services.scopes.put(tenant.tenantId, scopeToSave({ enableAll, categories, modules }));
  }
  const scheduleApplied = (await services.schedules.list(tenant.tenantId)).length === 0;
  if (scheduleApplied)
    await services.schedules.upsert(
      { tenantId: tenant.tenantId, enabled: true, ...ONBOARDING_SCHEDULE },
      now,
    );
  let backup: OnboardedTenant['backup'];
  if (payload.startBackup) {
    const started = await startBackup(services, runner, {
      tenantId: tenant.tenantId,
      requestedBy: payload.requestedBy,
    });
    backup = { jobId: started.jobId, snapshotId: started.snapshotId };
  }
  await services.audit.record({
    tenantId: tenant.tenantId,
    actor: payload.requestedBy,
    action: 'onboarding.adminConsent',
    target: tenant.tenantId,
    outcome: 'registered',
    details: { scopeApplied, scheduleApplied, backupJobId: backup?.jobId },
  });
  return {
    tenantId: tenant.tenantId,
    displayName: tenant.displayName,
    consentedAt,
    requestedBy: payload.requestedBy,
    scopeApplied,
    scheduleApplied,
    backup,
  };
}

async function organizationName(tenant: Tenant): Promise<string | undefined> {
  const graph = await graphForTenant(tenant);
  const page = await graph.getPage<{ displayName?: string }>('/organization?$select=displayName');
  return page.value[0]?.displayName;
}
