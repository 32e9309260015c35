import { readFileSync } from 'node:fs';
import { GraphApi, GRAPH_PUBLIC_BASE_URL } from '../graph/graphApi';
import type { Tenant } from '../state/tenantRepository';
import { resolveTenantCredential, TenantCredentialError } from '../tenants/tenantCredential';
import type { KeyVaultReader } from './keyVault';
import { getServices } from './services';

/**
 * Graph for a managed tenant, with that tenant's own credential (its row) and Graph endpoint
 * (the row's graphBaseUrl, else GRAPH_BASE_URL, else Microsoft Graph); GRAPH_CA_CERT_FILE adds a
 * trusted CA for the loopback simulator. One client per tenant and credential per process, so
 * concurrency bounds and counters are per tenant; a changed credential makes a new client.
 */
const clients = new Map<string, Promise<GraphApi>>();

export function graphBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.GRAPH_BASE_URL || GRAPH_PUBLIC_BASE_URL).replace(/\/+$/, '');
}

export interface GraphForTenantOptions {
  env?: NodeJS.ProcessEnv;
  keyVault?: KeyVaultReader;
}

/** The tenant's Graph client; TenantCredentialError when it is not registered or its credential is unusable. */
export async function graphForTenant(
  tenantOrId: string | Tenant,
  options: GraphForTenantOptions = {},
): Promise<GraphApi> {
  const env = options.env ?? process.env;
  const tenant = typeof tenantOrId === 'string' ? await registeredTenant(tenantOrId) : tenantOrId;
  const baseUrl = (tenant.graphBaseUrl ?? graphBaseUrl(env)).replace(/\/+$/, '');
  const key = JSON.stringify([baseUrl, tenant.tenantId, tenant.credential, tenant.authorityHost]);
  let client = clients.get(key);
  if (!client) {
    client = (async () => {
      const resolved = await resolveTenantCredential(tenant, { env, keyVault: options.keyVault });
      return new GraphApi({
        baseUrl,
        credential: resolved.credential,
        caCertPem: env.GRAPH_CA_CERT_FILE
          ? readFileSync(env.GRAPH_CA_CERT_FILE, 'utf8')
          : undefined,
        maxConcurrency: Number(env.GRAPH_MAX_CONCURRENCY ?? 8),
      });
    })();
    clients.set(key, client);
    // A failed resolution (missing secret) is not cached: fixing the setting fixes the next job.
    client.catch(() => clients.delete(key));
  }
  return client;
}

async function registeredTenant(tenantId: string): Promise<Tenant> {
  const tenant = await (await getServices()).tenants.get(tenantId);
  if (!tenant) throw new TenantCredentialError(tenantId, 'is not registered');
  return tenant;
}

/** Forget cached clients (tests and the local runner switch simulators). */
export function resetGraphClients(): void {
  clients.clear();
}
