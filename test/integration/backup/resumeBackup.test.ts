import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';
import { coreModuleIds } from '../../support/expectedRecords';
import { readSnapshot } from '../../support/snapshotReader';
import { backupInstanceId, startBackup } from '../../../shared/backup/startBackup';
import type { BackupSummary } from '../../../shared/backup/backupJobTypes';
import { startLocalRuntime } from '../../../cli/localRuntime';

describe('a local backup killed mid-run', () => {
  let harness: BackupHarness;
  beforeAll(async () => {
    harness = await startBackupHarness({ preset: 'S', seed: 11 });
  });
  afterAll(() => harness.stop());

  it('resumes in a new runner and yields the same snapshot as an uninterrupted run', async () => {
    const modules = coreModuleIds();
    const taskHub = `r${harness.tenantId.replace(/-/g, '').slice(0, 12)}`;
    const first = await startLocalRuntime({ taskHub });
    const { snapshotId } = await startBackup(first.services, first.runner, {
      tenantId: harness.tenantId,
      modules,
      requestedBy: 'test',
    });
    // Kill it once some modules are done and others are still reading.
    for (let i = 0; i < 400; i++) {
      const status = await first.runner.getStatus(backupInstanceId(harness.tenantId));
      if (((status?.customStatus as { modulesDone?: number } | undefined)?.modulesDone ?? 0) >= 2)
        break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    first.runner.simulateCrash();
    const manifestBefore = await first.services.store.readManifest(harness.tenantId, snapshotId);
    expect(manifestBefore).toBeUndefined();

    const second = await startLocalRuntime({ taskHub });
    const status = await second.runner.waitForCompletion(backupInstanceId(harness.tenantId), {
      timeoutMs: 100_000,
    });
    await second.stop();
    const resumed = status.output as BackupSummary;
    expect(resumed.status).toBe('succeeded');
    expect(resumed.snapshotId).toBe(snapshotId);

    const reference = await harness.backup({ modules, full: true });
    const a = await readSnapshot(harness.runtime.services.store, harness.tenantId, snapshotId);
    const b = await readSnapshot(
      harness.runtime.services.store,
      harness.tenantId,
      reference.snapshotId!,
    );
    for (const moduleId of modules) {
      expect({ moduleId, records: a[moduleId] }).toEqual({ moduleId, records: b[moduleId] });
    }
  });
});
