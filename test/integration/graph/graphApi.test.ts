import { startSimulator, type RunningSimulator } from '../../simulator';
import { smallTenant, IDS } from '../../simulator/tests/fixture';
import { GraphApi } from '../../../shared/graph/graphApi';
import { createTokenCredential } from '../../../shared/graph/credentials';
import { sendBatched } from '../../../shared/graph/batch';
import { GraphRequestError } from '../../../shared/graph/graphErrors';

describe('GraphApi against the Graph simulator (real HTTPS, real graph client)', () => {
  let simulator: RunningSimulator;
  let graph: GraphApi;

  beforeAll(async () => {
    simulator = await startSimulator({ state: smallTenant(250) });
    graph = new GraphApi({
      baseUrl: simulator.baseUrl,
      credential: createTokenCredential({ kind: 'staticToken', token: simulator.token }),
      caCertPem: simulator.caCertPem,
    });
  });
  afterAll(() => simulator.stop());
  beforeEach(() => simulator.resetCounters());

  it('attaches the bearer token to the configured host and follows nextLinks', async () => {
    const users = await graph.getAll<{ id: string }>('/users?$select=id,displayName&$top=100');
    expect(users.length).toBe(253);
    expect(new Set(users.map((u) => u.id)).size).toBe(253);
    expect(simulator.counters().requests['GET /users']).toBe(3);
  });

  it('refuses to send the token to any other host', async () => {
    await expect(graph.get('https://example.com/v1.0/users')).rejects.toThrow(
      /not the configured Graph host/,
    );
  });

  it('turns Graph errors into GraphRequestError with status and code', async () => {
    const error = await graph.get('/users?$top=1000').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect((error as GraphRequestError).status).toBe(400);
    expect((error as GraphRequestError).code).toBe('Request_UnsupportedQuery');
  });

  it('sends more than 20 requests through $batch, 20 at a time, keyed by id', async () => {
    const requests = Array.from({ length: 45 }, (_, i) => ({
      id: `r${i}`,
      method: 'GET' as const,
      url: `/users/${i % 2 === 0 ? IDS.alice : IDS.bob}?$select=id,displayName`,
    }));
    const results = await sendBatched(graph, requests);
    expect(results.size).toBe(45);
    expect((results.get('r0')?.body as { id: string }).id).toBe(IDS.alice);
    expect((results.get('r1')?.body as { id: string }).id).toBe(IDS.bob);
    expect(simulator.counters().requests['POST /$batch']).toBe(3);
    expect(simulator.counters().batchInnerRequests).toBe(45);
  });

  it('retries throttled requests after Retry-After, inside and outside $batch', async () => {
    simulator.setFaults({ throttleStorm: { everyNth: 3, retryAfterSeconds: 1 } });
    try {
      const before = graph.usage.retries;
      const users = await graph.getAll<{ id: string }>('/users?$select=id&$top=999');
      expect(users.length).toBe(253);
      const results = await sendBatched(
        graph,
        Array.from({ length: 6 }, (_, i) => ({
          id: String(i),
          method: 'GET' as const,
          url: `/users/${IDS.carol}`,
        })),
      );
      expect([...results.values()].map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(graph.usage.retries).toBeGreaterThan(before);
      expect(simulator.counters().throttled).toBeGreaterThan(0);
    } finally {
      simulator.setFaults({});
    }
  });

  it('sends a $batch of reads again after a dropped connection, but never a batch with writes', async () => {
    simulator.setFaults({ connectionReset: { probability: 0.3 } });
    try {
      const reads = Array.from({ length: 60 }, (_, i) => ({
        id: `g${i}`,
        method: 'GET' as const,
        url: `/users/${IDS.alice}?$select=id`,
      }));
      const results = await sendBatched(graph, reads);
      expect([...results.values()].every((r) => r.status === 200)).toBe(true);
      simulator.setFaults({ connectionReset: { probability: 1 } });
      const writes = [
        { id: 'w', method: 'PATCH' as const, url: `/users/${IDS.alice}`, body: { jobTitle: 'x' } },
      ];
      await expect(sendBatched(graph, writes)).rejects.toThrow();
    } finally {
      simulator.setFaults({});
    }
  });
});
