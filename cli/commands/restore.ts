import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { tenantIdSchema } from '../../shared/api/schemas/common';
import { acceptUpload, uploadBlobName } from '../../shared/restore/source/uploads';
import type { RestoreOutcome } from '../../shared/restore/job/restoreJob';
import { getRestoreView, waitForPlan } from '../../shared/restore/job/restoreView';
import {
  decideRestore,
  restoreInstanceId,
  startRestore,
} from '../../shared/restore/job/startRestore';
import type { RestoreRequest } from '../../shared/restore/restoreTypes';
import { startLocalRuntime, type LocalRuntime } from '../localRuntime';
import { EXIT, emit } from '../output';
import { cliActor, runAudited } from '../audit';
import { globalOptions, run } from '../run';
import { waitForOrchestration } from '../waitForOrchestration';

const actor = cliActor;

interface PlanOptions {
  tenant: string;
  snapshot?: string;
  file?: string;
  modules?: string;
  ids?: string;
  relationships: string;
  caLoss: string;
}

async function requestFrom(runtime: LocalRuntime, tenantId: string, options: PlanOptions) {
  let source: RestoreRequest['source'];
  if (options.snapshot) source = { kind: 'snapshot', snapshotId: options.snapshot };
  else if (options.file) {
    const upload = await acceptUpload(
      runtime.services.store,
      tenantId,
      await readFile(options.file),
    );
    source = { kind: 'upload', uploadBlob: uploadBlobName(tenantId, upload.uploadId) };
  } else throw new Error('give --snapshot <snapshotId> or --file <export.zip|export.json>');
  if (!['merge', 'rollback', 'skip'].includes(options.relationships)) {
    throw new Error('--relationships must be merge, rollback or skip');
  }
  if (!['block', 'createDisabled'].includes(options.caLoss)) {
    throw new Error('--ca-loss must be block or createDisabled');
  }
  return {
    source,
    selection: {
      modules: options.modules?.split(',').map((m) => m.trim()),
      objectIds: options.ids?.split(',').map((m) => m.trim()),
    },
    relationshipMode: options.relationships as RestoreRequest['relationshipMode'],
    caPolicyLossMode: options.caLoss as RestoreRequest['caPolicyLossMode'],
  };
}

function addPlanOptions(command: Command): Command {
  return command
    .requiredOption('--tenant <tenantId>', 'managed tenant id')
    .option('--snapshot <snapshotId>', 'restore from this snapshot')
    .option('--file <path>', 'restore from an export (ZIP or JSON from download)')
    .option('--modules <ids>', 'only these modules (comma-separated)')
    .option('--ids <objectIds>', 'only these objects (comma-separated backup ids)')
    .option(
      '--relationships <mode>',
      'merge (add missing), rollback (also remove extra) or skip',
      'merge',
    )
    .option(
      '--ca-loss <mode>',
      'block or createDisabled: a CA policy that would lose a reference',
      'block',
    );
}

const restoreSubject = (options: Record<string, unknown>) => ({
  tenantId: options.tenant,
  target: String(options.snapshot ?? options.file ?? ''),
});

/** Exit code of a finished restore. */
function exitCodeFor(status: RestoreOutcome['status']): number {
  if (status === 'succeeded') return EXIT.ok;
  if (status === 'finishedWithExceptions') return EXIT.finishedWithExceptions;
  return EXIT.failed;
}

