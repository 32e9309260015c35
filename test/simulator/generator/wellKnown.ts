/**
 * Fixed facts every Entra tenant shares: built-in directory role templates (their ids are the same
 * in every tenant), Microsoft first-party applications and Microsoft Graph's permissions.
 */

export interface BuiltInRole {
  templateId: string;
  displayName: string;
  description: string;
  /** A representative subset of the role's resource actions. */
  actions: string[];
  privileged?: boolean;
}

const std = (entity: string, ...verbs: string[]): string[] =>
  verbs.map((v) => `microsoft.directory/${entity}/${v}`);

export const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
export const USER_ROLE_TEMPLATE = 'a0b1b346-4d3e-4e8b-98f8-753987be4970';
export const GUEST_USER_ROLE_TEMPLATE = '10dae51f-b6af-4016-8d66-8c2a99b929b3';

export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  {
    templateId: GLOBAL_ADMINISTRATOR,
    displayName: 'Global Administrator',
    description:
      'Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.',
    actions: [
      'microsoft.directory/allEntities/allProperties/allTasks',
      'microsoft.office365.serviceHealth/allEntities/allTasks',
    ],
    privileged: true,
  },
  {
    templateId: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
    displayName: 'User Administrator',
    description:
      'Can manage all aspects of users and groups, including resetting passwords for limited admins.',
    actions: [
      ...std('users', 'create', 'delete', 'basic/update', 'manager/update'),
      ...std('groups', 'create', 'delete', 'members/update'),
    ],
    privileged: true,
  },
  {
    templateId: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
    displayName: 'Helpdesk Administrator',
    description: 'Can reset passwords for non-administrators and Helpdesk Administrators.',
    actions: [...std('users', 'password/update', 'invalidateAllRefreshTokens')],
    privileged: true,
  },
  {
    templateId: '194ae4cb-b126-40b2-bd5b-6091b380977d',
    displayName: 'Security Administrator',
    description:
      'Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365.',
    actions: [
      ...std('conditionalAccessPolicies', 'create', 'delete', 'basic/update'),
      ...std('namedLocations', 'create', 'delete', 'basic/update'),
    ],
    privileged: true,
  },
  {
    templateId: '5d6b6bb7-de71-4623-b4af-96380a352509',
    displayName: 'Security Reader',
    description: 'Can read security information and reports in Microsoft Entra ID and Office 365.',
    actions: [
      ...std('conditionalAccessPolicies', 'standard/read'),
      ...std('auditLogs', 'allProperties/read'),
    ],
  },
  {
    templateId: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
    displayName: 'Global Reader',
    description: 'Can read everything that a Global Administrator can, but not update anything.',
    actions: ['microsoft.directory/allEntities/allProperties/read'],
  },
  {
    templateId: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
    displayName: 'Application Administrator',
    description: 'Can create and manage all aspects of app registrations and enterprise apps.',
    actions: [
      ...std('applications', 'create', 'delete', 'credentials/update'),
      ...std('servicePrincipals', 'create', 'delete', 'credentials/update'),
    ],
    privileged: true,
  },
  {
    templateId: '158c047a-c907-4556-b7ef-446551a6b5f7',
    displayName: 'Cloud Application Administrator',
    description:
      'Can create and manage all aspects of app registrations and enterprise apps except App Proxy.',
    actions: [...std('applications', 'create', 'delete', 'credentials/update')],
    privileged: true,
  },
  {
    templateId: 'cf1c38e5-3621-4004-a7cb-879624dced7c',
    displayName: 'Application Developer',
    description:
      'Can create application registrations independent of the Users can register applications setting.',
    actions: [
      ...std('applications', 'createAsOwner'),
      ...std('servicePrincipals', 'createAsOwner'),
    ],
    privileged: true,
  },
  {
    templateId: 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9',
    displayName: 'Conditional Access Administrator',
    description: 'Can manage Conditional Access capabilities.',
    actions: [
      ...std('conditionalAccessPolicies', 'create', 'delete', 'basic/update', 'owners/update'),
    ],
  },
  {
    templateId: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
    displayName: 'Privileged Role Administrator',
    description:
      'Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management.',
    actions: [
      ...std('roleAssignments', 'allProperties/allTasks'),
      ...std('roleDefinitions', 'allProperties/allTasks'),
    ],
    privileged: true,
  },
  {
    templateId: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
    displayName: 'Privileged Authentication Administrator',
    description:
      'Can access to view, set and reset authentication method information for any user (admin or non-admin).',
    actions: [
      ...std(
        'users',
        'authenticationMethods/create',
        'authenticationMethods/delete',
        'password/update',
      ),
    ],
    privileged: true,
  },
  {
    templateId: 'c4e39bd9-1100-46d3-8c65-fb160da0071f',
    displayName: 'Authentication Administrator',
    description:
      'Can access to view, set and reset authentication method information for any non-admin user.',
    actions: [...std('users', 'authenticationMethods/create', 'authenticationMethods/delete')],
    privileged: true,
  },
  {
    templateId: '0526716b-113d-4c15-b2c8-68e3c22b9f80',
    displayName: 'Authentication Policy Administrator',
    description:
      'Can create and manage the authentication methods policy, tenant-wide MFA settings, password protection policy, and verifiable credentials.',
    actions: [...std('organization', 'strongAuthentication/allTasks')],
  },
  {
    templateId: 'fdd7a751-b60b-444a-984c-02652fe8fa1c',
    displayName: 'Groups Administrator',
    description:
      'Members of this role can create/manage groups, create/manage groups settings like naming and expiration policies, and view groups activity and audit reports.',
    actions: [
      ...std('groups', 'create', 'delete', 'basic/update', 'members/update', 'owners/update'),
    ],
  },
  {
    templateId: '29232cdf-9323-42fd-ade2-1d097af3e4de',
    displayName: 'Exchange Administrator',
    description: 'Can manage all aspects of the Exchange product.',
    actions: [
      ...std('groups.unified', 'create', 'delete', 'basic/update'),
      'microsoft.office365.exchange/allEntities/basic/allTasks',
    ],
  },
  {
    templateId: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c',
    displayName: 'SharePoint Administrator',
    description: 'Can manage all aspects of the SharePoint service.',
    actions: [
      ...std('groups.unified', 'create', 'delete'),
      'microsoft.office365.sharePoint/allEntities/allTasks',
    ],
  },
  {
    templateId: '69091246-20e8-4a56-aa4d-066075b2a7a8',
    displayName: 'Teams Administrator',
    description: 'Can manage the Microsoft Teams service.',
    actions: [
      ...std('groups.unified', 'create', 'delete'),
      'microsoft.teams/allEntities/allProperties/allTasks',
    ],
  },
  {
    templateId: '3a2c62db-5318-420d-8d74-23affee5d9d5',
    displayName: 'Intune Administrator',
    description: 'Can manage all aspects of the Intune product.',
    actions: [...std('devices', 'basic/update', 'delete'), 'microsoft.intune/allEntities/allTasks'],
  },
  {
    templateId: 'b0f54661-2d74-4c50-afa3-1ec803f12efe',
    displayName: 'Billing Administrator',
    description: 'Can perform common billing related tasks like updating payment information.',
    actions: [
      ...std('organization', 'basic/update'),
      'microsoft.commerce.billing/allEntities/allProperties/allTasks',
    ],
  },
  {
    templateId: '4d6ac14f-3453-41d0-bef9-a3e0c569773a',
    displayName: 'License Administrator',
    description: 'Can manage product licenses on users and groups.',
    actions: [
      ...std('users', 'assignLicense', 'usageLocation/update'),
      ...std('groups', 'assignLicense'),
    ],
  },
  {
    templateId: '966707d0-3269-4727-9be2-8c3a10f19b9d',
    displayName: 'Password Administrator',
    description: 'Can reset passwords for non-administrators and Password Administrators.',
    actions: [...std('users', 'password/update')],
    privileged: true,
  },
  {
    templateId: '4a5d8f65-41da-4de4-8968-e035b65339cf',
    displayName: 'Reports Reader',
    description: 'Can read sign-in and audit reports.',
    actions: [
      ...std('auditLogs', 'allProperties/read'),
      ...std('signInReports', 'allProperties/read'),
    ],
  },
  {
    templateId: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
    displayName: 'Directory Readers',
    description:
      'Can read basic directory information. Commonly used to grant directory read access to applications and guests.',
    actions: [...std('users', 'standard/read'), ...std('groups', 'standard/read')],
  },
  {
    templateId: '9360feb5-f418-4baa-8175-e2a00bac4301',
    displayName: 'Directory Writers',
    description:
      'Can read and write basic directory information. For granting access to applications, not intended for users.',
    actions: [
      ...std('users', 'create', 'basic/update'),
      ...std('groups', 'create', 'basic/update'),
    ],
    privileged: true,
  },
  {
    templateId: '95e79109-95c0-4d8e-aee3-d01accf2d47b',
    displayName: 'Guest Inviter',
    description: 'Can invite guest users independent of the members can invite guests setting.',
    actions: [...std('users', 'inviteGuest')],
  },
  {
    templateId: '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2',
    displayName: 'Hybrid Identity Administrator',
    description:
      'Can manage Active Directory to Microsoft Entra cloud provisioning, Microsoft Entra Connect, and federation settings.',
    actions: [...std('hybridAuthenticationPolicy', 'allProperties/allTasks')],
    privileged: true,
  },
  {
    templateId: 'f023fd81-a637-4b56-95fd-791ac0226033',
    displayName: 'Service Support Administrator',
    description: 'Can read service health information and manage support tickets.',
    actions: [
      'microsoft.office365.serviceHealth/allEntities/allTasks',
      'microsoft.office365.supportTickets/allEntities/allTasks',
    ],
  },
  {
    templateId: '9f06204d-73c1-4d4c-880a-6edb90606fd8',
    displayName: 'Microsoft Entra Joined Device Local Administrator',
    description:
      'Users assigned to this role are added to the local administrators group on Microsoft Entra joined devices.',
    actions: [...std('groupSettings', 'standard/read')],
  },
  {
    templateId: '7698a772-787b-4ac8-901f-60d6b08affd2',
    displayName: 'Cloud Device Administrator',
    description: 'Limited access to manage devices in Microsoft Entra ID.',
    actions: [...std('devices', 'delete', 'disable', 'enable')],
    privileged: true,
  },
  {
    templateId: 'be2f45a1-457d-42af-a067-6ec1fa63bc45',
    displayName: 'External Identity Provider Administrator',
    description: 'Can configure identity providers for use in direct federation.',
    actions: [
      ...std('domains', 'federation/update'),
      ...std('identityProviders', 'allProperties/allTasks'),
    ],
    privileged: true,
  },
  {
    templateId: '11648597-926c-4cf3-9c36-bcebb0ba8dcc',
    displayName: 'Power Platform Administrator',
    description:
      'Can create and manage all aspects of Microsoft Dynamics 365, Power Apps and Power Automate.',
    actions: [
      'microsoft.powerApps/allEntities/allTasks',
      'microsoft.dynamics365/allEntities/allTasks',
    ],
  },
  {
    templateId: '17315797-102d-40b4-93e0-432062caca18',
    displayName: 'Compliance Administrator',
    description:
      'Can read and manage compliance configuration and reports in Microsoft Entra ID and Microsoft 365.',
    actions: ['microsoft.office365.complianceManager/allEntities/allTasks'],
  },
  {
    templateId: '790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b',
    displayName: 'Message Center Reader',
    description: 'Can read messages and updates for their organization in Message Center only.',
    actions: ['microsoft.office365.messageCenter/messages/read'],
  },
  {
    templateId: USER_ROLE_TEMPLATE,
    displayName: 'User',
    description: 'Default role for member users. Can read all and write limited user information.',
    actions: [...std('users', 'standard/read'), ...std('groups', 'standard/read')],
  },
  {
    templateId: GUEST_USER_ROLE_TEMPLATE,
    displayName: 'Guest User',
    description: 'Default role for guest users. Can read a limited set of directory information.',
    actions: [...std('users', 'basic/read')],
  },
];

