import { randomUUID } from 'node:crypto';
import { ClientSecretCredential } from '@azure/identity';
import { startSimulator, type RunningSimulator } from '../index';
import { emptyTenant } from '../defaultTenant';
import { extraCaPolicies } from '../../../shared/config/loopbackTls';
import { rawRequest } from './graphClient';

/**
 * The simulator's identity endpoints and its check that a token was issued for its tenant:
 * @azure/identity's real ClientSecretCredential gets tokens from a tenant's own authority, and
 * a token of one tenant is refused by the other tenant's Graph (401, as Graph answers an
 * unusable token: https://learn.microsoft.com/graph/resolve-auth-errors).
 */
describe('simulator identity platform and per-tenant tokens', () => {
  const appA = randomUUID();
  const appB = randomUUID();
  let a: RunningSimulator;
  let b: RunningSimulator;
  const saved = process.env.GRAPH_CA_CERT_FILE;

  beforeAll(async () => {
    a = await startSimulator({
      state: emptyTenant(randomUUID()),
      clients: [{ appId: appA, secret: 'secret-of-a' }],
    });
    b = await startSimulator({
      state: emptyTenant(randomUUID()),
      clients: [{ appId: appB, secret: 'secret-of-b' }],
    });
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.GRAPH_CA_CERT_FILE;
    else process.env.GRAPH_CA_CERT_FILE = saved;
    await Promise.all([a.stop(), b.stop()]);
  });

  const credentialFor = (sim: RunningSimulator, appId: string, secret: string) => {
    process.env.GRAPH_CA_CERT_FILE = sim.caCertFile;
    return new ClientSecretCredential(sim.tenantId, appId, secret, {
      authorityHost: sim.baseUrl,
      disableInstanceDiscovery: true,
      additionalPolicies: extraCaPolicies(),
    });
  };

  it("issues a token for the tenant's authority that its Graph accepts and the other tenant's refuses", async () => {
    const token = await credentialFor(a, appA, 'secret-of-a').getToken(
      'https://graph.microsoft.com/.default',
    );
    const claims = JSON.parse(Buffer.from(token.token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ tid: a.tenantId, appid: appA });
    expect(a.identity.issued).toEqual([{ appId: appA, tenantId: a.tenantId }]);

    const own = await rawRequest(a, 'GET', '/v1.0/organization', { token: token.token });
    expect(own.status).toBe(200);
    const other = await rawRequest(b, 'GET', '/v1.0/organization', { token: token.token });
    expect(other.status).toBe(401);
    expect(other.body.error.code).toBe('InvalidAuthenticationToken');
    expect(b.tokensSeen()).toEqual([
      { tenantId: a.tenantId, appId: appA, accepted: false, requests: 1 },
    ]);
    expect(a.tokensSeen()).toEqual([
      { tenantId: a.tenantId, appId: appA, accepted: true, requests: 1 },
    ]);
  });

  it('refuses a wrong secret and an app unknown in the tenant with the AADSTS errors Entra returns', async () => {
    await expect(
      credentialFor(b, appB, 'not-the-secret').getToken('https://graph.microsoft.com/.default'),
    ).rejects.toThrow(/AADSTS7000215/);
    await expect(
      credentialFor(b, appA, 'secret-of-a').getToken('https://graph.microsoft.com/.default'),
    ).rejects.toThrow(/AADSTS700016/);
  });

  it('refuses a static token whose tid names another tenant, and a forged token', async () => {
    const unsigned = (tid: string) =>
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
        JSON.stringify({ tid, appid: appA }),
      ).toString('base64url')}.`;
    const sim = await startSimulator({
      state: emptyTenant(randomUUID()),
      token: unsigned(a.tenantId),
    });
    try {
      expect((await rawRequest(sim, 'GET', '/v1.0/organization')).status).toBe(401);
      const forged = token(a.tenantId);
      expect((await rawRequest(a, 'GET', '/v1.0/organization', { token: forged })).status).toBe(
        401,
      );
    } finally {
      await sim.stop();
    }
    function token(tid: string): string {
      const [h, p] = unsigned(tid).split('.');
      return `${h}.${p}.c2lnbmF0dXJl`;
    }
  });
});
