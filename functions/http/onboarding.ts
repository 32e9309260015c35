import { z } from 'zod';
import { forbidden } from '../../shared/api/errors';
import { defineRoute } from '../../shared/api/route';
import { registerDurableHttpRoute } from '../../shared/api/registerDurableRoute';
import { registerHttpRoute } from '../../shared/api/registerRoute';
import { getOrchestrationClient } from '../../shared/api/orchestrationClientProvider';
import { getServices } from '../../shared/config/services';
import {
  completeOnboarding,
  consentCallbackQuerySchema,
  startOnboarding,
} from '../../shared/onboarding/onboarding';

export const START_ONBOARDING_FUNCTION = 'startOnboarding';
export const ONBOARDING_CALLBACK_FUNCTION = 'onboardingCallback';

const startOnboardingBodySchema = z.strictObject({
  displayName: z.string().trim().min(1).max(256).optional(),
  startBackup: z.boolean().default(false),
});

const startedOnboardingSchema = z.object({ consentUrl: z.url(), expiresAt: z.string() });

const onboardedTenantSchema = z.object({
  tenantId: z.string(),
  displayName: z.string(),
  consentedAt: z.string(),
  requestedBy: z.string(),
  scopeApplied: z.boolean(),
  scheduleApplied: z.boolean(),
  backup: z.object({ jobId: z.string(), snapshotId: z.string() }).optional(),
});

/** Step 1 of admin-consent sign-up: the link a customer's admin opens. */
export const startOnboardingRoute = defineRoute(
  {
    name: START_ONBOARDING_FUNCTION,
    methods: ['POST'],
    route: 'onboarding',
    minimumRole: 'Backup.Admin',
    body: startOnboardingBodySchema,
    summary:
      "Microsoft's admin-consent URL for a new customer tenant (state valid 30 minutes, once)",
    description:
      'Send the URL to the customer tenant’s admin. After consent Microsoft redirects to ' +
      '`/api/onboarding/callback`, which registers the tenant. Only admins assigned to every ' +
      'tenant may onboard one.',
    tags: ['tenants'],
    errors: { 503: 'GRAPH_CLIENT_ID or ONBOARDING_STATE_KEY is not set' },
    responses: { 200: { description: 'The consent URL', schema: startedOnboardingSchema } },
  },
  async ({ body, principal, request }) => {
    if (principal.tenants !== 'all')
      throw forbidden('Only an admin assigned to every tenant may onboard a new one.');
    const started = await startOnboarding(await getServices(), {
      requestedBy: principal.displayName ?? principal.subject,
      displayName: body.displayName,
      startBackup: body.startBackup,
      redirectUri: new URL('/api/onboarding/callback', request.url).toString(),
    });
    return {
      status: 200,
      jsonBody: { consentUrl: started.consentUrl, expiresAt: started.expiresAt },
    };
  },
);

/** Step 2: Microsoft's redirect. Anonymous, but acts only on a valid, unused state of ours. */
export const onboardingCallbackRoute = defineRoute(
  {
    name: ONBOARDING_CALLBACK_FUNCTION,
    methods: ['GET'],
    route: 'onboarding/callback',
    minimumRole: 'anonymous',
    query: consentCallbackQuerySchema,
    summary: 'Admin-consent redirect URI: registers the consenting tenant',
    description:
      'Registers the tenant Microsoft names, records the consent, applies the default scope ' +
      'and a daily schedule, and starts the first backup when asked. `400 invalidState` for a ' +
      'forged, expired or already used state (nothing registered); `400 consentDeclined` / ' +
      "`consentFailed` with Microsoft's error and description.",
    tags: ['tenants'],
    responses: { 200: { description: 'The tenant registered', schema: onboardedTenantSchema } },
  },
  async ({ query, context }) => {
    const onboarded = await completeOnboarding(
      await getServices(),
      getOrchestrationClient(context),
      query,
    );
    return { status: 200, jsonBody: onboarded };
  },
);

registerHttpRoute(startOnboardingRoute);
registerDurableHttpRoute(onboardingCallbackRoute);
