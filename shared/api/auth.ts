import type { HttpRequest } from '@azure/functions';
import type { JWTPayload } from 'jose';
import { z } from 'zod';
import type { AuthConfig } from './authConfig';
import { ApiError, forbidden, serviceUnavailable, unauthorized } from './errors';
import { jose } from './jose';
import { type ApiRole, highestRole, isApiRole, roleSatisfies } from './roles';

export { type AuthConfig, createAuthConfig, loadAuthConfig, processAuthConfig } from './authConfig';

/** Claim listing the managed tenant ids a caller may work on (see docs/adr/0002-api-auth.md). */
export const TENANTS_CLAIM = 'entra_backup_tenants';

/** The authenticated caller, as the route handlers see it. */
export interface Principal {
  /** `sub`: stable per caller and app. */
  subject: string;
  /** `oid`: the caller's object id in its home tenant, when present. */
  objectId?: string;
  /** `tid`: the caller's home tenant, when present. */
  callerTenantId?: string;
  /** `azp`/`appid`: the client application that requested the token. */
  clientAppId?: string;
  /** For audit records: `preferred_username`, `name` or `upn`. */
  displayName?: string;
  /** API roles from the `roles` claim; other roles are ignored. */
  roles: ApiRole[];
  /** The strongest role held, undefined when the token carries no API role. */
  role?: ApiRole;
  /** Managed tenants this caller may act on: every tenant, or the listed ids (lower case). */
  tenants: 'all' | string[];
  /** The token's `iat` (seconds): with subject and client app it names a caller session. */
  issuedAt?: number;
}

const optionalString = z.string().min(1).optional().catch(undefined);

const claimsSchema = z.object({
  sub: z.string().min(1),
  oid: optionalString,
  tid: optionalString,
  azp: optionalString,
  appid: optionalString,
  preferred_username: optionalString,
  name: optionalString,
  upn: optionalString,
  roles: z.array(z.string()).optional(),
  [TENANTS_CLAIM]: z.union([z.array(z.string()), z.string()]).optional(),
});

/**
 * Validates the request's bearer token (signature, issuer, audience, expiry) and returns the
 * caller. Every failure is a 401 whose reason names the check that failed, never the token.
 */
export async function authenticate(request: HttpRequest, config: AuthConfig): Promise<Principal> {
  const token = bearerToken(request.headers.get('authorization'));
  const payload = await verifyToken(token, config);
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) throw unauthorized('The token is missing required claims.');
  const c = claims.data;
  checkIssuer(payload, c.tid, config);
  if (config.allowedCallerTenantIds) {
    if (!c.tid || !config.allowedCallerTenantIds.includes(c.tid.toLowerCase())) {
      throw unauthorized("The token's tenant is not allowed.");
    }
  }
  const roles = (c.roles ?? []).filter(isApiRole);
  return {
    subject: c.sub,
    objectId: c.oid,
    callerTenantId: c.tid,
    clientAppId: c.azp ?? c.appid,
    displayName: c.preferred_username ?? c.name ?? c.upn,
    roles,
    role: highestRole(roles),
    tenants: tenantAssignment(c[TENANTS_CLAIM]),
    issuedAt: typeof payload.iat === 'number' ? payload.iat : undefined,
  };
}

/** 403 unless the caller holds `role` or a stronger one. */
export function requireRole(principal: Principal, role: ApiRole): void {
  if (!principal.role || !roleSatisfies(principal.role, role)) {
    throw forbidden(`This operation requires the ${role} role.`, { requiredRole: role });
  }
}

export function canAccessTenant(principal: Principal, tenantId: string): boolean {
  return principal.tenants === 'all' || principal.tenants.includes(tenantId.toLowerCase());
}

/** 403 unless the caller is assigned the managed tenant. */
export function requireTenantAccess(principal: Principal, tenantId: string): void {
  if (!canAccessTenant(principal, tenantId)) {
    throw forbidden('You are not assigned to this tenant.', { tenantId });
  }
}

function bearerToken(header: string | null): string {
  if (!header?.trim()) throw unauthorized('Missing bearer token.');
  const match = /^Bearer[ ]+([A-Za-z0-9\-_.~+/]+=*)\s*$/i.exec(header.trim());
  if (!match) throw unauthorized('The Authorization header must be "Bearer <token>".');
  return match[1];
}

async function verifyToken(token: string, config: AuthConfig): Promise<JWTPayload> {
  const hasTemplates = config.issuers.some((issuer) => issuer.includes('{tenantid}'));
  try {
    const { payload } = await jose.jwtVerify(token, config.getKey, {
      audience: config.audiences,
      issuer: hasTemplates ? undefined : config.issuers,
      algorithms: config.algorithms,
      clockTolerance: config.clockToleranceSeconds,
      requiredClaims: ['exp', 'sub'],
    });
    return payload;
  } catch (err) {
    throw tokenError(err);
  }
}

/** Issuer templates (`…/{tenantid}/v2.0`) are how multi-tenant Entra apps accept guest tenants. */
function checkIssuer(payload: JWTPayload, tid: string | undefined, config: AuthConfig): void {
  if (!config.issuers.some((issuer) => issuer.includes('{tenantid}'))) return;
  const accepted = config.issuers.map((issuer) => issuer.replace('{tenantid}', tid ?? '\u0000'));
  if (typeof payload.iss !== 'string' || !accepted.includes(payload.iss)) {
    throw unauthorized('The token has an unexpected issuer.');
  }
}

/** jose errors come from another realm under jest, so they are told apart by `code`. */
function tokenError(err: unknown): ApiError {
  const { code, claim } = (err ?? {}) as { code?: string; claim?: string };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return unauthorized('The token has expired.');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'iss') return unauthorized('The token has an unexpected issuer.');
      if (claim === 'aud') return unauthorized('The token has an unexpected audience.');
      if (claim === 'nbf') return unauthorized('The token is not valid yet.');
      return unauthorized(`The token's "${claim ?? 'unknown'}" claim is invalid.`);
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return unauthorized('The token signature is invalid.');
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return unauthorized('The token was not signed by a trusted key.');
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return unauthorized('The token signing algorithm is not allowed.');
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
      return serviceUnavailable('Token signing keys are temporarily unavailable.');
    case 'ERR_JWT_INVALID':
    case 'ERR_JWS_INVALID':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return unauthorized('The token is malformed.');
    default:
      // Network failures fetching a remote JWKS surface as plain errors.
      if (!code) return serviceUnavailable('Token signing keys are temporarily unavailable.');
      return unauthorized('The token is invalid.');
  }
}

/**
 * Decision (ADR 0002): an absent claim means "all managed tenants" for every role. A deployment
 * that protects one tenant, or an MSP whose operators all work on every tenant, then needs no
 * extra claim; restricting is opt-in by emitting the claim. `*` in the list also means all, and a
 * string value (directory extension attributes are strings) is split on commas and spaces.
 */
function tenantAssignment(claim: string[] | string | undefined): 'all' | string[] {
  if (claim === undefined) return 'all';
  const ids = (Array.isArray(claim) ? claim : claim.split(/[\s,]+/))
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
  return ids.includes('*') ? 'all' : ids;
}
