import { randomBytes, randomUUID } from 'node:crypto';
import {
  AuditRepository,
  ConcurrencyError,
  EntityTooLargeError,
  JobRepository,
  ScheduleRepository,
  ScopeRepository,
  StateValidationError,
  TenantRepository,
  ensureTables,
  jobRowKey,
  newJobId,
  stateTableClient,
  type Job,
} from '../../../shared/state';

// Own tables per test file, so files can run in parallel against one Azurite.
const prefix = `t${randomBytes(4).toString('hex')}`;
const tenants = new TenantRepository(stateTableClient('tenants', prefix));
const scopes = new ScopeRepository(stateTableClient('scopes', prefix));
const schedules = new ScheduleRepository(stateTableClient('schedules', prefix));
const jobs = new JobRepository(stateTableClient('jobs', prefix));
const audit = new AuditRepository(stateTableClient('audit', prefix));

beforeAll(async () => {
  await ensureTables(prefix);
  await ensureTables(prefix); // idempotent
});

describe('TenantRepository', () => {
  it('creates, reads, lists, updates and deletes tenants', async () => {
    const tenantId = randomUUID();
    const created = await tenants.upsert(
      {
        tenantId: tenantId.toUpperCase(),
        displayName: 'Contoso',
        credential: { kind: 'clientSecret', clientId: 'app-1', secretRef: 'CONTOSO_CLIENT_SECRET' },
      },
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(created).toMatchObject({ tenantId, createdAt: '2026-01-01T00:00:00.000Z' });
    expect(created.etag).toBeTruthy();
    expect(await tenants.get(tenantId)).toEqual(created);

    const renamed = await tenants.upsert({
      tenantId,
      displayName: 'Contoso Ltd',
      graphBaseUrl: 'https://127.0.0.1:8443',
      credential: { kind: 'staticToken' },
    });
    expect(renamed.createdAt).toBe('2026-01-01T00:00:00.000Z');
    expect((await tenants.list()).find((t) => t.tenantId === tenantId)?.displayName).toBe(
      'Contoso Ltd',
    );

    expect(await tenants.delete(tenantId)).toBe(true);
    expect(await tenants.delete(tenantId)).toBe(false);
    expect(await tenants.get(tenantId)).toBeUndefined();
  });

  it('refuses secrets, unknown credential fields and bad tenant ids', async () => {
    const base = { tenantId: randomUUID(), displayName: 'Fabrikam' };
    await expect(
      tenants.upsert({
        ...base,
        credential: { kind: 'clientSecret', clientId: 'a', secretRef: 'abc8Q~Very.Secret_Value' },
      }),
    ).rejects.toThrow(/secretRef: must be an app-setting name or a Key Vault secret URI/);
    await expect(
      tenants.upsert({
        ...base,
        credential: { kind: 'clientSecret', clientId: 'a', clientSecret: 'x' } as never,
      }),
    ).rejects.toThrow(StateValidationError);
    await expect(
      tenants.upsert({ ...base, credential: { kind: 'certificate', clientId: 'a' } }),
    ).rejects.toThrow(/certificateRef: required for certificate/);
    await expect(
      tenants.upsert({ ...base, tenantId: 'not-a-guid', credential: { kind: 'staticToken' } }),
    ).rejects.toThrow(/Invalid tenant: tenantId/);
    const kv = await tenants.upsert({
      ...base,
      credential: {
        kind: 'clientSecret',
        clientId: 'a',
        secretRef: 'https://my-vault.vault.azure.net/secrets/fabrikam-secret',
      },
    });
    expect(kv.credential.secretRef).toContain('vault.azure.net');
  });
});

describe('ScopeRepository', () => {
  it('stores a scope and guards updates with the etag', async () => {
    const tenantId = randomUUID();
    expect(await scopes.get(tenantId)).toBeUndefined();
    const scope = {
      enableAll: false,
      categories: { 'Users & Groups': true },
      modules: { conditionalAccessPolicies: true, users: false },
      knownModules: ['users', 'groups', 'conditionalAccessPolicies'],
    };
    const saved = await scopes.put(tenantId, scope);
    const read = await scopes.get(tenantId);
    expect(read).toMatchObject({ ...scope, tenantId, etag: saved.etag });

    const updated = await scopes.put(tenantId, { ...scope, enableAll: true }, { etag: saved.etag });
    expect(updated.etag).not.toBe(saved.etag);
    const stale = scopes.put(tenantId, { ...scope, enableAll: false }, { etag: saved.etag });
    await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await scopes.get(tenantId))?.enableAll).toBe(true);
  });

  it('refuses a JSON field of 32 KiB or more', async () => {
    const tenantId = randomUUID();
    const knownModules = Array.from({ length: 1200 }, (_, i) => `module-with-a-long-name-${i}`);
    const put = scopes.put(tenantId, {
      enableAll: true,
      categories: {},
      modules: {},
      knownModules,
    });
    await expect(put).rejects.toBeInstanceOf(EntityTooLargeError);
    await expect(put).rejects.toThrow(/Field "knownModules" is \d+ bytes as JSON/);
    expect(await scopes.get(tenantId)).toBeUndefined();
  });
});

