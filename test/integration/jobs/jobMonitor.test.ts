import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';
import { runCli } from '../../support/cliRunner';
import { signTestToken, testAuthEnv } from '../../support/tokens';
import { startLocalHttpServer, type LocalHttpServer } from '../../../local/httpServer';
import { breakTenant } from '../../../scripts/demoScenario';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const MODULES = ['users', 'groups', 'namedLocations', 'conditionalAccessPolicies'];

describe('job monitor and job reports (HTTP and CLI)', () => {
  let harness: BackupHarness;
  let server: LocalHttpServer;
  let reader: string;
  let backupJobId: string;
  let restoreJobId: string;

  beforeAll(async () => {
    Object.assign(process.env, testAuthEnv());
    harness = await startBackupHarness({ preset: 'demo', seed: 15 });
    server = await startLocalHttpServer({ port: 0 });
    reader = await signTestToken({ roles: ['Backup.Reader'] });
    const summary = await harness.backup({ modules: MODULES });
    backupJobId = summary.jobId;
    await breakTenant(harness.graph);
    const outcome = await harness.restore({
      source: { kind: 'snapshot', snapshotId: summary.snapshotId! },
      selection: { modules: MODULES },
      relationshipMode: 'merge',
      caPolicyLossMode: 'block',
    });
    restoreJobId = outcome.restoreId.split('.')[1];
  });
  afterAll(async () => {
    await server.stop();
    await harness.stop();
  });

  const get = async (path: string, token = reader) => {
    const response = await fetch(`${server.url}/api/${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    let json: Json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  };

  it('lists backup and restore jobs across tenants, filtered by tenant, type, status and time', async () => {
    const tenant = harness.tenantId;
    const all = await get(`jobs?tenantId=${tenant}`);
    expect(all.status).toBe(200);
    expect(all.json.value.map((j: Json) => [j.type, j.jobId])).toEqual([
      ['restore', restoreJobId],
      ['backup', backupJobId],
    ]);
    expect(all.json.value.every((j: Json) => j.running === false && !('etag' in j))).toBe(true);

    const restores = await get(`jobs?tenantId=${tenant}&type=restore`);
    expect(restores.json.value.map((j: Json) => j.jobId)).toEqual([restoreJobId]);
    const succeeded = await get(`jobs?tenantId=${tenant}&status=succeeded&type=backup`);
    expect(succeeded.json.value.map((j: Json) => j.jobId)).toEqual([backupJobId]);
    const failed = await get(`jobs?tenantId=${tenant}&status=failed`);
    expect(failed.json.value).toEqual([]);

    const restoreStart = all.json.value[0].startedAt;
    const since = await get(`jobs?tenantId=${tenant}&since=${encodeURIComponent(restoreStart)}`);
    expect(since.json.value.map((j: Json) => j.jobId)).toEqual([restoreJobId]);
    const until = await get(`jobs?tenantId=${tenant}&until=${encodeURIComponent(restoreStart)}`);
    expect(until.json.value.map((j: Json) => j.jobId)).toEqual([backupJobId]);

    // Without a tenant filter: every visible tenant; this one's jobs are among them.
    const everywhere = await get('jobs?limit=1000');
    expect(everywhere.json.value.map((j: Json) => j.jobId)).toEqual(
      expect.arrayContaining([backupJobId, restoreJobId]),
    );
  });

  it('refuses bad filters (400) and tenants the caller is not assigned (403 / hidden)', async () => {
    expect((await get('jobs?status=done')).status).toBe(400);
    expect((await get('jobs?type=Backup!')).status).toBe(400);
    expect((await get('jobs?since=yesterday')).status).toBe(400);
    expect((await get('jobs?tenantId=not-a-guid')).status).toBe(400);
    expect((await get('jobs?color=red')).status).toBe(400);
    const outsider = await signTestToken({
      roles: ['Backup.Reader'],
      tenants: ['00000000-0000-4000-8000-0000000000ff'],
    });
    expect((await get(`jobs?tenantId=${harness.tenantId}`, outsider)).status).toBe(403);
    const hidden = await get('jobs?limit=1000', outsider);
    expect(hidden.status).toBe(200);
    expect(hidden.json.value.filter((j: Json) => j.tenantId === harness.tenantId)).toEqual([]);
  });

  it('reports a backup per module and a restore per action, as JSON and CSV', async () => {
    const tenant = harness.tenantId;
    const backup = await get(`tenants/${tenant}/jobs/${backupJobId}/report`);
    expect(backup.status).toBe(200);
    expect(backup.json.modules.map((m: Json) => m.moduleId)).toEqual([...MODULES].sort());
    const users = backup.json.modules.find((m: Json) => m.moduleId === 'users');
    expect(users.objects).toBe(harness.simulator.store.count('users'));
    expect(users.requests).toBeGreaterThan(0);
    expect(users.durationMs).toBeGreaterThanOrEqual(0);

    const csv = await get(`tenants/${tenant}/jobs/${backupJobId}/report?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="job-${backupJobId}.csv"`,
    );
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^tenantId,jobId,moduleId,status,mode,objects,/);
    expect(lines).toHaveLength(MODULES.length + 1);
    expect(lines.find((l) => l.includes(',users,'))).toContain(`,${users.objects},`);

    const restore = await get(`tenants/${tenant}/jobs/${restoreJobId}/report`);
    expect(restore.json.type).toBe('restore');
    expect(restore.json.actions.length).toBeGreaterThan(0);
    expect(restore.json.actions.every((a: Json) => a.result === 'succeeded')).toBe(true);
    const restoreCsv = await get(`tenants/${tenant}/jobs/${restoreJobId}/report?format=csv`);
    expect(restoreCsv.text.trimEnd().split('\r\n')).toHaveLength(restore.json.actions.length + 1);

    expect((await get(`tenants/${tenant}/jobs/20200101T000000000Z-zz/report`)).status).toBe(404);
    expect((await get(`tenants/${tenant}/jobs/${backupJobId}/report?format=xml`)).status).toBe(400);
    const one = await get(`tenants/${tenant}/jobs/${restoreJobId}`);
    expect(one.json).toMatchObject({ type: 'restore', status: 'succeeded', running: false });
  });

  it('CLI: jobs, jobs show and jobs report --csv', async () => {
    const tenant = harness.tenantId;
    const list = await runCli('--json', 'jobs', '--tenant', tenant, '--type', 'restore');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((j: Json) => j.jobId)).toEqual([restoreJobId]);
    const show = await runCli('--json', 'jobs', 'show', backupJobId);
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ tenantId: tenant, type: 'backup' });
    const report = await runCli('jobs', 'report', backupJobId, '--tenant', tenant, '--csv');
    expect(report.code).toBe(0);
    expect(report.stdout.split('\r\n')[0]).toMatch(/^tenantId,jobId,moduleId/);
    const missing = await runCli('jobs', 'show', '20200101T000000000Z-zz', '--tenant', tenant);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/not found/);
    expect((await runCli('jobs', '--status', 'done')).code).toBe(2);
  });
});
