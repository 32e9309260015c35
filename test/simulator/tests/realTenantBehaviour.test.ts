import { type RunningSimulator, startSimulator } from '../index';
import { generateTenant } from '../generator';
import { IDS, smallTenant } from './fixture';
import { rawRequest } from './graphClient';

/**
 * Graph behaviours that real tenants show and a friendlier simulator would hide. Each test names
 * the Graph documentation page or the public issue that reports the behaviour.
 */
let sim: RunningSimulator;

const MAIL_SECURITY = 'f1f1f1f1-0000-4000-8000-000000000001';
const DISTRIBUTION = 'f1f1f1f1-0000-4000-8000-000000000002';
const ref = (id: string) => ({
  '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}`,
});
const EXCHANGE = 'Cannot Update a mail-enabled security groups and or distribution list.';

beforeEach(async () => {
  const state = smallTenant();
  const group = (id: string, name: string, securityEnabled: boolean) => ({
    id,
    displayName: name,
    mailNickname: name.toLowerCase(),
    mail: `${name.toLowerCase()}@contoso.com`,
    mailEnabled: true,
    securityEnabled,
    groupTypes: [],
    createdDateTime: '2024-01-01T00:00:00Z',
  });
  state.collections.groups.push(
    group(MAIL_SECURITY, 'Finance', true),
    group(DISTRIBUTION, 'Newsletter', false),
  );
  state.relationships.groupMembers[MAIL_SECURITY] = [IDS.alice];
  state.relationships.groupOwners[DISTRIBUTION] = [IDS.alice];
  sim = await startSimulator({ state, seed: 7 });
});
afterEach(async () => {
  await sim.stop();
});

const ids = (body: { value: Array<{ id: string }> }) => body.value.map((o) => o.id).sort();

describe('Exchange-managed groups (microsoftgraph/microsoft-graph-docs #14827, -contrib #8276)', () => {
  it.each([
    ['mail-enabled security group', MAIL_SECURITY],
    ['distribution list', DISTRIBUTION],
  ])('refuses to change a %s, its members and its owners with Graph message', async (_, id) => {
    const attempts = [
      await rawRequest(sim, 'PATCH', `/v1.0/groups/${id}`, { body: { description: 'x' } }),
      await rawRequest(sim, 'POST', `/v1.0/groups/${id}/members/$ref`, { body: ref(IDS.bob) }),
      await rawRequest(sim, 'DELETE', `/v1.0/groups/${id}/members/${IDS.alice}/$ref`),
      await rawRequest(sim, 'POST', `/v1.0/groups/${id}/owners/$ref`, { body: ref(IDS.bob) }),
      await rawRequest(sim, 'DELETE', `/v1.0/groups/${id}/owners/${IDS.alice}/$ref`),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'Request_BadRequest', message: EXCHANGE });
    }
    // Nothing changed: the refusal is not a partial write.
    expect(sim.store.linkTargets('groupMembers', MAIL_SECURITY)).toEqual(new Set([IDS.alice]));
    expect(sim.store.get('groups', id)!.description).toBeUndefined();
  });

  it('refuses to create one, but writes Microsoft 365 and security groups', async () => {
    const create = await rawRequest(sim, 'POST', '/v1.0/groups', {
      body: { displayName: 'DL', mailNickname: 'dl', mailEnabled: true, securityEnabled: false },
    });
    expect(create.status).toBe(400);
    expect(create.body.error.message).toMatch(/does not currently support writes of mail-enabled/);
    const m365 = await rawRequest(sim, 'POST', `/v1.0/groups/${IDS.sales}/members/$ref`, {
      body: ref(IDS.bob),
    });
    expect(m365.status).toBe(204);
    const security = await rawRequest(sim, 'PATCH', `/v1.0/groups/${IDS.admins}`, {
      body: { description: 'ok' },
    });
    expect(security.status).toBe(204);
  });
});

describe('links (pnp/pnpframework #139: Graph answers an existing link with 400)', () => {
  it('answers an existing member or owner with that exact 400, a missing one with 404, also in $batch', async () => {
    const again = await rawRequest(sim, 'POST', `/v1.0/groups/${IDS.admins}/members/$ref`, {
      body: ref(IDS.alice),
    });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe(
      "One or more added object references already exist for the following modified properties: 'members'.",
    );
    const owner = await rawRequest(sim, 'POST', `/v1.0/groups/${IDS.admins}/owners/$ref`, {
      body: ref(IDS.alice),
    });
    expect(owner.body.error.message).toMatch(/modified properties: 'owners'/);
    const gone = await rawRequest(
      sim,
      'DELETE',
      `/v1.0/groups/${IDS.admins}/members/${IDS.carol}/$ref`,
    );
    expect(gone.status).toBe(404);
    const batch = await rawRequest(sim, 'POST', '/v1.0/$batch', {
      body: {
        requests: [
          {
            id: '1',
            method: 'POST',
            url: `/groups/${IDS.admins}/members/$ref`,
            headers: { 'Content-Type': 'application/json' },
            body: ref(IDS.alice),
          },
          { id: '2', method: 'DELETE', url: `/groups/${IDS.admins}/members/${IDS.carol}/$ref` },
        ],
      },
    });
    const byId = Object.fromEntries(
      (
        batch.body.responses as Array<{
          id: string;
          status: number;
          body?: { error?: { message: string } };
        }>
      ).map((r) => [r.id, r]),
    );
    expect(byId['1'].status).toBe(400);
    expect(byId['1'].body?.error?.message).toMatch(/already exist/);
    expect(byId['2'].status).toBe(404);
  });
});

