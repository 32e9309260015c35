import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpRequest } from '@azure/functions';
import {
  authenticate,
  createAuthConfig,
  loadAuthConfig,
  processAuthConfig,
} from '../../../shared/api/auth';
import type { ApiError } from '../../../shared/api/errors';
import {
  TEST_AUDIENCE,
  TEST_CALLER_TENANT_ID,
  TEST_ISSUER,
  signTestToken,
  testAuthEnv,
  testJwks,
} from '../../support/tokens';

const request = (token: string) =>
  new HttpRequest({
    method: 'GET',
    url: 'http://localhost/api/x',
    headers: { authorization: `Bearer ${token}` },
  });

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    return err as ApiError;
  }
  throw new Error('expected a failure');
}

describe('loadAuthConfig', () => {
  it('derives Entra v1/v2 issuers, audiences and the JWKS URI from tenant and client id', () => {
    const config = loadAuthConfig({ AUTH_TENANT_ID: 'contoso-tid', AUTH_CLIENT_ID: 'app-id' });
    expect(config.issuers).toEqual([
      'https://login.microsoftonline.com/contoso-tid/v2.0',
      'https://sts.windows.net/contoso-tid/',
    ]);
    expect(config.audiences).toEqual(['app-id', 'api://app-id']);
    expect(config.keySource).toBe(
      'remote JWKS https://login.microsoftonline.com/contoso-tid/discovery/v2.0/keys',
    );
    expect(config.algorithms).toEqual(['RS256']);
    expect(config.clockToleranceSeconds).toBe(60);
  });

  it('reads explicit lists, a JWKS file and tolerance', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jwks-'));
    const file = join(dir, 'jwks.json');
    writeFileSync(file, JSON.stringify(testJwks));
    const config = loadAuthConfig({
      AUTH_ISSUER: 'https://a/, https://b/',
      AUTH_AUDIENCE: 'aud1',
      AUTH_JWKS_FILE: file,
      AUTH_CLOCK_TOLERANCE_SECONDS: '5',
      AUTH_ALLOWED_CALLER_TENANTS: 'T1,t2',
    });
    expect(config.issuers).toEqual(['https://a/', 'https://b/']);
    expect(config.keySource).toBe('local JWKS (1 key(s))');
    expect(config.clockToleranceSeconds).toBe(5);
    expect(config.allowedCallerTenantIds).toEqual(['t1', 't2']);
  });

  it.each([
    [{}, /AUTH_ISSUER/],
    [{ AUTH_ISSUER: 'https://a/' }, /AUTH_AUDIENCE/],
    [{ AUTH_ISSUER: 'https://a/', AUTH_AUDIENCE: 'x' }, /AUTH_JWKS_URI/],
    [{ AUTH_ISSUER: 'https://a/', AUTH_AUDIENCE: 'x', AUTH_JWKS: '{bad' }, /not valid JSON/],
    [
      { AUTH_ISSUER: 'https://a/', AUTH_AUDIENCE: 'x', AUTH_JWKS_URI: 'http://example.com/k' },
      /https/,
    ],
    [
      { AUTH_ISSUER: 'https://a/', AUTH_AUDIENCE: 'x', AUTH_JWKS_FILE: '/nonexistent/jwks.json' },
      /cannot be read/,
    ],
    [{ AUTH_CLOCK_TOLERANCE_SECONDS: 'lots' }, /AUTH_CLOCK_TOLERANCE_SECONDS/],
  ])('refuses incomplete or invalid settings %#', (env, message) => {
    let error: ApiError | undefined;
    try {
      loadAuthConfig(env);
    } catch (err) {
      error = err as ApiError;
    }
    expect(error?.status).toBe(500);
    expect(error?.code).toBe('authNotConfigured');
    expect(error?.message).toMatch(message);
  });

  it('caches the process config until a setting changes', () => {
    const env = { ...testAuthEnv() };
    const first = processAuthConfig(env);
    expect(processAuthConfig({ ...env })).toBe(first);
    expect(processAuthConfig({ ...env, AUTH_AUDIENCE: 'other' })).not.toBe(first);
  });
});

describe('authenticate', () => {
  it('fetches keys from a remote JWKS endpoint', async () => {
    let hits = 0;
    const jwksServer = createServer((_req, res) => {
      hits++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(testJwks));
    });
    jwksServer.listen(0, '127.0.0.1');
    await once(jwksServer, 'listening');
    try {
      const { port } = jwksServer.address() as AddressInfo;
      const config = createAuthConfig({
        issuers: [TEST_ISSUER],
        audiences: [TEST_AUDIENCE],
        jwksUri: `http://127.0.0.1:${port}/keys`,
      });
      const token = await signTestToken({ roles: ['Backup.Reader'] });
      expect((await authenticate(request(token), config)).role).toBe('Backup.Reader');
      await authenticate(request(token), config);
      expect(hits).toBe(1);
    } finally {
      jwksServer.closeAllConnections();
      jwksServer.close();
    }
  });

  it('answers 503 when the remote JWKS cannot be reached', async () => {
    const config = createAuthConfig({
      issuers: [TEST_ISSUER],
      audiences: [TEST_AUDIENCE],
      jwksUri: 'http://127.0.0.1:1/keys',
    });
    const error = await failure(authenticate(request(await signTestToken()), config));
    expect(error.status).toBe(503);
  });

  it('accepts issuer templates with the token tenant and an allow-list of caller tenants', async () => {
    const config = createAuthConfig({
      issuers: ['https://login.microsoftonline.com/{tenantid}/v2.0'],
      audiences: [TEST_AUDIENCE],
      jwks: testJwks,
      allowedCallerTenantIds: [TEST_CALLER_TENANT_ID.toUpperCase()],
    });
    const good = await signTestToken({ roles: ['Backup.Reader'] });
    expect((await authenticate(request(good), config)).callerTenantId).toBe(TEST_CALLER_TENANT_ID);

    const otherTenant = 'ffffffff-0000-4000-8000-000000000000';
    const foreign = await signTestToken({
      issuer: `https://login.microsoftonline.com/${otherTenant}/v2.0`,
      claims: { tid: otherTenant },
    });
    expect((await failure(authenticate(request(foreign), config))).message).toMatch(/tenant/);

    const mismatched = await signTestToken({ claims: { tid: otherTenant } });
    const error = await failure(authenticate(request(mismatched), config));
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/issuer/);
  });

  it('honours the clock tolerance for just-expired tokens', async () => {
    const config = createAuthConfig({
      issuers: [TEST_ISSUER],
      audiences: [TEST_AUDIENCE],
      jwks: testJwks,
      clockToleranceSeconds: 120,
    });
    const justExpired = await signTestToken({ roles: ['Backup.Reader'], expiresInSeconds: -30 });
    expect((await authenticate(request(justExpired), config)).role).toBe('Backup.Reader');
    const longExpired = await signTestToken({ expiresInSeconds: -600 });
    expect((await failure(authenticate(request(longExpired), config))).status).toBe(401);
  });
});
