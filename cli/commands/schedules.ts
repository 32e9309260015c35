import type { Command } from 'commander';
import { notFound } from '../../shared/api/errors';
import { tenantIdSchema } from '../../shared/api/schemas/common';
import { scheduleBodySchema, scheduleParamsSchema } from '../../shared/api/schemas/schedules';
import { getServices } from '../../shared/config/services';
import { DEFAULT_INTERVAL_MINUTES } from '../../shared/schedules/cadence';
import type { StoredSchedule } from '../../shared/state/scheduleRepository';
import { emit } from '../output';
import { globalOptions, run } from '../run';

function describe(schedule: StoredSchedule): string {
  const cadence = schedule.cron
    ? `cron "${schedule.cron}" (${schedule.timeZone ?? 'UTC'})`
    : `every ${schedule.intervalMinutes} min`;
  const full = schedule.fullEvery ? `, full every ${schedule.fullEvery}` : '';
  const state = schedule.enabled ? `next run ${schedule.nextRunAt}` : 'disabled';
  return `${schedule.scheduleId}: ${cadence}${full}; ${state}`;
}

export function registerSchedulesCommand(program: Command): void {
  const schedules = program.command('schedules').description("A tenant's backup schedules");

  schedules
    .command('list')
    .requiredOption('--tenant <tenantId>', 'managed tenant id')
    .action(
      run(async (_opts, command: Command) => {
        const options = globalOptions(command);
        const tenantId = tenantIdSchema.parse(options.tenant);
        const list = await (await getServices()).schedules.list(tenantId);
        emit(options, { value: list }, () =>
          list.length ? list.map(describe).join('\n') : 'No schedules.',
        );
      }),
    );

  schedules
    .command('set <scheduleId>')
    .description(
      'Create or change (link) a schedule: --cron [--time-zone] or --every; default 24 h',
    )
    .requiredOption('--tenant <tenantId>', 'managed tenant id')
    .option('--cron <expression>', 'cron expression, 5 or 6 fields (e.g. "0 2 * * *")')
    .option('--time-zone <iana>', 'time zone the cron expression is read in (default UTC)')
    .option('--every <minutes>', 'interval in minutes (15-10080)')
    .option(
      '--full-every <duration>',
      'read in full when the newest full snapshot is this old (P90D)',
    )
    .option('--disabled', 'save it switched off')
    .option('--now', 'make the first backup due at once')
    .action(
      run(async (scheduleId: string, _opts, command: Command) => {
        const options = globalOptions(command);
        const params = scheduleParamsSchema.parse({ tenantId: options.tenant, scheduleId });
        const body = scheduleBodySchema.parse({
          cron: options.cron,
          timeZone: options.timeZone,
          intervalMinutes: options.every === undefined ? undefined : Number(options.every),
          fullEvery: options.fullEvery,
          enabled: !options.disabled,
          runNow: Boolean(options.now),
        });
        const services = await getServices();
        if (!(await services.tenants.get(params.tenantId))) {
          throw notFound(`Tenant ${params.tenantId} is not registered.`);
        }
        const saved = await services.schedules.upsert({
          ...params,
          ...(body.cron
            ? { cron: body.cron, timeZone: body.timeZone ?? 'UTC' }
            : { intervalMinutes: body.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES }),
          fullEvery: body.fullEvery,
          enabled: body.enabled,
          runNow: body.runNow,
        });
        emit(options, saved, () => describe(saved));
      }),
    );

  schedules
    .command('delete <scheduleId>')
    .description('Delete (unlink) a schedule; no further runs start from it')
    .requiredOption('--tenant <tenantId>', 'managed tenant id')
    .action(
      run(async (scheduleId: string, _opts, command: Command) => {
        const options = globalOptions(command);
        const params = scheduleParamsSchema.parse({ tenantId: options.tenant, scheduleId });
        const services = await getServices();
        if (!(await services.schedules.delete(params.tenantId, params.scheduleId))) {
          throw notFound(`Tenant ${params.tenantId} has no schedule ${params.scheduleId}.`);
        }
        emit(options, { deleted: params.scheduleId }, () => `Deleted ${params.scheduleId}.`);
      }),
    );
}
