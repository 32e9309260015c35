import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';
import { expectedModuleIds } from '../../support/expectedRecords';
import { breakTenant } from '../../../scripts/demoScenario';
import {
  decideRestore,
  restoreInstanceId,
  startRestore,
} from '../../../shared/restore/job/startRestore';
import { waitForPlan } from '../../../shared/restore/job/restoreView';
import type { RestoreOutcome } from '../../../shared/restore/job/restoreJob';
import { startLocalRuntime } from '../../../cli/localRuntime';

describe('a restore apply killed mid-run', () => {
  let harness: BackupHarness;
  beforeAll(async () => {
    harness = await startBackupHarness({ preset: 'demo', seed: 21 });
  });
  afterAll(() => harness.stop());

  it('resumes, ends in the same state and creates nothing twice', async () => {
    const backup = await harness.backup({ modules: expectedModuleIds() });
    const broken = await breakTenant(harness.graph);
    const taskHub = `x${harness.tenantId.replace(/-/g, '').slice(0, 12)}`;
    const first = await startLocalRuntime({ taskHub });
    const { restoreId } = await startRestore(first.services, first.runner, {
      tenantId: harness.tenantId,
      request: {
        source: { kind: 'snapshot', snapshotId: backup.snapshotId! },
        selection: {},
        relationshipMode: 'merge',
        caPolicyLossMode: 'block',
      },
      dryRun: false,
      requestedBy: 'test',
    });
    const view = await waitForPlan(first.services, first.runner, restoreId);
    await decideRestore(first.services, first.runner, restoreId, {
      action: 'confirm',
      planHash: view.planHash!,
      by: 'test',
    });
    // Kill the runner as soon as the first writes have happened.
    for (let i = 0; i < 400 && harness.simulator.counters().writes === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    first.runner.simulateCrash();

    const second = await startLocalRuntime({ taskHub });
    const status = await second.runner.waitForCompletion(restoreInstanceId(restoreId), {
      timeoutMs: 100_000,
    });
    await second.stop();
    const outcome = status.output as RestoreOutcome;
    expect(outcome.failures).toEqual([]);
    expect(outcome.residual).toBe(0);
    expect(outcome.status).toBe('succeeded');

    const named = (name: string) =>
      [...harness.simulator.store.list('groups')].filter((g) => g.displayName === name).length;
    expect(named(broken.purgedGroup.displayName)).toBe(1);
    const apps = [...harness.simulator.store.list('applications')].filter(
      (a) => a.displayName === broken.purgedApplication.displayName,
    );
    expect(apps).toHaveLength(1);
    expect(harness.simulator.store.get('users', broken.softDeletedUser.id)).toBeDefined();
  });
});
