import { type Client, GraphError } from '@microsoft/microsoft-graph-client';
import { generateTenant } from '../generator';
import { checkPoliciesAndAttributesIntegrity } from '../generator/catalogue';
import { type RunningSimulator, startSimulator } from '../index';
import type { TenantState } from '../tenantState';
import { simulatorGraphClient } from './graphClient';

/** The catalogue 0.3.0 types as Graph serves them (and refuses what Graph refuses). */

const demo: TenantState = generateTenant({ preset: 'demo' });
let sim: RunningSimulator;
let client: Client;
let close: () => Promise<void>;

beforeAll(async () => {
  sim = await startSimulator({ state: structuredClone(demo) });
  ({ client, close } = simulatorGraphClient(sim));
});
afterAll(async () => {
  await close();
  await sim.stop();
});

const v1 = (path: string) => client.api(path);

async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof GraphError) return e.statusCode;
    throw e;
  }
}

describe('catalogue 0.3.0 in the simulator', () => {
  it('generates consistent data for every preset', () => {
    expect(checkPoliciesAndAttributesIntegrity(demo)).toEqual([]);
    const large = generateTenant({ preset: 'M' });
    expect(checkPoliciesAndAttributesIntegrity(large)).toEqual([]);
    expect(large.collections.attributeSets.length).toBeGreaterThan(
      demo.collections.attributeSets.length,
    );
    const broken = structuredClone(demo);
    broken.collections.customSecurityAttributeDefinitions[0].attributeSet = 'Nope';
    expect(checkPoliciesAndAttributesIntegrity(broken)).toContain(
      `attribute definition ${broken.collections.customSecurityAttributeDefinitions[0].id}: missing attribute set Nope`,
    );
  });

  it('lists the generated objects, the singleton and allowed values', async () => {
    for (const [path, resource] of [
      ['/policies/activityBasedTimeoutPolicies', 'activityBasedTimeoutPolicies'],
      ['/groupLifecyclePolicies', 'groupLifecyclePolicies'],
      ['/directory/attributeSets', 'attributeSets'],
      ['/directory/customSecurityAttributeDefinitions', 'customSecurityAttributeDefinitions'],
    ]) {
      const page = await v1(path).get();
      expect([path, page.value.length]).toEqual([path, demo.collections[resource].length]);
    }
    const flows = await v1('/policies/authenticationFlowsPolicy').get();
    expect(flows.selfServiceSignUp).toEqual({ isEnabled: false });
    const values = await v1(
      '/directory/customSecurityAttributeDefinitions/Engineering_Project/allowedValues',
    ).get();
    expect(values.value).toContainEqual({ id: 'Denali', isActive: false });
  });

  it('attribute sets: caller-chosen id, maxAttributesPerSet only grows, no delete', async () => {
    const created = await v1('/directory/attributeSets').post({
      id: 'Finance',
      maxAttributesPerSet: 10,
    });
    expect(created.id).toBe('Finance');
    expect(
      await statusOf(v1('/directory/attributeSets/Finance').patch({ maxAttributesPerSet: 5 })),
    ).toBe(400);
    await v1('/directory/attributeSets/Finance').patch({ maxAttributesPerSet: 20 });
    expect(await statusOf(v1('/directory/attributeSets/Finance').delete())).toBe(405);
  });

  it('definitions: id is {set}_{name}, create-only properties are refused on PATCH, no delete', async () => {
    const base = '/directory/customSecurityAttributeDefinitions';
    const created = await v1(base).post({
      attributeSet: 'Engineering',
      name: 'Site',
      type: 'String',
      isCollection: false,
      isSearchable: true,
      status: 'Available',
      usePreDefinedValuesOnly: true,
    });
    expect(created.id).toBe('Engineering_Site');
    await v1(`${base}/Engineering_Site/allowedValues`).post({ id: 'Oslo', isActive: true });
    await v1(`${base}/Engineering_Site/allowedValues/Oslo`).patch({ isActive: false });
    expect(await statusOf(v1(`${base}/Engineering_Site/allowedValues/Oslo`).delete())).toBe(405);
    expect(await statusOf(v1(`${base}/Engineering_Site`).patch({ type: 'Integer' }))).toBe(400);
    await v1(`${base}/Engineering_Site`).patch({ status: 'Deprecated' });
    expect(await statusOf(v1(`${base}/Engineering_Site`).delete())).toBe(405);
    expect(
      await statusOf(
        v1(base).post({ ...created, id: undefined, attributeSet: 'Missing', name: 'X' }),
      ),
    ).toBe(400);
  });

  it('group lifecycle: one policy per tenant; flows policy: only selfServiceSignUp is written', async () => {
    expect(
      await statusOf(
        v1('/groupLifecyclePolicies').post({ groupLifetimeInDays: 90, managedGroupTypes: 'All' }),
      ),
    ).toBe(400);
    const [policy] = demo.collections.groupLifecyclePolicies;
    expect(
      await statusOf(
        v1(`/groupLifecyclePolicies/${policy.id}`).patch({ managedGroupTypes: 'Some' }),
      ),
    ).toBe(400);
    await v1(`/groupLifecyclePolicies/${policy.id}`).patch({ groupLifetimeInDays: 365 });
    expect(
      await statusOf(v1('/policies/authenticationFlowsPolicy').patch({ displayName: 'x' })),
    ).toBe(400);
    await v1('/policies/authenticationFlowsPolicy').patch({
      selfServiceSignUp: { isEnabled: true },
    });
    expect((await v1('/policies/authenticationFlowsPolicy').get()).selfServiceSignUp).toEqual({
      isEnabled: true,
    });
  });
});
