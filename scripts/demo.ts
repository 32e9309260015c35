/**
 * `npm run demo`: Azurite + the Graph simulator (demo preset) on free loopback ports, a full
 * backup, a few changes made through Graph, an incremental backup, and a readable summary.
 * Everything it starts it stops; it exits 0 when the story ran as told.
 */
import { startAzurite } from '../local/azurite';
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
import { breakTenant, sha256Of } from './demoScenario';
import { decideRestore, restoreInstanceId, startRestore } from '../shared/restore/job/startRestore';
import { waitForPlan } from '../shared/restore/job/restoreView';
import type { RestoreOutcome } from '../shared/restore/job/restoreJob';
import { ALL_MODULES } from '../shared/modules';
import { tenantPermissionReport } from '../shared/permissions/tenantPermissionReport';
import { ENTRA_BACKUP_APP_ID } from '../test/simulator/generator/wellKnown';

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
    const tenant = await registerTenant(runtime.services, tenantId, 'Contoso (demo)');

    heading('0. Permissions: what admin consent granted entra-backup in this tenant');
    const permissions = await tenantPermissionReport(
      tenant,
      ALL_MODULES.map((m) => m.id),
      { ...process.env, GRAPH_CLIENT_ID: ENTRA_BACKUP_APP_ID },
    );
    const status = permissions.tenant!;
    process.stdout.write(
      `Backup of all ${permissions.modules.length} modules needs ${permissions.backup.length} application permissions; ` +
        `${permissions.backup.length - status.missing.backup.length} are granted.\n` +
        `Not granted yet: ${status.missing.backup.join(', ') || 'none'}\n` +
        `Modules a backup would skip with a warning: ${status.modulesAffected.backup.join(', ') || 'none'}\n` +
        '(The simulator does not enforce grants, so this demo still backs up every module.)\n',
    );

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

    heading('4. A bad day: the tenant is broken through Microsoft Graph');
    const broken = await breakTenant(graph);
    for (const line of broken.log) process.stdout.write(`- ${line}\n`);

    heading(
      '5. Restore plan from the incremental snapshot (dry run, then waiting for confirmation)',
    );
    const writesBefore = simulator.counters().writes;
    const { restoreId } = await startRestore(runtime.services, runtime.runner, {
      tenantId,
      request: {
        source: { kind: 'snapshot', snapshotId: incremental.snapshotId! },
        selection: {},
        relationshipMode: 'merge',
        caPolicyLossMode: 'block',
      },
      dryRun: false,
      requestedBy: 'demo',
    });
    const planned = await waitForPlan(runtime.services, runtime.runner, restoreId, {
      plan: 'text',
    });
    process.stdout.write(`${planned.planText}\n`);
    process.stdout.write(
      `Planning made ${simulator.counters().writes - writesBefore} writes. Plan hash ${planned.planHash}.\n`,
    );

    heading('6. Confirming that exact plan (hash) and applying it');
    await decideRestore(runtime.services, runtime.runner, restoreId, {
      action: 'confirm',
      planHash: planned.planHash!,
      by: 'demo',
    });
    const finished = await waitForOrchestration(runtime.runner, restoreInstanceId(restoreId), {
      showProgress: true,
    });
    const outcome = finished.output as RestoreOutcome;
    process.stdout.write(
      `Restore ${outcome.status}: ${outcome.applied?.succeeded ?? 0} changes applied, ` +
        `${outcome.applied?.failed ?? 0} failed, ${outcome.residual ?? '?'} residual differences.\n`,
    );
    for (const failure of outcome.failures ?? [])
      process.stdout.write(`  failed ${failure.actionId}: ${failure.error}\n`);
    if (outcome.status !== 'succeeded') throw new Error(`restore finished ${outcome.status}`);

    heading('7. The tenant is back');
    const groupsNow = await graph
      .getAll<{ id: string; displayName: string }>(
        `/groups?$select=id,displayName&$filter=displayName eq '${broken.purgedGroup.displayName.replace(/'/g, "''")}'`,
      )
      .catch(() =>
        graph.getAll<{ id: string; displayName: string }>(
          '/groups?$select=id,displayName&$top=999',
        ),
      );
    const group = groupsNow.find((g) => g.displayName === broken.purgedGroup.displayName);
    const policies = await graph.getAll<{
      displayName: string;
      conditions?: { users?: { excludeGroups?: string[] } };
    }>('/identity/conditionalAccess/policies');
    const excluding = policies.find((p) => p.displayName === broken.purgedGroup.excludedBy);
    process.stdout.write(
      `- group "${broken.purgedGroup.displayName}" re-created as ${group?.id} (was ${broken.purgedGroup.id})\n` +
        `- CA policy "${broken.purgedGroup.excludedBy}" excludes it again: ${Boolean(group && excluding?.conditions?.users?.excludeGroups?.includes(group.id))}\n`,
    );
    const user = await graph.get<{ displayName: string }>(
      `/users/${broken.softDeletedUser.id}?$select=displayName`,
    );
    process.stdout.write(
      `- user "${user.displayName}" restored from deleted items with the same id\n`,
    );
    const image = await graph.getBinary(broken.replacedImage.path);
    process.stdout.write(
      `- banner logo is the backed-up image again: ${image !== undefined && sha256Of(image.data) === broken.replacedImage.sha256}\n`,
    );

    heading('Where the snapshots are');
    for (const summary of [full, incremental]) {
      process.stdout.write(
        `- blob container "snapshots", prefix tenants/${tenantId}/snapshots/${summary.snapshotId}/\n`,
      );
    }
    process.stdout.write(
      'Azurite ran in memory for this demo; point AzureWebJobsStorage at your own storage and use\n' +
        `entra-backup snapshots list --tenant ${tenantId} to browse real ones.\n`,
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
