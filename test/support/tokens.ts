import { generateKeyPairSync } from 'node:crypto';
import type { JSONWebKeySet } from 'jose';
import { jose } from '../../shared/api/jose';
import type { ApiRole } from '../../shared/api/roles';

/**
 * Test identity provider: one RSA key pair per process, published as `testJwks`, and a signer
 * for Entra-shaped access tokens. Generated with node:crypto synchronously so `testJwks` can be
 * a plain constant; jose signs with it.
 */
export const TEST_ISSUER =
  'https://login.microsoftonline.com/00000000-0000-4000-8000-00000000a11d/v2.0';
export const TEST_AUDIENCE = 'api://entra-backup-tests';
export const TEST_CALLER_TENANT_ID = '00000000-0000-4000-8000-00000000a11d';
export const TEST_KEY_ID = 'entra-backup-test-key';

const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
let untrusted: ReturnType<typeof generateKeyPairSync> | undefined;

export const testJwks: JSONWebKeySet = {
  keys: [
    { ...trusted.publicKey.export({ format: 'jwk' }), kid: TEST_KEY_ID, alg: 'RS256', use: 'sig' },
  ],
};

/** AUTH_* settings that make the API trust tokens from `signTestToken`. Merge into process.env. */
export function testAuthEnv(): Record<string, string> {
  return {
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    AUTH_JWKS: JSON.stringify(testJwks),
  };
}

export interface TestTokenOptions {
  roles?: (ApiRole | string)[];
  /** Value of the `entra_backup_tenants` claim; omitted when undefined. */
  tenants?: string[] | string;
  /** Negative for an already expired token. Default 3600. */
  expiresInSeconds?: number;
  audience?: string;
  issuer?: string;
  /** RS256 by default; an HS* algorithm signs with a shared secret (must be refused). */
  alg?: string;
  /** Sign with a key that is not in `testJwks` but claims the same kid. */
  untrustedKey?: boolean;
  subject?: string;
  /** Extra or overriding claims. */
  claims?: Record<string, unknown>;
}

export async function signTestToken(options: TestTokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = options.expiresInSeconds ?? 3600;
  const payload: Record<string, unknown> = {
    tid: TEST_CALLER_TENANT_ID,
    oid: '11111111-1111-4111-8111-111111111111',
    azp: '22222222-2222-4222-8222-222222222222',
    preferred_username: 'tester@contoso.test',
    ver: '2.0',
    roles: options.roles ?? [],
    ...(options.tenants !== undefined ? { entra_backup_tenants: options.tenants } : {}),
    ...options.claims,
  };
  const alg = options.alg ?? 'RS256';
  const jwt = new jose.SignJWT(payload)
    .setProtectedHeader({ alg, kid: TEST_KEY_ID, typ: 'JWT' })
    .setIssuer(options.issuer ?? TEST_ISSUER)
    .setAudience(options.audience ?? TEST_AUDIENCE)
    .setSubject(options.subject ?? 'test-subject')
    .setIssuedAt(Math.min(now, now + expiresIn - 60))
    .setExpirationTime(now + expiresIn);
  if (alg.startsWith('HS')) return jwt.sign(Buffer.from('not-a-real-secret-'.repeat(4)));
  if (options.untrustedKey) {
    untrusted ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
    return jwt.sign(untrusted.privateKey);
  }
  return jwt.sign(trusted.privateKey);
}
