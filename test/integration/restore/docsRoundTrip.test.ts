import { randomUUID } from 'node:crypto';
import {
  NOTHING_TO_DO,
  registerAndBackUp,
  restoreWithCli,
  useSimulatorFromCli,
} from '../../support/cliRoundTrip';
import { startSimulator, type RunningSimulator } from '../../simulator';
import { generateTenant } from '../../simulator/generator';
import type { GraphObject } from '../../simulator/tenantState';

/**
 * Backup → damage → restore through the CLI on Microsoft's own documentation examples (the
 * `docs` preset): conditional access policies holding ids nobody can resolve and Exchange
 * Online's first-party app id, mail-enabled security groups and distribution lists Graph refuses
 * to change, users and groups whose memberships come back with them from deleted items.
 * docs/restore-semantics.md states each rule this exercises.
 */

// Ids from test/fixtures/graph-examples (Microsoft's examples).
const DIEGO = '24fcbca3-c3e2-48bf-9ffc-c7f81b81483d'; // in Golf Assist (M365) and Project Falcon (mail-enabled security)
const SARA = '7d54cb02-aaa3-4016-9f9c-a4b49422dd9b'; // excluded by "Demo app for documentation 2"
const GOLF_ASSIST = '45b7d2e7-b882-4a80-ba97-10b7a63b8fa4'; // Microsoft 365 group with an app role assignment
const BEST_GROUP = '024bbfa0-fe5a-4fce-9227-bd6ccf1324bb'; // security group included by "Demo app for documentation 2"
const VOLUNTEERS = '92f3d47b-86cc-4b90-953e-8ec7f83ef45f'; // Microsoft 365 group
const GRADY = 'e8b753b5-4117-464e-9a08-713e1ff266b3';
const ADELE = '87d349ed-44d7-43e1-9a83-5f2406dee5bd';
const CONVOL_APP = '5847962e-c746-4707-a657-f80b5b71f429';
const CONVOL_SP = 'ea6a54da-62be-4cdc-9860-3ed68a43d8f6';
const COUNTRY_LOCATION = '1b7f0916-7677-40d8-97a1-d606f4ed8fcf'; // excluded by "Demo app for documentation 2"
const DEMO_APP_2 = 'Demo app for documentation 2';
const EXO_REGIONS = 'Block access to EXO non-trusted regions.';
const EXO_DEVICES = 'Require MFA to EXO from non-compliant devices.';
/** Referenced by the example policies, absent from the examples' tenant: dangling at backup time. */
const DANGLING_GROUP = 'ba8e7ded-8b0f-4836-ba06-8ff1ecc5c8ba';
const EXCHANGE_ONLINE = '00000002-0000-0ff1-ce00-000000000000';

function policyNamed(simulator: RunningSimulator, displayName: string): GraphObject {
  const policy = [...simulator.store.list('conditionalAccessPolicies')].find(
    (p) => p.displayName === displayName,
  );
  if (!policy) throw new Error(`no policy ${displayName}`);
  return policy;
}

function usersCondition(policy: GraphObject): Record<string, string[]> {
  return (policy.conditions as { users: Record<string, string[]> }).users;
}

function damage(simulator: RunningSimulator): string[] {
  const store = simulator.store;
  const done: string[] = [];
  store.softDelete('users', DIEGO);
  done.push('soft-delete user Diego (member of a Microsoft 365 and a mail-enabled security group)');
  store.softDelete('users', SARA);
  store.hardDelete('users', SARA);
  done.push('hard-delete user Sara (excluded by a CA policy, member of a mail-enabled group)');
  store.softDelete('groups', GOLF_ASSIST);
  done.push('soft-delete Microsoft 365 group Golf Assist');
  store.softDelete('groups', BEST_GROUP);
  store.hardDelete('groups', BEST_GROUP);
  done.push('hard-delete security group Best Group (included by a CA policy)');
  store.hardDelete('servicePrincipals', CONVOL_SP);
  store.softDelete('applications', CONVOL_APP);
  store.hardDelete('applications', CONVOL_APP);
  done.push('hard-delete application ConVol and its service principal');
  store.hardDelete('namedLocations', COUNTRY_LOCATION);
  done.push('delete named location referenced by a CA policy');
  store.update('conditionalAccessPolicies', {
    ...policyNamed(simulator, EXO_REGIONS),
    state: 'disabled',
  });
  const devices = policyNamed(simulator, EXO_DEVICES);
  const conditions = devices.conditions as Record<string, Record<string, unknown>>;
  store.update('conditionalAccessPolicies', {
    ...devices,
    displayName: 'renamed by an attacker',
    conditions: {
      ...conditions,
      users: { ...conditions.users, includeGroups: [], includeUsers: ['None'] },
      applications: { ...conditions.applications, includeApplications: ['None'] },
    },
  });
  done.push('disable one CA policy, rename another and point it at nobody');
  if (!store.removeLink('groupMembers', VOLUNTEERS, GRADY)) throw new Error('no such member');
  done.push('remove a member of Microsoft 365 group Contoso volunteer roster');
  store.setSingleton('authorizationPolicy', {
    ...store.singleton('authorizationPolicy'),
    allowInvitesFrom: 'none',
  });
  done.push('change the authorization policy (singleton)');
  return done;
}

