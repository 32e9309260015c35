import type { TokenCredential } from '@azure/identity';
import { jose } from '../api/jose';
import { GRAPH_PUBLIC_BASE_URL } from '../graph/graphApi';
import { createTokenCredential, credentialConfigFromEnv } from '../graph/credentials';
import { ClientIdUnknownError } from './errors';

/**
 * The client id (appId) of the app entra-backup signs in to a tenant as. GRAPH_CLIENT_ID when
 * configured; otherwise (managed identity, or the simulator's static token) the `appid` (v1
 * tokens) or `azp` (v2) claim of our own access token. The token is decoded, not verified: it
 * is the one we were just issued, and only its client id is read. It is never logged.
 */
export async function resolveClientId(
  tenantId: string,
  env: NodeJS.ProcessEnv = process.env,
  credential: TokenCredential = createTokenCredential(credentialConfigFromEnv(tenantId, env)),
): Promise<string> {
  if (env.GRAPH_CLIENT_ID) return env.GRAPH_CLIENT_ID;
  const token = await credential.getToken(`${GRAPH_PUBLIC_BASE_URL}/.default`);
  if (!token) throw new ClientIdUnknownError('no access token was issued');
  return clientIdOfToken(token.token);
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