export function registerRestoreCommand(program: Command): void {
  const restore = program.command('restore').description('Plan, confirm and apply restores');

  addPlanOptions(restore.command('plan'))
    .description('Dry-run: the per-object, per-property plan against the live tenant (no writes)')
    .action(
      runAudited('restore plan', restoreSubject, async (_opts, command: Command) => {
        const options = globalOptions(command) as unknown as PlanOptions & { json?: boolean };
        const tenantId = tenantIdSchema.parse(options.tenant);
        const runtime = await startLocalRuntime();
        try {
          const { restoreId } = await startRestore(runtime.services, runtime.runner, {
            tenantId,
            request: await requestFrom(runtime, tenantId, options),
            dryRun: true,
            requestedBy: actor(),
          });
          await waitForOrchestration(runtime.runner, restoreInstanceId(restoreId), {
            showProgress: !options.json,
          });
          const view = await getRestoreView(runtime.services, runtime.runner, restoreId, {
            plan: options.json ? 'json' : 'text',
          });
          emit(
            options,
            view,
            () =>
              `${view.planText ?? ''}\nPlan hash ${view.planHash} (restore ${restoreId}, dry run).`,
          );
          return view.status === 'succeeded' ? EXIT.ok : EXIT.failed;
        } finally {
          await runtime.stop();
        }
      }),
    );

  addPlanOptions(restore.command('apply'))
    .description(
      'Plan, show the plan, then apply it once confirmed (--yes, or --plan-hash from a plan)',
    )
    .option('--yes', 'confirm the plan just made without asking')
    .option(
      '--plan-hash <hash>',
      'apply only if the new plan has exactly this hash (from restore plan)',
    )
    .action(
      runAudited('restore apply', restoreSubject, async (_opts, command: Command) => {
        const options = globalOptions(command) as unknown as PlanOptions & {
          json?: boolean;
          yes?: boolean;
          planHash?: string;
        };
        const tenantId = tenantIdSchema.parse(options.tenant);
        if (!options.yes && !options.planHash) {
          throw new Error('restore apply needs --yes or --plan-hash <hash> (see restore plan)');
        }
        const runtime = await startLocalRuntime();
        try {
          const { restoreId } = await startRestore(runtime.services, runtime.runner, {
            tenantId,
            request: await requestFrom(runtime, tenantId, options),
            dryRun: false,
            requestedBy: actor(),
          });
          const instanceId = restoreInstanceId(restoreId);
          const withPlan = await waitForPlan(runtime.services, runtime.runner, restoreId, {
            plan: 'text',
            pollMs: 200,
          });
          if (!options.json) process.stdout.write(`${withPlan.planText}\n`);
          const planHash = options.planHash ?? withPlan.planHash!;
          await decideRestore(runtime.services, runtime.runner, restoreId, {
            action: 'confirm',
            planHash,
            by: actor(),
          });
          const status = await waitForOrchestration(runtime.runner, instanceId, {
            showProgress: !options.json,
          });
          const outcome = status.output as RestoreOutcome;
          emit(options, outcome, () =>
            [
              `Restore ${restoreId}: ${outcome.status}`,
              outcome.applied
                ? `  applied ${outcome.applied.succeeded}, failed ${outcome.applied.failed}, skipped ${outcome.applied.skipped}; residual differences ${outcome.residual}`
                : '',
              ...(outcome.failures ?? []).map((f) => `  failed ${f.actionId}: ${f.error}`),
              outcome.reason ? `  ${outcome.reason}` : '',
            ]
              .filter(Boolean)
              .join('\n'),
          );
          return exitCodeFor(outcome.status);
        } finally {
          await runtime.stop();
        }
      }),
    );

  restore
    .command('status <restoreId>')
    .description('Status of a restore; --plan adds the readable plan')
    .option('--plan', 'include the plan')
    .action(
      run(async (restoreId: string, _opts, command: Command) => {
        const options = globalOptions(command);
        const runtime = await startLocalRuntime();
        try {
          const view = await getRestoreView(runtime.services, runtime.runner, restoreId, {
            plan: options.plan ? (options.json ? 'json' : 'text') : undefined,
          });
          emit(options, view, () =>
            [
              `Restore ${restoreId}: ${view.status} (${view.phase ?? ''})`,
              `Plan hash ${view.planHash ?? '-'}`,
              view.planText ?? '',
            ]
              .filter(Boolean)
              .join('\n'),
          );
        } finally {
          await runtime.stop();
        }
      }),
    );

  restore
    .command('cancel <restoreId>')
    .description('Cancel a restore that is awaiting confirmation')
    .action(
      runAudited(
        'restore cancel',
        (_o, [restoreId]) => ({ tenantId: restoreId?.split('.')[0], target: restoreId ?? '' }),
        async (restoreId: string, _opts, command: Command) => {
          const options = globalOptions(command);
          const runtime = await startLocalRuntime();
          try {
            await decideRestore(runtime.services, runtime.runner, restoreId, {
              action: 'cancel',
              by: actor(),
            });
            const status = await waitForOrchestration(
              runtime.runner,
              restoreInstanceId(restoreId),
              {
                showProgress: false,
              },
            );
            emit(options, status.output, () => `Restore ${restoreId} cancelled.`);
          } finally {
            await runtime.stop();
          }
        },
      ),
    );
}
