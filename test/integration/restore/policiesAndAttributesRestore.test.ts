import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';
import type { RestoreOutcome } from '../../../shared/restore/job/restoreJob';
import { planRestore } from '../../../shared/restore/plan/planner';
import type { GraphObject } from '../../simulator/tenantState';

/**
 * Catalogue 0.3.0 modules through a real backup and restore: attribute sets and definitions that
 * Graph cannot delete (so a restore only creates and patches them, keeping their ids), a
 * definition's create-only properties, the one-per-tenant expiration policy and the singleton.
 */

const MODULES = [
  'activityBasedTimeoutPolicies',
  'authenticationFlowsPolicy',
  'groupLifecyclePolicies',
  'attributeSets',
  'customSecurityAttributeDefinitions',
];
const DEFINITIONS = '/directory/customSecurityAttributeDefinitions';

let harness: BackupHarness;
let snapshotId: string;

beforeAll(async () => {
  harness = await startBackupHarness({ preset: 'demo', seed: 5 });
  const backup = await harness.backup({ modules: MODULES });
  expect(backup.status).toBe('succeeded');
  snapshotId = backup.snapshotId!;
});
afterAll(() => harness.stop());

function restore(dryRun: boolean): Promise<RestoreOutcome> {
  return harness.restore(
    {
      source: { kind: 'snapshot', snapshotId },
      selection: {},
      relationshipMode: 'merge',
      caPolicyLossMode: 'createDisabled',
    },
    { dryRun },
  );
}

const state = () => harness.simulator.exportState();
const byId = (list: GraphObject[]) => new Map(list.map((o) => [o.id, o]));
/** An object's content without its id; nulls are left out because creates do not send them. */
const contentOf = ({ id: _id, ...rest }: GraphObject) =>
  Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null));

describe('restore of the 0.3.0 modules', () => {
  it('re-creates missing sets and definitions under their ids, patches the rest, deletes nothing', async () => {
    const before = structuredClone(state());
    const store = harness.simulator.store;
    const request = (method: 'PATCH' | 'POST' | 'DELETE', url: string, body?: unknown) =>
      harness.graph.request({ method, url, version: 'v1.0', body });

    // Graph cannot delete sets or definitions: a tenant without them is made in the store.
    for (const id of ['Marketing_CostCenter', 'Marketing_CampaignOwner'])
      store.hardDelete('customSecurityAttributeDefinitions', id);
    store.hardDelete('attributeSets', 'Marketing');
    await request('PATCH', `${DEFINITIONS}/Engineering_Project`, {
      status: 'Deprecated',
      description: 'changed',
    });
    await request('PATCH', '/directory/attributeSets/Engineering', { description: 'changed' });
    await request('POST', '/directory/attributeSets', { id: 'AddedLater', description: 'new' });
    const [lifecycle] = before.collections.groupLifecyclePolicies;
    await request('DELETE', `/groupLifecyclePolicies/${lifecycle.id}`);
    const timeout = before.collections.activityBasedTimeoutPolicies[0];
    await request('DELETE', `/policies/activityBasedTimeoutPolicies/${timeout.id}`);
    await request('PATCH', '/policies/authenticationFlowsPolicy', {
      selfServiceSignUp: { isEnabled: true },
    });

    const applied = await restore(false);
    expect({ failures: applied.failures, status: applied.status }).toEqual({
      failures: [],
      status: 'succeeded',
    });
    expect(applied.residual).toBe(0);

    const after = state();
    const sets = byId(after.collections.attributeSets);
    for (const set of before.collections.attributeSets) expect(sets.get(set.id)).toEqual(set);
    // Sets cannot be deleted: one created after the backup stays.
    expect(sets.has('AddedLater')).toBe(true);
    const definitions = byId(after.collections.customSecurityAttributeDefinitions);
    for (const d of before.collections.customSecurityAttributeDefinitions)
      expect(definitions.get(d.id)).toEqual(d);
    const values = after.children.customSecurityAttributeAllowedValues;
    expect(values.Engineering_Project).toEqual(
      before.children.customSecurityAttributeAllowedValues.Engineering_Project,
    );

    // Re-created with a new id (Graph assigns it), same content.
    expect(after.collections.groupLifecyclePolicies.map(contentOf)).toEqual([contentOf(lifecycle)]);
    expect(after.collections.activityBasedTimeoutPolicies.map(contentOf)).toContainEqual(
      contentOf(timeout),
    );
    expect(after.singletons.authenticationFlowsPolicy).toEqual(
      before.singletons.authenticationFlowsPolicy,
    );

    const again = (await restore(true)).plan!.counts;
    expect(again.create + again.update + again.createChild + again.restoreDeleted).toBe(0);
  });

  it('reports a changed create-only property of a definition instead of writing it', async () => {
    const store = harness.simulator.store;
    const live = store.get('customSecurityAttributeDefinitions', 'Engineering_ProjectDate')!;
    store.update('customSecurityAttributeDefinitions', { ...live, isSearchable: false });
    const plan = await planRestore(
      { graph: harness.graph, store: harness.runtime.services.store },
      {
        tenantId: harness.tenantId,
        source: { kind: 'snapshot', snapshotId },
        selection: { modules: ['customSecurityAttributeDefinitions'] },
        relationshipMode: 'merge',
        caPolicyLossMode: 'createDisabled',
      },
      'plan-create-only',
      new Date(),
    );
    const warning = plan.warnings.find(
      (w) => w.code === 'createOnlyChanged' && w.objectId === 'Engineering_ProjectDate',
    );
    expect(warning?.message).toMatch(/isSearchable cannot be changed after creation/);
    const actions = plan.waves.flatMap((w) => w.actions);
    expect(actions.filter((a) => a.kind === 'update' || a.kind === 'create')).toEqual([]);
  });
});
