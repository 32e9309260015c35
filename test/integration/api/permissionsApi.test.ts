import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';
import { signTestToken, testAuthEnv } from '../../support/tokens';
import { startLocalHttpServer, type LocalHttpServer } from '../../../local/httpServer';
import { requiredPermissions } from '../../../shared/modules/permissions';
import { addedInVersionOf, ALL_MODULES, FIRST_RELEASE } from '../../../shared/modules';
import {
  ENTRA_BACKUP_APP_ID,
  ENTRA_BACKUP_GRANTED_PERMISSIONS,
} from '../../simulator/generator/wellKnown';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The first release's modules, whose reads the simulator's entra-backup app has consent for. */
const CORE_MODULES = ALL_MODULES.filter((m) => addedInVersionOf(m) === FIRST_RELEASE).map(
  (m) => m.id,
);

/** An unsigned JWT-shaped access token: the simulator accepts it as its one bearer token. */
function tokenWithAppId(appid: string): string {
  return (
    [
      { alg: 'none', typ: 'JWT' },
      { appid, aud: 'https://graph.microsoft.com' },
    ]
      .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
      .join('.') + '.'
  );
}

describe('HTTP API: permissions', () => {
  let harness: BackupHarness;
  let server: LocalHttpServer;
  let reader: string;
  const savedClientId = process.env.GRAPH_CLIENT_ID;

  beforeAll(async () => {
    Object.assign(process.env, testAuthEnv());
    // No GRAPH_CLIENT_ID: the client id comes from the (JWT) token, as with a managed identity.
    delete process.env.GRAPH_CLIENT_ID;
    harness = await startBackupHarness({
      preset: 'demo',
      seed: 3,
      simulator: { token: tokenWithAppId(ENTRA_BACKUP_APP_ID) },
    });
    server = await startLocalHttpServer({ port: 0 });
    reader = await signTestToken({ roles: ['Backup.Reader'] });
  });
  afterAll(async () => {
    if (savedClientId === undefined) delete process.env.GRAPH_CLIENT_ID;
    else process.env.GRAPH_CLIENT_ID = savedClientId;
    await server?.stop();
    await harness?.stop();
  });

  const get = async (path: string, token = reader) => {
    const response = await fetch(`${server.url}/api/${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.status, body: (await response.json()) as Json };
  };

  it('GET /permissions reports what modules need, without a tenant part', async () => {
    expect((await get('permissions', '')).status).toBe(401);
    const res = await get('permissions?modules=users,groups');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      modules: ['users', 'groups'],
      ...requiredPermissions(['users', 'groups'], { restore: true }),
    });
    const all = await get('permissions');
    expect(all.body.modules).toEqual(ALL_MODULES.map((m) => m.id));
  });

  it('refuses unknown modules with a 400 naming them', async () => {
    const res = await get('permissions?modules=users,nope');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('unknownModule');
    expect(res.body.error.details).toEqual({ modules: ['nope'] });
    const tenant = await get(`tenants/${harness.tenantId}/permissions?modules=nada`);
    expect(tenant.status).toBe(400);
    expect(tenant.body.error.message).toMatch(/nada/);
  });

  it('answers 404 for a tenant that is not registered', async () => {
    const res = await get('tenants/00000000-0000-4000-8000-000000000001/permissions');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('notFound');
  });

  it("reads the app's grants in the tenant and lists what is missing", async () => {
    const res = await get(`tenants/${harness.tenantId}/permissions`);
    expect(res.status).toBe(200);
    const tenant = res.body.tenant;
    expect(tenant.tenantId).toBe(harness.tenantId);
    expect(tenant.clientId).toBe(ENTRA_BACKUP_APP_ID);
    expect(tenant.granted).toEqual([...ENTRA_BACKUP_GRANTED_PERMISSIONS].sort());
    const needed = requiredPermissions(
      ALL_MODULES.map((m) => m.id),
      { restore: true },
    );
    expect(tenant.missing.backup).toEqual(
      needed.backup.filter((p) => !ENTRA_BACKUP_GRANTED_PERMISSIONS.includes(p)),
    );
    expect(tenant.missing.backup).toContain('EntitlementManagement.Read.All');
    expect(tenant.missing.restore).toEqual(needed.restore);
    expect(tenant.modulesAffected.backup).toContain('accessPackages');
    for (const core of CORE_MODULES) expect(tenant.modulesAffected.backup).not.toContain(core);
    expect(tenant.modulesAffected.restore).toEqual(expect.arrayContaining(CORE_MODULES));
  });

  it('has nothing missing for a backup of the core modules', async () => {
    const res = await get(
      `tenants/${harness.tenantId}/permissions?modules=${CORE_MODULES.join(',')}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.modules).toEqual(CORE_MODULES);
    expect(res.body.tenant.missing.backup).toEqual([]);
    expect(res.body.tenant.modulesAffected.backup).toEqual([]);
    expect(res.body.tenant.missing.restore).toEqual(res.body.restore);
  });

  it('answers 424 when the configured app has no service principal in the tenant', async () => {
    process.env.GRAPH_CLIENT_ID = '0badc0de-0000-4000-8000-000000000000';
    try {
      const res = await get(`tenants/${harness.tenantId}/permissions?modules=users`);
      expect(res.status).toBe(424);
      expect(res.body.error.code).toBe('appNotConsented');
      expect(res.body.error.message).toBe(
        `the app 0badc0de-0000-4000-8000-000000000000 has no service principal in tenant ` +
          `${harness.tenantId}: admin consent was never given`,
      );
    } finally {
      delete process.env.GRAPH_CLIENT_ID;
    }
  });
});
