import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';
import { coreModuleIds } from '../../support/expectedRecords';
import { Prng } from '../../simulator/generator/prng';
import { loadPlan } from '../../../shared/restore/job/planStore';
import type { RestoreOutcome } from '../../../shared/restore/job/restoreJob';

/** Random edits, soft and hard deletes and membership removals across the restorable modules. */
function mutate(harness: BackupHarness, seed: number): string[] {
  const store = harness.simulator.store;
  const generator = new Prng(seed);
  const random = (): number => generator.next();
  const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];
  const done: string[] = [];
  const edits: Array<[string, string]> = [
    ['users', 'jobTitle'],
    ['groups', 'description'],
    ['applications', 'description'],
    ['servicePrincipals', 'notes'],
    ['administrativeUnits', 'description'],
    ['namedLocations', 'displayName'],
    ['conditionalAccessPolicies', 'displayName'],
  ];
  for (const [resource, property] of edits) {
    for (let i = 0; i < 2; i++) {
      const object = pick([...store.list(resource)]);
      if (!object) continue;
      store.update(resource, { ...object, [property]: `changed ${seed}-${i}` });
      done.push(`edit ${resource} ${object.id} ${property}`);
    }
  }
  for (const resource of ['users', 'groups', 'applications']) {
    const soft = pick(
      [...store.list(resource)].filter((o) => !String(o.displayName).includes('Break Glass')),
    );
    if (soft) {
      store.softDelete(resource, soft.id);
      done.push(`soft-delete ${resource} ${soft.id}`);
    }
  }
  for (const resource of ['groups', 'users']) {
    const hard = pick([...store.list(resource)]);
    if (hard) {
      store.softDelete(resource, hard.id);
      store.hardDelete(resource, hard.id);
      done.push(`purge ${resource} ${hard.id}`);
    }
  }
  for (let i = 0; i < 4; i++) {
    const group = pick(
      [...store.list('groups')].filter(
        (g) => !((g.groupTypes as string[]) ?? []).includes('DynamicMembership'),
      ),
    );
    if (!group) continue;
    const member = pick([...store.linkTargets('groupMembers', group.id)]);
    if (member && store.removeLink('groupMembers', group.id, member))
      done.push(`unlink ${group.id} ${member}`);
  }
  return done;
}

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
      const mutations = mutate(harness, seed);
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
