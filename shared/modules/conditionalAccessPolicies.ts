import { MICROSOFT_FIRST_PARTY_APP_IDS } from './microsoftOwned';
import type { ModuleDefinition, ReferencePath } from './types';

const USER_LITERALS = ['All', 'None', 'GuestsOrExternalUsers'];
const APPLICATION_LITERALS = ['All', 'None', 'Office365', 'MicrosoftAdminPortals'];
const LOCATION_LITERALS = ['All', 'AllTrusted'];

/**
 * Roles are named by template id: the same value is a built-in role definition's templateId and
 * an activated directory role's roleTemplateId.
 */
function roleReferences(path: string): ReferencePath[] {
  return [
    { path, targets: ['roleDefinitions'], targetProperty: 'templateId' },
    { path, targets: ['directoryRoles'], targetProperty: 'roleTemplateId' },
  ];
}

/** Conditional Access names applications by appId, not by object id. */
function applicationReference(path: string): ReferencePath {
  return {
    path,
    targets: ['servicePrincipals'],
    targetProperty: 'appId',
    literals: APPLICATION_LITERALS,
    microsoftOwnedValues: MICROSOFT_FIRST_PARTY_APP_IDS,
  };
}

export const conditionalAccessPoliciesModule: ModuleDefinition = {
  id: 'conditionalAccessPolicies',
  displayName: 'Conditional Access policies',
  category: 'Policies',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/identity/conditionalAccess/policies',
  itemPath: '/identity/conditionalAccess/policies/{id}',
  select: [
    'id',
    'conditions',
    'createdDateTime',
    'description',
    'displayName',
    'grantControls',
    'modifiedDateTime',
    'sessionControls',
    'state',
    'templateId',
  ],
  relationships: [],
  children: [],
  readOnlyProperties: [
    'id',
    'deletedDateTime',
    'createdDateTime',
    'modifiedDateTime',
    'templateId',
  ],
  references: [
    { path: 'conditions.users.includeUsers[]', targets: ['users'], literals: USER_LITERALS },
    { path: 'conditions.users.excludeUsers[]', targets: ['users'], literals: USER_LITERALS },
    { path: 'conditions.users.includeGroups[]', targets: ['groups'] },
    { path: 'conditions.users.excludeGroups[]', targets: ['groups'] },
    ...roleReferences('conditions.users.includeRoles[]'),
    ...roleReferences('conditions.users.excludeRoles[]'),
    applicationReference('conditions.applications.includeApplications[]'),
    applicationReference('conditions.applications.excludeApplications[]'),
    {
      // Workload identity policies name service principals by object id.
      path: 'conditions.clientApplications.includeServicePrincipals[]',
      targets: ['servicePrincipals'],
      literals: ['ServicePrincipalsInMyTenant'],
    },
    {
      path: 'conditions.clientApplications.excludeServicePrincipals[]',
      targets: ['servicePrincipals'],
    },
    {
      path: 'conditions.locations.includeLocations[]',
      targets: ['namedLocations'],
      literals: LOCATION_LITERALS,
    },
    {
      path: 'conditions.locations.excludeLocations[]',
      targets: ['namedLocations'],
      literals: LOCATION_LITERALS,
    },
  ],
  // A policy that loses an exclusion (a break-glass group) would lock more people out.
  referenceLoss: { disabledProperties: { state: 'disabled' } },
  restore: {
    kind: 'createOrUpdate',
    updatePath: '/identity/conditionalAccess/policies/{id}',
    mergedOnPatch: ['conditions'],
    softDelete: {
      deletedItemsPath: '/identity/conditionalAccess/deletedItems/policies',
      restorePath: '/identity/conditionalAccess/deletedItems/policies/{id}/restore',
    },
  },
  dependsOn: [
    'users',
    'groups',
    'roleDefinitions',
    'directoryRoles',
    'servicePrincipals',
    'namedLocations',
  ],
  permissions: {
    read: ['Policy.Read.All'],
    write: ['Policy.ReadWrite.ConditionalAccess'],
  },
  caveats: [
    'All user, group, role, application and location references are remapped before writing; references that cannot be resolved are reported.',
    'Consider restoring policies in report-only state (enabledForReportingButNotEnforced) first: a wrong policy can lock administrators out.',
    'Conditional Access reads and writes are throttled to about one request per second per tenant.',
    'Authentication strength, authentication context and terms-of-use references are kept as they are.',
    'Restoring from deleted items with application permissions may not be supported by Graph; re-creation is the fallback.',
  ],
};
