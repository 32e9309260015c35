import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';
import { coreModuleIds } from '../../support/expectedRecords';
import { randomDamage } from '../../support/randomDamage';
import { loadPlan } from '../../../shared/restore/job/planStore';
import type { RestoreOutcome } from '../../../shared/restore/job/restoreJob';

describe('restore round trip after random mutations', () => {
  let harness: BackupHarness;
  beforeAll(async () => {
    harness = await startBackupHarness({ preset: 'demo', seed: 17 });
  });
  afterAll(() => harness.stop());

  it.each([101, 202])(
    'seed %i: restore converges, no write is rejected, a second plan has nothing to do',
    async (seed) => {
      const backup = await harness.backup({ modules: coreModuleIds() });
      const mutations = randomDamage(harness, seed);
      expect(mutations.length).toBeGreaterThan(15);

      const run = (dryRun: boolean): Promise<RestoreOutcome> =>
        harness.restore(
          {
            source: { kind: 'snapshot', snapshotId: backup.snapshotId! },
            selection: {},
            relationshipMode: 'merge',
            caPolicyLossMode: 'createDisabled',
          },
          { dryRun },
        );

      const applied = await run(false);
      // No write was refused (the simulator answers 400 for read-only properties in a body).
      expect({ mutations: mutations.length, failures: applied.failures }).toEqual({
        mutations: mutations.length,
        failures: [],
      });
      // A second plan names what the verifier still saw, so a residual explains itself.
      const dry = await run(true);
      const againPlan = await loadPlan(
        harness.runtime.services.store,
        harness.tenantId,
        dry.restoreId,
      );
      const leftOver = againPlan.waves.flatMap((w) =>
        w.actions.map((a) => `${a.actionId} ${JSON.stringify(a.diff ?? a.body ?? a.reason)}`),
      );
      expect({ residual: applied.residual, leftOver }).toEqual({ residual: 0, leftOver: [] });
      expect(applied.status).toBe('succeeded');

      const again = dry.plan!.counts;
      expect(
        again.restoreDeleted +
          again.create +
          again.update +
          again.addLink +
          again.removeLink +
          again.createChild,
      ).toBe(0);
    },
  );
});
