import { scheduleRequestResource, scheduleResource } from './pimSchedules';

/** /roleManagement/directory/roleEligibilitySchedules (read) and …ScheduleRequests (writes). */
export const roleEligibilitySchedules = scheduleResource(
  'roleEligibilitySchedules',
  'microsoft.graph.unifiedRoleEligibilitySchedule',
);

export const roleEligibilityScheduleRequests = scheduleRequestResource(
  'roleEligibilityScheduleRequests',
  'microsoft.graph.unifiedRoleEligibilityScheduleRequest',
  'roleEligibilitySchedules',
);
