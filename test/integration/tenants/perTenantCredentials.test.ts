import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSimulator, type RunningSimulator } from '../../simulator';
import { generateTenant } from '../../simulator/generator';
import { startFakeKeyVault, type FakeKeyVault } from '../../support/fakeKeyVault';
import { startLocalRuntime, type LocalRuntime } from '../../../cli/localRuntime';
import { resetGraphClients } from '../../../shared/config/graphConfig';
import { SdkKeyVaultReader, setKeyVaultReader } from '../../../shared/config/keyVault';
import { createTokenCredential } from '../../../shared/graph/credentials';
import { backupInstanceId, startBackup } from '../../../shared/backup/startBackup';
import type { BackupSummary } from '../../../shared/backup/backupJobTypes';
import { registerTenant } from '../../../shared/tenants/registerTenant';

/**
 * Issue 14, credentials per tenant: two tenants, each in its own simulator with its own app
 * and secret — one secret in an app setting, one in (a loopback) Key Vault read by the real
 * @azure/keyvault-secrets client — back up with tokens from their own authority only; a third
 * tenant whose Key Vault secret does not exist fails with that reason, and nothing falls back.
 */
describe('per-tenant credentials', () => {
  const appA = randomUUID();
  const appB = randomUUID();
  const tenantC = randomUUID();
  let simA: RunningSimulator;
  let simB: RunningSimulator;
  let vault: FakeKeyVault;
  let runtime: LocalRuntime;
  const saved = { ...process.env };

  beforeAll(async () => {
    simA = await startSimulator({
      state: generateTenant({ preset: 'demo', seed: 3, tenantId: randomUUID() }),
      clients: [{ appId: appA, secret: 'secret-of-a' }],
    });
    simB = await startSimulator({
      state: generateTenant({ preset: 'demo', seed: 4, tenantId: randomUUID() }),
      clients: [{ appId: appB, secret: 'secret-of-b' }],
    });
    vault = await startFakeKeyVault(simB.tenantId);
    vault.secrets.set('tenant-b-secret', { value: 'secret-of-b' });
    const bundle = path.join(mkdtempSync(path.join(tmpdir(), 'kv-ca-')), 'ca.pem');
    writeFileSync(bundle, [simA.caCertPem, simB.caCertPem, vault.caCertPem].join('\n'));
    // No deployment-wide credential at all: only the rows say how to reach a tenant.
    for (const name of [
      'GRAPH_STATIC_TOKEN',
      'GRAPH_CLIENT_ID',
      'GRAPH_CLIENT_SECRET',
      'GRAPH_BASE_URL',
    ])
      delete process.env[name];
    process.env.GRAPH_CA_CERT_FILE = bundle;
    process.env.TENANT_A_SECRET = 'secret-of-a';
    resetGraphClients();
    setKeyVaultReader(
      new SdkKeyVaultReader({
        credential: createTokenCredential({ kind: 'staticToken', token: 'vault-token' }),
        disableChallengeResourceVerification: true,
      }),
    );
    runtime = await startLocalRuntime({
      taskHub: `c${randomUUID().replace(/-/g, '').slice(0, 12)}`,
    });
    const { services } = runtime;
    await registerTenant(services, simA.tenantId, 'Customer A', {
      credential: { kind: 'clientSecret', clientId: appA, secretRef: 'TENANT_A_SECRET' },
      graphBaseUrl: simA.baseUrl,
      authorityHost: simA.baseUrl,
    });
    await registerTenant(services, simB.tenantId, 'Customer B', {
      credential: {
        kind: 'clientSecret',
        clientId: appB,
        secretRef: `${vault.vaultUrl}/secrets/tenant-b-secret`,
      },
      graphBaseUrl: simB.baseUrl,
      authorityHost: simB.baseUrl,
    });
    await registerTenant(services, tenantC, 'Customer C', {
      credential: {
        kind: 'clientSecret',
        clientId: appA,
        secretRef: `${vault.vaultUrl}/secrets/tenant-c-secret`,
      },
      graphBaseUrl: simA.baseUrl,
      authorityHost: simA.baseUrl,
    });
  });

  afterAll(async () => {
    setKeyVaultReader(undefined);
    resetGraphClients();
    process.env = saved;
    await runtime?.stop();
    await Promise.all([simA?.stop(), simB?.stop(), vault?.stop()]);
  });

  const backup = async (tenantId: string): Promise<BackupSummary> => {
    await startBackup(runtime.services, runtime.runner, {
      tenantId,
      modules: ['users', 'groups', 'applications'],
      requestedBy: 'test',
    });
    const status = await runtime.runner.waitForCompletion(backupInstanceId(tenantId), {
      timeoutMs: 110_000,
    });
    return status.output as BackupSummary;
  };

  it("backs each tenant up with its own tenant's tokens; a missing Key Vault secret fails only that tenant", async () => {
    const [a, b, c] = await Promise.all([
      backup(simA.tenantId),
      backup(simB.tenantId),
      backup(tenantC),
    ]);
    expect(a.status).toBe('succeeded');
    expect(b.status).toBe('succeeded');
    expect(a.objects).toBeGreaterThan(0);
    expect(b.objects).toBeGreaterThan(0);

    // Every token each Graph saw was issued by that tenant's authority for that tenant's app.
    expect(simA.tokensSeen()).toEqual([
      expect.objectContaining({ tenantId: simA.tenantId, appId: appA, accepted: true }),
    ]);
    expect(simB.tokensSeen()).toEqual([
      expect.objectContaining({ tenantId: simB.tenantId, appId: appB, accepted: true }),
    ]);
    expect(new Set(simA.identity.issued.map((t) => t.appId))).toEqual(new Set([appA]));
    expect(new Set(simB.identity.issued.map((t) => t.appId))).toEqual(new Set([appB]));
    expect(vault.requests).toContain('/secrets/tenant-b-secret/');

    expect(c.status).toBe('failed');
    for (const module of Object.values(c.modules)) {
      expect(module.status).toBe('failed');
      expect(module.error).toContain(`tenant ${tenantC}`);
      expect(module.error).toContain("Key Vault secret 'tenant-c-secret'");
      expect(module.error).toContain('SecretNotFound');
    }
    expect(c.snapshotId).toBeUndefined();
    // C never got a token anywhere: nothing fell back to A's (or any other) credential.
    expect(simA.identity.issued.every((t) => t.tenantId === simA.tenantId)).toBe(true);
  });

  it('fails a tenant whose app setting is missing, naming the setting', async () => {
    delete process.env.TENANT_A_SECRET;
    resetGraphClients();
    try {
      const a = await backup(simA.tenantId);
      expect(a.status).toBe('failed');
      expect(Object.values(a.modules)[0].error).toContain(
        "app setting 'TENANT_A_SECRET' is not set",
      );
    } finally {
      process.env.TENANT_A_SECRET = 'secret-of-a';
    }
  });
});
