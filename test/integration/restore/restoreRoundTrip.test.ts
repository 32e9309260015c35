import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';
import {
  applyWaveSlice,
  loadIdMap,
  planRestore,
  renderPlan,
  savePlan,
  verifyRestore,
  type ApplyResult,
  type RestorePlan,
  type RestoreRequest,
} from '../../../shared/restore';

/** The parts of a CA policy and a create body these tests look into. */
interface PolicyShape {
  users?: { excludeGroups?: string[] };
}
const excludeGroupsOf = (p: Record<string, unknown>): string[] =>
  (p.conditions as PolicyShape | undefined)?.users?.excludeGroups ?? [];

const MODULES = [
  'users',
  'groups',
  'applications',
  'servicePrincipals',
  'conditionalAccessPolicies',
  'namedLocations',
  'authorizationPolicy',
];

async function applyAll(harness: BackupHarness, plan: RestorePlan): Promise<ApplyResult[]> {
  const deps = { graph: harness.graph, store: harness.runtime.services.store };
  const results: ApplyResult[] = [];
  for (const wave of plan.waves) {
    let cursor: number | undefined = 0;
    while (cursor !== undefined) {
      const slice = await applyWaveSlice(deps, plan.tenantId, plan.planId, wave.index, cursor, 7);
      results.push(...slice.results);
      cursor = slice.nextCursor;
    }
  }
  return results;
}