describe('ScheduleRepository', () => {
  it('upserts, lists, finds due schedules across tenants and marks runs', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const now = new Date('2030-05-01T12:00:00Z');
    await schedules.upsert({
      tenantId: a,
      scheduleId: 'hourly',
      intervalMinutes: 60,
      fullEvery: 'P7D',
      enabled: true,
      nextRunAt: '2030-05-01T11:30:00+00:00',
    });
    await schedules.upsert({
      tenantId: b,
      scheduleId: 'daily',
      intervalMinutes: 1440,
      enabled: true,
      nextRunAt: '2030-05-01T12:00:00.000Z',
    });
    await schedules.upsert({
      tenantId: b,
      scheduleId: 'later',
      intervalMinutes: 15,
      enabled: true,
      nextRunAt: '2030-05-01T12:00:00.001Z',
    });
    await schedules.upsert({
      tenantId: b,
      scheduleId: 'off',
      intervalMinutes: 15,
      enabled: false,
      nextRunAt: '2030-01-01T00:00:00Z',
    });

    expect((await schedules.list(b)).map((s) => s.scheduleId).sort()).toEqual([
      'daily',
      'later',
      'off',
    ]);
    const due = (await schedules.listDue(now)).filter((s) => s.tenantId === a || s.tenantId === b);
    expect(due.map((s) => s.scheduleId)).toEqual(['hourly', 'daily']);
    expect(due[0].nextRunAt).toBe('2030-05-01T11:30:00.000Z');

    // Missed slots are skipped: the next run stays on the :30 cadence after now.
    const marked = await schedules.markRun(due[0], new Date('2030-05-01T14:10:00Z'));
    expect(marked).toMatchObject({
      nextRunAt: '2030-05-01T14:30:00.000Z',
      lastRunAt: '2030-05-01T14:10:00.000Z',
      runCount: 1,
      fullEvery: 'P7D',
    });
    await expect(schedules.markRun(due[0], now)).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await schedules.get(a, 'hourly'))?.runCount).toBe(1);

    // Re-saving the definition keeps run history.
    const resaved = await schedules.upsert({
      tenantId: a,
      scheduleId: 'hourly',
      intervalMinutes: 30,
      enabled: false,
    });
    expect(resaved).toMatchObject({ runCount: 1, lastRunAt: '2030-05-01T14:10:00.000Z' });
    expect(resaved.fullEvery).toBeUndefined();
    expect(await schedules.delete(a, 'hourly')).toBe(true);
  });

  it('validates the interval', async () => {
    const input = { tenantId: randomUUID(), scheduleId: 's', enabled: true };
    await expect(schedules.upsert({ ...input, intervalMinutes: 5 })).rejects.toThrow(
      /intervalMinutes/,
    );
    await expect(schedules.upsert({ ...input, intervalMinutes: 10081 })).rejects.toThrow(
      /intervalMinutes/,
    );
    await expect(
      schedules.upsert({ ...input, cron: '*/5 * * * *', timeZone: 'UTC' }),
    ).rejects.toThrow(/more often than every 15 minutes/);
    await expect(
      schedules.upsert({ ...input, cron: '0 2 * * *', timeZone: 'Mars/Olympus' }),
    ).rejects.toThrow(/IANA time zone/);
    await expect(schedules.upsert({ ...input })).rejects.toThrow(/either cron or intervalMinutes/);
    expect(await schedules.list(input.tenantId)).toEqual([]);
  });

  it('runs a cron schedule in its time zone, across a DST change, and skips missed slots', async () => {
    const tenantId = randomUUID();
    // Berlin moves from CET (UTC+1) to CEST (UTC+2) at 01:00 UTC on Sunday 2030-03-31.
    const saved = await schedules.upsert(
      {
        tenantId,
        scheduleId: 'night',
        cron: '30 1 * * *',
        timeZone: 'Europe/Berlin',
        enabled: true,
      },
      new Date('2030-03-29T12:00:00Z'),
    );
    expect(saved.nextRunAt).toBe('2030-03-30T00:30:00.000Z'); // 01:30 CET
    const lastCet = await schedules.markRun(saved, new Date('2030-03-30T00:31:00Z'));
    expect(lastCet.nextRunAt).toBe('2030-03-31T00:30:00.000Z'); // 01:30 CET, before the change
    const afterDst = await schedules.markRun(lastCet, new Date('2030-03-31T00:31:00Z'));
    expect(afterDst.nextRunAt).toBe('2030-03-31T23:30:00.000Z'); // 01:30 CEST on April 1
    // The app was stopped for three days: one run now, the next slot after now.
    const late = await schedules.markRun(afterDst, new Date('2030-04-02T09:00:00Z'));
    expect(late).toMatchObject({ nextRunAt: '2030-04-02T23:30:00.000Z', runCount: 3 });

    const immediate = await schedules.upsert(
      { tenantId, scheduleId: 'first', intervalMinutes: 1440, enabled: true, runNow: true },
      new Date('2030-04-01T10:00:00Z'),
    );
    expect(immediate.nextRunAt).toBe('2030-04-01T10:00:00.000Z');
    const notNow = await schedules.upsert(
      { tenantId, scheduleId: 'later', intervalMinutes: 1440, enabled: true },
      new Date('2030-04-01T10:00:00Z'),
    );
    expect(notNow.nextRunAt).toBe('2030-04-02T10:00:00.000Z');
  });
});

