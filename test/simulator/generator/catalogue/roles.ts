import type { GraphObject } from '../../tenantState';
import { type CatalogueSource, add, addChildren, nth } from './source';

/**
 * Graph lists only schedules that have not expired, and refuses a request whose end lies in the
 * past: a fixed end date would turn the tenant invalid once the calendar passes it. The end is
 * two years after the current year's start, so the tenant stays the same within a year.
 */
const SCHEDULE_END = `${new Date().getUTCFullYear() + 2}-01-15T12:00:00Z`;

const scheduleInfo = (s: CatalogueSource, i: number, permanent: boolean) => ({
  startDateTime: s.when(60 + i),
  recurrence: null,
  expiration: permanent
    ? { type: 'noExpiration', endDateTime: null, duration: null }
    : { type: 'afterDateTime', endDateTime: SCHEDULE_END, duration: null },
});

/** PIM eligible and active schedules for member users on built-in roles. */
export function addPimSchedules(s: CatalogueSource): void {
  const roles = s.builtInRoles.filter((r) => r.displayName !== 'Global Administrator');
  const schedule = (i: number, permanent: boolean): GraphObject => {
    const created = s.when(60 + i);
    return {
      id: s.rng.guid(),
      principalId: nth(s.members, i + 1).id,
      roleDefinitionId: nth(roles, i).id,
      directoryScopeId: '/',
      appScopeId: null,
      createdUsing: null,
      createdDateTime: created,
      modifiedDateTime: created,
      status: 'Provisioned',
      memberType: 'Direct',
      scheduleInfo: scheduleInfo(s, i, permanent),
    };
  };
  for (let i = 0; i < 2 + 2 * s.scale; i++) {
    const o = schedule(i, i % 2 === 0);
    o.createdUsing = o.id;
    add(s.tenant, 'roleEligibilitySchedules', [o]);
  }
  for (let i = 0; i < 1 + s.scale; i++) {
    const o: GraphObject = { ...schedule(i + 7, false), assignmentType: 'Assigned' };
    o.createdUsing = o.id;
    add(s.tenant, 'roleAssignmentSchedules', [o]);
  }
}

/** One role management policy (+ rules) per a few built-in roles, with its assignment. */
export function addRoleManagementPolicies(s: CatalogueSource): void {
  const roles = s.builtInRoles.slice(0, Math.min(s.builtInRoles.length, 3 + s.scale));
  for (const [i, role] of roles.entries()) {
    const id = `Directory_${s.tenantId}_${s.rng.guid()}`;
    add(s.tenant, 'roleManagementPolicies', [
      {
        id,
        displayName: 'Directory',
        description: 'Directory',
        isOrganizationDefault: false,
        scopeId: '/',
        scopeType: 'Directory',
        lastModifiedDateTime: i === 0 ? s.when(15) : null,
        lastModifiedBy:
          i === 0 ? { displayName: String(nth(s.members, 0).displayName), id: null } : null,
      },
    ]);
    const target = (caller: string, level: string) => ({
      caller,
      operations: ['All'],
      level,
      inheritableSettings: [],
      enforcedSettings: [],
    });
    addChildren(s.tenant, 'roleManagementPolicyRules', id, [
      {
        '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyExpirationRule',
        id: 'Expiration_Admin_Eligibility',
        isExpirationRequired: i % 2 === 0,
        maximumDuration: 'P365D',
        target: target('Admin', 'Eligibility'),
      },
      {
        '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyExpirationRule',
        id: 'Expiration_EndUser_Assignment',
        isExpirationRequired: true,
        maximumDuration: i === 0 ? 'PT4H' : 'PT8H',
        target: target('EndUser', 'Assignment'),
      },
      {
        '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyEnablementRule',
        id: 'Enablement_EndUser_Assignment',
        enabledRules:
          i === 0
            ? ['MultiFactorAuthentication', 'Justification', 'Ticketing']
            : ['MultiFactorAuthentication', 'Justification'],
        target: target('EndUser', 'Assignment'),
      },
      {
        '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyApprovalRule',
        id: 'Approval_EndUser_Assignment',
        target: target('EndUser', 'Assignment'),
        setting: {
          isApprovalRequired: i === 0,
          isApprovalRequiredForExtension: false,
          isRequestorJustificationRequired: true,
          approvalMode: 'SingleStage',
          approvalStages:
            i === 0
              ? [
                  {
                    approvalStageTimeOutInDays: 1,
                    isApproverJustificationRequired: true,
                    escalationTimeInMinutes: 0,
                    isEscalationEnabled: false,
                    primaryApprovers: [
                      {
                        '@odata.type': '#microsoft.graph.groupMembers',
                        groupId: nth(s.securityGroups, 0).id,
                        description: null,
                      },
                    ],
                    escalationApprovers: [],
                  },
                ]
              : [],
        },
      },
      {
        '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyNotificationRule',
        id: 'Notification_Admin_Admin_Eligibility',
        notificationType: 'Email',
        recipientType: 'Admin',
        notificationLevel: 'All',
        isDefaultRecipientsEnabled: true,
        notificationRecipients: [],
        target: target('Admin', 'Eligibility'),
      },
    ]);
    add(s.tenant, 'roleManagementPolicyAssignments', [
      {
        id: `${id}_${role.id}`,
        policyId: id,
        roleDefinitionId: role.id,
        scopeId: '/',
        scopeType: 'Directory',
      },
    ]);
  }
}
