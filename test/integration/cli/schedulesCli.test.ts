import { randomUUID } from 'node:crypto';
import { getServices } from '../../../shared/config/services';
import { registerTenant } from '../../../shared/tenants/registerTenant';
import { runCli } from '../../support/cliRunner';

describe('schedules CLI', () => {
  const tenantId = randomUUID();
  beforeAll(async () => {
    await registerTenant(await getServices(), tenantId, 'Schedules CLI tenant');
  });

  it('sets, lists and deletes schedules; bad input changes nothing', async () => {
    const set = await runCli(
      '--json',
      'schedules',
      'set',
      'nightly',
      '--tenant',
      tenantId,
      '--cron',
      '0 2 * * *',
      '--time-zone',
      'Europe/Berlin',
      '--full-every',
      'P90D',
    );
    expect(set.code).toBe(0);
    const saved = JSON.parse(set.stdout);
    expect(saved).toMatchObject({
      cron: '0 2 * * *',
      timeZone: 'Europe/Berlin',
      fullEvery: 'P90D',
    });
    expect(Date.parse(saved.nextRunAt)).toBeGreaterThan(Date.now());

    const daily = await runCli(
      '--json',
      'schedules',
      'set',
      'daily',
      '--tenant',
      tenantId,
      '--now',
    );
    expect(JSON.parse(daily.stdout)).toMatchObject({ intervalMinutes: 1440 });
    expect(Date.parse(JSON.parse(daily.stdout).nextRunAt)).toBeLessThanOrEqual(Date.now());

    for (const bad of [
      ['--cron', 'not a cron'],
      ['--every', '5'],
      ['--cron', '0 2 * * *', '--every', '60'],
      ['--full-every', '90 days'],
      ['--time-zone', 'Europe/Berlin'],
    ]) {
      const refused = await runCli('schedules', 'set', 'other', '--tenant', tenantId, ...bad);
      expect(refused.code).toBe(2);
    }
    const listed = JSON.parse(
      (await runCli('--json', 'schedules', 'list', '--tenant', tenantId)).stdout,
    );
    expect(listed.value.map((s: { scheduleId: string }) => s.scheduleId).sort()).toEqual([
      'daily',
      'nightly',
    ]);

    expect((await runCli('schedules', 'delete', 'nightly', '--tenant', tenantId)).code).toBe(0);
    const missing = await runCli('schedules', 'delete', 'nightly', '--tenant', tenantId);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/has no schedule nightly/);
    const human = await runCli('schedules', 'list', '--tenant', tenantId);
    expect(human.stdout).toMatch(/^daily: every 1440 min; next run /);
  });
});
