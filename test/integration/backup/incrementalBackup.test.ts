import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';
import { readSnapshot } from '../../support/snapshotReader';
import { Prng } from '../../simulator/generator/prng';
import { coreModuleIds } from '../../support/expectedRecords';

describe('incremental backup', () => {
  let harness: BackupHarness;
  beforeAll(async () => {
    harness = await startBackupHarness({ preset: 'S', seed: 7 });
  });
  afterAll(() => harness.stop());

  it('after random changes equals a fresh full backup, and reads only changes', async () => {
    const modules = coreModuleIds();
    const first = await harness.backup({ modules });
    expect(first.status).toBe('succeeded');

    const generator = new Prng(42);
    const random = (): number => generator.next();
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
    const graph = harness.graph;
    const users = await graph.getAll<{ id: string }>('/users?$select=id&$top=999');
    const groups = await graph.getAll<{ id: string; groupTypes: string[] }>(
      '/groups?$select=id,groupTypes&$top=999',
    );
    const staticGroups = groups.filter((g) => !g.groupTypes.includes('DynamicMembership'));
    const ref = (id: string) => ({
      '@odata.id': `${harness.simulator.baseUrl}/v1.0/directoryObjects/${id}`,
    });
    for (let i = 0; i < 10; i++) {
      await graph.request({
        method: 'PATCH',
        url: `/users/${pick(users).id}`,
        body: { jobTitle: `Title ${i}` },
      });
    }
    for (let i = 0; i < 5; i++) {
      await graph
        .request({
          method: 'POST',
          url: `/groups/${pick(staticGroups).id}/members/$ref`,
          body: ref(pick(users).id),
        })
        .catch(() => undefined); // already a member
    }
    for (let i = 0; i < 3; i++) {
      const group = pick(staticGroups);
      const members = await graph.getAll<{ id: string }>(`/groups/${group.id}/members?$select=id`);
      if (members.length > 0) {
        await graph.request({
          method: 'DELETE',
          url: `/groups/${group.id}/members/${members[0].id}/$ref`,
        });
      }
    }
    await graph.request({ method: 'DELETE', url: `/users/${users[3].id}` });
    await graph.request({
      method: 'POST',
      url: '/users',
      body: {
        accountEnabled: true,
        displayName: 'New Joiner',
        mailNickname: 'new.joiner',
        userPrincipalName: `new.joiner.${harness.tenantId.slice(0, 8)}@example.com`,
        passwordProfile: {
          password: 'Xy9!generated-for-test',
          forceChangePasswordNextSignIn: true,
        },
      },
    });
    await graph.request({
      method: 'PATCH',
      url: `/groups/${staticGroups[0].id}`,
      body: { description: 'changed' },
    });

    harness.simulator.resetCounters();
    const incremental = await harness.backup({ modules });
    const incrementalRu = harness.simulator.counters().resourceUnits;
    expect(incremental.status).toBe('succeeded');
    expect(incremental.modules.users.mode).toBe('delta');
    expect(incremental.modules.users.changes).toEqual({
      added: 1,
      updated: expect.any(Number),
      removed: 1,
    });
    expect(incremental.modules.groups.mode).toBe('delta');

    harness.simulator.resetCounters();
    const fresh = await harness.backup({ modules, full: true });
    const fullRu = harness.simulator.counters().resourceUnits;
    expect(fresh.modules.users.mode).toBe('full');
    expect(incrementalRu).toBeLessThan(fullRu);

    const store = harness.runtime.services.store;
    const a = await readSnapshot(store, harness.tenantId, incremental.snapshotId!);
    const b = await readSnapshot(store, harness.tenantId, fresh.snapshotId!);
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    for (const moduleId of Object.keys(b)) {
      expect({ moduleId, records: a[moduleId] }).toEqual({ moduleId, records: b[moduleId] });
    }
  });
});
