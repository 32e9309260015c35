import type { PortalConfig } from './schemas/portalConfig';

/** Set by `entra-backup serve` (never in Azure): the path where it mints local sign-in tokens. */
export const LOCAL_SIGN_IN_ENV = 'ENTRA_BACKUP_LOCAL_SIGN_IN';

const ENTRA_LOGIN = 'https://login.microsoftonline.com';

/**
 * What the portal needs to sign in, from the same settings the API validates tokens with:
 * PORTAL_CLIENT_ID is the SPA's app registration (it may be the API's own), the authority
 * defaults to the API's tenant and the scope to the API's `.default`, so app roles arrive in
 * the token. Nothing here is a secret: a SPA's client id and authority are public.
 */
export function portalConfigFromEnv(env: NodeJS.ProcessEnv = process.env): PortalConfig {
  const tokenPath = env[LOCAL_SIGN_IN_ENV]?.trim();
  if (tokenPath) return { signIn: { mode: 'local', tokenPath } };
  const clientId = env.PORTAL_CLIENT_ID?.trim();
  const apiClientId = env.AUTH_CLIENT_ID?.trim();
  const apiUri =
    env.AUTH_AUDIENCE?.split(',')
      .map((a) => a.trim())
      .find((a) => a.startsWith('api://')) ?? (apiClientId ? `api://${apiClientId}` : undefined);
  const scope = env.PORTAL_API_SCOPE?.trim() || (apiUri ? `${apiUri}/.default` : undefined);
  if (!clientId || !scope) {
    return {
      signIn: {
        mode: 'unconfigured',
        message:
          'Portal sign-in is not configured: set PORTAL_CLIENT_ID and AUTH_CLIENT_ID (or PORTAL_API_SCOPE) on the Function App.',
      },
    };
  }
  const authority =
    env.PORTAL_AUTHORITY?.trim() ||
    `${ENTRA_LOGIN}/${env.AUTH_TENANT_ID?.trim() || 'organizations'}`;
  return { signIn: { mode: 'msal', clientId, authority, scopes: [scope] } };
}
