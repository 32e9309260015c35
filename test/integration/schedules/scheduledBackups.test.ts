import { scopeToSave } from '../../../shared/backup/backupScope';
import { runDueSchedules } from '../../../shared/backup/runDueSchedules';
import { backupInstanceId } from '../../../shared/backup/startBackup';
import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';

/**
 * Schedules through the timer's logic with a controllable clock: the real local runtime runs the
 * backups each due slot starts, against the simulator and Azurite.
 */
describe('scheduled backups', () => {
  let harness: BackupHarness;
  beforeAll(async () => {
    harness = await startBackupHarness({ preset: 'demo', seed: 5 });
    await harness.runtime.services.scopes.put(
      harness.tenantId,
      scopeToSave({ enableAll: false, categories: {}, modules: { users: true, groups: true } }),
    );
  });
  afterAll(() => harness.stop());

  const mine = (outcomes: Awaited<ReturnType<typeof runDueSchedules>>) =>
    outcomes.filter((o) => o.tenantId === harness.tenantId);

  it('fires on its cron slots, runs missed slots once, reads in full by age, and stops once deleted', async () => {
    const { services, runner } = harness.runtime;
    const tenantId = harness.tenantId;
    const tick = async (at: string) => {
      const outcomes = mine(await runDueSchedules(services, runner, new Date(at)));
      if (outcomes.some((o) => o.outcome === 'started')) {
        const status = await runner.waitForCompletion(backupInstanceId(tenantId), {
          timeoutMs: 100_000,
        });
        expect(status.runtimeStatus).toBe('Completed');
      }
      return outcomes;
    };
    // Snapshots carry the real clock's times; the schedule's clock starts a little after it.
    const day = new Date();
    day.setUTCHours(0, 0, 0, 0);
    const at = (days: number, time: string) =>
      `${new Date(day.getTime() + days * 86_400_000).toISOString().slice(0, 10)}T${time}Z`;

    const saved = await services.schedules.upsert(
      {
        tenantId,
        scheduleId: 'nightly',
        cron: '0 3 * * *',
        timeZone: 'Etc/GMT-1', // 03:00 at UTC+1 is 02:00 UTC
        fullEvery: 'P90D',
        enabled: true,
      },
      new Date(at(1, '00:00:00')),
    );
    expect(saved.nextRunAt).toBe(`${at(1, '02:00:00.000')}`);

    expect(await tick(at(1, '01:59:00'))).toEqual([]);
    // No full snapshot yet: the first run reads in full.
    expect(await tick(at(1, '02:00:30'))).toEqual([
      expect.objectContaining({ scheduleId: 'nightly', outcome: 'started', full: true }),
    ]);
    expect(await tick(at(1, '02:05:00'))).toEqual([]);

    // The app was stopped for three nights: one run when it is back, then the next slot.
    expect(await tick(at(4, '09:00:00'))).toEqual([
      expect.objectContaining({ outcome: 'started', full: false }),
    ]);
    expect(await tick(at(4, '09:05:00'))).toEqual([]);
    const afterMissed = await services.schedules.get(tenantId, 'nightly');
    expect(afterMissed).toMatchObject({ nextRunAt: `${at(5, '02:00:00.000')}`, runCount: 2 });
    const snapshots = await services.store.listSnapshots(tenantId);
    expect(snapshots.map((s) => s.kind)).toEqual(['incremental', 'full']);

    // 90 days after the newest full snapshot the run reads in full again.
    await services.schedules.upsert({ ...afterMissed!, nextRunAt: at(95, '02:00:00') });
    expect(await tick(at(95, '02:00:10'))).toEqual([
      expect.objectContaining({ outcome: 'started', full: true }),
    ]);

    // Two timer instances at once: the slot is claimed once, one backup starts.
    const current = await services.schedules.get(tenantId, 'nightly');
    await services.schedules.upsert({ ...current!, nextRunAt: at(150, '02:00:00') });
    const both = await Promise.all([
      runDueSchedules(services, runner, new Date(at(150, '02:00:05'))),
      runDueSchedules(services, runner, new Date(at(150, '02:00:05'))),
    ]);
    expect(
      mine(both.flat())
        .map((o) => o.outcome)
        .sort(),
    ).toEqual(['claimedElsewhere', 'started']);
    await runner.waitForCompletion(backupInstanceId(tenantId), { timeoutMs: 100_000 });

    // Unlinked: nothing starts any more.
    expect(await services.schedules.delete(tenantId, 'nightly')).toBe(true);
    expect(await tick(at(200, '02:00:10'))).toEqual([]);
    expect((await services.store.listSnapshots(tenantId)).length).toBe(4);
  });
});
