import { readFileSync } from 'node:fs';
import type { JSONWebKeySet, JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { ApiError } from './errors';
import { jose } from './jose';

/** What bearer validation needs. Build it with `loadAuthConfig(env)` or `createAuthConfig(...)`. */
export interface AuthConfig {
  /** Accepted `iss` values; `{tenantid}` in an entry is replaced by the token's `tid`. */
  issuers: string[];
  audiences: string[];
  algorithms: string[];
  clockToleranceSeconds: number;
  /** When set, the token's `tid` (the caller's home tenant) must be one of these. */
  allowedCallerTenantIds?: string[];
  /** Where keys come from, for diagnostics only. */
  keySource: string;
  getKey: JWTVerifyGetKey;
}

export interface AuthConfigOptions {
  issuers: string[];
  audiences: string[];
  jwks?: JSONWebKeySet;
  jwksUri?: string;
  algorithms?: string[];
  clockToleranceSeconds?: number;
  allowedCallerTenantIds?: string[];
}

const DEFAULT_ALGORITHMS = ['RS256'];
const DEFAULT_CLOCK_TOLERANCE_SECONDS = 60;
const ENTRA_LOGIN = 'https://login.microsoftonline.com';

const csv = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .optional();

const authEnvSchema = z.object({
  AUTH_TENANT_ID: z.string().trim().min(1).optional(),
  AUTH_CLIENT_ID: z.string().trim().min(1).optional(),
  AUTH_ISSUER: csv,
  AUTH_AUDIENCE: csv,
  AUTH_JWKS_URI: z.url().optional(),
  AUTH_JWKS_FILE: z.string().trim().min(1).optional(),
  AUTH_JWKS: z.string().trim().min(1).optional(),
  AUTH_ALGORITHMS: csv,
  AUTH_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).optional(),
  AUTH_ALLOWED_CALLER_TENANTS: csv,
});

const jwksSchema = z.object({ keys: z.array(z.record(z.string(), z.unknown())).min(1) });

/** Environment variables read by `loadAuthConfig` (documented in docs/adr/0002-api-auth.md). */
export const AUTH_ENV_VARS = Object.keys(authEnvSchema.shape);

function notConfigured(why: string): ApiError {
  return new ApiError(500, 'authNotConfigured', `API authentication is not configured: ${why}`);
}

/**
 * Reads the API's token validation settings. With only `AUTH_TENANT_ID` and `AUTH_CLIENT_ID`
 * it accepts Entra v1 and v2 tokens for that app registration, keys from the tenant's JWKS.
 */
export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const parsed = authEnvSchema.safeParse(pickAuthEnv(env));
  if (!parsed.success) {
    const names = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw notConfigured(`invalid setting(s) ${names}`);
  }
  const settings = parsed.data;
  const tenant = settings.AUTH_TENANT_ID;
  const issuers =
    settings.AUTH_ISSUER ??
    (tenant ? [`${ENTRA_LOGIN}/${tenant}/v2.0`, `https://sts.windows.net/${tenant}/`] : []);
  const clientId = settings.AUTH_CLIENT_ID;
  const audiences = settings.AUTH_AUDIENCE ?? (clientId ? [clientId, `api://${clientId}`] : []);

  let jwks: JSONWebKeySet | undefined;
  if (settings.AUTH_JWKS) jwks = parseJwks(settings.AUTH_JWKS, 'AUTH_JWKS');
  else if (settings.AUTH_JWKS_FILE) jwks = readJwksFile(settings.AUTH_JWKS_FILE);
  const jwksUri =
    settings.AUTH_JWKS_URI ??
    (jwks === undefined && tenant ? `${ENTRA_LOGIN}/${tenant}/discovery/v2.0/keys` : undefined);

  return createAuthConfig({
    issuers,
    audiences,
    jwks,
    jwksUri,
    algorithms: settings.AUTH_ALGORITHMS,
    clockToleranceSeconds: settings.AUTH_CLOCK_TOLERANCE_SECONDS,
    allowedCallerTenantIds: settings.AUTH_ALLOWED_CALLER_TENANTS,
  });
}

export function createAuthConfig(options: AuthConfigOptions): AuthConfig {
  if (options.issuers.length === 0) throw notConfigured('set AUTH_ISSUER or AUTH_TENANT_ID');
  if (options.audiences.length === 0) throw notConfigured('set AUTH_AUDIENCE or AUTH_CLIENT_ID');
  let getKey: JWTVerifyGetKey;
  let keySource: string;
  if (options.jwks) {
    getKey = jose.createLocalJWKSet(options.jwks);
    keySource = `local JWKS (${options.jwks.keys.length} key(s))`;
  } else if (options.jwksUri) {
    getKey = jose.createRemoteJWKSet(remoteJwksUrl(options.jwksUri), {
      timeoutDuration: 5_000,
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
    });
    keySource = `remote JWKS ${options.jwksUri}`;
  } else {
    throw notConfigured('set AUTH_JWKS_URI, AUTH_JWKS_FILE, AUTH_JWKS or AUTH_TENANT_ID');
  }
  return {
    issuers: options.issuers,
    audiences: options.audiences,
    algorithms: options.algorithms?.length ? options.algorithms : DEFAULT_ALGORITHMS,
    clockToleranceSeconds: options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
    allowedCallerTenantIds: options.allowedCallerTenantIds?.length
      ? options.allowedCallerTenantIds.map((id) => id.toLowerCase())
      : undefined,
    keySource,
    getKey,
  };
}

let cached: { key: string; config: AuthConfig } | undefined;

/**
 * The config for the running process, rebuilt only when an AUTH_* variable changes, so a remote
 * JWKS (and its key cache) is shared by every request.
 */
export function processAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const key = JSON.stringify(pickAuthEnv(env));
  if (cached?.key !== key) cached = { key, config: loadAuthConfig(env) };
  return cached.config;
}

function pickAuthEnv(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const picked: Record<string, string | undefined> = {};
  for (const name of AUTH_ENV_VARS) if (env[name]?.trim()) picked[name] = env[name];
  return picked;
}

function parseJwks(text: string, source: string): JSONWebKeySet {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw notConfigured(`${source} is not valid JSON`);
  }
  const parsed = jwksSchema.safeParse(value);
  if (!parsed.success) throw notConfigured(`${source} is not a JWKS ({ "keys": [...] })`);
  return parsed.data as unknown as JSONWebKeySet;
}

function readJwksFile(path: string): JSONWebKeySet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw notConfigured('AUTH_JWKS_FILE cannot be read');
  }
  return parseJwks(text, 'AUTH_JWKS_FILE');
}

/** Keys must come over TLS, except from a loopback test server. */
function remoteJwksUrl(uri: string): URL {
  const url = new URL(uri);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw notConfigured('AUTH_JWKS_URI must use https');
  }
  return url;
}
