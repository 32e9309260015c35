import type { Client } from '@microsoft/microsoft-graph-client';
import { type RunningSimulator, startSimulator } from '../index';
import { IDS, smallTenant } from './fixture';
import { rawRequest, simulatorGraphClient } from './graphClient';

let sim: RunningSimulator;
let client: Client;
let close: () => Promise<void>;

beforeEach(async () => {
  sim = await startSimulator({ state: smallTenant(150) });
  ({ client, close } = simulatorGraphClient(sim));
});
afterEach(async () => {
  await close();
  await sim.stop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Graph JSON items
type Item = Record<string, any>;
type Page = {
  value: Item[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
};

/** Follows nextLinks; returns every page and the final deltaLink. */
async function round(url: string): Promise<{ pages: Page[]; items: Item[]; deltaLink: string }> {
  const pages: Page[] = [];
  let page: Page = await client.api(url).get();
  pages.push(page);
  while (page['@odata.nextLink']) {
    page = await client.api(page['@odata.nextLink']).get();
    pages.push(page);
  }
  expect(page['@odata.deltaLink']).toEqual(expect.any(String));
  return { pages, items: pages.flatMap((p) => p.value), deltaLink: page['@odata.deltaLink']! };
}

describe('delta', () => {
  it('initial round returns every object across pages, then only changes', async () => {
    const first = await round('/users/delta?$select=displayName,jobTitle');
    expect(first.pages.length).toBe(2);
    expect(first.items).toHaveLength(153);
    expect(Object.keys(first.items[0]).sort()).toEqual(['displayName', 'id', 'jobTitle']);

    const empty = await round(first.deltaLink);
    expect(empty.items).toEqual([]);

    await client.api(`/users/${IDS.carol}`).patch({ jobTitle: 'CTO' });
    await client.api(`/users/${IDS.bob}`).delete();
    sim.store.hardDelete('users', '00000000-0000-4000-8000-000000000001');
    const second = await round(empty.deltaLink);
    expect(second.items).toEqual([
      { id: IDS.carol, displayName: 'Carol', jobTitle: 'CTO' },
      { id: IDS.bob, '@removed': { reason: 'changed' } },
      { id: '00000000-0000-4000-8000-000000000001', '@removed': { reason: 'deleted' } },
    ]);
  });

  it('members@delta: all links first, then only added/removed; membership-only change yields id + members@delta', async () => {
    const first = await round('/groups/delta?$select=displayName,members,owners');
    const admins = first.items.find((g) => g.id === IDS.admins)!;
    expect(admins['members@delta']).toEqual(
      expect.arrayContaining([
        { '@odata.type': '#microsoft.graph.user', id: IDS.alice },
        { '@odata.type': '#microsoft.graph.user', id: IDS.bob },
      ]),
    );
    expect(admins['owners@delta']).toEqual([
      { '@odata.type': '#microsoft.graph.user', id: IDS.alice },
    ]);

    await client.api(`/groups/${IDS.admins}/members/${IDS.bob}/$ref`).delete();
    await client
      .api(`/groups/${IDS.admins}/members/$ref`)
      .post({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${IDS.carol}` });
    const second = await round(first.deltaLink);
    expect(second.items).toEqual([
      {
        id: IDS.admins,
        'members@delta': [
          { id: IDS.bob, '@removed': { reason: 'deleted' } },
          { '@odata.type': '#microsoft.graph.user', id: IDS.carol },
        ],
      },
    ]);
  });

  it('splits a big group over consecutive pages, 1,000 links per page', async () => {
    for (let i = 0; i < 150; i++)
      sim.store.addLink(
        'groupMembers',
        IDS.sales,
        `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      );
    for (let i = 0; i < 2300; i++)
      sim.store.addLink(
        'groupMembers',
        IDS.sales,
        `ffffffff-0000-4000-8000-${String(i).padStart(12, '0')}`,
      );
    const r = await round('/groups/delta?$select=displayName,members');
    const salesPages = r.pages
      .map((p, n) => [n, p.value.filter((g) => g.id === IDS.sales)] as const)
      .filter(([, v]) => v.length);
    expect(salesPages.map(([n]) => n)).toEqual([0, 1, 2]);
    const all = salesPages.flatMap(([, v]) => v.flatMap((g) => g['members@delta']));
    expect(all).toHaveLength(2451);
    expect(salesPages.every(([, v]) => v[0].displayName === 'Sales')).toBe(true);
  });

  it('manager@delta on users', async () => {
    const first = await round('/users/delta?$select=displayName,manager');
    expect(first.items.find((u) => u.id === IDS.bob)!['manager@delta']).toEqual([
      { '@odata.type': '#microsoft.graph.user', id: IDS.alice },
    ]);
    await client
      .api(`/users/${IDS.bob}/manager/$ref`)
      .put({ '@odata.id': `https://graph.microsoft.com/v1.0/users/${IDS.carol}` });
    const second = await round(first.deltaLink);
    expect(second.items).toEqual([
      {
        id: IDS.bob,
        'manager@delta': [
          { id: IDS.alice, '@removed': { reason: 'deleted' } },
          { '@odata.type': '#microsoft.graph.user', id: IDS.carol },
        ],
      },
    ]);
  });

  it('serves delta for the seven delta resources', async () => {
    for (const path of [
      '/users',
      '/groups',
      '/applications',
      '/servicePrincipals',
      '/directory/administrativeUnits',
      '/oauth2PermissionGrants',
      '/directoryRoles',
    ]) {
      const r = await round(`${path}/delta`);
      expect(r.items.length).toBeGreaterThan(0);
    }
  });

  it('expired, malformed or unknown tokens → 410 syncStateNotFound with Location', async () => {
    const first = await round('/groups/delta?$select=displayName');
    sim.expireDeltaTokens();
    const expired = await rawRequest(sim, 'GET', first.deltaLink);
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('syncStateNotFound');
    expect(expired.headers.get('location')).toBe(
      `${sim.baseUrl}/v1.0/groups/delta?$select=displayName`,
    );
    expect((await rawRequest(sim, 'GET', '/v1.0/groups/delta?$deltatoken=garbage')).status).toBe(
      410,
    );

    const fresh = await round('/groups/delta');
    sim.advanceTime(8 * 24 * 3600 * 1000);
    expect((await rawRequest(sim, 'GET', fresh.deltaLink)).status).toBe(410);
  });

  it('$deltaToken=latest returns no data and a deltaLink from now', async () => {
    const latest = await client.api('/users/delta').query({ $deltaToken: 'latest' }).get();
    expect(latest.value).toEqual([]);
    await client.api(`/users/${IDS.alice}`).patch({ jobTitle: 'CEO' });
    const next = await round(latest['@odata.deltaLink']);
    expect(next.items.map((u) => u.id)).toEqual([IDS.alice]);
  });
});
