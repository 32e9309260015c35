import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { type LocalRuntime, startLocalRuntime } from '../../cli/localRuntime';
import { type AzuriteInstance, startAzurite } from '../../local/azurite';
import { type PortalServer, startPortalServer } from '../../local/portalServer';
import { resetGraphClients } from '../../shared/config/graphConfig';
import { resetServices } from '../../shared/config/services';
import { createTokenCredential } from '../../shared/graph/credentials';
import { GraphApi } from '../../shared/graph/graphApi';
import { type RunningSimulator, startSimulator } from '../simulator';
import { generateTenant } from '../simulator/generator';
import { ENTRA_BACKUP_APP_ID } from '../simulator/generator/wellKnown';
import { buildPortal } from './portalBrowser';

/**
 * What `entra-backup serve` runs, in this process: its own Azurite (the dashboard's empty state
 * must not see tenants other test files registered in the run's shared Azurite), the Graph
 * simulator (a demo tenant, not yet registered), the local runtime with its own task hub, and
 * the API + a fresh build of the portal with local sign-in on a free loopback port.
 */
export interface PortalHarness {
  tenantId: string;
  simulator: RunningSimulator;
  runtime: LocalRuntime;
  server: PortalServer;
  graph: GraphApi;
  stop(): Promise<void>;
}

export async function startPortalHarness(options: { seed?: number } = {}): Promise<PortalHarness> {
  const portalDir = buildPortal();
  const azurite: AzuriteInstance = await startAzurite();
  const sharedStorage = process.env.AzureWebJobsStorage;
  process.env.AzureWebJobsStorage = azurite.connectionString;
  resetServices();
  const tenantId = randomUUID();
  const simulator = await startSimulator({
    state: generateTenant({ preset: 'demo', seed: options.seed ?? 1, tenantId }),
  });
  process.env.GRAPH_BASE_URL = simulator.baseUrl;
  process.env.GRAPH_CA_CERT_FILE = simulator.caCertFile;
  process.env.GRAPH_STATIC_TOKEN = simulator.token;
  // The simulator's entra-backup app holds the consent the permissions page reads.
  process.env.GRAPH_CLIENT_ID = ENTRA_BACKUP_APP_ID;
  resetGraphClients();
  const runtime = await startLocalRuntime({
    taskHub: `p${tenantId.replace(/-/g, '').slice(0, 12)}`,
  });
  const server = await startPortalServer({ port: 0, portalDir, localSignIn: true });
  const graph = new GraphApi({
    baseUrl: simulator.baseUrl,
    credential: createTokenCredential({ kind: 'staticToken', token: simulator.token }),
    caCertPem: simulator.caCertPem,
  });
  return {
    tenantId,
    simulator,
    runtime,
    server,
    graph,
    async stop() {
      await server.stop();
      await runtime.stop();
      await simulator.stop();
      await azurite.stop();
      process.env.AzureWebJobsStorage = sharedStorage;
      resetServices();
      rmSync(portalDir, { recursive: true, force: true });
    },
  };
}
