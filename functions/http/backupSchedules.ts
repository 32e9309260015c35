import { defineRoute } from '../../shared/api/route';
import { notFound } from '../../shared/api/errors';
import { registerHttpRoute } from '../../shared/api/registerRoute';
import { tenantParamsSchema } from '../../shared/api/schemas/common';
import { scheduleBodySchema, scheduleParamsSchema } from '../../shared/api/schemas/tenants';
import { getServices } from '../../shared/config/services';

export const PUT_SCHEDULE_FUNCTION = 'putBackupSchedule';
export const LIST_SCHEDULES_FUNCTION = 'listBackupSchedules';

/** A backup schedule: every `intervalMinutes` (15 min – 7 days), every Nth run a full read. */
export const putScheduleRoute = defineRoute(
  {
    name: PUT_SCHEDULE_FUNCTION,
    methods: ['PUT'],
    route: 'tenants/{tenantId}/schedules/{scheduleId}',
    minimumRole: 'Backup.Admin',
    params: scheduleParamsSchema,
    body: scheduleBodySchema,
    summary: 'Create or change a backup schedule (the scheduledBackups timer starts due ones)',
    tags: ['tenants'],
  },
  async ({ params, body }) => {
    const services = await getServices();
    if (!(await services.tenants.get(params.tenantId))) {
      throw notFound(`Tenant ${params.tenantId} is not registered.`);
    }
    const schedule = await services.schedules.upsert({
      tenantId: params.tenantId,
      scheduleId: params.scheduleId,
      intervalMinutes: body.intervalMinutes,
      fullEveryN: body.fullEveryN,
      enabled: body.enabled,
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
    summary: 'Backup schedules of a tenant',
    tags: ['tenants'],
  },
  async ({ params }) => {
    const schedules = await (await getServices()).schedules.list(params.tenantId);
    return { status: 200, jsonBody: { value: schedules } };
  },
);

registerHttpRoute(putScheduleRoute);
registerHttpRoute(listSchedulesRoute);
