import { randomUUID } from 'node:crypto';
import { startSimulator, type RunningSimulator } from '../../simulator';
import { DANGLING_GROUP_ID, generateTenant } from '../../simulator/generator';
import type { GraphObject } from '../../simulator/tenantState';
import {
  NOTHING_TO_DO,
  registerAndBackUp,
  restoreWithCli,
  useSimulatorFromCli,
} from '../../support/cliRoundTrip';

/**
 * The docs round trip's damage on the demo tenant, through the CLI: the demo tenant holds a
 * mail-enabled security group (Exchange-managed) and an Exchange Online policy naming a group
 * deleted before the backup, next to its own story (docs/restore-semantics.md).
 */
function byName(simulator: RunningSimulator, resource: string, displayName: string): GraphObject {
  const found = [...simulator.store.list(resource)].find((o) => o.displayName === displayName);
  if (!found) throw new Error(`no ${resource} ${displayName}`);
  return found;
}

interface Conditions {
  users: Record<string, string[]>;
  applications: { includeApplications: string[] };
  locations: { includeLocations: string[]; excludeLocations: string[] } | null;
}
const conditionsOf = (policy: GraphObject): Conditions => policy.conditions as Conditions;

describe('restore round trip on the demo tenant, through the CLI', () => {
  let simulator: RunningSimulator;
  const tenantId = randomUUID();

  beforeAll(async () => {
    simulator = await startSimulator({ state: generateTenant({ preset: 'demo', tenantId }) });
    useSimulatorFromCli(simulator, tenantId);
  });
  afterAll(() => simulator.stop());

  it('puts nine kinds of damage back in one restore: no rejected write, no residual, a second plan is empty', async () => {
    const snapshotId = await registerAndBackUp(tenantId, 'Demo');
    const store = simulator.store;
    const diego = byName(simulator, 'users', 'Diego Siciliani');
    const allan = byName(simulator, 'users', 'Allan Deyoung');
    const lee = byName(simulator, 'users', 'Lee Gu');
    const salesTeam = byName(simulator, 'groups', 'Sales Team');
    const financeTeam = byName(simulator, 'groups', 'Finance Team');
    const financeAlerts = byName(simulator, 'groups', 'Finance Alerts');
    const hrPortalUsers = byName(simulator, 'groups', 'HR Portal Users');
    const deployer = byName(simulator, 'applications', 'GitHub Actions Deployer');
    const deployerSp = store.findBy('servicePrincipals', 'appId', String(deployer.appId))!;
    const hq = byName(simulator, 'namedLocations', 'Contoso HQ Redmond');
    const legacy = byName(simulator, 'conditionalAccessPolicies', 'Block legacy authentication');
    const exchange = byName(
      simulator,
      'conditionalAccessPolicies',
      'Exchange Online: require compliant device',
    );
    expect(store.hasLink('groupMembers', financeAlerts.id, diego.id)).toBe(true);
    const invitesFrom = store.singleton('authorizationPolicy').allowInvitesFrom;

    store.softDelete('users', diego.id);
    store.softDelete('users', allan.id);
    store.hardDelete('users', allan.id);
    store.softDelete('groups', salesTeam.id);
    store.softDelete('groups', hrPortalUsers.id);
    store.hardDelete('groups', hrPortalUsers.id);
    store.hardDelete('servicePrincipals', deployerSp.id);
    store.softDelete('applications', deployer.id);
    store.hardDelete('applications', deployer.id);
    store.hardDelete('namedLocations', hq.id);
    store.update('conditionalAccessPolicies', { ...legacy, state: 'disabled' });
    const c = conditionsOf(exchange);
    store.update('conditionalAccessPolicies', {
      ...exchange,
      displayName: 'renamed by an attacker',
      conditions: {
        ...c,
        users: { ...c.users, includeGroups: [], includeUsers: ['None'] },
        applications: { ...c.applications, includeApplications: ['None'] },
      },
    });
    expect(store.removeLink('groupMembers', financeTeam.id, lee.id)).toBe(true);
    store.setSingleton('authorizationPolicy', {
      ...store.singleton('authorizationPolicy'),
      allowInvitesFrom: 'none',
    });

    const run = await restoreWithCli(simulator, tenantId, snapshotId);
    process.stdout.write(`demo round trip: writes ${JSON.stringify(run.writeResults)}\n`);
    expect(run.planWrites).toBe(0);
    expect({
      failures: run.outcome.failures,
      rejected: run.rejected,
      residual: run.outcome.residual,
      secondPlan: run.secondPlan,
    }).toEqual({ failures: [], rejected: [], residual: 0, secondPlan: NOTHING_TO_DO });
    expect({ code: run.code, status: run.outcome.status }).toEqual({
      code: 0,
      status: 'succeeded',
    });

    // Re-created objects replace the deleted ones in every policy; kept values stay verbatim.
    const newAllan = store.findBy('users', 'userPrincipalName', String(allan.userPrincipalName))!;
    const newHr = byName(simulator, 'groups', 'HR Portal Users');
    const newHq = byName(simulator, 'namedLocations', 'Contoso HQ Redmond');
    const hrPolicy = conditionsOf(
      byName(simulator, 'conditionalAccessPolicies', 'HR Portal: trusted locations only'),
    );
    expect(newAllan.id).not.toBe(allan.id);
    expect(hrPolicy.users.excludeUsers).toEqual([newAllan.id]);
    expect(hrPolicy.users.includeGroups).toEqual([newHr.id]);
    expect(hrPolicy.locations!.excludeLocations).toContain(newHq.id);
    expect(hrPolicy.locations!.excludeLocations).not.toContain(hq.id);
    const restoredExchange = byName(
      simulator,
      'conditionalAccessPolicies',
      'Exchange Online: require compliant device',
    );
    expect(conditionsOf(restoredExchange).users.includeGroups).toEqual([
      financeAlerts.id,
      DANGLING_GROUP_ID,
    ]);
    expect(conditionsOf(restoredExchange).applications.includeApplications).toEqual(
      c.applications.includeApplications,
    );
    expect(byName(simulator, 'conditionalAccessPolicies', legacy.displayName as string).state).toBe(
      'enabled',
    );
    // Memberships came back with the restored user, in the Exchange-managed group too.
    expect(store.hasLink('groupMembers', financeAlerts.id, diego.id)).toBe(true);
    expect(store.hasLink('groupMembers', financeTeam.id, lee.id)).toBe(true);
    expect(store.get('groups', salesTeam.id)).toBeDefined();
    const newDeployer = byName(simulator, 'applications', 'GitHub Actions Deployer');
    expect(store.findBy('servicePrincipals', 'appId', String(newDeployer.appId))).toBeDefined();
    expect(store.singleton('authorizationPolicy').allowInvitesFrom).toBe(invitesFrom);
  });
});
