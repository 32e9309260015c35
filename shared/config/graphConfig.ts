import { readFileSync } from 'node:fs';
import { GraphApi, GRAPH_PUBLIC_BASE_URL } from '../graph/graphApi';
import { createTokenCredential, credentialConfigFromEnv } from '../graph/credentials';

/**
 * Graph for a managed tenant, from configuration: GRAPH_BASE_URL (default Microsoft Graph),
 * GRAPH_CA_CERT_FILE (extra trusted CA, for the loopback simulator) and the credential settings.
 * One client per tenant per process, so concurrency bounds and counters are per tenant.
 */
const clients = new Map<string, GraphApi>();

export function graphBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.GRAPH_BASE_URL || GRAPH_PUBLIC_BASE_URL).replace(/\/+$/, '');
}

export function graphForTenant(tenantId: string, env: NodeJS.ProcessEnv = process.env): GraphApi {
  const key = `${graphBaseUrl(env)}|${tenantId}`;
  let client = clients.get(key);
  if (!client) {
    client = new GraphApi({
      baseUrl: graphBaseUrl(env),
      credential: createTokenCredential(credentialConfigFromEnv(tenantId, env)),
      caCertPem: env.GRAPH_CA_CERT_FILE ? readFileSync(env.GRAPH_CA_CERT_FILE, 'utf8') : undefined,
      maxConcurrency: Number(env.GRAPH_MAX_CONCURRENCY ?? 8),
    });
    clients.set(key, client);
  }
  return client;
}

/** Forget cached clients (tests and the local runner switch simulators). */
export function resetGraphClients(): void {
  clients.clear();
}
