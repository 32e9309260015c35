import { emptyTenant } from '../defaultTenant';
import type { TenantState } from '../tenantState';

export const IDS = {
  alice: '11111111-1111-4111-8111-111111111111',
  bob: '22222222-2222-4222-8222-222222222222',
  carol: '33333333-3333-4333-8333-333333333333',
  admins: '44444444-4444-4444-8444-444444444444',
  sales: '55555555-5555-4555-8555-555555555555',
  app: '66666666-6666-4666-8666-666666666666',
  appId: '77777777-7777-4777-8777-777777777777',
  sp: '88888888-8888-4888-8888-888888888888',
  graphSp: '99999999-9999-4999-8999-999999999999',
  au: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  gaTemplate: '62e90394-69f5-4237-9190-012177145e10',
  gaRole: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  appRole: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
  ca: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
  location: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee',
};

const user = (id: string, name: string): TenantState['collections']['users'][number] => ({
  id,
  displayName: name,
  userPrincipalName: `${name.toLowerCase()}@contoso.onmicrosoft.com`,
  mailNickname: name.toLowerCase(),
  accountEnabled: true,
  givenName: name,
  surname: null,
  jobTitle: null,
  mail: `${name.toLowerCase()}@contoso.com`,
  mobilePhone: null,
  businessPhones: [],
  createdDateTime: '2024-01-01T00:00:00Z',
  userType: 'Member',
});

/** A small hand-built tenant: 3 users, 2 groups, an app + SP, an AU, a role, CA policy, named location. */
export function smallTenant(extraUsers = 0): TenantState {
  const t = emptyTenant();
  t.collections.users = [user(IDS.alice, 'Alice'), user(IDS.bob, 'Bob'), user(IDS.carol, 'Carol')];
  for (let i = 0; i < extraUsers; i++) {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    t.collections.users.push(user(id, `User${i}`));
  }
  t.collections.groups = [
    {
      id: IDS.admins,
      displayName: 'Admins',
      mailNickname: 'admins',
      mailEnabled: false,
      securityEnabled: true,
      groupTypes: [],
      createdDateTime: '2024-01-01T00:00:00Z',
    },
    {
      id: IDS.sales,
      displayName: 'Sales',
      mailNickname: 'sales',
      mailEnabled: true,
      securityEnabled: false,
      groupTypes: ['Unified'],
      createdDateTime: '2024-01-01T00:00:00Z',
    },
  ];
  t.collections.applications = [
    {
      id: IDS.app,
      appId: IDS.appId,
      displayName: 'Payroll',
      identifierUris: ['api://payroll'],
      signInAudience: 'AzureADMyOrg',
      appRoles: [
        {
          id: IDS.appRole,
          value: 'Payroll.Read',
          allowedMemberTypes: ['User'],
          displayName: 'Read',
          isEnabled: true,
        },
      ],
      createdDateTime: '2024-01-01T00:00:00Z',
    },
  ];
  t.collections.servicePrincipals = [
    {
      id: IDS.sp,
      appId: IDS.appId,
      displayName: 'Payroll',
      appRoles: [
        {
          id: IDS.appRole,
          value: 'Payroll.Read',
          allowedMemberTypes: ['User'],
          displayName: 'Read',
          isEnabled: true,
        },
      ],
      servicePrincipalType: 'Application',
    },
    {
      id: IDS.graphSp,
      appId: '00000003-0000-0000-c000-000000000000',
      displayName: 'Microsoft Graph',
      appRoles: [],
      servicePrincipalType: 'Application',
    },
  ];
  t.collections.appRoleAssignments = [
    {
      id: 'ara-1',
      principalId: IDS.alice,
      principalType: 'User',
      principalDisplayName: 'Alice',
      resourceId: IDS.sp,
      resourceDisplayName: 'Payroll',
      appRoleId: IDS.appRole,
      createdDateTime: '2024-01-01T00:00:00Z',
    },
  ];
  t.collections.oauth2PermissionGrants = [
    {
      id: 'grant-1',
      clientId: IDS.sp,
      consentType: 'AllPrincipals',
      principalId: null,
      resourceId: IDS.graphSp,
      scope: 'User.Read',
    },
  ];
  t.collections.administrativeUnits = [
    { id: IDS.au, displayName: 'Europe', description: null, visibility: null },
  ];
  t.collections.directoryRoleTemplates = [
    {
      id: IDS.gaTemplate,
      displayName: 'Global Administrator',
      description: 'Can manage everything.',
    },
    {
      id: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
      displayName: 'User Administrator',
      description: 'Can manage users.',
    },
  ];
  t.collections.directoryRoles = [
    {
      id: IDS.gaRole,
      displayName: 'Global Administrator',
      description: 'Can manage everything.',
      roleTemplateId: IDS.gaTemplate,
    },
  ];
  t.collections.roleDefinitions = [
    {
      id: IDS.gaTemplate,
      displayName: 'Global Administrator',
      isBuiltIn: true,
      isEnabled: true,
      templateId: IDS.gaTemplate,
      rolePermissions: [
        { allowedResourceActions: ['microsoft.directory/allEntities/allProperties/allTasks'] },
      ],
    },
  ];
  t.collections.roleAssignments = [
    { id: 'ra-1', principalId: IDS.alice, roleDefinitionId: IDS.gaTemplate, directoryScopeId: '/' },
  ];
  t.collections.namedLocations = [
    {
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      id: IDS.location,
      displayName: 'HQ',
      isTrusted: true,
      ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '10.0.0.0/8' }],
      createdDateTime: '2024-01-01T00:00:00Z',
      modifiedDateTime: null,
    },
  ];
  t.collections.conditionalAccessPolicies = [
    {
      id: IDS.ca,
      displayName: 'Require MFA',
      state: 'enabled',
      createdDateTime: '2024-01-01T00:00:00Z',
      modifiedDateTime: null,
      conditions: { users: { includeUsers: ['All'], excludeGroups: [IDS.admins] } },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    },
  ];
  t.children.federatedIdentityCredentials = {
    [IDS.app]: [
      {
        id: 'fic-1',
        name: 'github',
        issuer: 'https://token.actions.githubusercontent.com',
        subject: 'repo:contoso/payroll:ref:refs/heads/main',
        audiences: ['api://AzureADTokenExchange'],
      },
    ],
  };
  t.relationships.groupMembers = { [IDS.admins]: [IDS.alice, IDS.bob], [IDS.sales]: [IDS.carol] };
  t.relationships.groupOwners = { [IDS.admins]: [IDS.alice] };
  t.relationships.administrativeUnitMembers = { [IDS.au]: [IDS.bob] };
  t.relationships.directoryRoleMembers = { [IDS.gaRole]: [IDS.alice] };
  t.relationships.applicationOwners = { [IDS.app]: [IDS.alice] };
  t.relationships.servicePrincipalOwners = { [IDS.sp]: [IDS.alice] };
  t.relationships.userManager = { [IDS.bob]: IDS.alice, [IDS.carol]: IDS.alice };
  return t;
}
