import { scheduleRequestResource, scheduleResource } from './pimSchedules';

/** /roleManagement/directory/roleAssignmentSchedules (read) and …ScheduleRequests (writes). */
export const roleAssignmentSchedules = scheduleResource(
  'roleAssignmentSchedules',
  'microsoft.graph.unifiedRoleAssignmentSchedule',
  ['assignmentType'],
);

export const roleAssignmentScheduleRequests = scheduleRequestResource(
  'roleAssignmentScheduleRequests',
  'microsoft.graph.unifiedRoleAssignmentScheduleRequest',
  'roleAssignmentSchedules',
);