describe('restore from deleted items brings relationships back (directory-deleteditems-restore)', () => {
  it("a user's memberships in groups, administrative units and roles, and app role assignments", async () => {
    expect((await rawRequest(sim, 'DELETE', `/v1.0/users/${IDS.alice}`)).status).toBe(204);
    const check = async () => ({
      admins: ids((await rawRequest(sim, 'GET', `/v1.0/groups/${IDS.admins}/members`)).body),
      owners: ids((await rawRequest(sim, 'GET', `/v1.0/groups/${IDS.admins}/owners`)).body),
      role: ids((await rawRequest(sim, 'GET', `/v1.0/directoryRoles/${IDS.gaRole}/members`)).body),
      appOwners: ids((await rawRequest(sim, 'GET', `/v1.0/applications/${IDS.app}/owners`)).body),
      assignments: ids(
        (await rawRequest(sim, 'GET', `/v1.0/servicePrincipals/${IDS.sp}/appRoleAssignedTo`)).body,
      ),
    });
    expect(await check()).toEqual({
      admins: [IDS.bob],
      owners: [],
      role: [],
      appOwners: [],
      assignments: [],
    });
    const restored = await rawRequest(
      sim,
      'POST',
      `/v1.0/directory/deletedItems/${IDS.alice}/restore`,
    );
    expect(restored.status).toBe(200);
    expect(await check()).toEqual({
      admins: [IDS.alice, IDS.bob].sort(),
      owners: [IDS.alice],
      role: [IDS.alice],
      appOwners: [IDS.alice],
      assignments: ['ara-1'],
    });
  });

  it("a group's own members and owners, and its membership in an administrative unit", async () => {
    sim.store.addLink('administrativeUnitMembers', IDS.au, IDS.sales);
    await rawRequest(sim, 'POST', `/v1.0/groups/${IDS.sales}/owners/$ref`, { body: ref(IDS.bob) });
    expect((await rawRequest(sim, 'DELETE', `/v1.0/groups/${IDS.sales}`)).status).toBe(204);
    expect(
      ids(
        (await rawRequest(sim, 'GET', `/v1.0/directory/administrativeUnits/${IDS.au}/members`))
          .body,
      ),
    ).toEqual([IDS.bob]);
    await rawRequest(sim, 'POST', `/v1.0/directory/deletedItems/${IDS.sales}/restore`);
    expect(ids((await rawRequest(sim, 'GET', `/v1.0/groups/${IDS.sales}/members`)).body)).toEqual([
      IDS.carol,
    ]);
    expect(ids((await rawRequest(sim, 'GET', `/v1.0/groups/${IDS.sales}/owners`)).body)).toEqual([
      IDS.bob,
    ]);
    expect(
      ids(
        (await rawRequest(sim, 'GET', `/v1.0/directory/administrativeUnits/${IDS.au}/members`))
          .body,
      ),
    ).toEqual([IDS.bob, IDS.sales].sort());
  });
});

describe('Conditional Access keeps ids of deleted objects (Microsoft365DSC #4975, DCToolbox #12)', () => {
  it('a hard-deleted group, user or named location stays in the policy, verbatim', async () => {
    await rawRequest(sim, 'PATCH', `/v1.0/identity/conditionalAccess/policies/${IDS.ca}`, {
      body: {
        conditions: {
          users: { includeUsers: [IDS.carol], excludeGroups: [IDS.admins] },
          locations: { includeLocations: [IDS.location] },
        },
      },
    });
    await rawRequest(sim, 'DELETE', `/v1.0/groups/${IDS.admins}`);
    await rawRequest(sim, 'DELETE', `/v1.0/directory/deletedItems/${IDS.admins}`);
    await rawRequest(sim, 'DELETE', `/v1.0/users/${IDS.carol}`);
    await rawRequest(sim, 'DELETE', `/v1.0/directory/deletedItems/${IDS.carol}`);
    await rawRequest(
      sim,
      'DELETE',
      `/v1.0/identity/conditionalAccess/namedLocations/${IDS.location}`,
    );
    const policy = (
      await rawRequest(sim, 'GET', `/v1.0/identity/conditionalAccess/policies/${IDS.ca}`)
    ).body;
    expect(policy.conditions.users).toMatchObject({
      includeUsers: [IDS.carol],
      excludeGroups: [IDS.admins],
    });
    expect(policy.conditions.locations.includeLocations).toEqual([IDS.location]);
  });
});

describe('built-in role definitions (unifiedroledefinition list)', () => {
  it('lists every built-in role, about a hundred, with the same template ids in every tenant', async () => {
    await sim.stop();
    sim = await startSimulator({ state: generateTenant({ preset: 'demo' }), seed: 1 });
    const listed: Array<{ templateId: string; isBuiltIn: boolean; displayName: string }> = [];
    let next: string | undefined = '/v1.0/roleManagement/directory/roleDefinitions';
    while (next) {
      const page: { body: { value: typeof listed; '@odata.nextLink'?: string } } = await rawRequest(
        sim,
        'GET',
        next,
      );
      listed.push(...page.body.value);
      const link = page.body['@odata.nextLink'];
      next = link ? link.slice(link.indexOf('/v1.0/')) : undefined;
    }
    const builtIn = listed.filter((d) => d.isBuiltIn);
    expect(builtIn.length).toBeGreaterThanOrEqual(100);
    expect(new Set(builtIn.map((d) => d.templateId)).size).toBe(builtIn.length);
    expect(builtIn.map((d) => d.displayName)).toEqual(
      expect.arrayContaining(['Global Administrator', 'Exchange Administrator', 'Tenant Creator']),
    );
  });
});
