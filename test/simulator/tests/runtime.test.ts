import { type RunningSimulator, startSimulator } from '../index';
import { RESOURCE_BY_NAME } from '../resources';
import { resourceUnitQuota } from '../runtime/counters';
import { Throttler } from '../runtime/throttling';
import { authenticationMethodsPolicy, authorizationPolicy } from '../resources/singletons';
import { IDS, smallTenant } from './fixture';
import { readGraphExample } from '../../support/fixtures';
import { rawRequest } from './graphClient';

describe('throttling', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ state: smallTenant(), throttling: true });
  });
  afterAll(() => sim.stop());

  it('charges RU per request with the catalogue modifiers and sends x-ms-resource-unit', async () => {
    expect((await rawRequest(sim, 'GET', '/v1.0/users')).headers.get('x-ms-resource-unit')).toBe(
      '2',
    );
    expect(
      (await rawRequest(sim, 'GET', '/v1.0/users?$select=displayName')).headers.get(
        'x-ms-resource-unit',
      ),
    ).toBe('1');
    expect(
      (await rawRequest(sim, 'GET', `/v1.0/groups/${IDS.admins}/members`)).headers.get(
        'x-ms-resource-unit',
      ),
    ).toBe('3');
    expect(
      (await rawRequest(sim, 'GET', `/v1.0/groups/${IDS.admins}/members?$top=5`)).headers.get(
        'x-ms-resource-unit',
      ),
    ).toBe('2');
  });

  it('answers 429 with Retry-After and throttle headers once the tenant budget (3,500 RU / 10 s for < 50 users) is spent', async () => {
    sim.setThrottling(true);
    let throttled: Awaited<ReturnType<typeof rawRequest>> | undefined;
    // Each /$batch carries 20 inner GET /users (2 RU each); 3,500 RU run out within ~90 batches.
    // The bucket refills with the wall clock (350 RU/s); on a busy machine one batch can take longer
    // than its 40 RU take to refill, so the clock the simulator reads is held still meanwhile.
    const frozen = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(frozen);
    const requests = Array.from({ length: 20 }, (_, n) => ({
      id: String(n),
      method: 'GET',
      url: '/users',
    }));
    try {
      for (let i = 0; i < 200 && !throttled; i++) {
        const res = await rawRequest(sim, 'POST', '/v1.0/$batch', { body: { requests } });
        const inner = res.body.responses.find((r: { status: number }) => r.status === 429);
        if (inner)
          throttled = {
            status: inner.status,
            headers: new Headers(inner.headers),
            body: inner.body,
          };
      }
    } finally {
      clock.mockRestore();
    }
    expect(throttled).toBeDefined();
    expect(Number(throttled!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(throttled!.headers.get('x-ms-throttle-information')).toBe('ResourceUnitLimitExceeded');
    expect(throttled!.headers.get('x-ms-throttle-scope')).toMatch(/^Tenant_Application\//);
    expect(sim.counters().throttled).toBeGreaterThan(0);
  });
});

describe('Throttler (token buckets, explicit clock)', () => {
  it('refuses once 3,500 RU are spent within 10 s and tells when to retry', () => {
    const t = new Throttler(resourceUnitQuota(10), 'tenant', 0);
    for (let i = 0; i < 1750; i++) expect(t.check(2, false, 0).ok).toBe(true);
    const refused = t.check(2, false, 0);
    expect(refused).toMatchObject({
      ok: false,
      information: 'ResourceUnitLimitExceeded',
      retryAfterSeconds: 1,
    });
    expect(t.check(2, false, 1000).ok).toBe(true);
  });

  it('limits writes to 3,000 per 150 s', () => {
    const t = new Throttler(1_000_000, 'tenant', 0);
    for (let i = 0; i < 3000; i++) expect(t.check(1, true, 0).ok).toBe(true);
    expect(t.check(1, true, 0)).toMatchObject({
      ok: false,
      information: 'WriteLimitExceeded',
      retryAfterSeconds: 1,
    });
    expect(t.check(1, false, 0).ok).toBe(true);
  });

  it('sizes the RU quota by user count', () => {
    expect([
      resourceUnitQuota(49),
      resourceUnitQuota(50),
      resourceUnitQuota(500),
      resourceUnitQuota(501),
    ]).toEqual([3500, 5000, 5000, 8000]);
  });
});

describe('faults, counters and admin endpoints', () => {
  let sim: RunningSimulator;
  beforeEach(async () => {
    sim = await startSimulator({ state: smallTenant(), seed: 42 });
  });
  afterEach(() => sim.stop());

  it('throttleStorm every Nth request and seeded 503s are deterministic', async () => {
    sim.setFaults({ throttleStorm: { everyNth: 3, retryAfterSeconds: 2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await rawRequest(sim, 'GET', '/v1.0/groups')).status);
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
    const run = async (): Promise<number[]> => {
      sim.setFaults({ serviceUnavailable: { probability: 0.5, retryAfter: true } });
      const out: number[] = [];
      for (let i = 0; i < 10; i++) out.push((await rawRequest(sim, 'GET', '/v1.0/groups')).status);
      return out;
    };
    const a = await run();
    expect(a).toContain(503);
    expect(await run()).toEqual(a);
  });

  it('connectionReset drops the socket', async () => {
    sim.setFaults({ connectionReset: { probability: 1 } });
    await expect(rawRequest(sim, 'GET', '/v1.0/users')).rejects.toThrow();
    sim.setFaults({});
  });

  it('counts by method + path template and computes floorSeconds', async () => {
    sim.resetCounters();
    await rawRequest(sim, 'GET', `/v1.0/users/${IDS.alice}`);
    await rawRequest(sim, 'GET', `/v1.0/users/${IDS.bob}`);
    await rawRequest(sim, 'PATCH', `/v1.0/users/${IDS.bob}`, { body: { jobTitle: 'x' } });
    const c = sim.counters();
    expect(c.requests).toEqual({ 'GET /users/{id}': 2, 'PATCH /users/{id}': 1 });
    expect(c.totalRequests).toBe(3);
    expect(c.writes).toBe(1);
    expect(c.resourceUnits).toBe(3);
    expect(c.objectsReturned).toBe(2);
    expect(c.bytesOut).toBeGreaterThan(0);
    expect(c.floorSeconds).toBeCloseTo(Math.max(3 / 350, 1 / 20));
  });

  it('admin endpoints: counters, reset, state export/import, faults, delta expiry', async () => {
    await rawRequest(sim, 'GET', '/v1.0/groups');
    expect((await rawRequest(sim, 'GET', '/_simulator/counters')).body.totalRequests).toBe(1);
    expect((await rawRequest(sim, 'GET', '/_simulator/counters', { token: 'bad' })).status).toBe(
      401,
    );
    expect((await rawRequest(sim, 'POST', '/_simulator/counters/reset')).status).toBe(204);
    expect(sim.counters().totalRequests).toBe(0);
    const state = (await rawRequest(sim, 'GET', '/_simulator/state')).body;
    expect(state.collections.users).toHaveLength(3);
    expect(state.relationships.userManager[IDS.bob]).toBe(IDS.alice);
    state.collections.users = state.collections.users.slice(0, 1);
    expect((await rawRequest(sim, 'PUT', '/_simulator/state', { body: state })).status).toBe(204);
    expect(sim.store.count('users')).toBe(1);
    expect(
      (
        await rawRequest(sim, 'POST', '/_simulator/faults', {
          body: { throttleStorm: { everyNth: 1, retryAfterSeconds: 1 } },
        })
      ).status,
    ).toBe(204);
    expect((await rawRequest(sim, 'GET', '/v1.0/users')).status).toBe(429);
    expect((await rawRequest(sim, 'POST', '/_simulator/faults', { body: {} })).status).toBe(204);
    expect((await rawRequest(sim, 'POST', '/_simulator/delta/expire')).status).toBe(204);
  });

  it('exportState → loadState round-trips the tenant', async () => {
    const before = sim.exportState();
    sim.loadState(structuredClone(before));
    expect(sim.exportState()).toEqual(before);
  });

  it('latency model waits baseMs + perObjectMs × objects and adds it to the floor', async () => {
    const slow = await startSimulator({
      state: smallTenant(),
      latency: { baseMs: 5, perObjectMs: 1 },
    });
    await rawRequest(slow, 'GET', '/v1.0/users');
    expect(slow.counters().latencyMs).toBe(8);
    await slow.stop();
  });
});

describe('read-only lists vs graph-examples/readonly.json', () => {
  it('every documented read-only property is rejected on write (read-only or create-only)', () => {
    const doc = readGraphExample<Record<string, string[]>>('readonly');
    const singletons = { authenticationMethodsPolicy, authorizationPolicy } as Record<
      string,
      { readOnly: readonly string[] }
    >;
    for (const [resource, props] of Object.entries(doc)) {
      const d = RESOURCE_BY_NAME.get(resource) ?? singletons[resource];
      expect({ resource, found: !!d }).toEqual({ resource, found: true });
      const guarded = new Set([
        ...d!.readOnly,
        ...((d as { createOnly?: string[] }).createOnly ?? []),
      ]);
      expect({ resource, missing: props.filter((p) => !guarded.has(p)) }).toEqual({
        resource,
        missing: [],
      });
    }
    expect(Object.keys(doc).length).toBeGreaterThan(0);
  });
});
