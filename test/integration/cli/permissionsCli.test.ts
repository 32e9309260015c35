import { randomUUID } from 'node:crypto';
import { runCli } from '../../support/cliRunner';
import { resetGraphClients } from '../../../shared/config/graphConfig';
import { requiredPermissions } from '../../../shared/modules/permissions';
import { startSimulator, type RunningSimulator } from '../../simulator';
import { generateTenant } from '../../simulator/generator';
import {
  ENTRA_BACKUP_APP_ID,
  ENTRA_BACKUP_GRANTED_PERMISSIONS,
} from '../../simulator/generator/wellKnown';

describe('entra-backup permissions', () => {
  let simulator: RunningSimulator;
  const tenantId = randomUUID();
  const savedClientId = process.env.GRAPH_CLIENT_ID;

  beforeAll(async () => {
    simulator = await startSimulator({
      state: generateTenant({ preset: 'demo', seed: 4, tenantId }),
    });
    process.env.GRAPH_BASE_URL = simulator.baseUrl;
    process.env.GRAPH_CA_CERT_FILE = simulator.caCertFile;
    // The simulator's token is not a JWT, so the client id comes from configuration.
    process.env.GRAPH_STATIC_TOKEN = simulator.token;
    process.env.GRAPH_CLIENT_ID = ENTRA_BACKUP_APP_ID;
    process.env.ENTRA_BACKUP_TASK_HUB = `perm${tenantId.replace(/-/g, '').slice(0, 10)}`;
    resetGraphClients();
  });
  afterAll(async () => {
    if (savedClientId === undefined) delete process.env.GRAPH_CLIENT_ID;
    else process.env.GRAPH_CLIENT_ID = savedClientId;
    await simulator.stop();
  });

  it('without --tenant prints the required permissions and exits 0', async () => {
    const res = await runCli('--json', 'permissions', '--modules', 'users,groups');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({
      modules: ['users', 'groups'],
      ...requiredPermissions(['users', 'groups'], { restore: true }),
    });
    const text = await runCli('permissions', '--modules', 'users');
    expect(text.stdout).toMatch(
      /Backup \(read\) permissions for 1 module\(s\):\n {2}User\.Read\.All/,
    );
  });

  it('refuses unknown modules and unregistered tenants with exit code 2', async () => {
    const unknown = await runCli('--json', 'permissions', '--modules', 'users,nope');
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stderr).error).toMatchObject({ code: 'unknownModule' });
    const unregistered = await runCli('--json', 'permissions', '--tenant', tenantId);
    expect(unregistered.code).toBe(2);
    expect(JSON.parse(unregistered.stderr).error.message).toMatch(/not registered/);
    expect((await runCli('permissions', '--tenant', 'not-a-guid')).code).toBe(2);
  });

  it('with --tenant exits 3 when a backup would skip modules, 0 when nothing is missing', async () => {
    expect((await runCli('tenants', 'add', tenantId, '--name', 'Permissions CLI')).code).toBe(0);

    const all = await runCli('--json', 'permissions', '--tenant', tenantId);
    expect(all.code).toBe(3);
    const report = JSON.parse(all.stdout);
    expect(report.tenant.clientId).toBe(ENTRA_BACKUP_APP_ID);
    expect(report.tenant.granted).toEqual([...ENTRA_BACKUP_GRANTED_PERMISSIONS].sort());
    expect(report.tenant.missing.backup).toContain('EntitlementManagement.Read.All');
    expect(report.tenant.modulesAffected.backup).toContain('accessPackages');

    const human = await runCli(
      'permissions',
      '--tenant',
      tenantId,
      '--modules',
      'users,accessPackages',
    );
    expect(human.code).toBe(3);
    expect(human.stdout).toMatch(/granted +User\.Read\.All/);
    expect(human.stdout).toMatch(/missing +EntitlementManagement\.Read\.All/);
    expect(human.stdout).toMatch(/Modules a backup would skip:\n {2}accessPackages\n/);

    const core = await runCli(
      '--json',
      'permissions',
      '--tenant',
      tenantId,
      '--modules',
      'users,groups',
    );
    expect(core.code).toBe(0);
    expect(JSON.parse(core.stdout).tenant.missing.backup).toEqual([]);
  });

  it('exits 1 when the app has no service principal in the tenant', async () => {
    process.env.GRAPH_CLIENT_ID = '0badc0de-0000-4000-8000-000000000000';
    try {
      const res = await runCli('permissions', '--tenant', tenantId, '--modules', 'users');
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/admin consent was never given/);
    } finally {
      process.env.GRAPH_CLIENT_ID = ENTRA_BACKUP_APP_ID;
    }
  });
});
