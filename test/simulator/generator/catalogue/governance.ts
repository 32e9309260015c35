import { type CatalogueSource, add, addChildren, nth } from './source';

const CATALOGS = ['Marketing', 'Engineering', 'Finance', 'Partner access'];

/** Catalogs → access packages (+ group role scopes) → assignment policies; connected orgs. */
export function addEntitlementManagement(s: CatalogueSource): void {
  const orgs: string[] = [];
  for (let i = 0; i < s.scale; i++) {
    const id = s.rng.guid();
    orgs.push(id);
    add(s.tenant, 'connectedOrganizations', [
      {
        id,
        displayName: i ? `Partner ${i + 1}` : 'Fabrikam',
        description: 'Partner organization allowed to request access packages.',
        state: 'configured',
        createdDateTime: s.when(200),
        modifiedDateTime: s.when(40),
        identitySources: [
          {
            '@odata.type': '#microsoft.graph.azureActiveDirectoryTenant',
            displayName: i ? `Partner ${i + 1}` : 'Fabrikam',
            tenantId: s.rng.guid(),
          },
        ],
      },
    ]);
  }
  for (let c = 0; c < 1 + s.scale; c++) {
    const catalogId = s.rng.guid();
    const name = c < CATALOGS.length ? CATALOGS[c] : `Department ${c + 1}`;
    add(s.tenant, 'accessPackageCatalogs', [
      {
        id: catalogId,
        displayName: name,
        description: `Access packages for ${name}.`,
        catalogType: 'userManaged',
        state: 'published',
        isExternallyVisible: c === 0,
        createdDateTime: s.when(300 - c),
        modifiedDateTime: s.when(50),
      },
    ]);
    for (let p = 0; p < 2; p++) {
      const packageId = s.rng.guid();
      const group = nth(s.securityGroups, c * 2 + p);
      add(s.tenant, 'accessPackages', [
        {
          id: packageId,
          displayName: `${name}: ${p ? 'contributors' : 'members'}`,
          description: `Membership of ${String(group.displayName)}.`,
          isHidden: false,
          createdDateTime: s.when(250 - c),
          modifiedDateTime: s.when(45),
          catalog: { id: catalogId },
        },
      ]);
      addChildren(s.tenant, 'accessPackageResourceRoleScopes', packageId, [
        {
          id: `${s.rng.guid()}_${s.rng.guid()}`,
          createdDateTime: s.when(245 - c),
          role: { originId: `Member_${group.id}`, originSystem: 'AadGroup', displayName: 'Member' },
          scope: { originId: group.id, originSystem: 'AadGroup', isRootScope: true },
        },
      ]);
      const external = c === 0 && p === 0 && orgs.length > 0;
      add(s.tenant, 'accessPackageAssignmentPolicies', [
        {
          id: s.rng.guid(),
          displayName: external
            ? 'Partners request, sponsor approves'
            : 'Employees request, manager approves',
          description: 'Requests are approved and expire after 180 days.',
          allowedTargetScope: external ? 'specificConnectedOrganizationUsers' : 'allMemberUsers',
          specificAllowedTargets: external
            ? [
                {
                  '@odata.type': '#microsoft.graph.connectedOrganizationMembers',
                  connectedOrganizationId: orgs[0],
                  description: 'Fabrikam',
                },
              ]
            : [],
          expiration: { type: 'afterDuration', duration: 'P180D', endDateTime: null },
          requestorSettings: {
            enableTargetsToSelfAddAccess: true,
            enableTargetsToSelfUpdateAccess: false,
            enableTargetsToSelfRemoveAccess: true,
            allowCustomAssignmentSchedule: false,
            enableOnBehalfRequestorsToAddAccess: false,
            enableOnBehalfRequestorsToUpdateAccess: false,
            enableOnBehalfRequestorsToRemoveAccess: false,
            onBehalfRequestors: [],
          },
          requestApprovalSettings: {
            isApprovalRequiredForAdd: true,
            isApprovalRequiredForUpdate: false,
            stages: [
              {
                durationBeforeAutomaticDenial: 'P7D',
                isApproverJustificationRequired: true,
                isEscalationEnabled: false,
                durationBeforeEscalation: 'PT0S',
                primaryApprovers: [
                  {
                    '@odata.type': '#microsoft.graph.singleUser',
                    userId: nth(s.members, c + 1).id,
                    description: 'Catalog owner',
                  },
                ],
                fallbackPrimaryApprovers: [],
                escalationApprovers: [],
                fallbackEscalationApprovers: [],
              },
            ],
          },
          reviewSettings: null,
          automaticRequestSettings: null,
          notificationSettings: null,
          createdDateTime: s.when(240 - c),
          modifiedDateTime: s.when(44),
          accessPackage: { id: packageId },
        },
      ]);
    }
  }
}

