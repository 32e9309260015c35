/**
 * `npm run demo`: Azurite + the Graph simulator (demo preset) on free loopback ports, a full
 * backup, a few changes made through Graph, an incremental backup, and a readable summary.
 * Everything it starts it stops; it exits 0 when the story ran as told.
 */
import { startAzurite } from '../shared/local/azurite';
import { startSimulator } from '../test/simulator';
import { generateTenant } from '../test/simulator/generator';
import { GraphApi } from '../shared/graph/graphApi';
import { createTokenCredential } from '../shared/graph/credentials';
import { startBackup, backupInstanceId } from '../shared/backup/startBackup';
import type { BackupSummary } from '../shared/backup/backupJobTypes';
import { registerTenant } from '../shared/tenants/registerTenant';
import { renderBackupSummary } from '../cli/commands/backup';
import { startLocalRuntime, type LocalRuntime } from '../cli/localRuntime';
import { waitForOrchestration } from '../cli/waitForOrchestration';

function heading(text: string): void {
  process.stdout.write(`\n=== ${text} ===\n`);
}

async function backup(
  runtime: LocalRuntime,
  tenantId: string,
  label: string,
): Promise<BackupSummary> {
  const started = Date.now();
  await startBackup(runtime.services, runtime.runner, { tenantId, requestedBy: 'demo' });
  const status = await waitForOrchestration(runtime.runner, backupInstanceId(tenantId), {
    showProgress: true,
  });
  if (status.runtimeStatus !== 'Completed') {
    throw new Error(`${label} ended ${status.runtimeStatus}: ${JSON.stringify(status.output)}`);
  }
  const summary = status.output as BackupSummary;
  process.stdout.write(`${renderBackupSummary(summary, (Date.now() - started) / 1000)}\n`);
  if (summary.status !== 'succeeded') throw new Error(`${label} finished ${summary.status}`);
  return summary;
}

async function main(): Promise<void> {
  heading('Starting Azurite and the Graph tenant simulator (demo preset)');
  const azurite = await startAzurite();
  process.env.AzureWebJobsStorage = azurite.connectionString;
  const simulator = await startSimulator({ state: generateTenant({ preset: 'demo', seed: 1 }) });
  process.env.GRAPH_BASE_URL = simulator.baseUrl;
  process.env.GRAPH_CA_CERT_FILE = simulator.caCertFile;
  process.env.GRAPH_STATIC_TOKEN = simulator.token;
  process.stdout.write(`Azurite blob :${azurite.blobPort}, table :${azurite.tablePort}\n`);
  process.stdout.write(`Graph simulator ${simulator.baseUrl}, tenant ${simulator.tenantId}\n`);

  let runtime: LocalRuntime | undefined;
  try {
    runtime = await startLocalRuntime();
    const tenantId = simulator.tenantId;
    await registerTenant(runtime.services, tenantId, 'Contoso (demo)');

    heading('1. Full backup');
    const full = await backup(runtime, tenantId, 'full backup');

    heading('2. Changing the tenant through Microsoft Graph');
    const graph = new GraphApi({
      baseUrl: simulator.baseUrl,
      credential: createTokenCredential({ kind: 'staticToken', token: simulator.token }),
      caCertPem: simulator.caCertPem,
    });
    const users = await graph.getPage<{ id: string; displayName: string }>(
      '/users?$select=id,displayName&$top=5',
    );
    const groups = await graph.getPage<{ id: string; displayName: string; groupTypes: string[] }>(
      '/groups?$select=id,displayName,groupTypes&$top=20',
    );
    const [first, second] = users.value;
    await graph.request({
      method: 'PATCH',
      url: `/users/${first.id}`,
      body: { jobTitle: 'Chief Demo Officer' },
    });
    process.stdout.write(`- ${first.displayName}: jobTitle changed\n`);
    const staticGroup = groups.value.find((g) => !g.groupTypes.includes('DynamicMembership'));
    if (staticGroup) {
      await graph
        .request({
          method: 'POST',
          url: `/groups/${staticGroup.id}/members/$ref`,
          body: { '@odata.id': `${simulator.baseUrl}/v1.0/directoryObjects/${second.id}` },
        })
        .catch(() => undefined); // already a member: the change is then the next one
      process.stdout.write(`- ${second.displayName} added to group ${staticGroup.displayName}\n`);
    }
    const created = await graph.request<{ id: string; userPrincipalName: string }>({
      method: 'POST',
      url: '/users',
      body: {
        accountEnabled: true,
        displayName: 'Demo Newcomer',
        mailNickname: 'demo.newcomer',
        userPrincipalName: `demo.newcomer@${(await primaryDomain(graph)) ?? 'contoso.onmicrosoft.com'}`,
        passwordProfile: { forceChangePasswordNextSignIn: true, password: randomPassword() },
      },
    });
    process.stdout.write(`- user ${created.body.userPrincipalName} created\n`);
    await graph.request({ method: 'DELETE', url: `/users/${second.id}` });
    process.stdout.write(`- ${second.displayName} deleted (soft delete)\n`);

    heading('3. Incremental backup (delta since the full backup)');
    const incremental = await backup(runtime, tenantId, 'incremental backup');

    heading('Where the snapshots are');
    for (const summary of [full, incremental]) {
      process.stdout.write(
        `- blob container "snapshots", prefix tenants/${tenantId}/snapshots/${summary.snapshotId}/\n`,
      );
    }
    process.stdout.write(
      `\nBrowse them with: entra-backup snapshots list --tenant ${tenantId} (same AzureWebJobsStorage)\n`,
    );
  } finally {
    await runtime?.stop();
    await simulator.stop();
    await azurite.stop();
  }
}

async function primaryDomain(graph: GraphApi): Promise<string | undefined> {
  const organization = await graph.getPage<{
    verifiedDomains?: Array<{ name: string; isDefault: boolean }>;
  }>('/organization');
  return organization.value[0]?.verifiedDomains?.find((d) => d.isDefault)?.name;
}

/** Sent once to Graph to satisfy user creation; never printed or stored. */
function randomPassword(): string {
  return `Demo-${require('node:crypto').randomBytes(12).toString('base64url')}!1`;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`demo failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