describe('restore round trip on Microsoft documentation examples (docs preset), through the CLI', () => {
  let simulator: RunningSimulator;
  const tenantId = randomUUID();

  beforeAll(async () => {
    simulator = await startSimulator({ state: generateTenant({ preset: 'docs', tenantId }) });
    useSimulatorFromCli(simulator, tenantId);
  });
  afterAll(() => simulator.stop());

  it('puts nine kinds of damage back in one restore: no rejected write, no residual, a second plan is empty', async () => {
    const snapshotId = await registerAndBackUp(tenantId, 'Docs examples');
    const before = structuredClone(policyNamed(simulator, DEMO_APP_2));
    expect(damage(simulator)).toHaveLength(9);

    const run = await restoreWithCli(simulator, tenantId, snapshotId);
    process.stdout.write(
      `docs round trip: writes ${JSON.stringify(run.writeResults)}\nplan:\n${run.planText}\n`,
    );
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
    // The policy names the re-created user, group and location, never the deleted ones, and
    // keeps what the backup itself could not resolve.
    const store = simulator.store;
    const after = policyNamed(simulator, DEMO_APP_2);
    const users = usersCondition(after);
    const newSara = store.findBy('users', 'userPrincipalName', 'SaraD@contoso.onmicrosoft.com');
    const newBest = [...store.list('groups')].find((g) => g.displayName === 'Best Group');
    expect(newSara?.id).toBeDefined();
    expect(newBest?.id).toBeDefined();
    expect(users.excludeUsers).toEqual([newSara!.id]);
    expect(users.includeGroups).toEqual([newBest!.id]);
    expect(users.includeUsers).toEqual(usersCondition(before).includeUsers);
    const locations = (after.conditions as { locations: { excludeLocations: string[] } }).locations;
    expect(locations.excludeLocations).not.toContain(COUNTRY_LOCATION);
    expect(locations.excludeLocations).toHaveLength(1);
    expect(store.get('namedLocations', locations.excludeLocations[0])).toBeDefined();
    expect(usersCondition(policyNamed(simulator, EXO_REGIONS)).includeGroups).toEqual([
      DANGLING_GROUP,
    ]);
    expect(
      (
        policyNamed(simulator, EXO_REGIONS).conditions as {
          applications: { includeApplications: string[] };
        }
      ).applications.includeApplications,
    ).toEqual([EXCHANGE_ONLINE]);
    expect(policyNamed(simulator, EXO_REGIONS).state).toBe('enabled');
    const restoredDevices = policyNamed(simulator, EXO_DEVICES);
    expect(restoredDevices.displayName).toBe(EXO_DEVICES);
    expect(usersCondition(restoredDevices).includeGroups).toEqual([DANGLING_GROUP]);
    expect(
      (restoredDevices.conditions as { applications: { includeApplications: string[] } })
        .applications.includeApplications,
    ).toEqual([EXCHANGE_ONLINE]);
    // Written verbatim, and said so once each.
    expect(run.planText).toMatch(
      new RegExp(
        `\\[danglingAtBackup\\] conditionalAccessPolicies \\S+: .*keeps ${DANGLING_GROUP} verbatim`,
      ),
    );
    expect(run.planText).toMatch(
      new RegExp(
        `\\[microsoftOwned\\] conditionalAccessPolicies \\S+: .*keeps ${EXCHANGE_ONLINE} verbatim`,
      ),
    );
    // The application and its service principal are back, with the user's app role assignment.
    const convol = [...store.list('applications')].find((a) => a.displayName === 'ConVol');
    const convolSp = convol && store.findBy('servicePrincipals', 'appId', String(convol.appId));
    expect(convol?.id).not.toBe(CONVOL_APP);
    expect(convolSp).toBeDefined();
    expect(
      [...store.list('appRoleAssignments')].some(
        (a) => a.resourceId === convolSp!.id && a.principalId === ADELE,
      ),
    ).toBe(true);
    // Memberships came back with the restored objects.
    expect(store.hasLink('groupMembers', GOLF_ASSIST, DIEGO)).toBe(true);
    expect(store.hasLink('groupMembers', VOLUNTEERS, GRADY)).toBe(true);
    expect(store.singleton('authorizationPolicy').allowInvitesFrom).toBe('everyone');
  });
});