describe('JobRepository', () => {
  const tenantId = randomUUID();
  const job = (at: string, type: Job['type'] = 'backup'): Job => ({
    tenantId,
    jobId: newJobId(new Date(at)),
    type,
    status: 'queued',
    requestedBy: 'alice@contoso.example',
    startedAt: at,
    instanceId: `backup-${tenantId}`,
  });

  it('gives job ids whose row keys sort newest first', () => {
    const older = newJobId(new Date('2026-01-01T00:00:00Z'), 'aaaa');
    const newer = newJobId(new Date('2026-01-02T00:00:00Z'), 'aaaa');
    expect(older < newer).toBe(true);
    expect(jobRowKey(newer) < jobRowKey(older)).toBe(true);
    expect(() => jobRowKey('nope')).toThrow(/not a job id/);
  });

  it('creates, reads, updates with etag and lists newest first', async () => {
    const first = await jobs.create(job('2026-03-01T10:00:00.000Z'));
    await expect(jobs.create(job('2026-03-01T10:00:00.000Z'))).resolves.toBeDefined(); // new suffix
    await expect(jobs.create({ ...first })).rejects.toThrow(/already exists/);
    const restore = await jobs.create(job('2026-03-02T10:00:00.000Z', 'restore'));

    const running = await jobs.update(first, {
      status: 'running',
      progress: { modulesDone: 1, modulesTotal: 5 },
    });
    expect(running.etag).not.toBe(first.etag);
    await expect(jobs.update(first, { status: 'failed' })).rejects.toBeInstanceOf(ConcurrencyError);

    const done = await jobs.update(running, {
      status: 'succeeded',
      finishedAt: '2026-03-01T10:05:00.000Z',
      progress: undefined,
      summary: { objects: 42 },
      snapshotId: '20260301T100000000Z-abcd',
      error: 'e'.repeat(10_000),
    });
    const read = await jobs.get(tenantId, first.jobId);
    expect(read).toEqual(done);
    expect(read?.progress).toBeUndefined();
    expect(read?.error?.length).toBe(4000);

    const all = await jobs.list(tenantId);
    expect(all.map((j) => j.startedAt)).toEqual([
      '2026-03-02T10:00:00.000Z',
      '2026-03-01T10:00:00.000Z',
      '2026-03-01T10:00:00.000Z',
    ]);
    expect((await jobs.list(tenantId, { type: 'restore' })).map((j) => j.jobId)).toEqual([
      restore.jobId,
    ]);
    expect(await jobs.list(tenantId, { limit: 1 })).toHaveLength(1);
    expect((await jobs.list(tenantId, { status: 'succeeded' }))[0].jobId).toBe(first.jobId);
    expect(await jobs.get(tenantId, newJobId(new Date()))).toBeUndefined();
  });

  it('modify retries on concurrent changes', async () => {
    const created = await jobs.create(job('2026-04-01T00:00:00.000Z'));
    await jobs.update(created, { status: 'running' }); // makes `created` stale
    let calls = 0;
    const result = await jobs.modify(tenantId, created.jobId, async (current) => {
      calls++;
      // A competing writer lands between our read and our write, once.
      if (calls === 1) await jobs.update(current, { status: 'cancelled' });
      return { progress: { seen: current.status } };
    });
    expect(calls).toBe(2);
    expect(result?.status).toBe('cancelled');
    expect(result?.progress).toEqual({ seen: 'cancelled' });
  });

  it('refuses an oversized progress field', async () => {
    const created = await jobs.create(job('2026-05-01T00:00:00.000Z'));
    await expect(jobs.update(created, { progress: { log: 'x'.repeat(40_000) } })).rejects.toThrow(
      /Field "progress" is \d+ bytes as JSON; table fields must stay under 32768 bytes/,
    );
  });
});

