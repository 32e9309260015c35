import type { Client } from '@microsoft/microsoft-graph-client';
import { type RunningSimulator, startSimulator } from '../index';
import { IDS, smallTenant } from './fixture';
import { rawRequest, simulatorGraphClient } from './graphClient';

let sim: RunningSimulator;
let client: Client;
let close: () => Promise<void>;

beforeEach(async () => {
  sim = await startSimulator({ state: smallTenant(), seed: 7 });
  ({ client, close } = simulatorGraphClient(sim));
});
afterEach(async () => {
  await close();
  await sim.stop();
});

const newUser = (n: string) => ({
  accountEnabled: true,
  displayName: n,
  mailNickname: n,
  userPrincipalName: `${n}@contoso.onmicrosoft.com`,
  passwordProfile: { password: 'P@ssw0rd!x', forceChangePasswordNextSignIn: true },
});

describe('writes', () => {
  it('POST creates with server-set fields (201) and never returns passwordProfile', async () => {
    const u = await client.api('/users').post(newUser('dave'));
    expect(u.id).toMatch(/^[0-9a-f-]{36}$/);
    // createdDateTime is "returned only on $select" for users.
    expect(sim.store.get('users', u.id)!.createdDateTime).toEqual(expect.any(String));
    expect(u).not.toHaveProperty('passwordProfile');
    expect(sim.store.get('users', u.id)).not.toHaveProperty('passwordProfile');
    const app = await client.api('/applications').post({ displayName: 'New app' });
    expect(app.appId).toMatch(/^[0-9a-f-]{36}$/);
    const sp = await client.api('/servicePrincipals').post({ appId: app.appId });
    expect(sp.appDisplayName).toBe('New app');
  });

  it('enforces required properties, read-only, unknown and uniqueness', async () => {
    const missing = await rawRequest(sim, 'POST', '/v1.0/users', { body: { displayName: 'x' } });
    expect(missing.status).toBe(400);
    const ro = await rawRequest(sim, 'POST', '/v1.0/users', {
      body: { ...newUser('erin'), createdDateTime: '2020-01-01T00:00:00Z' },
    });
    expect(ro.status).toBe(400);
    expect(ro.body.error).toMatchObject({
      code: 'Request_BadRequest',
      message: "Property 'createdDateTime' is read-only and cannot be set.",
    });
    const roPatch = await rawRequest(sim, 'PATCH', `/v1.0/applications/${IDS.app}`, {
      body: { appId: 'x' },
    });
    expect(roPatch.body.error.message).toBe("Property 'appId' is read-only and cannot be set.");
    const unknown = await rawRequest(sim, 'PATCH', `/v1.0/users/${IDS.bob}`, {
      body: { favouriteColour: 'red' },
    });
    expect(unknown.status).toBe(400);
    const dup = await rawRequest(sim, 'POST', '/v1.0/users', {
      body: { ...newUser('x'), userPrincipalName: 'ALICE@contoso.onmicrosoft.com' },
    });
    expect(dup.body.error.message).toBe(
      'Another object with the same value for property userPrincipalName already exists.',
    );
    const dupUri = await rawRequest(sim, 'POST', '/v1.0/applications', {
      body: { displayName: 'b', identifierUris: ['api://payroll'] },
    });
    expect(dupUri.body.error.message).toBe(
      'Another object with the same value for property identifierUris already exists.',
    );
    const org = await rawRequest(sim, 'PATCH', `/v1.0/organization/${sim.tenantId}`, {
      body: { displayName: 'Nope' },
    });
    expect(org.body.error.message).toBe("Property 'displayName' is read-only and cannot be set.");
    await client
      .api(`/organization/${sim.tenantId}`)
      .patch({ technicalNotificationMails: ['ops@contoso.com'] });
    expect(sim.store.get('organization', sim.tenantId)!.technicalNotificationMails).toEqual([
      'ops@contoso.com',
    ]);
  });

  it('PATCH returns 204 and merges', async () => {
    const res = await rawRequest(sim, 'PATCH', `/v1.0/users/${IDS.bob}`, {
      body: { jobTitle: 'CFO' },
    });
    expect(res.status).toBe(204);
    expect(sim.store.get('users', IDS.bob)!.jobTitle).toBe('CFO');
  });

  it('members/owners via $ref and @odata.bind (≤ 20)', async () => {
    await client
      .api(`/groups/${IDS.sales}/members/$ref`)
      .post({ '@odata.id': `${sim.baseUrl}/v1.0/directoryObjects/${IDS.bob}` });
    expect(sim.store.hasLink('groupMembers', IDS.sales, IDS.bob)).toBe(true);
    const again = await rawRequest(sim, 'POST', `/v1.0/groups/${IDS.sales}/members/$ref`, {
      body: { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${IDS.bob}` },
    });
    expect(again.status).toBe(400);
    await client.api(`/groups/${IDS.sales}/members/${IDS.bob}/$ref`).delete();
    expect(sim.store.hasLink('groupMembers', IDS.sales, IDS.bob)).toBe(false);
    const g = await client.api('/groups').post({
      displayName: 'New',
      mailEnabled: false,
      mailNickname: 'new',
      securityEnabled: true,
      'members@odata.bind': [
        `https://graph.microsoft.com/v1.0/directoryObjects/${IDS.alice}`,
        `https://graph.microsoft.com/v1.0/users/${IDS.bob}`,
      ],
      'owners@odata.bind': [`https://graph.microsoft.com/v1.0/users/${IDS.carol}`],
    });
    expect([...sim.store.linkTargets('groupMembers', g.id)].sort()).toEqual(
      [IDS.alice, IDS.bob].sort(),
    );
    const tooMany = Array.from(
      { length: 21 },
      () => `https://graph.microsoft.com/v1.0/directoryObjects/${IDS.alice}`,
    );
    expect(
      (
        await rawRequest(sim, 'PATCH', `/v1.0/groups/${g.id}`, {
          body: { 'members@odata.bind': tooMany },
        })
      ).status,
    ).toBe(400);
    await client
      .api(`/users/${IDS.carol}/manager/$ref`)
      .put({ '@odata.id': `https://graph.microsoft.com/v1.0/users/${IDS.bob}` });
    expect((await client.api(`/users/${IDS.carol}/manager`).get()).id).toBe(IDS.bob);
    await client.api(`/users/${IDS.carol}/manager/$ref`).delete();
    expect((await rawRequest(sim, 'GET', `/v1.0/users/${IDS.carol}/manager`)).status).toBe(404);
  });

  it('soft delete → deletedItems → restore keeps id and links; purge is final', async () => {
    await client.api(`/users/${IDS.bob}`).delete();
    expect((await rawRequest(sim, 'GET', `/v1.0/users/${IDS.bob}`)).status).toBe(404);
    const members = await client.api(`/groups/${IDS.admins}/members`).get();
    expect(members.value.map((m: { id: string }) => m.id)).toEqual([IDS.alice]);
    const deleted = await client.api('/directory/deletedItems/microsoft.graph.user').get();
    expect(deleted.value.map((u: { id: string }) => u.id)).toEqual([IDS.bob]);
    const selected = await client
      .api('/directory/deletedItems/microsoft.graph.user')
      .select('deletedDateTime')
      .get();
    expect(selected.value[0].deletedDateTime).toEqual(expect.any(String));
    const restored = await client.api(`/directory/deletedItems/${IDS.bob}/restore`).post({});
    expect(restored.id).toBe(IDS.bob);
    expect((await client.api(`/groups/${IDS.admins}/members`).get()).value).toHaveLength(2);
    await client.api(`/groups/${IDS.admins}`).delete();
    await client.api(`/directory/deletedItems/${IDS.admins}`).delete();
    expect(
      (await rawRequest(sim, 'POST', `/v1.0/directory/deletedItems/${IDS.admins}/restore`)).status,
    ).toBe(404);
    await client.api(`/identity/conditionalAccess/policies/${IDS.ca}`).delete();
    expect(
      (await client.api('/identity/conditionalAccess/deletedItems/policies').get()).value[0].id,
    ).toBe(IDS.ca);
    await client
      .api(`/identity/conditionalAccess/deletedItems/policies/${IDS.ca}/restore`)
      .post({});
    expect(sim.store.get('conditionalAccessPolicies', IDS.ca)).toBeDefined();
  });

  it('app role assignments, FICs, directory roles, role definitions, singletons', async () => {
    const a = await client
      .api(`/servicePrincipals/${IDS.sp}/appRoleAssignedTo`)
      .post({ principalId: IDS.bob, resourceId: IDS.sp, appRoleId: IDS.appRole });
    expect(a.principalType).toBe('User');
    await client.api(`/servicePrincipals/${IDS.sp}/appRoleAssignedTo/${a.id}`).delete();
    const fic = await client.api(`/applications/${IDS.app}/federatedIdentityCredentials`).post({
      name: 'gh2',
      issuer: 'https://i',
      subject: 's',
      audiences: ['api://AzureADTokenExchange'],
    });
    expect(fic.id).toEqual(expect.any(String));
    expect(
      (await client.api(`/applications/${IDS.app}/federatedIdentityCredentials(name='gh2')`).get())
        .id,
    ).toBe(fic.id);
    const role = await client
      .api('/directoryRoles')
      .post({ roleTemplateId: 'fe930be7-5e62-47db-91af-98c3a49a38b1' });
    expect(role.displayName).toBe('User Administrator');
    const builtIn = await rawRequest(
      sim,
      'PATCH',
      `/v1.0/roleManagement/directory/roleDefinitions/${IDS.gaTemplate}`,
      { body: { description: 'x' } },
    );
    expect(builtIn.status).toBe(400);
    const custom = await client.api('/roleManagement/directory/roleDefinitions').post({
      displayName: 'Helpdesk',
      isEnabled: true,
      rolePermissions: [{ allowedResourceActions: ['microsoft.directory/users/basic/update'] }],
    });
    expect(custom.isBuiltIn).toBe(false);
    expect(
      (
        await rawRequest(sim, 'PATCH', `/v1.0/roleManagement/directory/roleAssignments/ra-1`, {
          body: { principalId: IDS.bob },
        })
      ).status,
    ).toBe(405);
    await client
      .api('/policies/authorizationPolicy')
      .patch({ allowInvitesFrom: 'adminsAndGuestInviters' });
    expect(sim.store.singleton('authorizationPolicy').allowInvitesFrom).toBe(
      'adminsAndGuestInviters',
    );
    expect(
      (await rawRequest(sim, 'PATCH', '/v1.0/policies/authorizationPolicy', { body: { id: 'x' } }))
        .status,
    ).toBe(400);
    const nl = await rawRequest(
      sim,
      'PATCH',
      `/v1.0/identity/conditionalAccess/namedLocations/${IDS.location}`,
      { body: { displayName: 'HQ2' } },
    );
    expect(nl.status).toBe(400);
  });
});

