import { randomUUID } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cliRunner';
import { startSimulator, type RunningSimulator } from '../../simulator';
import { generateTenant } from '../../simulator/generator';
import { resetGraphClients } from '../../../shared/config/graphConfig';
import { coreModuleIds } from '../../support/expectedRecords';

describe('entra-backup CLI', () => {
  let simulator: RunningSimulator;
  const tenantId = randomUUID();
  const modules = coreModuleIds().join(',');
  let snapshotId: string;

  beforeAll(async () => {
    simulator = await startSimulator({
      state: generateTenant({ preset: 'demo', seed: 5, tenantId }),
    });
    process.env.GRAPH_BASE_URL = simulator.baseUrl;
    process.env.GRAPH_CA_CERT_FILE = simulator.caCertFile;
    process.env.GRAPH_STATIC_TOKEN = simulator.token;
    process.env.ENTRA_BACKUP_TASK_HUB = `cli${tenantId.replace(/-/g, '').slice(0, 10)}`;
    resetGraphClients();
  });
  afterAll(() => simulator.stop());

  it('refuses bad input with exit code 2 and writes nothing', async () => {
    const badGuid = await runCli('--json', 'backup', '--tenant', 'not-a-guid');
    expect(badGuid.code).toBe(2);
    expect(badGuid.stderr).toMatch(/tenantId must be a GUID/);
    const unknownTenant = await runCli('--json', 'backup', '--tenant', tenantId);
    expect(unknownTenant.code).toBe(2);
    expect(JSON.parse(unknownTenant.stderr).error.message).toMatch(/not registered/);
    const jobs = await runCli('--json', 'jobs', '--tenant', tenantId);
    expect(JSON.parse(jobs.stdout)).toEqual([]);
  });

  it('registers a tenant, backs it up, lists, browses and downloads the snapshot', async () => {
    expect((await runCli('tenants', 'add', tenantId, '--name', 'CLI test')).code).toBe(0);
    const unknownModule = await runCli(
      '--json',
      'backup',
      '--tenant',
      tenantId,
      '--modules',
      'users,nope',
    );
    expect(unknownModule.code).toBe(2);
    expect(unknownModule.stderr).toMatch(/nope/);

    const backup = await runCli('--json', 'backup', '--tenant', tenantId, '--modules', modules);
    expect(backup.code).toBe(0);
    const summary = JSON.parse(backup.stdout);
    expect(summary.status).toBe('succeeded');
    expect(summary.modules.users.count).toBe(simulator.store.count('users'));
    snapshotId = summary.snapshotId;

    const list = JSON.parse(
      (await runCli('--json', 'snapshots', 'list', '--tenant', tenantId)).stdout,
    );
    expect(list.map((s: { snapshotId: string }) => s.snapshotId)).toContain(snapshotId);
    const shown = JSON.parse(
      (await runCli('--json', 'snapshots', 'show', snapshotId, '--tenant', tenantId)).stdout,
    );
    expect(shown.modules.groups.status).toBe('succeeded');

    const found = JSON.parse(
      (
        await runCli(
          '--json',
          'objects',
          snapshotId,
          '--tenant',
          tenantId,
          '--module',
          'groups',
          '--search',
          'sales',
        )
      ).stdout,
    );
    expect(found.objects.length).toBeGreaterThan(0);
    expect(found.objects.every((o: { moduleId: string }) => o.moduleId === 'groups')).toBe(true);

    const file = join(mkdtempSync(join(tmpdir(), 'eb-cli-')), 'users.zip');
    const download = await runCli(
      '--json',
      'download',
      snapshotId,
      '--tenant',
      tenantId,
      '--module',
      'users',
      '-o',
      file,
    );
    expect(download.code).toBe(0);
    expect(JSON.parse(download.stdout).files).toBe(simulator.store.count('users') + 1);
    expect(statSync(file).size).toBeGreaterThan(0);
  });

  it('plans a restore without writing', async () => {
    simulator.resetCounters();
    const plan = await runCli(
      '--json',
      'restore',
      'plan',
      '--tenant',
      tenantId,
      '--snapshot',
      snapshotId,
    );
    expect(plan.code).toBe(0);
    const view = JSON.parse(plan.stdout);
    expect(view.planHash).toMatch(/^[0-9a-f]{64}$/);
    expect(simulator.counters().writes).toBe(0);
  });

  it('saves a backup scope and reports what backups will read', async () => {
    const set = await runCli(
      '--json',
      'scope',
      'set',
      '--tenant',
      tenantId,
      '--categories',
      'Policies',
      '--modules',
      'users',
    );
    expect(set.code).toBe(0);
    const view = JSON.parse((await runCli('--json', 'scope', 'show', '--tenant', tenantId)).stdout);
    expect(view.selectedModules).toEqual(
      expect.arrayContaining(['users', 'conditionalAccessPolicies']),
    );
    expect(view.selectedModules).not.toContain('groups');
    const bad = await runCli(
      '--json',
      'scope',
      'set',
      '--tenant',
      tenantId,
      '--categories',
      'Nope',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Nope/);
  });

  it('prints the module catalogue and the permissions a selection needs', async () => {
    const catalogue = JSON.parse((await runCli('--json', 'modules')).stdout);
    expect(catalogue.map((m: { id: string }) => m.id)).toEqual(
      expect.arrayContaining(coreModuleIds()),
    );
    const permissions = JSON.parse(
      (await runCli('--json', 'permissions', '--modules', 'users,groups')).stdout,
    );
    expect(permissions.backup).toEqual(['Group.Read.All', 'User.Read.All']);
  });
});
