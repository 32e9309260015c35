import { GraphApi } from '../../shared/graph/graphApi';
import { createTokenCredential } from '../../shared/graph/credentials';
import type { RunningSimulator, SimulatorCounters } from '../../test/simulator';

/**
 * The simulator's admin surface the bench needs: counters (read, reset) and the tenant id. Either
 * over HTTPS (simulator in its own process) or in-process (smoke test); admin calls are not
 * counted by the simulator, so reading counters never changes them.
 */
export interface SimulatorAdmin {
  counters(): Promise<SimulatorCounters>;
  resetCounters(): Promise<void>;
}

/** Where a running simulator answers and how to trust and authenticate to it. */
export interface SimulatorEndpoint {
  baseUrl: string;
  token: string;
  caCertPem: string;
  caCertFile: string;
}

/** A Graph client for the simulator (the bench's own reads and writes: churn, breakage, admin). */
export function simulatorGraph(endpoint: SimulatorEndpoint): GraphApi {
  return new GraphApi({
    baseUrl: endpoint.baseUrl,
    credential: createTokenCredential({ kind: 'staticToken', token: endpoint.token }),
    caCertPem: endpoint.caCertPem,
    maxConcurrency: 4,
  });
}

export function httpSimulatorAdmin(graph: GraphApi): SimulatorAdmin {
  const url = (path: string): string => `${graph.baseUrl}/_simulator/${path}`;
  return {
    counters: () => graph.get<SimulatorCounters>(url('counters')),
    resetCounters: async () => {
      await graph.request({ method: 'POST', url: url('counters/reset') });
    },
  };
}

export function inProcessSimulatorAdmin(sim: RunningSimulator): SimulatorAdmin {
  return {
    counters: async () => sim.counters(),
    resetCounters: async () => sim.resetCounters(),
  };
}

/** The tenant the simulator serves: Graph's organization id is the tenant id. */
export async function simulatedTenantId(graph: GraphApi): Promise<string> {
  const page = await graph.getPage<{ id: string }>('/organization?$select=id');
  const id = page.value[0]?.id;
  if (!id) throw new Error('the simulator returned no organization');
  return id;
}
