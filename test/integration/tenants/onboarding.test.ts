import { randomBytes, randomUUID } from 'node:crypto';
import { Agent } from 'undici';
import { startSimulator, type RunningSimulator } from '../../simulator';
import { generateTenant } from '../../simulator/generator';
import { signTestToken, testAuthEnv } from '../../support/tokens';
import { startLocalHttpServer, type LocalHttpServer } from '../../../local/httpServer';
import { startLocalRuntime, type LocalRuntime } from '../../../cli/localRuntime';
import { resetGraphClients } from '../../../shared/config/graphConfig';
import { signState } from '../../../shared/onboarding/consentState';
import { backupInstanceId } from '../../../shared/backup/startBackup';
import { runCli } from '../../support/cliRunner';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/**
 * Issue 14, admin-consent onboarding end to end on loopback: our API hands out Microsoft's
 * admin-consent URL, the simulator plays login.microsoftonline.com's adminconsent endpoint (the
 * admin grants or declines) and redirects to our callback, which registers the tenant.
 */
describe('admin-consent onboarding', () => {
  const appId = randomUUID();
  const stateKey = randomBytes(32);
  let sim: RunningSimulator;
  let runtime: LocalRuntime;
  let server: LocalHttpServer;
  let admin: string;
  let dispatcher: Agent;
  const saved = { ...process.env };

  beforeAll(async () => {
    sim = await startSimulator({
      state: generateTenant({ preset: 'demo', seed: 5, tenantId: randomUUID() }),
      clients: [{ appId, secret: 'multi-tenant-app-secret' }],
    });
    dispatcher = new Agent({ connect: { ca: sim.caCertPem } });
    for (const name of ['GRAPH_STATIC_TOKEN', 'GRAPH_CREDENTIAL', 'ONBOARDING_REDIRECT_URI'])
      delete process.env[name];
    Object.assign(process.env, testAuthEnv(), {
      GRAPH_CLIENT_ID: appId,
      GRAPH_CLIENT_SECRET: 'multi-tenant-app-secret',
      GRAPH_AUTHORITY_HOST: sim.baseUrl,
      GRAPH_BASE_URL: sim.baseUrl,
      GRAPH_CA_CERT_FILE: sim.caCertFile,
      ONBOARDING_STATE_KEY: stateKey.toString('base64'),
    });
    resetGraphClients();
    runtime = await startLocalRuntime({
      taskHub: `o${randomUUID().replace(/-/g, '').slice(0, 12)}`,
    });
    server = await startLocalHttpServer({ port: 0 });
    admin = await signTestToken({ roles: ['Backup.Admin'] });
  });
  afterAll(async () => {
    await server?.stop();
    await runtime?.stop();
    await sim?.stop();
    await dispatcher?.close();
    process.env = saved;
    resetGraphClients();
  });

  const api = async (method: string, path: string, token?: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json };
  };

  /** The admin opens the consent URL; Microsoft (the simulator) redirects to our callback. */
  const consent = async (consentUrl: string): Promise<string> => {
    const response = await fetch(consentUrl, {
      redirect: 'manual',
      dispatcher,
    } as RequestInit);
    expect(response.status).toBe(302);
    return response.headers.get('location')!;
  };

  const callback = async (location: string) => {
    const url = new URL(location);
    return api('GET', `onboarding/callback${url.search}`);
  };

  // Other test files share the tables: only this simulator's tenant is ours to look for.
  const registered = async () =>
    (await runtime.services.tenants.list())
      .map((t) => t.tenantId)
      .filter((id) => id === sim.tenantId);

  it('hands out the admin-consent URL only to admins, with a signed state', async () => {
    expect((await api('POST', 'onboarding', undefined, {})).status).toBe(401);
    const operator = await signTestToken({ roles: ['Backup.Operator'] });
    expect((await api('POST', 'onboarding', operator, {})).status).toBe(403);
    const restricted = await signTestToken({ roles: ['Backup.Admin'], tenants: [sim.tenantId] });
    expect((await api('POST', 'onboarding', restricted, {})).status).toBe(403);
    expect((await api('POST', 'onboarding', admin, { startBackup: 'yes' })).status).toBe(400);

    const started = await api('POST', 'onboarding', admin, {});
    expect(started.status).toBe(200);
    const url = new URL(started.body.consentUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${sim.baseUrl}/organizations/v2.0/adminconsent`);
    expect(url.searchParams.get('client_id')).toBe(appId);
    expect(url.searchParams.get('scope')).toBe('https://graph.microsoft.com/.default');
    expect(url.searchParams.get('redirect_uri')).toBe(`${server.url}/api/onboarding/callback`);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(await registered()).toEqual([]);
  });

  it('refuses a forged, expired or malformed state and registers nothing', async () => {
    const started = await api('POST', 'onboarding', admin, {});
    const location = new URL(await consent(started.body.consentUrl));
    const state = location.searchParams.get('state')!;

    const forged = new URL(location);
    forged.searchParams.set('state', `${state.split('.')[0]}.${'A'.repeat(43)}`);
    const forgedResponse = await callback(forged.toString());
    expect(forgedResponse.status).toBe(400);
    expect(forgedResponse.body.error).toMatchObject({
      code: 'invalidState',
      details: { reason: 'forged' },
    });

    const otherKey = new URL(location);
    otherKey.searchParams.set(
      'state',
      signState(
        {
          nonce: 'ab'.repeat(16),
          expiresAt: new Date(Date.now() + 60_000).toISOString(),
          requestedBy: 'x',
          startBackup: false,
        },
        randomBytes(32),
      ),
    );
    expect((await callback(otherKey.toString())).body.error.details.reason).toBe('forged');

    const expired = new URL(location);
    expired.searchParams.set(
      'state',
      signState(
        {
          nonce: 'cd'.repeat(16),
          expiresAt: new Date(Date.now() - 1000).toISOString(),
          requestedBy: 'x',
          startBackup: false,
        },
        stateKey,
      ),
    );
    expect((await callback(expired.toString())).body.error.details.reason).toBe('expired');

    const missing = new URL(location);
    missing.searchParams.delete('state');
    expect((await callback(missing.toString())).body.error.details.reason).toBe('malformed');
    expect(await registered()).toEqual([]);
  });

  it("shows Microsoft's error when the admin declines, and registers nothing", async () => {
    sim.identity.consent.outcome = 'decline';
    try {
      const started = await api('POST', 'onboarding', admin, {});
      const declined = await callback(await consent(started.body.consentUrl));
      expect(declined.status).toBe(400);
      expect(declined.body.error.code).toBe('consentDeclined');
      expect(declined.body.error.message).toContain('access_denied');
      expect(declined.body.error.message).toContain('AADSTS65004');
      expect(await registered()).toEqual([]);
    } finally {
      sim.identity.consent.outcome = 'grant';
    }
  });

  it('registers the consenting tenant with scope, schedule and a first backup; a replay is refused', async () => {
    const started = await api('POST', 'onboarding', admin, { startBackup: true });
    const location = await consent(started.body.consentUrl);
    const [first, second] = await Promise.all([callback(location), callback(location)]);
    // Two callbacks with one state at once (a double click): exactly one registers.
    const ok = [first, second].filter((r) => r.status === 200);
    const refused = [first, second].filter((r) => r.status === 400);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].body.error.details.reason).toBe('replayed');

    const onboarded = ok[0].body;
    expect(onboarded).toMatchObject({
      tenantId: sim.tenantId,
      scopeApplied: true,
      scheduleApplied: true,
    });
    expect(onboarded.displayName).toBe([...sim.store.list('organization')][0].displayName);
    const tenant = await runtime.services.tenants.get(sim.tenantId);
    expect(tenant?.credential).toEqual({
      kind: 'clientSecret',
      clientId: appId,
      secretRef: 'GRAPH_CLIENT_SECRET',
    });
    expect(tenant?.consent).toMatchObject({ via: 'adminConsent', grantedBy: expect.any(String) });
    expect(await runtime.services.scopes.get(sim.tenantId)).toMatchObject({ enableAll: true });
    expect(await runtime.services.schedules.list(sim.tenantId)).toEqual([
      expect.objectContaining({ scheduleId: 'daily', intervalMinutes: 1440, enabled: true }),
    ]);

    const status = await runtime.runner.waitForCompletion(backupInstanceId(sim.tenantId), {
      timeoutMs: 110_000,
    });
    expect(status.runtimeStatus).toBe('Completed');
    expect((status.output as { status: string }).status).not.toBe('failed');
    expect(sim.tokensSeen().every((t) => t.accepted && t.appId === appId)).toBe(true);

    const replay = await callback(location);
    expect(replay.status).toBe(400);
    expect(replay.body.error.details.reason).toBe('replayed');
    expect(await registered()).toEqual([sim.tenantId]);
  });

  it('CLI tenants onboard prints the consent URL and waits until the callback registered the tenant', async () => {
    const cli = runCli(
      'tenants',
      'onboard',
      '--redirect-uri',
      `${server.url}/api/onboarding/callback`,
      '--timeout',
      '1',
    );
    // The CLI prints the URL, then waits: read it from its (captured) stdout while it runs.
    let consentUrl: string | undefined;
    for (let i = 0; i < 200 && !consentUrl; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const write = process.stdout.write as unknown as jest.Mock;
      if (jest.isMockFunction(write))
        consentUrl = write.mock.calls
          .map((c) => String(c[0]))
          .find((t) => t.startsWith('https://'))
          ?.trim();
    }
    expect(consentUrl).toContain('/organizations/v2.0/adminconsent?');
    const done = await callback(await consent(consentUrl!));
    expect(done.status).toBe(200);
    const result = await cli;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Registered tenant ${sim.tenantId}`);
  });
});