/** Roles that are never activated as directoryRoles with members (implicit default roles). */
export const IMPLICIT_ROLES = new Set([USER_ROLE_TEMPLATE, GUEST_USER_ROLE_TEMPLATE]);

export const MICROSOFT_TENANT_ID = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

export interface WellKnownPermission {
  id: string;
  value: string;
  displayName: string;
}

/** Microsoft Graph application permissions (appRoles) with their real ids. */
export const GRAPH_APP_ROLES: readonly WellKnownPermission[] = [
  {
    id: 'df021288-bdef-4463-88db-98f22de89214',
    value: 'User.Read.All',
    displayName: "Read all users' full profiles",
  },
  {
    id: '741f803b-c850-494e-b5df-cde7c675a1ca',
    value: 'User.ReadWrite.All',
    displayName: "Read and write all users' full profiles",
  },
  {
    id: '5b567255-7703-4780-807c-7be8301ae99b',
    value: 'Group.Read.All',
    displayName: 'Read all groups',
  },
  {
    id: '62a82d76-70ea-41e2-9197-370581804d09',
    value: 'Group.ReadWrite.All',
    displayName: 'Read and write all groups',
  },
  {
    id: '98830695-27a2-44f7-8c18-0c3ebc9698f6',
    value: 'GroupMember.Read.All',
    displayName: 'Read all group memberships',
  },
  {
    id: '7ab1d382-f21e-4acd-a863-ba3e13f7da61',
    value: 'Directory.Read.All',
    displayName: 'Read directory data',
  },
  {
    id: '9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30',
    value: 'Application.Read.All',
    displayName: 'Read all applications',
  },
  {
    id: '1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9',
    value: 'Application.ReadWrite.All',
    displayName: 'Read and write all applications',
  },
  {
    id: '246dd0d5-5bd0-4def-940b-0421030a5b68',
    value: 'Policy.Read.All',
    displayName: "Read your organization's policies",
  },
  {
    id: '483bed4a-2ad3-4361-a73b-c83ccdbdc53c',
    value: 'RoleManagement.Read.Directory',
    displayName: 'Read all directory RBAC settings',
  },
  {
    id: 'b0afded3-3588-46d8-8b3d-9842eff778da',
    value: 'AuditLog.Read.All',
    displayName: 'Read all audit log data',
  },
  {
    id: 'b633e1c5-b582-4048-a93e-9f11b44c7e96',
    value: 'Mail.Send',
    displayName: 'Send mail as any user',
  },
  {
    id: '810c84a8-4a9e-49e6-bf7d-12d183f40d01',
    value: 'Mail.Read',
    displayName: 'Read mail in all mailboxes',
  },
  {
    id: '01d4889c-1287-42c6-ac1f-5d1e02578ef6',
    value: 'Files.Read.All',
    displayName: 'Read files in all site collections',
  },
  {
    id: '332a536c-c7ef-4017-ab91-336970924f0d',
    value: 'Sites.Read.All',
    displayName: 'Read items in all site collections',
  },
  {
    id: '798ee544-9d2d-430c-a058-570e29e34338',
    value: 'Calendars.Read',
    displayName: 'Read calendars in all mailboxes',
  },
  {
    id: '134fd756-38ce-4afd-ba33-e9623dbe66c2',
    value: 'AdministrativeUnit.Read.All',
    displayName: 'Read all administrative units',
  },
  {
    id: '8e3bc81b-d2f3-4b7b-838c-32c88218d2f0',
    value: 'Policy.Read.AuthenticationMethod',
    displayName: 'Read all authentication method policies',
  },
];

