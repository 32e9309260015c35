import { randomUUID } from 'node:crypto';
import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';
import { runCli } from '../../support/cliRunner';
import { signTestToken, testAuthEnv } from '../../support/tokens';
import { startLocalHttpServer, type LocalHttpServer } from '../../../local/httpServer';
import { purgeAuditLog } from '../../../shared/audit/auditRetention';
import { auditRetentionDays } from '../../../shared/state/auditRepository';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('audit log: every API and CLI mutation, sign-ins, filters, paging, CSV, retention', () => {
  let harness: BackupHarness;
  let server: LocalHttpServer;
  let admin: string;
  let operator: string;
  let reader: string;
  const subject = `auditor-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    Object.assign(process.env, testAuthEnv());
    harness = await startBackupHarness({ preset: 'demo', seed: 3 });
    server = await startLocalHttpServer({ port: 0 });
    const claims = { name: 'Ada Admin', preferred_username: 'ada@contoso.test' };
    admin = await signTestToken({ roles: ['Backup.Admin'], subject, claims });
    operator = await signTestToken({ roles: ['Backup.Operator'], subject, claims });
    reader = await signTestToken({ roles: ['Backup.Reader'], subject, claims });
  });
  afterAll(async () => {
    await server.stop();
    await harness.stop();
  });

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(path.startsWith('http') ? path : `${server.url}/api/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
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

  it('files every API mutation under its tenant, restore confirm and cancel included', async () => {
    const tenant = harness.tenantId;
    expect((await call('PUT', `tenants/${tenant}/scope`, admin, { enableAll: true })).status).toBe(
      200,
    );
    const summary = await harness.backup({ modules: ['namedLocations'] });
    const start = async () => {
      const started = await call('POST', `tenants/${tenant}/restores`, operator, {
        source: { snapshotId: summary.snapshotId },
        modules: ['namedLocations'],
      });
      expect(started.status).toBe(202);
      for (let i = 0; i < 300; i++) {
        const view = (await call('GET', `restores/${started.json.restoreId}`, reader)).json;
        if (view.status === 'awaitingConfirmation' && view.planHash)
          return { restoreId: started.json.restoreId as string, planHash: view.planHash as string };
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('no plan');
    };
    const first = await start();
    expect(
      (await call('POST', `restores/${first.restoreId}/cancel`, operator, { reason: 'test' }))
        .status,
    ).toBe(202);
    await harness.runtime.runner.waitForCompletion(`restore-${first.restoreId}`, {
      timeoutMs: 60_000,
    });
    const second = await start();
    const confirmed = await call('POST', `restores/${second.restoreId}/confirm`, operator, {
      planHash: second.planHash,
    });
    expect(confirmed.status).toBe(202);
    // A refused mutation is audited too, with its status.
    expect((await call('PUT', `tenants/${tenant}/scope`, reader, { enableAll: true })).status).toBe(
      403,
    );

    const rows = (await call('GET', `audit?tenantId=${tenant}&actor=${subject}`, reader)).json
      .value;
    const actions = rows.map((r: Json) => `${r.action} ${r.outcome}`);
    // The API's rows, and the restore's own rows (started, completed) under the same caller.
    expect(actions).toEqual([
      'PUT putBackupScope 403',
      'POST confirmRestore 202',
      'POST startRestore 202',
      'restore.started accepted',
      'restore.completed cancelled',
      'POST cancelRestore 202',
      'POST startRestore 202',
      'restore.started accepted',
      'PUT putBackupScope 200',
    ]);
    const confirmRow = rows.find((r: Json) => r.action === 'POST confirmRestore');
    expect(confirmRow).toMatchObject({
      tenantId: tenant,
      actor: subject,
      actorObjectId: '11111111-1111-4111-8111-111111111111',
      actorAppId: '22222222-2222-4222-8222-222222222222',
      actorName: 'ada@contoso.test',
      target: `/api/restores/${second.restoreId}/confirm`,
      source: expect.stringMatching(/127\.0\.0\.1|::1/),
    });
    // Nothing of this tenant's restores is filed under global any more.
    const global = (await call('GET', `audit?actor=${subject}&action=POST*&limit=1000`, reader))
      .json.value;
    expect(global.every((r: Json) => r.tenantId === tenant)).toBe(true);
  });

  it('counts the first call of each caller session as one sign-in', async () => {
    const signIns = async () =>
      (await call('GET', `audit?actor=${subject}&action=signIn`, reader)).json.value;
    // One subject and app, tokens issued in the same second: one session, however many calls.
    expect(await signIns()).toHaveLength(1);
    expect((await signIns())[0]).toMatchObject({
      tenantId: 'global',
      outcome: 'succeeded',
      actorName: 'ada@contoso.test',
    });
    // Another client app of the same caller is another session: one more sign-in, once.
    const otherApp = await signTestToken({
      roles: ['Backup.Reader'],
      subject,
      claims: { azp: '33333333-3333-4333-8333-333333333333' },
    });
    await call('GET', 'jobs', otherApp);
    await call('GET', 'jobs', otherApp);
    const after = await signIns();
    expect(after).toHaveLength(2);
    expect(after[0].actorAppId).toBe('33333333-3333-4333-8333-333333333333');
  });

  it('audits CLI mutations, readable over the API and in the CSV export', async () => {
    const cliTenant = randomUUID();
    expect((await runCli('tenants', 'add', cliTenant, '--name', 'Audited')).code).toBe(0);
    expect(
      (await runCli('scope', 'set', '--tenant', cliTenant, '--modules', 'namedLocations')).code,
    ).toBe(0);
    expect((await runCli('scope', 'set', '--tenant', cliTenant, '--modules', 'nope')).code).toBe(2);
    const rows = (await call('GET', `audit?tenantId=${cliTenant}`, reader)).json.value;
    expect(rows.map((r: Json) => `${r.action} ${r.outcome}`)).toEqual([
      'cli scope set badInput',
      'cli scope set succeeded',
      'cli tenants add succeeded',
    ]);
    expect(rows[0]).toMatchObject({
      actor: expect.stringMatching(/^cli:/),
      source: expect.stringMatching(/^cli@/),
    });

    const csv = await call('GET', `audit?tenantId=${cliTenant}&format=csv`, reader);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="audit.csv"/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'at,tenantId,actor,actorObjectId,actorAppId,actorName,action,target,outcome,source,details',
    );
    expect(lines.slice(1).map((l) => l.split(',')[6])).toEqual([
      'cli scope set',
      'cli scope set',
      'cli tenants add',
    ]);

    const cliCsv = await runCli('audit', '--tenant', cliTenant, '--csv');
    expect(cliCsv.code).toBe(0);
    expect(cliCsv.stdout.trimEnd().split('\r\n')).toHaveLength(4);
  });

  it('pages with nextLink, filters by time and refuses bad queries', async () => {
    const tenant = harness.tenantId;
    const all = (await call('GET', `audit?tenantId=${tenant}&limit=1000`, reader)).json.value;
    const seen: string[] = [];
    let next: string | undefined = `audit?tenantId=${tenant}&limit=2`;
    while (next) {
      const page: Json = (await call('GET', next, reader)).json;
      expect(page.value.length).toBeLessThanOrEqual(2);
      seen.push(...page.value.map((r: Json) => r.id));
      next = page.nextLink;
    }
    expect(seen).toEqual(all.map((r: Json) => r.id));

    const middle = all[Math.floor(all.length / 2)].at;
    const since = (await call('GET', `audit?tenantId=${tenant}&since=${middle}&limit=1000`, reader))
      .json.value;
    expect(since.length).toBeGreaterThan(0);
    expect(since.every((r: Json) => r.at >= middle)).toBe(true);
    const until = (await call('GET', `audit?tenantId=${tenant}&until=${middle}&limit=1000`, reader))
      .json.value;
    expect(until.every((r: Json) => r.at < middle)).toBe(true);
    expect(since.length + until.length).toBe(all.length);

    expect((await call('GET', 'audit?skipToken=abc', reader)).status).toBe(400);
    expect((await call('GET', 'audit?since=today', reader)).status).toBe(400);
    expect((await call('GET', 'audit?limit=0', reader)).status).toBe(400);
    const outsider = await signTestToken({
      roles: ['Backup.Reader'],
      tenants: ['00000000-0000-4000-8000-0000000000ff'],
    });
    expect((await call('GET', `audit?tenantId=${tenant}`, outsider)).status).toBe(403);
    const theirs = (await call('GET', 'audit?limit=1000', outsider)).json.value;
    expect(theirs.every((r: Json) => r.tenantId === '00000000-0000-4000-8000-0000000000ff')).toBe(
      true,
    );
  });

  it('keeps rows at least 30 days (default 90) and purges older ones', async () => {
    expect(auditRetentionDays({})).toBe(90);
    expect(auditRetentionDays({ AUDIT_RETENTION_DAYS: '45' })).toBe(45);
    expect(() => auditRetentionDays({ AUDIT_RETENTION_DAYS: '10' })).toThrow(/at least|from 30/);
    const tenantId = randomUUID();
    const { audit } = harness.runtime.services;
    const now = new Date();
    const entry = (action: string) => ({
      tenantId,
      actor: 'retention-test',
      action,
      target: 't',
      outcome: 'succeeded',
    });
    await audit.record(entry('old'), new Date(now.getTime() - 91 * 86_400_000));
    await audit.record(entry('recent'), new Date(now.getTime() - 89 * 86_400_000));
    const result = await purgeAuditLog(harness.runtime.services, now, 90);
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    expect((await audit.list(tenantId)).map((e) => e.action)).toEqual(['recent']);
  });
});