describe('$batch', () => {
  it('runs ≤ 20 requests with per-request status, dependsOn → 424', async () => {
    const res = await client.api('/$batch').post({
      requests: [
        { id: '1', method: 'GET', url: `/users/${IDS.alice}` },
        { id: '2', method: 'GET', url: '/users/00000000-0000-4000-8000-00000000dead' },
        {
          id: '3',
          method: 'PATCH',
          url: `/users/${IDS.bob}`,
          headers: { 'Content-Type': 'application/json' },
          body: { jobTitle: 'x' },
          dependsOn: ['2'],
        },
        {
          id: '4',
          method: 'PATCH',
          url: `/users/${IDS.bob}`,
          headers: { 'Content-Type': 'application/json' },
          body: { jobTitle: 'y' },
          dependsOn: ['1'],
        },
      ],
    });
    const byId = Object.fromEntries(res.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId['1'].status).toBe(200);
    expect(byId['1'].body.id).toBe(IDS.alice);
    expect(byId['2'].status).toBe(404);
    expect(byId['3'].status).toBe(424);
    expect(byId['4'].status).toBe(204);
    expect(sim.store.get('users', IDS.bob)!.jobTitle).toBe('y');
    const counters = sim.counters();
    expect(counters.batchInnerRequests).toBe(3);
    expect(counters.requests['GET /users/{id}']).toBe(2);
  });

  it('rejects more than 20 requests and duplicate ids', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: '/users',
    }));
    expect(
      (await rawRequest(sim, 'POST', '/v1.0/$batch', { body: { requests: many } })).status,
    ).toBe(400);
    const dup = [
      { id: 'a', method: 'GET', url: '/users' },
      { id: 'a', method: 'GET', url: '/groups' },
    ];
    expect(
      (await rawRequest(sim, 'POST', '/v1.0/$batch', { body: { requests: dup } })).status,
    ).toBe(400);
  });
});