/**
 * entra-backup's own app as every generated tenant has it: a service principal (no application
 * object, as for the recommended multi-tenant app or a managed identity, whose application lives
 * outside the tenant) with admin consent for the reads of the 13 core modules only. Newer
 * modules' reads (EntitlementManagement.Read.All, …) and every write permission are not granted,
 * so a permission report for all modules has something missing. The appId is made up and fixed.
 */
export const ENTRA_BACKUP_APP_ID = 'eb0b4c4b-0000-4000-8000-00000000eb01';
export const ENTRA_BACKUP_PUBLISHER_TENANT_ID = 'eb0b4c4b-0000-4000-8000-0000000000a1';
export const ENTRA_BACKUP_APP_NAME = 'entra-backup';
export const ENTRA_BACKUP_GRANTED_PERMISSIONS: readonly string[] = [
  'AdministrativeUnit.Read.All',
  'Application.Read.All',
  'Directory.Read.All',
  'Group.Read.All',
  'Policy.Read.All',
  'Policy.Read.AuthenticationMethod',
  'RoleManagement.Read.Directory',
  'User.Read.All',
];

/** Microsoft Graph delegated permissions (oauth2PermissionScopes) with their real ids. */
export const GRAPH_SCOPES: readonly WellKnownPermission[] = [
  {
    id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d',
    value: 'User.Read',
    displayName: 'Sign in and read user profile',
  },
  { id: '37f7f235-527c-4136-accd-4a02d197296e', value: 'openid', displayName: 'Sign users in' },
  {
    id: '14dad69e-099b-42c9-810b-d002981feec1',
    value: 'profile',
    displayName: "View users' basic profile",
  },
  {
    id: '64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0',
    value: 'email',
    displayName: "View users' email address",
  },
  {
    id: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182',
    value: 'offline_access',
    displayName: 'Maintain access to data you have given it access to',
  },
  { id: '570282fd-fa5c-430d-a7fd-fc8dc98a9dca', value: 'Mail.Read', displayName: 'Read user mail' },
  {
    id: '465a38f9-76ea-45b9-9f34-9e8b0d4b0b42',
    value: 'Calendars.Read',
    displayName: 'Read user calendars',
  },
  {
    id: 'df85f4d6-205c-4ac5-a5ea-6bf408dba283',
    value: 'Files.Read.All',
    displayName: 'Read all files that user can access',
  },
  {
    id: '5f8c59db-677d-491f-a6b8-5f174b11ec1d',
    value: 'Group.Read.All',
    displayName: 'Read all groups',
  },
  {
    id: '06da0dbc-49e2-44d2-8312-53f166ab848a',
    value: 'Directory.Read.All',
    displayName: 'Read directory data',
  },
];

