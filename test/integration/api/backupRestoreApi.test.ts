import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';
import { coreModuleIds } from '../../support/expectedRecords';
import { signTestToken, testAuthEnv } from '../../support/tokens';
import { startLocalHttpServer, type LocalHttpServer } from '../../../local/httpServer';
import { breakTenant } from '../../../scripts/demoScenario';
import { runDueSchedules } from '../../../shared/backup/runDueSchedules';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('HTTP API: backups and restores through the real handlers', () => {
  let harness: BackupHarness;
  let server: LocalHttpServer;
  let operator: string;
  let reader: string;

  beforeAll(async () => {
    Object.assign(process.env, testAuthEnv());
    harness = await startBackupHarness({ preset: 'demo', seed: 9 });
    server = await startLocalHttpServer({ port: 0 });
    operator = await signTestToken({ roles: ['Backup.Operator'] });
    reader = await signTestToken({ roles: ['Backup.Reader'] });
  });
  afterAll(async () => {
    await server.stop();
    await harness.stop();
  });

  const call = async (method: string, path: string, token: string | undefined, body?: unknown) => {
    const response = await fetch(`${server.url}/api/${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : undefined) as Json,
    };
  };

  const poll = async (url: string): Promise<Json> => {
    for (let i = 0; i < 600; i++) {
      const response = await fetch(url, { headers: { authorization: `Bearer ${reader}` } });
      if (response.status === 200) return response.json();
      expect(response.status).toBe(202);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${url} never finished`);
  };

  it('refuses bad input with clear 4xx errors and starts nothing', async () => {
    const tenant = harness.tenantId;
    expect((await call('POST', `tenants/${tenant}/backups`, undefined, {})).status).toBe(401);
    expect((await call('POST', `tenants/${tenant}/backups`, reader, {})).status).toBe(403);
    const badGuid = await call('POST', 'tenants/not-a-guid/backups', operator, {});
    expect(badGuid.status).toBe(400);
    expect(JSON.stringify(badGuid.body.error)).toMatch(/tenantId must be a GUID/);
    const unknownModule = await call('POST', `tenants/${tenant}/backups`, operator, {
      modules: ['nope'],
    });
    expect(unknownModule.status).toBe(400);
    expect(unknownModule.body.error.code).toBe('unknownModule');
    const unknownTenant = await call(
      'POST',
      'tenants/00000000-0000-4000-8000-000000000001/backups',
      operator,
      {},
    );
    expect(unknownTenant.status).toBe(404);
    const extraField = await call('POST', `tenants/${tenant}/backups`, operator, { full: 'yes' });
    expect(extraField.status).toBe(400);
    const jobs = await call('GET', `tenants/${tenant}/backups`, reader);
    expect(jobs.body.value).toEqual([]);
  });

  it('saves schedules, refuses a bad one, and the timer starts the due ones once', async () => {
    const tenant = harness.tenantId;
    const admin = await signTestToken({ roles: ['Backup.Admin'] });
    const tooOften = await call('PUT', `tenants/${tenant}/schedules/nightly`, admin, {
      intervalMinutes: 5,
    });
    expect(tooOften.status).toBe(400);
    expect((await call('GET', `tenants/${tenant}/schedules`, reader)).body.value).toEqual([]);
    const badId = await call('PUT', `tenants/${tenant}/schedules/Bad%20Id`, admin, {
      intervalMinutes: 60,
    });
    expect(badId.status).toBe(400);
    expect(
      (await call('PUT', `tenants/${tenant}/schedules/nightly`, operator, { intervalMinutes: 60 }))
        .status,
    ).toBe(403);
    const badCron = await call('PUT', `tenants/${tenant}/schedules/nightly`, admin, {
      cron: '0 25 * * *',
    });
    expect(badCron.status).toBe(400);
    expect(JSON.stringify(badCron.body.error)).toMatch(/invalid cron expression/);
    const badZone = await call('PUT', `tenants/${tenant}/schedules/nightly`, admin, {
      cron: '0 2 * * *',
      timeZone: 'Nowhere/Special',
    });
    expect(badZone.status).toBe(400);
    expect((await call('GET', `tenants/${tenant}/schedules`, reader)).body.value).toEqual([]);
    const saved = await call('PUT', `tenants/${tenant}/schedules/nightly`, admin, {
      intervalMinutes: 1440,
      runNow: true,
    });
    expect(saved.status).toBe(200);
    expect(Date.parse(saved.body.nextRunAt)).toBeLessThanOrEqual(Date.now());

    // The timer's logic: a due schedule starts a backup; run again at once, nothing is due.
    const services = harness.runtime.services;
    const first = await runDueSchedules(services, harness.runtime.runner, new Date());
    const mine = first.filter((o) => o.tenantId === tenant);
    expect(mine).toEqual([expect.objectContaining({ scheduleId: 'nightly', outcome: 'started' })]);
    const again = await runDueSchedules(services, harness.runtime.runner, new Date());
    expect(again.filter((o) => o.tenantId === tenant)).toEqual([]);
    await harness.runtime.runner.waitForCompletion(`backup-${tenant}`, { timeoutMs: 60_000 });
    const schedule = (await call('GET', `tenants/${tenant}/schedules`, reader)).body.value[0];
    expect(Date.parse(schedule.nextRunAt)).toBeGreaterThan(Date.now() + 23 * 3600_000);
    // Later tests compare against the latest snapshot: let them make their own.
    const deleted = await call('DELETE', `tenants/${tenant}/schedules/nightly`, admin);
    expect(deleted.status).toBe(204);
    expect((await call('DELETE', `tenants/${tenant}/schedules/nightly`, admin)).status).toBe(404);
    expect((await call('GET', `tenants/${tenant}/schedules`, reader)).body.value).toEqual([]);
  });

  it('starts a backup (202 + Location), refuses a second one (409), then reports it done (200)', async () => {
    const tenant = harness.tenantId;
    const started = await call('POST', `tenants/${tenant}/backups`, operator, {
      modules: coreModuleIds(),
    });
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(started.body.statusUrl);
    const second = await call('POST', `tenants/${tenant}/backups`, operator, {});
    expect(second.status).toBe(409);
    expect(second.body.error.details.runningJobId).toBe(started.body.jobId);
    const done = await poll(started.body.statusUrl);
    expect(done.status).toBe('succeeded');
    expect(done.snapshotId).toBe(started.body.snapshotId);
    const snapshots = await call('GET', `tenants/${tenant}/snapshots`, reader);
    expect(snapshots.body.value[0].snapshotId).toBe(done.snapshotId);
  });

  it('plans a restore, refuses a stale hash (409), applies the confirmed plan', async () => {
    const tenant = harness.tenantId;
    const snapshotId = (await call('GET', `tenants/${tenant}/snapshots`, reader)).body.value[0]
      .snapshotId;
    await breakTenant(harness.graph);
    const started = await call('POST', `tenants/${tenant}/restores`, operator, {
      source: { snapshotId },
    });
    expect(started.status).toBe(202);
    let view: Json;
    for (let i = 0; i < 300; i++) {
      view = (await call('GET', `restores/${started.body.restoreId}?plan=text`, reader)).body;
      if (view.status === 'awaitingConfirmation' && view.planText) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(view.planText).toMatch(/CREATE groups/);
    const stale = await call('POST', `restores/${started.body.restoreId}/confirm`, operator, {
      planHash: 'a'.repeat(64),
    });
    expect(stale.status).toBe(409);
    const confirmed = await call('POST', `restores/${started.body.restoreId}/confirm`, operator, {
      planHash: view.planHash,
    });
    expect(confirmed.status).toBe(202);
    const done = await poll(confirmed.body.statusUrl);
    expect(done.status).toBe('succeeded');
    expect(done.summary.residual).toBe(0);
  });
});
