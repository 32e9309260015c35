import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';
import { coreModuleIds } from '../../support/expectedRecords';
import { signTestToken, testAuthEnv } from '../../support/tokens';
import { startLocalHttpServer, type LocalHttpServer } from '../../../local/httpServer';
import { uploadBlobName } from '../../../shared/restore/source/uploads';
import { restoreInstanceId } from '../../../shared/restore/job/startRestore';
import { backupInstanceId } from '../../../shared/backup/startBackup';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const N = 10;
const EXACTLY_ONE = {
  attempts: N,
  accepted: 1,
  conflicts: N - 1,
  serverErrors: 0,
  other: 0,
  orphans: 0,
};
const ALL_ACCEPTED = {
  attempts: N,
  accepted: N,
  conflicts: 0,
  serverErrors: 0,
  other: 0,
  orphans: 0,
};

/**
 * N simultaneous starts of one kind against the real handlers: exactly one is accepted, every
 * other answers 409 naming the job that won, nothing answers 5xx and no loser leaves a job row.
 */
describe('concurrent starts through the HTTP API', () => {
  let harness: BackupHarness;
  let server: LocalHttpServer;
  let operator: string;
  let admin: string;
  let reader: string;
  const figures: Record<string, Record<string, number>> = {};

  beforeAll(async () => {
    Object.assign(process.env, testAuthEnv());
    harness = await startBackupHarness({ preset: 'demo', seed: 11 });
    // A committed snapshot to restore from.
    await harness.backup({ modules: coreModuleIds() });
    server = await startLocalHttpServer({ port: 0 });
    operator = await signTestToken({ roles: ['Backup.Operator'] });
    admin = await signTestToken({ roles: ['Backup.Admin'] });
    reader = await signTestToken({ roles: ['Backup.Reader'] });
  });
  afterAll(async () => {
    console.log(`concurrent starts (N=${N}):\n${JSON.stringify(figures, null, 2)}`);
    await server?.stop();
    await harness?.stop();
  });

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json };
  };

  const all = (n: number, start: () => ReturnType<typeof call>) =>
    Promise.all(Array.from({ length: n }, start));

  const tally = (kind: string, answers: Array<{ status: number }>, orphans: number) => {
    figures[kind] = {
      attempts: answers.length,
      accepted: answers.filter((a) => a.status >= 200 && a.status < 300).length,
      conflicts: answers.filter((a) => a.status === 409).length,
      serverErrors: answers.filter((a) => a.status >= 500).length,
      other: answers.filter((a) => a.status < 200 || (a.status >= 300 && a.status !== 409)).length,
      orphans,
    };
    return figures[kind];
  };

  /** Every refused start answers the same code and names the winner. */
  const expectLosersToName = (
    answers: Array<{ status: number; body: Json }>,
    code: string,
    details: Record<string, string>,
  ) => {
    for (const loser of answers.filter((a) => a.status === 409)) {
      expect(loser.body.error.code).toBe(code);
      expect(loser.body.error.details).toMatchObject(details);
    }
  };

  const jobRows = (type: 'backup' | 'restore') =>
    harness.runtime.services.jobs.list(harness.tenantId, { type, limit: 1000 });

  const waitUntil = async (what: string, check: () => Promise<boolean>) => {
    for (let i = 0; i < 1200; i++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${what} did not happen in time`);
  };

  it('ten simultaneous backup starts: one 202, nine 409 naming it, one job row', async () => {
    const tenant = harness.tenantId;
    // Slow Graph answers keep the winner running while the losers (and a restore) try.
    harness.simulator.setFaults({ slow: { probability: 1, delayMs: 150 } });
    const before = new Set((await jobRows('backup')).map((r) => r.jobId));
    const answers = await all(N, () =>
      call('POST', `tenants/${tenant}/backups`, operator, { modules: coreModuleIds() }),
    );
    const winners = answers.filter((a) => a.status === 202);
    const rows = (await jobRows('backup')).filter((r) => !before.has(r.jobId));
    const orphans = rows.filter((r) => r.jobId !== winners[0]?.body.jobId).length;
    expect(tally('backup', answers, orphans)).toEqual(EXACTLY_ONE);
    const jobId = winners[0].body.jobId as string;
    expectLosersToName(answers, 'backupAlreadyRunning', { runningJobId: jobId });
    expect(rows.map((r) => r.jobId)).toEqual([jobId]);

    // One rule for the other kind: no restore starts while a backup of the tenant runs.
    const committed = (await call('GET', `tenants/${tenant}/snapshots`, reader)).body.value[0];
    const restoreDuringBackup = await call('POST', `tenants/${tenant}/restores`, operator, {
      source: { snapshotId: committed.snapshotId },
      dryRun: true,
    });
    expect(restoreDuringBackup.status).toBe(409);
    expect(restoreDuringBackup.body.error.code).toBe('backupRunning');
    expect(restoreDuringBackup.body.error.details.runningJobId).toBe(jobId);
    expect(await jobRows('restore')).toEqual([]);

    // The last line: with the lease gone (as if it had expired), the singleton instance id still
    // refuses a second backup, as a 409 naming the running job, and the loser leaves nothing.
    expect(await harness.runtime.services.leases.release(tenant, 'backup', jobId)).toBe(true);
    const pastLease = await call('POST', `tenants/${tenant}/backups`, operator, {});
    expect(pastLease.status).toBe(409);
    expect(pastLease.body.error.code).toBe('backupAlreadyRunning');
    expect(pastLease.body.error.details.runningJobId).toBe(jobId);
    expect(
      (await jobRows('backup')).filter((r) => !before.has(r.jobId)).map((r) => r.jobId),
    ).toEqual([jobId]);
    expect(await harness.runtime.services.leases.get(tenant, 'backup')).toBeUndefined();

    harness.simulator.setFaults({});
    await waitUntil('the backup to finish', async () => {
      const job = await harness.runtime.services.jobs.get(tenant, jobId);
      return job?.status === 'succeeded';
    });
    // The lease went with the job: the next start is accepted.
    const next = await call('POST', `tenants/${tenant}/backups`, operator, {
      modules: coreModuleIds(),
    });
    expect(next.status).toBe(202);
    await waitUntil('the second backup to finish', async () => {
      const job = await harness.runtime.services.jobs.get(tenant, next.body.jobId);
      return job?.status === 'succeeded';
    });
  });

  it('ten simultaneous restore starts: one 202, nine 409 restoreAlreadyActive, one job row', async () => {
    const tenant = harness.tenantId;
    const snapshotId = (await call('GET', `tenants/${tenant}/snapshots`, reader)).body.value[0]
      .snapshotId as string;
    const answers = await all(N, () =>
      call('POST', `tenants/${tenant}/restores`, operator, { source: { snapshotId } }),
    );
    const winners = answers.filter((a) => a.status === 202);
    const rows = await jobRows('restore');
    const winnerJob = (winners[0]?.body.restoreId as string | undefined)?.split('.')[1];
    const orphans = rows.filter((r) => r.jobId !== winnerJob).length;
    expect(tally('restore', answers, orphans)).toEqual(EXACTLY_ONE);
    const restoreId = winners[0].body.restoreId as string;
    expectLosersToName(answers, 'restoreAlreadyActive', { activeRestoreId: restoreId });

    // Still refused while the plan awaits confirmation; the cancel releases the tenant.
    await waitUntil('the plan', async () => {
      const view = await call('GET', `restores/${restoreId}`, reader);
      return view.body.status === 'awaitingConfirmation';
    });
    const whileWaiting = await call('POST', `tenants/${tenant}/restores`, operator, {
      source: { snapshotId },
    });
    expect(whileWaiting.status).toBe(409);
    expect(whileWaiting.body.error.details.activeRestoreId).toBe(restoreId);
    expect((await call('POST', `restores/${restoreId}/cancel`, operator, {})).status).toBe(202);
    await waitUntil('the cancel', async () => {
      const view = await call('GET', `restores/${restoreId}`, reader);
      return view.body.status === 'cancelled';
    });
    const afterCancel = await call('POST', `tenants/${tenant}/restores`, operator, {
      source: { snapshotId },
      dryRun: true,
    });
    expect(afterCancel.status).toBe(202);
    await harness.runtime.runner.waitForCompletion(restoreInstanceId(afterCancel.body.restoreId), {
      timeoutMs: 100_000,
    });
    expect((await jobRows('restore')).map((r) => r.status).sort()).toEqual([
      'cancelled',
      'succeeded',
    ]);
  });

  it('a restore from an upload that does not exist is 404 up front: no job, no orchestration', async () => {
    const tenant = harness.tenantId;
    const before = (await jobRows('restore')).length;
    const missing = await call('POST', `tenants/${tenant}/restores`, operator, {
      source: { uploadId: '20261204T000000-deadbeef' },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('uploadNotFound');
    expect((await jobRows('restore')).length).toBe(before);
  });

  it('a restore that fails says failed in the jobs table and in its view alike', async () => {
    const tenant = harness.tenantId;
    // An upload blob that exists but cannot be read as an export: planning fails.
    const uploadId = '20261204T000001-0badf00d';
    await harness.runtime.services.store.workContainer
      .getBlockBlobClient(uploadBlobName(tenant, uploadId))
      .uploadData(Buffer.from('not an export'));
    const started = await call('POST', `tenants/${tenant}/restores`, operator, {
      source: { uploadId },
      dryRun: true,
    });
    expect(started.status).toBe(202);
    const restoreId = started.body.restoreId as string;
    await harness.runtime.runner.waitForCompletion(restoreInstanceId(restoreId), {
      timeoutMs: 100_000,
    });
    const view = await call('GET', `restores/${restoreId}`, reader);
    expect(view.body.status).toBe('failed');
    const row = await harness.runtime.services.jobs.get(tenant, restoreId.split('.')[1]);
    expect(row?.status).toBe('failed');
    expect(row?.finishedAt).toBeDefined();
    const listed = await call('GET', `jobs?tenantId=${tenant}&type=restore`, reader);
    expect(listed.status).toBe(200);
    const listedRow = (listed.body.value as Json[]).find(
      (j) => j.jobId === restoreId.split('.')[1],
    );
    expect(listedRow?.status).toBe('failed');
    // A failed restore releases the tenant too.
    const next = await call('POST', `tenants/${tenant}/restores`, operator, {
      source: { uploadId },
      dryRun: true,
    });
    expect(next.status).toBe(202);
    await harness.runtime.runner.waitForCompletion(restoreInstanceId(next.body.restoreId), {
      timeoutMs: 100_000,
    });
  });

  it('a backup whose step throws says failed in the jobs table and frees the tenant', async () => {
    const tenant = harness.tenantId;
    // A stored scope that does not parse: planning the backup (which reads it) throws.
    const scopes = harness.runtime.services.scopes.table;
    await scopes.upsertEntity(
      { partitionKey: tenant, rowKey: 'scope', enableAll: 'not a boolean' },
      'Replace',
    );
    try {
      const started = await call('POST', `tenants/${tenant}/backups`, operator, {});
      expect(started.status).toBe(202);
      const jobId = started.body.jobId as string;
      await harness.runtime.runner.waitForCompletion(backupInstanceId(tenant), {
        timeoutMs: 100_000,
      });
      const row = await harness.runtime.services.jobs.get(tenant, jobId);
      expect(row?.status).toBe('failed');
      expect(row?.finishedAt).toBeDefined();
      expect(row?.error).toMatch(/scope/);
      expect(row?.error).not.toMatch(/\n\s+at /);
      const view = await call('GET', `tenants/${tenant}/backups/${jobId}`, reader);
      expect(view.status).toBe(200);
      expect(view.body.status).toBe('failed');
      expect(await harness.runtime.services.leases.get(tenant, 'backup')).toBeUndefined();
    } finally {
      await scopes.deleteEntity(tenant, 'scope');
    }
  });

  it('ten simultaneous tenant registrations and schedule saves (idempotent PUTs): all 200, one row', async () => {
    const tenant = harness.tenantId;
    const registrations = await all(N, () =>
      call('PUT', `tenants/${tenant}`, admin, { displayName: 'Concurrent tenant' }),
    );
    const tenants = (await harness.runtime.services.tenants.list()).filter(
      (t) => t.tenantId === tenant,
    );
    expect(tally('tenantRegister', registrations, tenants.length - 1)).toEqual(ALL_ACCEPTED);
    const schedules = await all(N, () =>
      call('PUT', `tenants/${tenant}/schedules/nightly`, admin, { intervalMinutes: 1440 }),
    );
    const rows = await harness.runtime.services.schedules.list(tenant);
    expect(tally('scheduleSave', schedules, rows.length - 1)).toEqual(ALL_ACCEPTED);
    expect((await call('DELETE', `tenants/${tenant}/schedules/nightly`, admin)).status).toBe(204);
  });
});
