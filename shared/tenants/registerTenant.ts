import type { Services } from '../config/services';
import type { TenantCredential } from '../state/tenantRepository';

/**
 * Registers a managed tenant. The row holds references only (credential kind, client id, the
 * name of the app setting / Key Vault secret), never a secret value.
 */
export async function registerTenant(
  services: Services,
  tenantId: string,
  displayName: string,
  credential?: TenantCredential,
) {
  const existing = await services.tenants.get(tenantId);
  return services.tenants.upsert({
    tenantId,
    displayName,
    credential: credential ?? existing?.credential ?? defaultCredential(),
    createdAt: existing?.createdAt,
  });
}

/** The simulator's static token locally, the Function App's identity otherwise. */
function defaultCredential(env: NodeJS.ProcessEnv = process.env): TenantCredential {
  return env.GRAPH_STATIC_TOKEN ? { kind: 'staticToken' } : { kind: 'managedIdentity' };
}
