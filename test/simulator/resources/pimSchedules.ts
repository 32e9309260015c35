import { badRequest } from '../errors';
import type { GraphObject } from '../tenantState';
import type { ResourceDescriptor } from './descriptor';

const SCHEDULE_PROPERTIES = [
  'appScopeId',
  'createdDateTime',
  'createdUsing',
  'directoryScopeId',
  'id',
  'memberType',
  'modifiedDateTime',
  'principalId',
  'roleDefinitionId',
  'scheduleInfo',
  'status',
];

const REQUEST_PROPERTIES = [
  'action',
  'appScopeId',
  'approvalId',
  'completedDateTime',
  'createdBy',
  'createdDateTime',
  'customData',
  'directoryScopeId',
  'id',
  'isValidationOnly',
  'justification',
  'principalId',
  'roleDefinitionId',
  'scheduleInfo',
  'status',
  'targetScheduleId',
  'ticketInfo',
];

const ACTIONS = ['adminAssign', 'adminUpdate', 'adminRemove', 'adminExtend', 'adminRenew'];

/** PIM schedules: read-only; they change only through schedule requests (graph-notes B7). */
export function scheduleResource(
  name: string,
  odataType: string,
  extra: readonly string[] = [],
): ResourceDescriptor {
  return {
    name,
    path: `roleManagement/directory/${name}`,
    odataType,
    properties: [...SCHEDULE_PROPERTIES, ...extra],
    readOnly: [...SCHEDULE_PROPERTIES, ...extra],
    requiredOnCreate: [],
    operations: { create: false, update: false, delete: false },
  };
}

/**
 * POST …ScheduleRequests with action adminAssign / adminUpdate / adminRemove: the request is
 * stored (status Provisioned) and the matching schedule is created, replaced or removed.
 */
export function scheduleRequestResource(
  name: string,
  odataType: string,
  schedules: string,
): ResourceDescriptor {
  return {
    name,
    path: `roleManagement/directory/${name}`,
    odataType,
    properties: REQUEST_PROPERTIES,
    readOnly: [
      'id',
      'approvalId',
      'completedDateTime',
      'createdBy',
      'createdDateTime',
      'status',
      'targetScheduleId',
    ],
    requiredOnCreate: ['action', 'principalId', 'roleDefinitionId', 'directoryScopeId'],
    operations: { create: true, update: false, delete: false },
    validateWrite(op, body, _existing, ctx) {
      if (op !== 'create') return;
      if (!ACTIONS.includes(String(body.action)))
        throw badRequest(`The action '${String(body.action)}' is not supported.`);
      const role = ctx.lookup('roleDefinitions', String(body.roleDefinitionId));
      if (!role)
        throw badRequest(`The role definition '${String(body.roleDefinitionId)}' was not found.`);
      const end = (body.scheduleInfo as { expiration?: { endDateTime?: string } } | undefined)
        ?.expiration?.endDateTime;
      if (end && new Date(end).getTime() < new Date(ctx.now).getTime())
        throw badRequest('The schedule end date is in the past.');
    },
    onCreate(obj, ctx) {
      obj.createdDateTime = ctx.now;
      obj.completedDateTime = ctx.now;
      obj.status = 'Provisioned';
    },
    afterCreate(obj, store) {
      const same = (s: GraphObject): boolean =>
        s.principalId === obj.principalId &&
        s.roleDefinitionId === obj.roleDefinitionId &&
        s.directoryScopeId === obj.directoryScopeId;
      const existing = [...store.list(schedules)].find(same);
      if (obj.action === 'adminRemove') {
        if (existing) store.hardDelete(schedules, existing.id);
        return;
      }
      const schedule: GraphObject = {
        id: existing?.id ?? `${String(obj.id)}`,
        principalId: obj.principalId,
        roleDefinitionId: obj.roleDefinitionId,
        directoryScopeId: obj.directoryScopeId,
        appScopeId: obj.appScopeId ?? null,
        createdUsing: obj.id,
        createdDateTime: existing?.createdDateTime ?? obj.createdDateTime,
        modifiedDateTime: obj.createdDateTime,
        status: 'Provisioned',
        memberType: 'Direct',
        scheduleInfo: obj.scheduleInfo ?? { startDateTime: obj.createdDateTime },
      };
      if (schedules === 'roleAssignmentSchedules') schedule.assignmentType = 'Assigned';
      store.insert(schedules, schedule);
      obj.targetScheduleId = schedule.id;
    },
  };
}
