import type { Services } from '../config/services';
import type { Tenant, TenantCredential } from '../state/tenantRepository';

export interface RegisterTenantOptions {
  credential?: TenantCredential;
  graphBaseUrl?: string;
  authorityHost?: string;
  consent?: Tenant['consent'];
}

/**
 * Registers a managed tenant. The row holds references only (credential kind, client id, the
 * name of the app setting / Key Vault secret), never a secret value. Re-registering keeps what
 * the row had unless the caller gives it anew.
 */
export async function registerTenant(
  services: Services,
  tenantId: string,
  displayName: string,
  options: RegisterTenantOptions | TenantCredential = {},
  env: NodeJS.ProcessEnv = process.env,
) {
  const given: RegisterTenantOptions = 'kind' in options ? { credential: options } : options;
  const existing = await services.tenants.get(tenantId);
  return services.tenants.upsert({
    tenantId,
    displayName,
    credential: given.credential ?? existing?.credential ?? defaultTenantCredential(env),
    graphBaseUrl: given.graphBaseUrl ?? existing?.graphBaseUrl,
    authorityHost: given.authorityHost ?? existing?.authorityHost,
    consent: given.consent ?? existing?.consent,
    createdAt: existing?.createdAt,
  });
}

/**
 * The credential a new tenant gets when none is given, from the deployment's settings: the
 * multi-tenant app with its federated credential (GRAPH_CREDENTIAL=clientAssertion, the default
 * of infra/main.bicep), its client secret setting, the simulator's token, or the Function App's
 * own identity. It is written into the row: from then on the row, not the settings, decides.
 */
export function defaultTenantCredential(env: NodeJS.ProcessEnv = process.env): TenantCredential {
  const clientId = env.GRAPH_CLIENT_ID || undefined;
  if (env.GRAPH_CREDENTIAL === 'clientAssertion' && clientId)
    return { kind: 'clientAssertion', clientId };
  if (clientId && env.GRAPH_CLIENT_SECRET)
    return { kind: 'clientSecret', clientId, secretRef: 'GRAPH_CLIENT_SECRET' };
  if (clientId && env.GRAPH_CERTIFICATE_PATH)
    return { kind: 'certificate', clientId, certificateRef: env.GRAPH_CERTIFICATE_PATH };
  if (env.GRAPH_STATIC_TOKEN) return { kind: 'staticToken' };
  return { kind: 'managedIdentity', clientId: env.GRAPH_MANAGED_IDENTITY_CLIENT_ID || undefined };
}