describe('restore round trip against the simulator', () => {
  let harness: BackupHarness;
  let snapshotId: string;
  beforeAll(async () => {
    harness = await startBackupHarness({ preset: 'demo' });
    const summary = await harness.backup({ modules: MODULES, full: true });
    expect(summary.status).toBe('succeeded');
    snapshotId = summary.snapshotId!;
  });
  afterAll(() => harness.stop());

  it('plans without writing, applies, converges, and a second apply creates nothing', async () => {
    const sim = harness.simulator;
    const store = sim.store;
    const deps = { graph: harness.graph, store: harness.runtime.services.store };

    // Break the tenant: a group a CA policy excludes is deleted and purged, a user edited, a
    // user soft-deleted, an app hard-deleted, a CA policy changed, a member removed.
    const policies = [...store.list('conditionalAccessPolicies')];
    const policy = policies.find((p) => excludeGroupsOf(p).length > 0)!;
    expect(policy).toBeDefined();
    const excludedGroupId = excludeGroupsOf(policy)[0] as string;
    const excludedGroup = store.get('groups', excludedGroupId)!;
    store.softDelete('groups', excludedGroupId);
    store.hardDelete('groups', excludedGroupId);

    const users = [...store.list('users')];
    const edited = users[1];
    store.update('users', { ...edited, jobTitle: 'Changed by test', city: 'Nowhere' });
    const softDeleted = users[2];
    store.softDelete('users', softDeleted.id);

    const app = [...store.list('applications')].find((a) => !a.passwordCredentials || true)!;
    store.softDelete('applications', app.id);
    store.hardDelete('applications', app.id);

    const otherPolicy = policies.find((p) => p.id !== policy.id) ?? policy;
    store.update('conditionalAccessPolicies', {
      ...otherPolicy,
      state: 'disabled',
      displayName: 'Tampered',
    });

    const group = [...store.list('groups')].find(
      (g) =>
        !((g.groupTypes as string[]) ?? []).includes('DynamicMembership') &&
        store.linkTargets('groupMembers', g.id).size > 0,
    )!;
    const removedMember = [...store.linkTargets('groupMembers', group.id)][0];
    store.removeLink('groupMembers', group.id, removedMember);

    const request: RestoreRequest = {
      tenantId: harness.tenantId,
      source: { kind: 'snapshot', snapshotId },
      selection: {},
      relationshipMode: 'merge',
      caPolicyLossMode: 'block',
    };
    sim.resetCounters();
    const plan = await planRestore(deps, request, 'plan-1', new Date());
    expect(sim.counters().writes).toBe(0);
    await savePlan(deps.store, plan);
    const text = renderPlan(plan);
    expect(text).toContain('jobTitle');

    const kinds = plan.waves
      .flatMap((w) => w.actions)
      .map((a) => `${a.moduleId}:${a.objectId}:${a.kind}`);
    expect(kinds).toContain(`users:${softDeleted.id}:restoreDeleted`);
    expect(kinds).toContain(`groups:${excludedGroupId}:create`);
    expect(kinds).toContain(`applications:${app.id}:create`);
    expect(kinds).toContain(`users:${edited.id}:update`);
    expect(kinds).toContain(`groups:${group.id}:addLink`);
    expect(plan.counts.blocked).toBe(0);
    expect(plan.counts.noop).toBeGreaterThan(0);

    sim.resetCounters();
    const results = await applyAll(harness, plan);
    const failed = results.filter((r) => r.outcome === 'failed');
    expect(failed).toEqual([]);
    // No write failed: in particular the simulator refused none for a read-only property.

    const idMap = await loadIdMap(deps.store, harness.tenantId, plan.planId);
    const newGroupId = idMap[`groups:${excludedGroupId}`].id;
    expect(newGroupId).not.toBe(excludedGroupId);
    const restoredGroup = store.get('groups', newGroupId)!;
    expect(restoredGroup.displayName).toBe(excludedGroup.displayName);
    const livePolicy = store.get('conditionalAccessPolicies', policy.id)!;
    expect(excludeGroupsOf(livePolicy)).toContain(newGroupId);
    expect(store.get('users', softDeleted.id)).toBeDefined();
    expect(store.get('users', edited.id)!.jobTitle).toBe(edited.jobTitle ?? null);
    expect(store.hasLink('groupMembers', group.id, removedMember)).toBe(true);
    expect(store.get('conditionalAccessPolicies', otherPolicy.id)!.displayName).toBe(
      otherPolicy.displayName,
    );

    const verification = await verifyRestore(deps, harness.tenantId, plan.planId);
    expect(
      verification.residual.map((a) => `${a.actionId} ${JSON.stringify(a.diff ?? a.body)}`),
    ).toEqual([]);

    // A second run of the same plan (a resumed apply) creates nothing new.
    const counts = {
      users: store.count('users'),
      groups: store.count('groups'),
      applications: store.count('applications'),
    };
    const again = await applyAll(harness, plan);
    expect(again.filter((r) => r.outcome === 'failed')).toEqual([]);
    expect(
      again.filter((r) => r.actionId.endsWith(':create') && r.outcome === 'succeeded'),
    ).toEqual([]);
    expect({
      users: store.count('users'),
      groups: store.count('groups'),
      applications: store.count('applications'),
    }).toEqual(counts);
  });

  it('blocks a CA policy that would lose an exclusion, or writes it disabled on request', async () => {
    const store = harness.simulator.store;
    const deps = { graph: harness.graph, store: harness.runtime.services.store };
    const policy = [...store.list('conditionalAccessPolicies')].find(
      (p) => excludeGroupsOf(p).length > 0,
    )!;
    const excluded = excludeGroupsOf(policy)[0] as string;
    if (store.get('groups', excluded)) {
      store.softDelete('groups', excluded);
      store.hardDelete('groups', excluded);
    }
    store.update('conditionalAccessPolicies', { ...policy, displayName: 'Changed again' });
    const request: RestoreRequest = {
      tenantId: harness.tenantId,
      source: { kind: 'snapshot', snapshotId },
      // Groups are not restored, so the excluded group stays gone.
      selection: { modules: ['conditionalAccessPolicies'], objectIds: [policy.id] },
      relationshipMode: 'merge',
      caPolicyLossMode: 'block',
    };
    const blocked = await planRestore(deps, request, 'plan-block', new Date());
    const actions = blocked.waves.flatMap((w) => w.actions);
    expect(actions.map((a) => a.kind)).toEqual(['blocked']);
    expect(blocked.warnings.map((w) => w.code)).toContain('caPolicyBlocked');

    const disabled = await planRestore(
      deps,
      { ...request, caPolicyLossMode: 'createDisabled' },
      'plan-disabled',
      new Date(),
    );
    expect(disabled.hash).not.toBe(blocked.hash);
    await savePlan(deps.store, disabled);
    const results = await applyAll(harness, disabled);
    expect(results.filter((r) => r.outcome === 'failed')).toEqual([]);
    const live = store.get('conditionalAccessPolicies', policy.id)!;
    expect(live.state).toBe('disabled');
    expect(live.displayName).not.toBe('Changed again');
    expect(disabled.warnings.map((w) => w.code)).toContain('caPolicyDisabled');
  });

  it('re-creates a purged user with a generated password that is never stored', async () => {
    const store = harness.simulator.store;
    const deps = { graph: harness.graph, store: harness.runtime.services.store };
    const user = [...store.list('users')].find((u) => u.userType !== 'Guest')!;
    store.softDelete('users', user.id);
    store.hardDelete('users', user.id);
    const request: RestoreRequest = {
      tenantId: harness.tenantId,
      source: { kind: 'snapshot', snapshotId },
      selection: { objectIds: [user.id] },
      relationshipMode: 'merge',
      caPolicyLossMode: 'block',
    };
    const plan = await planRestore(deps, request, 'plan-user', new Date());
    await savePlan(deps.store, plan);
    const create = plan.waves.flatMap((w) => w.actions).find((a) => a.kind === 'create')!;
    expect((create.body as { passwordProfile?: unknown }).passwordProfile).toEqual({
      forceChangePasswordNextSignIn: true,
      password: '{{secret:generatedPassword}}',
    });
    expect(plan.warnings.map((w) => w.code)).toContain('generatedSecret');
    const results = await applyAll(harness, plan);
    expect(results.filter((r) => r.outcome === 'failed')).toEqual([]);
    const idMap = await loadIdMap(deps.store, harness.tenantId, plan.planId);
    const created = store.get('users', idMap[`users:${user.id}`].id)!;
    expect(created.userPrincipalName).toBe(user.userPrincipalName);
    const blobs: string[] = [];
    for await (const blob of deps.store.workContainer.listBlobsFlat({
      prefix: `tenants/${harness.tenantId}/restores/plan-user/`,
    })) {
      const text = (
        await deps.store.workContainer.getBlobClient(blob.name).downloadToBuffer()
      ).toString();
      blobs.push(text);
    }
    expect(blobs.length).toBeGreaterThan(0);
    const password = (created.passwordProfile as { password?: string } | undefined)?.password;
    if (password) for (const text of blobs) expect(text).not.toContain(password);
    expect(blobs.join('')).not.toMatch(/"password":"(?!\{\{secret)/);
  });
});