export interface FirstPartyApp {
  appId: string;
  displayName: string;
  servicePrincipalNames: string[];
}

/** Microsoft first-party applications whose service principals exist in (nearly) every tenant. */
export const FIRST_PARTY_APPS: readonly FirstPartyApp[] = [
  {
    appId: MICROSOFT_GRAPH_APP_ID,
    displayName: 'Microsoft Graph',
    servicePrincipalNames: [
      'https://graph.microsoft.com',
      'https://graph.microsoft.com/',
      'https://canary.graph.microsoft.com',
      'https://ags.windows.net',
      MICROSOFT_GRAPH_APP_ID,
    ],
  },
  {
    appId: '00000002-0000-0ff1-ce00-000000000000',
    displayName: 'Office 365 Exchange Online',
    servicePrincipalNames: [
      'https://outlook.office365.com/',
      'https://outlook.office.com',
      '00000002-0000-0ff1-ce00-000000000000',
    ],
  },
  {
    appId: '00000003-0000-0ff1-ce00-000000000000',
    displayName: 'Office 365 SharePoint Online',
    servicePrincipalNames: [
      'https://microsoft.sharepoint-df.com',
      '00000003-0000-0ff1-ce00-000000000000',
    ],
  },
  {
    appId: '00000002-0000-0000-c000-000000000000',
    displayName: 'Windows Azure Active Directory',
    servicePrincipalNames: ['https://graph.windows.net', '00000002-0000-0000-c000-000000000000'],
  },
  {
    appId: 'c5393580-f805-4401-95e8-94b7a6ef2fc2',
    displayName: 'Office 365 Management APIs',
    servicePrincipalNames: ['https://manage.office.com', 'c5393580-f805-4401-95e8-94b7a6ef2fc2'],
  },
  {
    appId: '0000000a-0000-0000-c000-000000000000',
    displayName: 'Microsoft Intune',
    servicePrincipalNames: [
      'https://intune.microsoft.com/',
      '0000000a-0000-0000-c000-000000000000',
    ],
  },
  {
    appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
    displayName: 'Azure Portal',
    servicePrincipalNames: ['https://portal.azure.com/', 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c'],
  },
  {
    appId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
    displayName: 'Microsoft Azure CLI',
    servicePrincipalNames: ['04b07795-8ddb-461a-bbee-02f9e1bf7b46'],
  },
  {
    appId: '1950a258-227b-4e31-a9cf-717495945fc2',
    displayName: 'Microsoft Azure PowerShell',
    servicePrincipalNames: [
      'https://management.core.windows.net/',
      '1950a258-227b-4e31-a9cf-717495945fc2',
    ],
  },
  {
    appId: 'de8bc8b5-d9f9-48b1-a8ad-b748da725064',
    displayName: 'Graph Explorer',
    servicePrincipalNames: [
      'https://developer.microsoft.com/en-us/graph/graph-explorer',
      'de8bc8b5-d9f9-48b1-a8ad-b748da725064',
    ],
  },
  {
    appId: '797f4846-ba00-4fd7-ba43-dac1f8f63013',
    displayName: 'Windows Azure Service Management API',
    servicePrincipalNames: [
      'https://management.azure.com/',
      'https://management.core.windows.net/',
      '797f4846-ba00-4fd7-ba43-dac1f8f63013',
    ],
  },
  {
    appId: 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe',
    displayName: 'Microsoft Teams Services',
    servicePrincipalNames: ['https://api.spaces.skype.com', 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe'],
  },
];

/** Literals Graph accepts in place of ids in conditional access conditions. */
export const CA_USER_LITERALS = ['All', 'None', 'GuestsOrExternalUsers'] as const;
export const CA_APPLICATION_LITERALS = [
  'All',
  'None',
  'Office365',
  'MicrosoftAdminPortals',
] as const;
export const CA_LOCATION_LITERALS = ['All', 'AllTrusted'] as const;
/** Literal targets in the authentication methods policy. */
export const AUTH_METHOD_TARGET_LITERALS = ['all_users'] as const;

/**
 * A group deleted long before any backup that the demo tenant's Exchange Online policy still
 * names: Graph keeps such ids in conditional access policies (Microsoft365DSC #4975, DCToolbox
 * #12). The integrity check expects this one id not to resolve.
 */
export const DANGLING_GROUP_ID = '6f1a5b2c-9d3e-4c71-8a0b-2e5d7c9f4a13';
