import { pimScheduleModule } from './pimSchedule';

/** PIM eligible role assignments (who may activate a directory role). */
export const roleEligibilitySchedulesModule = pimScheduleModule({
  id: 'roleEligibilitySchedules',
  displayName: 'PIM role eligibility schedules',
  schedules: 'roleEligibilitySchedules',
  requests: 'roleEligibilityScheduleRequests',
  readPermission: 'RoleEligibilitySchedule.Read.Directory',
  writePermission: 'RoleEligibilitySchedule.ReadWrite.Directory',
  extraReadOnly: [],
});
