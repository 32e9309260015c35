import type { Client } from '@microsoft/microsoft-graph-client';
import { type RunningSimulator, startSimulator } from '../index';
import { IDS, smallTenant } from './fixture';
import { rawRequest, simulatorGraphClient } from './graphClient';

let sim: RunningSimulator;
let client: Client;
let close: () => Promise<void>;

beforeAll(async () => {
  sim = await startSimulator({ state: smallTenant(250) });
  ({ client, close } = simulatorGraphClient(sim));
});
afterAll(async () => {
  await close();
  await sim.stop();
});

describe('TLS + auth', () => {
  it('serves HTTPS on 127.0.0.1 with a certificate the client trusts', async () => {
    expect(sim.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const org = await client.api('/organization').get();
    expect(org.value[0].id).toBe(sim.tenantId);
  });

  it('rejects a missing token with Graph error shape', async () => {
    const res = await rawRequest(sim, 'GET', '/v1.0/users', {
      token: null,
      headers: { 'client-request-id': 'abc' },
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('InvalidAuthenticationToken');
    expect(res.body.error.message).toBe('Access token is empty.');
    expect(res.body.error.innerError['client-request-id']).toBe('abc');
    expect(res.body.error.innerError['request-id']).toEqual(expect.any(String));
    expect(res.body.error.innerError.date).toEqual(expect.any(String));
  });

  it('rejects a wrong token', async () => {
    const { client: bad, close: closeBad } = simulatorGraphClient(sim, 'wrong');
    await expect(bad.api('/users').get()).rejects.toMatchObject({
      statusCode: 401,
      code: 'InvalidAuthenticationToken',
    });
    await closeBad();
  });
});

describe('paging, $top, $select, $filter', () => {
  it('defaults to 100 per page and follows absolute nextLinks to the end', async () => {
    let page = await client.api('/users').get();
    expect(page['@odata.context']).toBe(`${sim.baseUrl}/v1.0/$metadata#users`);
    expect(page.value).toHaveLength(100);
    const ids: string[] = page.value.map((u: { id: string }) => u.id);
    while (page['@odata.nextLink']) {
      expect(page['@odata.nextLink'].startsWith(`${sim.baseUrl}/v1.0/users?`)).toBe(true);
      page = await client.api(page['@odata.nextLink']).get();
      ids.push(...page.value.map((u: { id: string }) => u.id));
    }
    expect(ids).toHaveLength(253);
    expect(new Set(ids).size).toBe(253);
  });

  it('rejects $top outside 1..999 with the service message', async () => {
    const res = await rawRequest(sim, 'GET', '/v1.0/users?$top=1000');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('Request_UnsupportedQuery');
    expect(res.body.error.message).toBe(
      "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.",
    );
    const page = await client.api('/users').top(999).get();
    expect(page.value).toHaveLength(253);
    expect(page['@odata.nextLink']).toBeUndefined();
  });

  it('$select returns only the listed properties + id and rejects unknown ones', async () => {
    const page = await client.api('/users').select('displayName,accountEnabled').top(2).get();
    expect(Object.keys(page.value[0]).sort()).toEqual(['accountEnabled', 'displayName', 'id']);
    const res = await rawRequest(sim, 'GET', '/v1.0/users?$select=nope');
    expect(res.status).toBe(400);
  });

  it('omits select-only and write-only properties by default', async () => {
    const u = await client.api(`/users/${IDS.alice}`).get();
    expect(u.displayName).toBe('Alice');
    expect(u).not.toHaveProperty('accountEnabled');
    expect(u).not.toHaveProperty('passwordProfile');
    expect(u['@odata.context']).toBe(`${sim.baseUrl}/v1.0/$metadata#users/$entity`);
  });

  it('$filter by id eq, id in, appId eq, clientId eq, principalId eq, roleDefinitionId eq', async () => {
    expect(
      (await client.api('/users').filter(`id eq '${IDS.bob}'`).get()).value.map(
        (u: { id: string }) => u.id,
      ),
    ).toEqual([IDS.bob]);
    const many = await client.api('/users').filter(`id in ('${IDS.alice}','${IDS.carol}')`).get();
    expect(many.value.map((u: { id: string }) => u.id).sort()).toEqual(
      [IDS.alice, IDS.carol].sort(),
    );
    expect(
      (await client.api('/servicePrincipals').filter(`appId eq '${IDS.appId}'`).get()).value[0].id,
    ).toBe(IDS.sp);
    expect(
      (await client.api('/oauth2PermissionGrants').filter(`clientId eq '${IDS.sp}'`).get()).value,
    ).toHaveLength(1);
    expect(
      (
        await client
          .api('/roleManagement/directory/roleAssignments')
          .filter(`principalId eq '${IDS.alice}'`)
          .get()
      ).value,
    ).toHaveLength(1);
    expect(
      (
        await client
          .api('/roleManagement/directory/roleAssignments')
          .filter(`roleDefinitionId eq '${IDS.gaTemplate}'`)
          .get()
      ).value,
    ).toHaveLength(1);
  });

  it('alternate keys and UPN lookups', async () => {
    expect((await client.api(`/applications(appId='${IDS.appId}')`).get()).id).toBe(IDS.app);
    expect((await client.api(`/servicePrincipals(appId='${IDS.appId}')`).get()).id).toBe(IDS.sp);
    expect((await client.api('/users/bob@contoso.onmicrosoft.com').get()).id).toBe(IDS.bob);
  });

  it('404 in Graph shape for an unknown id', async () => {
    const res = await rawRequest(sim, 'GET', '/v1.0/groups/00000000-dead-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('Request_ResourceNotFound');
  });
});

describe('relationships', () => {
  it('lists members and owners with @odata.type, and the manager', async () => {
    const members = await client.api(`/groups/${IDS.admins}/members`).get();
    expect(members.value.map((m: { id: string }) => m.id).sort()).toEqual(
      [IDS.alice, IDS.bob].sort(),
    );
    expect(members.value[0]['@odata.type']).toBe('#microsoft.graph.user');
    expect((await client.api(`/groups/${IDS.admins}/owners`).get()).value[0].id).toBe(IDS.alice);
    expect((await client.api(`/users/${IDS.bob}/manager`).get()).id).toBe(IDS.alice);
    expect((await client.api(`/applications/${IDS.app}/owners`).get()).value[0].id).toBe(IDS.alice);
    expect(
      (await client.api(`/directory/administrativeUnits/${IDS.au}/members`).get()).value[0].id,
    ).toBe(IDS.bob);
    expect((await client.api(`/directoryRoles/${IDS.gaRole}/members`).get()).value[0].id).toBe(
      IDS.alice,
    );
    expect(
      (await client.api(`/servicePrincipals/${IDS.sp}/appRoleAssignedTo`).get()).value[0]
        .principalId,
    ).toBe(IDS.alice);
    expect(
      (await client.api(`/users/${IDS.alice}/appRoleAssignments`).get()).value[0].resourceId,
    ).toBe(IDS.sp);
    expect(
      (await client.api(`/applications/${IDS.app}/federatedIdentityCredentials`).get()).value[0]
        .name,
    ).toBe('github');
  });

  it('$expand is capped at 20 items without a next link', async () => {
    for (let i = 0; i < 30; i++)
      sim.store.addLink(
        'groupMembers',
        IDS.sales,
        `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      );
    const g = await client.api(`/groups/${IDS.sales}`).expand('members').get();
    expect(g.members).toHaveLength(20);
    const u = await client.api(`/users/${IDS.bob}`).expand('manager').get();
    expect(u.manager.id).toBe(IDS.alice);
  });

  it('$count needs ConsistencyLevel: eventual', async () => {
    const bad = await rawRequest(sim, 'GET', '/v1.0/users/$count');
    expect(bad.status).toBe(400);
    const ok = await rawRequest(sim, 'GET', '/v1.0/users/$count', {
      headers: { ConsistencyLevel: 'eventual' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toBe(253);
    const ignored = await client.api('/users').query({ $count: 'true' }).top(1).get();
    expect(ignored['@odata.count']).toBeUndefined();
    const counted = await client
      .api('/users')
      .header('ConsistencyLevel', 'eventual')
      .query({ $count: 'true' })
      .top(1)
      .get();
    expect(counted['@odata.count']).toBe(253);
  });

  it('beta serves the same resources', async () => {
    const res = await rawRequest(sim, 'GET', `/beta/groups/${IDS.admins}`);
    expect(res.status).toBe(200);
    expect(res.body['@odata.context']).toBe(`${sim.baseUrl}/beta/$metadata#groups/$entity`);
  });

  it('singletons and other resources are served', async () => {
    expect((await client.api('/policies/authorizationPolicy').get()).id).toBe(
      'authorizationPolicy',
    );
    expect((await client.api('/policies/authenticationMethodsPolicy').get()).id).toBe(
      'authenticationMethodsPolicy',
    );
    expect((await client.api('/identity/conditionalAccess/policies').get()).value[0].id).toBe(
      IDS.ca,
    );
    expect(
      (await client.api('/identity/conditionalAccess/namedLocations').get()).value[0][
        '@odata.type'
      ],
    ).toBe('#microsoft.graph.ipNamedLocation');
    expect((await client.api('/directoryRoleTemplates').get()).value).toHaveLength(2);
    expect(
      (await client.api('/roleManagement/directory/roleDefinitions').get()).value[0].isBuiltIn,
    ).toBe(true);
  });
});
