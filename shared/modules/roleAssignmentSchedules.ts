import { pimScheduleModule } from './pimSchedule';

/** PIM active (time-bound or permanent) role assignment schedules. */
export const roleAssignmentSchedulesModule = pimScheduleModule({
  id: 'roleAssignmentSchedules',
  displayName: 'PIM role assignment schedules',
  schedules: 'roleAssignmentSchedules',
  requests: 'roleAssignmentScheduleRequests',
  readPermission: 'RoleAssignmentSchedule.Read.Directory',
  writePermission: 'RoleAssignmentSchedule.ReadWrite.Directory',
  // Activated (rather than assigned) schedules are run-time state of an eligibility.
  extraReadOnly: ['assignmentType'],
});