describe('AuditRepository', () => {
  it('records entries and lists them newest first, filtered by time', async () => {
    const tenantId = randomUUID();
    const entry = (action: string) => ({
      tenantId,
      actor: 'bob@contoso.example',
      action,
      target: 'snapshot-1',
      outcome: 'succeeded',
      details: { modules: ['users'] },
    });
    await audit.record(entry('backup.started'), new Date('2026-06-01T00:00:00Z'));
    await audit.record(entry('backup.completed'), new Date('2026-06-02T00:00:00Z'));
    await audit.record(entry('restore.planned'), new Date('2026-06-03T00:00:00Z'));
    await audit.record(
      { ...entry('restore.applied'), details: { huge: 'y'.repeat(50_000) } },
      new Date('2026-06-03T00:00:00Z'),
    );

    const all = await audit.list(tenantId);
    expect(all.map((e) => e.action)).toEqual([
      expect.stringMatching(/^restore\./),
      expect.stringMatching(/^restore\./),
      'backup.completed',
      'backup.started',
    ]);
    expect(all[3]).toMatchObject({
      at: '2026-06-01T00:00:00.000Z',
      details: { modules: ['users'] },
    });
    const applied = all.find((e) => e.action === 'restore.applied');
    expect(applied?.details).toMatchObject({ truncated: true });

    const since = await audit.list(tenantId, { since: new Date('2026-06-02T00:00:00Z') });
    expect(since.map((e) => e.at)).toEqual([
      '2026-06-03T00:00:00.000Z',
      '2026-06-03T00:00:00.000Z',
      '2026-06-02T00:00:00.000Z',
    ]);
    expect(await audit.list(tenantId, { limit: 2 })).toHaveLength(2);
  });
});
