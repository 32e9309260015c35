import { jose } from '../api/jose';
import type { GraphApi } from '../graph/graphApi';
import type { Tenant } from '../state/tenantRepository';
import { ClientIdUnknownError } from './errors';

/**
 * The client id (appId) of the app entra-backup signs in to a tenant as: the one the tenant's
 * credential names; for a credential that names none (managed identity, the simulator's static
 * token) GRAPH_CLIENT_ID, else the `appid` (v1 tokens) or `azp` (v2) claim of the token that
 * tenant's credential issues. The token is decoded, not verified: it is the one we were just
 * issued, and only its client id is read. It is never logged.
 */
export async function resolveClientId(
  tenant: Tenant,
  graph: GraphApi,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  if (tenant.credential.clientId && tenant.credential.kind !== 'managedIdentity')
    return tenant.credential.clientId;
  if (env.GRAPH_CLIENT_ID) return env.GRAPH_CLIENT_ID;
  return clientIdOfToken(await graph.accessToken());
}

/** The `appid` or `azp` claim of an access token, without verifying it. */
export function clientIdOfToken(token: string): string {
  let claims: Record<string, unknown>;
  try {
    claims = jose.decodeJwt(token);
  } catch {
    throw new ClientIdUnknownError('the access token is not a JWT');
  }
  const clientId = claims.appid ?? claims.azp;
  if (typeof clientId !== 'string' || !clientId) {
    throw new ClientIdUnknownError('the access token has no appid or azp claim');
  }
  return clientId;
}
