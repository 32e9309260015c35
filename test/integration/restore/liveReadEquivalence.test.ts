import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';
import { coreModuleIds } from '../../support/expectedRecords';
import { randomDamage } from '../../support/randomDamage';
import { planRestore, type PlanOptions } from '../../../shared/restore/plan/planner';
import { loadTenantIdMap } from '../../../shared/restore/job/planStore';
import type { RestorePlan, RestoreRequest } from '../../../shared/restore/restoreTypes';
import { touchedRequest } from '../../../shared/restore/plan/touchedSelection';

/**
 * A plan that reads modules whole (delta or list pages, the way a full backup reads them) must be
 * the plan that reads every object on its own: same actions, same warnings, fewer requests.
 */
describe('restore plan: reading modules whole equals reading object by object', () => {
  let harness: BackupHarness;
  beforeAll(async () => {
    harness = await startBackupHarness({ preset: 'demo', seed: 23 });
  });
  afterAll(() => harness.stop());

  const wholeSnapshot = (snapshotId: string): RestoreRequest => ({
    tenantId: harness.tenantId,
    source: { kind: 'snapshot', snapshotId },
    selection: {},
    relationshipMode: 'rollback',
    caPolicyLossMode: 'createDisabled',
  });

  async function plan(
    request: RestoreRequest,
    liveReads: PlanOptions['liveReads'],
  ): Promise<{ plan: RestorePlan; requests: number; resourceUnits: number }> {
    const store = harness.runtime.services.store;
    const before = harness.simulator.counters();
    const plan = await planRestore(
      { graph: harness.graph, store },
      request,
      `equivalence-${liveReads}`,
      new Date('2026-12-01T00:00:00Z'),
      { knownIds: await loadTenantIdMap(store, harness.tenantId), liveReads },
    );
    const after = harness.simulator.counters();
    // Requests Graph served, those inside `$batch` included (envelopes left out).
    const served = (c: typeof after): number => c.totalRequests - (c.requests['POST /$batch'] ?? 0);
    return {
      plan,
      requests: served(after) - served(before),
      resourceUnits: after.resourceUnits - before.resourceUnits,
    };
  }

  it.each([303, 404, 505])(
    'seed %i: same actions and warnings, fewer requests; re-planning the touched objects gives the same actions',
    async (seed) => {
      const backup = await harness.backup({ modules: coreModuleIds() });
      const damage = randomDamage(harness, seed);
      expect(damage.length).toBeGreaterThan(15);

      const whole = await plan(wholeSnapshot(backup.snapshotId!), 'auto');
      const single = await plan(wholeSnapshot(backup.snapshotId!), 'perObject');
      // What the drift check and the verifier re-plan: only the objects the plan writes.
      const touched = await plan(touchedRequest(whole.plan), 'auto');
      const actions = (p: RestorePlan): unknown[] => p.waves.flatMap((w) => w.actions);
      expect(actions(whole.plan).length).toBeGreaterThan(10);
      expect(actions(whole.plan)).toEqual(actions(single.plan));
      expect(whole.plan.warnings).toEqual(single.plan.warnings);
      expect(whole.plan.counts).toEqual(single.plan.counts);
      expect(whole.requests).toBeLessThan(single.requests);
      expect(whole.resourceUnits).toBeLessThan(single.resourceUnits);
      expect(actions(touched.plan)).toEqual(actions(whole.plan));
      expect(touched.requests).toBeLessThan(whole.requests);
      console.log(
        `live reads, seed ${seed}: ${actions(whole.plan).length} actions; requests (RU) whole ${whole.requests} (${whole.resourceUnits}), object by object ${single.requests} (${single.resourceUnits}), touched objects only ${touched.requests} (${touched.resourceUnits})`,
      );
    },
  );
});
