import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';
import { breakTenant } from '../../../scripts/demoScenario';
import {
  decideRestore,
  restoreInstanceId,
  startRestore,
} from '../../../shared/restore/job/startRestore';
import { getRestoreView } from '../../../shared/restore/job/restoreView';
import type { RestoreOutcome } from '../../../shared/restore/job/restoreJob';
import { isApiError } from '../../../shared/api/errors';
import { expectedModuleIds } from '../../support/expectedRecords';

async function waitForPhase(
  harness: BackupHarness,
  restoreId: string,
  phase: string,
): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const status = await harness.runtime.runner.getStatus(restoreInstanceId(restoreId));
    if ((status?.customStatus as { phase?: string } | undefined)?.phase === phase) return;
    if (status && !['Pending', 'Running'].includes(status.runtimeStatus)) {
      throw new Error(
        `restore ended ${status.runtimeStatus} before ${phase}: ${JSON.stringify(status.output)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`restore never reached ${phase}`);
}

describe('restore orchestration: plan, confirm, apply, verify', () => {
  let harness: BackupHarness;
  let snapshotId: string;
  beforeAll(async () => {
    harness = await startBackupHarness({ preset: 'demo', seed: 3 });
    const summary = await harness.backup({ modules: expectedModuleIds() });
    snapshotId = summary.snapshotId!;
  });
  afterAll(() => harness.stop());

  const request = () => ({
    source: { kind: 'snapshot' as const, snapshotId },
    selection: {},
    relationshipMode: 'merge' as const,
    caPolicyLossMode: 'block' as const,
  });

  it('a dry run plans with zero writes and ends', async () => {
    await breakTenant(harness.graph);
    harness.simulator.resetCounters();
    const { restoreId } = await startRestore(harness.runtime.services, harness.runtime.runner, {
      tenantId: harness.tenantId,
      request: request(),
      dryRun: true,
      requestedBy: 'test',
    });
    const status = await harness.runtime.runner.waitForCompletion(restoreInstanceId(restoreId), {
      timeoutMs: 60_000,
    });
    const outcome = status.output as RestoreOutcome;
    expect(outcome.status).toBe('succeeded');
    expect(outcome.plan!.counts.restoreDeleted).toBeGreaterThan(0);
    expect(outcome.plan!.counts.create).toBeGreaterThan(0);
    expect(harness.simulator.counters().writes).toBe(0);
    const view = await getRestoreView(harness.runtime.services, harness.runtime.runner, restoreId, {
      plan: 'text',
    });
    expect(view.status).toBe('succeeded');
    expect(view.planText).toMatch(/→/);
  });

  it('refuses a stale hash, applies the confirmed plan and leaves nothing to do', async () => {
    const { restoreId } = await startRestore(harness.runtime.services, harness.runtime.runner, {
      tenantId: harness.tenantId,
      request: request(),
      dryRun: false,
      requestedBy: 'test',
    });
    await waitForPhase(harness, restoreId, 'awaitingConfirmation');
    const view = await getRestoreView(harness.runtime.services, harness.runtime.runner, restoreId);
    expect(view.status).toBe('awaitingConfirmation');
    const stale = await decideRestore(harness.runtime.services, harness.runtime.runner, restoreId, {
      action: 'confirm',
      planHash: '0'.repeat(64),
      by: 'test',
    }).catch((e: unknown) => e);
    expect(isApiError(stale) && stale.status).toBe(409);
    harness.simulator.resetCounters();
    await decideRestore(harness.runtime.services, harness.runtime.runner, restoreId, {
      action: 'confirm',
      planHash: view.planHash!,
      by: 'test',
    });
    const status = await harness.runtime.runner.waitForCompletion(restoreInstanceId(restoreId), {
      timeoutMs: 100_000,
    });
    const outcome = status.output as RestoreOutcome;
    expect(outcome.failures).toEqual([]);
    expect(outcome.residual).toBe(0);
    expect(outcome.status).toBe('succeeded');
    expect(harness.simulator.counters().writes).toBeGreaterThan(0);

    // Planning again against the restored tenant finds nothing to change.
    const again = await startRestore(harness.runtime.services, harness.runtime.runner, {
      tenantId: harness.tenantId,
      request: request(),
      dryRun: true,
      requestedBy: 'test',
    });
    const second = (
      await harness.runtime.runner.waitForCompletion(restoreInstanceId(again.restoreId), {
        timeoutMs: 60_000,
      })
    ).output as RestoreOutcome;
    const counts = second.plan!.counts;
    expect(
      counts.restoreDeleted + counts.create + counts.update + counts.addLink + counts.removeLink,
    ).toBe(0);
  });

  it('a cancelled plan applies nothing', async () => {
    await breakTenant(harness.graph);
    const { restoreId } = await startRestore(harness.runtime.services, harness.runtime.runner, {
      tenantId: harness.tenantId,
      request: request(),
      dryRun: false,
      requestedBy: 'test',
    });
    await waitForPhase(harness, restoreId, 'awaitingConfirmation');
    harness.simulator.resetCounters();
    await decideRestore(harness.runtime.services, harness.runtime.runner, restoreId, {
      action: 'cancel',
      by: 'test',
    });
    const status = await harness.runtime.runner.waitForCompletion(restoreInstanceId(restoreId), {
      timeoutMs: 30_000,
    });
    expect((status.output as RestoreOutcome).status).toBe('cancelled');
    expect(harness.simulator.counters().writes).toBe(0);
  });
});