/** Quarterly access reviews of group memberships. */
export function addAccessReviews(s: CatalogueSource): void {
  for (let i = 0; i < 1 + s.scale; i++) {
    const group = nth(s.securityGroups, i + 2);
    const owner = nth(s.members, i);
    add(s.tenant, 'accessReviewDefinitions', [
      {
        id: s.rng.guid(),
        displayName: `Quarterly review: ${String(group.displayName)}`,
        descriptionForAdmins: 'Members confirm they still need access.',
        descriptionForReviewers: 'Please confirm who still needs access.',
        status: 'InProgress',
        createdDateTime: s.when(100 + i),
        lastModifiedDateTime: s.when(20),
        createdBy: {
          id: owner.id,
          displayName: owner.displayName,
          userPrincipalName: owner.userPrincipalName,
        },
        scope: {
          '@odata.type': '#microsoft.graph.accessReviewQueryScope',
          query: `/groups/${group.id}/transitiveMembers`,
          queryType: 'MicrosoftGraph',
          queryRoot: null,
        },
        instanceEnumerationScope: null,
        reviewers: [{ query: `/users/${owner.id}`, queryType: 'MicrosoftGraph', queryRoot: null }],
        fallbackReviewers: [],
        additionalNotificationRecipients: [],
        stageSettings: [],
        settings: {
          mailNotificationsEnabled: true,
          reminderNotificationsEnabled: true,
          justificationRequiredOnApproval: true,
          defaultDecisionEnabled: false,
          defaultDecision: 'None',
          instanceDurationInDays: 14,
          autoApplyDecisionsEnabled: true,
          recommendationsEnabled: true,
          recurrence: {
            pattern: {
              type: 'absoluteMonthly',
              interval: 3,
              month: 0,
              dayOfMonth: 0,
              daysOfWeek: [],
              firstDayOfWeek: 'sunday',
              index: 'first',
            },
            range: {
              type: 'noEnd',
              numberOfOccurrences: 0,
              recurrenceTimeZone: null,
              startDate: '2024-10-01',
              endDate: '9999-12-31',
            },
          },
          applyActions: [{ '@odata.type': '#microsoft.graph.removeAccessApplyAction' }],
        },
      },
    ]);
  }
}

/** Terms of use agreements (referenced by CA in real tenants). */
export function addAgreements(s: CatalogueSource): void {
  const names = ['Contoso acceptable use', 'Guest access terms'];
  for (let i = 0; i < Math.min(names.length, 1 + s.scale); i++) {
    add(s.tenant, 'agreements', [
      {
        id: s.rng.guid(),
        displayName: names[i],
        isViewingBeforeAcceptanceRequired: true,
        isPerDeviceAcceptanceRequired: false,
        userReacceptRequiredFrequency: i ? null : 'P365D',
        termsExpiration: i ? null : { startDateTime: '2024-01-01T00:00:00Z', frequency: 'P365D' },
      },
    ]);
  }
}
