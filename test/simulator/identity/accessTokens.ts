import crypto from 'node:crypto';

/**
 * Access tokens the simulator issues: JWT-shaped (header.payload.signature), HS256-signed with a
 * key shared by every simulator in the process — as every real tenant's tokens come from one
 * Entra ID — so a token issued for tenant A verifies everywhere but names A in `tid`. A Graph
 * simulator then accepts it only when `tid` is its own tenant: a cross-tenant mix-up fails.
 */
const SIGNING_KEY = crypto.randomBytes(32);
const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

export interface AccessTokenClaims {
  aud: string;
  iss: string;
  tid: string;
  appid: string;
  azp: string;
  iat: number;
  nbf: number;
  exp: number;
  ver: '1.0';
}

const b64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url');

function sign(input: string): string {
  return crypto.createHmac('sha256', SIGNING_KEY).update(input).digest('base64url');
}

export function issueAccessToken(
  tenantId: string,
  appId: string,
  nowSeconds: number,
  lifetimeSeconds = 3600,
): { token: string; claims: AccessTokenClaims } {
  const claims: AccessTokenClaims = {
    aud: GRAPH_AUDIENCE,
    iss: `https://sts.windows.net/${tenantId}/`,
    tid: tenantId,
    appid: appId,
    azp: appId,
    iat: nowSeconds,
    nbf: nowSeconds,
    exp: nowSeconds + lifetimeSeconds,
    ver: '1.0',
  };
  const head = `${b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }))}.${b64url(JSON.stringify(claims))}`;
  return { token: `${head}.${sign(head)}`, claims };
}

/** The claims of a token this process's simulators issued, or undefined (foreign, forged, not a JWT). */
export function verifyIssuedToken(token: string): AccessTokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`));
  const actual = Buffer.from(parts[2]);
  if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual))
    return undefined;
  try {
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as AccessTokenClaims;
  } catch {
    return undefined;
  }
}

/** The `tid` of any JWT-shaped token, unverified (the static-token path). */
export function unverifiedTenantOf(token: string): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as {
      tid?: unknown;
    };
    return typeof claims.tid === 'string' ? claims.tid : undefined;
  } catch {
    return undefined;
  }
}
