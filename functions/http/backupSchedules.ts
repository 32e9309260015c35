import { defineRoute } from '../../shared/api/route';
import { notFound } from '../../shared/api/errors';
import { registerHttpRoute } from '../../shared/api/registerRoute';
import { tenantParamsSchema } from '../../shared/api/schemas/common';
import { scheduleBodySchema, scheduleParamsSchema } from '../../shared/api/schemas/schedules';
import { getServices } from '../../shared/config/services';
import { DEFAULT_INTERVAL_MINUTES } from '../../shared/schedules/cadence';

export const PUT_SCHEDULE_FUNCTION = 'putBackupSchedule';
export const LIST_SCHEDULES_FUNCTION = 'listBackupSchedules';
export const DELETE_SCHEDULE_FUNCTION = 'deleteBackupSchedule';

/** A backup schedule: cron in a time zone or an interval (default 24 h); nextRunAt in the reply. */
export const putScheduleRoute = defineRoute(
  {
    name: PUT_SCHEDULE_FUNCTION,
    methods: ['PUT'],
    route: 'tenants/{tenantId}/schedules/{scheduleId}',
    minimumRole: 'Backup.Admin',
    params: scheduleParamsSchema,
    body: scheduleBodySchema,
    summary:
      'Create or change (link) a backup schedule; the scheduledBackups timer starts due ones',
    description:
      'cron (with timeZone, IANA) or intervalMinutes (15-10080); neither means every 24 hours. ' +
      'fullEvery (ISO duration such as P90D) reads in full when the newest full snapshot is that ' +
      'old. runNow makes the first backup due at once. Missed runs run once when the app is back.',
    tags: ['tenants'],
    errors: { 404: 'the tenant is not registered' },
  },
  async ({ params, body }) => {
    const services = await getServices();
    if (!(await services.tenants.get(params.tenantId))) {
      throw notFound(`Tenant ${params.tenantId} is not registered.`);
    }
    const cadence = body.cron
      ? { cron: body.cron, timeZone: body.timeZone ?? 'UTC' }
      : { intervalMinutes: body.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES };
    const schedule = await services.schedules.upsert({
      tenantId: params.tenantId,
      scheduleId: params.scheduleId,
      ...cadence,
      fullEvery: body.fullEvery,
      enabled: body.enabled,
      runNow: body.runNow,
    });
    return { status: 200, jsonBody: schedule };
  },
);

export const listSchedulesRoute = defineRoute(
  {
    name: LIST_SCHEDULES_FUNCTION,
    methods: ['GET'],
    route: 'tenants/{tenantId}/schedules',
    minimumRole: 'Backup.Reader',
    params: tenantParamsSchema,
    summary: 'Backup schedules of a tenant, each with its nextRunAt',
    tags: ['tenants'],
  },
  async ({ params }) => {
    const schedules = await (await getServices()).schedules.list(params.tenantId);
    return { status: 200, jsonBody: { value: schedules } };
  },
);

export const deleteScheduleRoute = defineRoute(
  {
    name: DELETE_SCHEDULE_FUNCTION,
    methods: ['DELETE'],
    route: 'tenants/{tenantId}/schedules/{scheduleId}',
    minimumRole: 'Backup.Admin',
    params: scheduleParamsSchema,
    summary: 'Delete (unlink) a backup schedule; no further runs start from it',
    tags: ['tenants'],
    responses: { 204: { description: 'the schedule was deleted' } },
    errors: { 404: 'the tenant has no such schedule' },
  },
  async ({ params }) => {
    const deleted = await (
      await getServices()
    ).schedules.delete(params.tenantId, params.scheduleId);
    if (!deleted) {
      throw notFound(`Tenant ${params.tenantId} has no schedule ${params.scheduleId}.`);
    }
    return { status: 204 };
  },
);

registerHttpRoute(putScheduleRoute);
registerHttpRoute(listSchedulesRoute);
registerHttpRoute(deleteScheduleRoute);
