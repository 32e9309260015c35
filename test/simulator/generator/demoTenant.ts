import type { GraphObject, TenantState } from '../tenantState';
import { buildApplication, markApplicationDeleted } from './builders/application';
import {
  type AssignmentPrincipal,
  buildAdministrativeUnit,
  buildAppRoleAssignment,
  buildExtensionProperty,
  buildFederatedIdentityCredential,
  buildOAuth2PermissionGrant,
} from './builders/directoryObjects';
import { buildFirstPartyServicePrincipals } from './builders/firstParty';
import { buildGroup, type GroupInput, markGroupDeleted } from './builders/group';
import {
  buildAuthenticationMethodsPolicy,
  buildAuthorizationPolicy,
  buildConditionalAccessPolicy,
  buildCountryNamedLocation,
  buildIpNamedLocation,
  buildOrganization,
} from './builders/policies';
import {
  buildBuiltInRoleDefinition,
  buildCustomRoleDefinition,
  buildDirectoryRole,
  buildDirectoryRoleTemplate,
  buildRoleAssignment,
} from './builders/roles';
import { buildServicePrincipal, servicePrincipalForApplication } from './builders/servicePrincipal';
import { buildUser, markUserDeleted } from './builders/user';
import { type GenContext, pastTimestamp } from './context';
import { emptyTenant } from './emptyTenant';
import { SERVICE_PLANS, SKUS } from './licenses';
import { OFFICES } from './names';
import { Prng } from './prng';
import {
  BUILT_IN_ROLES,
  DANGLING_GROUP_ID,
  FIRST_PARTY_APPS,
  GRAPH_APP_ROLES,
  GRAPH_SCOPES,
  MICROSOFT_GRAPH_APP_ID,
} from './wellKnown';

const [REDMOND, , LONDON] = OFFICES;

/** [givenName, surname, jobTitle, department, office, manager index or -1] */
type Person = [string, string, string, string, typeof REDMOND, number];
const PEOPLE: Person[] = [
  ['Megan', 'Bowen', 'Chief Executive Officer', 'Executive', REDMOND, -1],
  ['Alex', 'Wilber', 'Chief Financial Officer', 'Finance', REDMOND, 0],
  ['Patti', 'Fernandez', 'Chief Technology Officer', 'Engineering', REDMOND, 0],
  ['Lynne', 'Robbins', 'VP Sales', 'Sales', REDMOND, 0],
  ['Isaiah', 'Langer', 'IT Director', 'IT', REDMOND, 2],
  ['Diego', 'Siciliani', 'Finance Manager', 'Finance', REDMOND, 1],
  ['Johanna', 'Lorenz', 'Engineering Manager', 'Engineering', LONDON, 2],
  ['Nestor', 'Wilke', 'Sales Manager', 'Sales', REDMOND, 3],
  ['Grady', 'Archie', 'Security Engineer', 'IT', REDMOND, 4],
  ['Henrietta', 'Mueller', 'Helpdesk Technician', 'IT', REDMOND, 4],
  ['Lee', 'Gu', 'Accountant', 'Finance', REDMOND, 5],
  ['Lidia', 'Holloway', 'Payroll Specialist', 'Finance', REDMOND, 5],
  ['Pradeep', 'Gupta', 'Software Engineer', 'Engineering', LONDON, 6],
  ['Miriam', 'Graham', 'Software Engineer', 'Engineering', LONDON, 6],
  ['Joni', 'Sherman', 'DevOps Engineer', 'Engineering', LONDON, 6],
  ['Irvin', 'Sayers', 'Account Executive', 'Sales', REDMOND, 7],
  ['Christie', 'Cline', 'Account Executive', 'Sales', REDMOND, 7],
  ['Adele', 'Vance', 'Sales Representative', 'Sales', REDMOND, 7],
  ['Allan', 'Deyoung', 'HR Director', 'Human Resources', REDMOND, 0],
  ['Debra', 'Berger', 'HR Specialist', 'Human Resources', REDMOND, 18],
  ['Enrico', 'Cattaneo', 'Contractor', 'Engineering', LONDON, 6],
];

/**
 * The demo tenant: Contoso, ~25 people with an org chart, the groups, apps, roles and policies a
 * small company really has, wired so a backup/restore demo has something to show at every step
 * (a break-glass group excluded from "Require MFA for all users", apps with owners, federated
 * credentials and extension properties, app role assignments, named locations used by policies…).
 */
export function generateDemoTenant(ctx: GenContext, seed: number): TenantState {
  const rng = Prng.forStream(seed, 'demo');
  const t = emptyTenant(ctx.tenantId);
  const c = t.collections;
  const rel = t.relationships;

  // People
  const people = PEOPLE.map(([givenName, surname, jobTitle, department, office], i) =>
    buildUser(ctx, rng, {
      givenName,
      surname,
      alias: `${givenName}${surname[0]}`.toLowerCase(),
      jobTitle,
      department,
      office,
      employeeId: String(1000 + i),
      skuIds: i === 20 ? [] : [i < 5 ? SKUS.microsoft365E5 : SKUS.microsoft365E3],
      accountEnabled: i !== 20,
    }),
  );
  const [
    megan,
    alex,
    patti,
    lynne,
    isaiah,
    diego,
    johanna,
    nestor,
    grady,
    henrietta,
    ,
    ,
    pradeep,
    miriam,
    joni,
    irvin,
    christie,
    adele,
    allan,
    debra,
    enrico,
  ] = people;
  PEOPLE.forEach((p, i) => {
    if (p[5] >= 0) rel.userManager[people[i].id] = people[p[5]].id;
  });
  const breakGlass = [1, 2].map((n) =>
    buildUser(ctx, rng, {
      givenName: 'Emergency',
      surname: `Access ${n}`,
      displayName: `Emergency Access Account ${n}`,
      alias: `breakglass${n}`,
      upnDomain: ctx.initialDomain,
      jobTitle: null,
      department: null,
      office: null,
    }),
  );
  const kai = buildUser(ctx, rng, {
    givenName: 'Kai',
    surname: 'Nakamura',
    alias: 'kai',
    guestEmail: 'kai@fabrikam.com',
    jobTitle: null,
    department: null,
    office: null,
  });
  const sara = buildUser(ctx, rng, {
    givenName: 'Sara',
    surname: 'Costa',
    alias: 'sara.costa',
    guestEmail: 'sara.costa@northwindtraders.com',
    jobTitle: null,
    department: null,
    office: null,
  });
  c.users.push(...people, ...breakGlass, kai, sara);
  t.deleted.users.push(
    markUserDeleted(
      buildUser(ctx, rng, {
        givenName: 'Ben',
        surname: 'Walters',
        alias: 'benw',
        jobTitle: 'Sales Representative',
        department: 'Sales',
        office: REDMOND,
        employeeId: '0999',
      }),
      pastTimestamp(rng, 10, 2),
    ),
  );

  // Groups
  const ids = (...objects: GraphObject[]): string[] => objects.map((o) => o.id);
  const group = (
    input: Omit<GroupInput, 'mailNickname'> & { mailNickname?: string },
    members: GraphObject[],
    owners: GraphObject[],
  ): GraphObject => {
    const g = buildGroup(ctx, rng, {
      ...input,
      mailNickname:
        input.mailNickname ?? input.displayName.toLowerCase().replace(/[^a-z0-9]+/g, ''),
    });
    c.groups.push(g);
    rel.groupMembers[g.id] = ids(...members);
    if (owners.length > 0) rel.groupOwners[g.id] = ids(...owners);
    return g;
  };
  const enabledMembers = [...people.filter((p) => p.accountEnabled === true), ...breakGlass];
  const allEmployees = group(
    {
      kind: 'dynamicSecurity',
      displayName: 'All Employees',
      description: 'Every enabled member account.',
      membershipRule: '(user.userType -eq "Member") and (user.accountEnabled -eq true)',
    },
    enabledMembers,
    [],
  );
  const salesTeam = group(
    {
      kind: 'microsoft365',
      displayName: 'Sales Team',
      description: 'Sales team collaboration space.',
      visibility: 'Private',
    },
    [lynne, nestor, irvin, christie, adele, kai],
    [lynne],
  );
  const engineering = group(
    { kind: 'security', displayName: 'Engineering', description: 'Engineering staff.' },
    [patti, johanna, pradeep, miriam, joni, enrico],
    [johanna],
  );
  const financeTeam = group(
    { kind: 'microsoft365', displayName: 'Finance Team', description: 'Finance and payroll.' },
    [alex, diego, people[10], people[11]],
    [alex],
  );
  const itAdmins = group(
    {
      kind: 'roleAssignable',
      displayName: 'IT Admins',
      description: 'IT administrators; holds the Security Reader role.',
    },
    [isaiah, grady],
    [isaiah],
  );
  const breakGlassAdmins = group(
    {
      kind: 'roleAssignable',
      displayName: 'Break Glass Admins',
      description: 'Emergency access accounts. Excluded from every conditional access policy.',
    },
    breakGlass,
    [isaiah],
  );
  const managers = group(
    {
      kind: 'security',
      displayName: 'People Managers',
      description: 'Everyone with direct reports.',
    },
    [megan, alex, patti, lynne, isaiah, diego, johanna, nestor, allan],
    [allan],
  );
  const passwordless = group(
    {
      kind: 'security',
      displayName: 'Passwordless Pilot',
      description: 'Early adopters of FIDO2 security keys.',
    },
    [isaiah, grady, joni, pradeep],
    [grady],
  );
  group(
    {
      kind: 'distribution',
      displayName: 'Contoso Announcements',
      description: 'Company-wide announcements.',
      mailNickname: 'announcements',
    },
    [allEmployees],
    [megan],
  );
  const hrPortalUsers = group(
    {
      kind: 'security',
      displayName: 'HR Portal Users',
      description: 'May sign in to the HR portal.',
    },
    [allan, debra, managers],
    [allan],
  );
  group(
    {
      kind: 'dynamicSecurity',
      displayName: 'Guests',
      description: 'All guest accounts.',
      membershipRule: '(user.userType -eq "Guest")',
    },
    [kai, sara],
    [],
  );
  group(
    {
      kind: 'microsoft365',
      displayName: 'Project Falcon',
      description: 'Falcon launch team (with partners).',
      visibility: 'Public',
    },
    [patti, miriam, pradeep, christie, sara],
    [patti, miriam],
  );
  t.deleted.groups.push(
    markGroupDeleted(
      buildGroup(ctx, rng, {
        kind: 'microsoft365',
        displayName: 'Project Orion',
        description: 'Cancelled project.',
        mailNickname: 'projectorion',
      }),
      pastTimestamp(rng, 20, 5),
    ),
  );

  // Applications and service principals
  const graphRole = (value: string): string => GRAPH_APP_ROLES.find((r) => r.value === value)!.id;
  const graphScope = (value: string): string => GRAPH_SCOPES.find((s) => s.value === value)!.id;
  const hrPortal = buildApplication(ctx, rng, {
    displayName: 'Contoso HR Portal',
    description: 'Employee self-service for HR.',
    web: {
      homePageUrl: 'https://hr.contoso.com/',
      redirectUris: ['https://hr.contoso.com/signin-oidc'],
    },
    api: {
      appRoles: [
        {
          value: 'HR.Admin',
          displayName: 'HR administrator',
          description: 'Manage employee records.',
          allowedMemberTypes: ['User'],
        },
        {
          value: 'HR.Reader',
          displayName: 'HR reader',
          description: 'Read your own employee record.',
          allowedMemberTypes: ['User'],
        },
      ],
      scopes: [],
    },
    requiredResourceAccess: [
      {
        resourceAppId: MICROSOFT_GRAPH_APP_ID,
        scopeIds: [graphScope('openid'), graphScope('profile'), graphScope('User.Read')],
        roleIds: [graphRole('Mail.Send')],
      },
    ],
    secrets: 1,
  });
  const expenseApi = buildApplication(ctx, rng, {
    displayName: 'Contoso Expense API',
    description: 'Expense claims and approvals.',
    api: {
      appRoles: [
        {
          value: 'Expenses.Read.All',
          displayName: 'Read all expenses',
          description: 'Daemons may read all expense claims.',
          allowedMemberTypes: ['Application'],
        },
        {
          value: 'Expenses.Approver',
          displayName: 'Expense approver',
          description: 'Approve expense claims.',
          allowedMemberTypes: ['User'],
        },
      ],
      scopes: [{ value: 'access_as_user', displayName: 'Access the expense API' }],
    },
    requiredResourceAccess: [
      { resourceAppId: MICROSOFT_GRAPH_APP_ID, scopeIds: [graphScope('User.Read')], roleIds: [] },
    ],
    certificates: 1,
  });
  // The HR portal calls the expense API on behalf of users.
  (hrPortal.requiredResourceAccess as unknown[]).push({
    resourceAppId: expenseApi.appId,
    resourceAccess: [
      {
        id: (expenseApi.api as { oauth2PermissionScopes: Array<{ id: string }> })
          .oauth2PermissionScopes[0].id,
        type: 'Scope',
      },
    ],
  });
  const expenseReadAll = (expenseApi.appRoles as Array<{ id: string }>)[0].id;
  const deployer = buildApplication(ctx, rng, {
    displayName: 'GitHub Actions Deployer',
    description: 'Deploys the expense API from GitHub Actions (no secrets: federated credentials).',
    requiredResourceAccess: [
      { resourceAppId: String(expenseApi.appId), scopeIds: [], roleIds: [expenseReadAll] },
    ],
  });
  const dirSync = buildApplication(ctx, rng, {
    displayName: 'Contoso Directory Sync',
    description: 'Syncs badge numbers and cost centres into the directory.',
    requiredResourceAccess: [
      {
        resourceAppId: MICROSOFT_GRAPH_APP_ID,
        scopeIds: [],
        roleIds: [graphRole('User.Read.All'), graphRole('Group.Read.All')],
      },
    ],
    certificates: 1,
    notes: 'Runs every night in AKS.',
  });
  const mobile = buildApplication(ctx, rng, {
    displayName: 'Contoso Mobile',
    publicClientRedirectUris: ['msauth.com.contoso.mobile://auth'],
    requiredResourceAccess: [
      {
        resourceAppId: MICROSOFT_GRAPH_APP_ID,
        scopeIds: [graphScope('User.Read'), graphScope('offline_access')],
        roleIds: [],
      },
    ],
  });
  c.applications.push(hrPortal, expenseApi, deployer, dirSync, mobile);
  rel.applicationOwners[hrPortal.id] = ids(isaiah, allan);
  rel.applicationOwners[expenseApi.id] = ids(alex, johanna);
  rel.applicationOwners[deployer.id] = ids(joni);
  rel.applicationOwners[dirSync.id] = ids(isaiah);
  rel.applicationOwners[mobile.id] = ids(pradeep);
  t.children.federatedIdentityCredentials[deployer.id] = [
    buildFederatedIdentityCredential(rng, {
      name: 'github-production',
      issuer: 'https://token.actions.githubusercontent.com',
      subject: 'repo:contoso/expense-api:environment:Production',
      description: 'Production deployments',
    }),
    buildFederatedIdentityCredential(rng, {
      name: 'github-main',
      issuer: 'https://token.actions.githubusercontent.com',
      subject: 'repo:contoso/expense-api:ref:refs/heads/main',
      description: null,
    }),
  ];
  t.children.federatedIdentityCredentials[dirSync.id] = [
    buildFederatedIdentityCredential(rng, {
      name: 'aks-dirsync',
      issuer: `https://westeurope.oic.prod-aks.azure.com/${ctx.tenantId}/${rng.guid()}/`,
      subject: 'system:serviceaccount:identity:dirsync',
      description: 'AKS workload identity',
    }),
  ];
  t.children.extensionProperties[dirSync.id] = [
    buildExtensionProperty(rng, dirSync, {
      name: 'badgeNumber',
      dataType: 'String',
      targetObjects: ['User'],
    }),
    buildExtensionProperty(rng, dirSync, {
      name: 'costCenter',
      dataType: 'String',
      targetObjects: ['User', 'Group'],
    }),
  ];
  t.deleted.applications.push(
    markApplicationDeleted(
      buildApplication(ctx, rng, {
        displayName: 'Old Timesheet App',
        web: {
          homePageUrl: 'https://timesheets.contoso.com/',
          redirectUris: ['https://timesheets.contoso.com/auth'],
        },
        secrets: 1,
      }),
      pastTimestamp(rng, 25, 3),
    ),
  );

  const firstParty = buildFirstPartyServicePrincipals(ctx, rng);
  const graphSp = firstParty.find((sp) => sp.appId === MICROSOFT_GRAPH_APP_ID)!;
  const [hrSp, expenseSp, deployerSp, dirSyncSp] = [hrPortal, expenseApi, deployer, dirSync].map(
    (app) => servicePrincipalForApplication(ctx, rng, app),
  );
  const zoomAppId = rng.guid();
  const zoomRoleId = rng.guid();
  const zoomSp = buildServicePrincipal(ctx, rng, {
    appId: zoomAppId,
    displayName: 'Zoom',
    appOwnerOrganizationId: rng.guid(),
    servicePrincipalNames: [zoomAppId, 'https://zoom.example.com/sso'],
    appRoles: [
      {
        allowedMemberTypes: ['User'],
        description: 'Zoom user.',
        displayName: 'User',
        id: zoomRoleId,
        isEnabled: true,
        origin: 'Application',
        value: 'User',
      },
    ],
    oauth2PermissionScopes: [],
    signInAudience: 'AzureADMultipleOrgs',
    appRoleAssignmentRequired: true,
    homepage: 'https://zoom.example.com/',
    publisherName: 'Zoom',
  });
  c.servicePrincipals.push(...firstParty, hrSp, expenseSp, deployerSp, dirSyncSp, zoomSp);
  rel.servicePrincipalOwners[hrSp.id] = ids(isaiah);
  rel.servicePrincipalOwners[zoomSp.id] = ids(lynne);

  // App role assignments
  const roleId = (sp: GraphObject, value: string): string =>
    (sp.appRoles as Array<{ id: string; value: string }>).find((r) => r.value === value)!.id;
  const as = (o: GraphObject, type: AssignmentPrincipal['type']): AssignmentPrincipal => ({
    id: o.id,
    displayName: String(o.displayName),
    type,
  });
  const assign = (
    principal: AssignmentPrincipal,
    resource: GraphObject,
    appRoleId: string,
  ): void => {
    c.appRoleAssignments.push(buildAppRoleAssignment(rng, principal, resource, appRoleId));
  };
  assign(as(allan, 'User'), hrSp, roleId(hrSp, 'HR.Admin'));
  assign(as(debra, 'User'), hrSp, roleId(hrSp, 'HR.Admin'));
  assign(as(hrPortalUsers, 'Group'), hrSp, roleId(hrSp, 'HR.Reader'));
  assign(as(allEmployees, 'Group'), hrSp, roleId(hrSp, 'HR.Reader'));
  assign(as(alex, 'User'), expenseSp, roleId(expenseSp, 'Expenses.Approver'));
  assign(as(diego, 'User'), expenseSp, roleId(expenseSp, 'Expenses.Approver'));
  assign(as(financeTeam, 'Group'), expenseSp, roleId(expenseSp, 'Expenses.Approver'));
  assign(as(deployerSp, 'ServicePrincipal'), expenseSp, roleId(expenseSp, 'Expenses.Read.All'));
  assign(as(dirSyncSp, 'ServicePrincipal'), graphSp, graphRole('User.Read.All'));
  assign(as(dirSyncSp, 'ServicePrincipal'), graphSp, graphRole('Group.Read.All'));
  assign(as(hrSp, 'ServicePrincipal'), graphSp, graphRole('Mail.Send'));
  assign(as(salesTeam, 'Group'), zoomSp, zoomRoleId);
  assign(as(megan, 'User'), zoomSp, zoomRoleId);
  assign(as(lynne, 'User'), zoomSp, zoomRoleId);

  // Delegated consents
  c.oauth2PermissionGrants.push(
    buildOAuth2PermissionGrant(rng, {
      clientId: hrSp.id,
      resourceId: graphSp.id,
      principalId: null,
      scope: 'openid profile User.Read',
    }),
    buildOAuth2PermissionGrant(rng, {
      clientId: hrSp.id,
      resourceId: expenseSp.id,
      principalId: null,
      scope: 'access_as_user',
    }),
    buildOAuth2PermissionGrant(rng, {
      clientId: expenseSp.id,
      resourceId: graphSp.id,
      principalId: null,
      scope: 'User.Read',
    }),
    buildOAuth2PermissionGrant(rng, {
      clientId: zoomSp.id,
      resourceId: graphSp.id,
      principalId: megan.id,
      scope: 'openid profile email offline_access User.Read',
    }),
  );

  // Administrative units
  const seattleAu = buildAdministrativeUnit(
    rng,
    'Seattle Office',
    'Staff based at the Redmond headquarters.',
    false,
  );
  const londonAu = buildAdministrativeUnit(rng, 'London Office', 'Staff based in London.', false);
  c.administrativeUnits.push(seattleAu, londonAu);
  rel.administrativeUnitMembers[seattleAu.id] = ids(
    megan,
    alex,
    patti,
    lynne,
    isaiah,
    grady,
    henrietta,
  );
  rel.administrativeUnitMembers[londonAu.id] = ids(
    johanna,
    pradeep,
    miriam,
    joni,
    enrico,
    engineering,
  );

  // Roles
  for (const role of BUILT_IN_ROLES) {
    c.directoryRoleTemplates.push(buildDirectoryRoleTemplate(role));
    c.roleDefinitions.push(buildBuiltInRoleDefinition(role));
  }
  const expenseManager = buildCustomRoleDefinition(
    rng,
    'Contoso Expense App Manager',
    'Manage the Contoso Expense API registration: properties, credentials and owners.',
    [
      'microsoft.directory/applications/basic/update',
      'microsoft.directory/applications/credentials/update',
      'microsoft.directory/applications/owners/update',
    ],
  );
  c.roleDefinitions.push(expenseManager);
  const template = (name: string) => BUILT_IN_ROLES.find((r) => r.displayName === name)!;
  const holders: Array<[string, GraphObject[]]> = [
    ['Global Administrator', [...breakGlass, isaiah]],
    ['Security Administrator', [grady]],
    ['Security Reader', [itAdmins]],
    ['Helpdesk Administrator', [henrietta]],
    ['User Administrator', [debra]],
    ['Directory Readers', [dirSyncSp]],
  ];
  for (const [name, principals] of holders) {
    const builtIn = template(name);
    const role = buildDirectoryRole(rng, builtIn);
    c.directoryRoles.push(role);
    rel.directoryRoleMembers[role.id] = ids(...principals);
    for (const p of principals)
      c.roleAssignments.push(buildRoleAssignment(rng, p.id, builtIn.templateId, '/', ctx.tenantId));
  }
  c.roleAssignments.push(
    buildRoleAssignment(
      rng,
      henrietta.id,
      template('Helpdesk Administrator').templateId,
      `/administrativeUnits/${londonAu.id}`,
      ctx.tenantId,
    ),
    buildRoleAssignment(rng, johanna.id, expenseManager.id, `/${expenseApi.id}`, ctx.tenantId),
  );

  // Named locations and conditional access
  const hq = buildIpNamedLocation(rng, 'Contoso HQ Redmond', ['203.0.113.0/24'], true);
  const londonOffice = buildIpNamedLocation(
    rng,
    'Contoso London Office',
    ['198.51.100.0/24', '2001:db8:1::/48'],
    true,
  );
  const blocked = buildCountryNamedLocation(
    rng,
    'Blocked Countries',
    ['KP', 'IR', 'SY', 'CU', 'RU'],
    false,
  );
  const travel = buildCountryNamedLocation(
    rng,
    'Allowed Travel Countries',
    ['US', 'GB', 'DE', 'CA'],
    false,
  );
  c.namedLocations.push(hq, londonOffice, blocked, travel);
  const excludeBreakGlass = [breakGlassAdmins.id];
  const privileged = BUILT_IN_ROLES.filter((r) => r.privileged).map((r) => r.templateId);
  c.conditionalAccessPolicies.push(
    buildConditionalAccessPolicy(rng, {
      displayName: 'Require MFA for all users',
      state: 'enabled',
      users: { includeUsers: ['All'], excludeGroups: excludeBreakGlass },
      applications: { includeApplications: ['All'] },
      grant: { operator: 'OR', builtInControls: ['mfa'] },
    }),
    buildConditionalAccessPolicy(rng, {
      displayName: 'Require MFA for administrators',
      state: 'enabled',
      users: { includeRoles: privileged, excludeGroups: excludeBreakGlass },
      applications: { includeApplications: ['All'] },
      grant: { operator: 'OR', builtInControls: ['mfa'] },
      signInFrequencyHours: 4,
    }),
    buildConditionalAccessPolicy(rng, {
      displayName: 'Block legacy authentication',
      state: 'enabled',
      users: { includeUsers: ['All'], excludeGroups: excludeBreakGlass },
      applications: { includeApplications: ['All'] },
      clientAppTypes: ['exchangeActiveSync', 'other'],
      grant: { operator: 'OR', builtInControls: ['block'] },
    }),
    buildConditionalAccessPolicy(rng, {
      displayName: 'Block access from blocked countries',
      state: 'enabled',
      users: { includeUsers: ['All'], excludeGroups: excludeBreakGlass },
      applications: { includeApplications: ['All'] },
      locations: { includeLocations: [blocked.id], excludeLocations: [] },
      grant: { operator: 'OR', builtInControls: ['block'] },
    }),
    buildConditionalAccessPolicy(rng, {
      displayName: 'Guests: require MFA and limit sessions',
      state: 'enabled',
      users: { includeUsers: ['GuestsOrExternalUsers'] },
      applications: { includeApplications: ['Office365'] },
      grant: { operator: 'OR', builtInControls: ['mfa'] },
      signInFrequencyHours: 12,
    }),
    buildConditionalAccessPolicy(rng, {
      displayName: 'HR Portal: trusted locations only',
      state: 'enabledForReportingButNotEnforced',
      users: { includeGroups: [hrPortalUsers.id], excludeUsers: [allan.id] },
      applications: { includeApplications: [String(hrPortal.appId)] },
      locations: {
        includeLocations: ['All'],
        excludeLocations: ['AllTrusted', hq.id, londonOffice.id],
      },
      grant: { operator: 'OR', builtInControls: ['block'] },
    }),
  );

  // Tenant-wide policies and the organization
  t.singletons.authenticationMethodsPolicy = buildAuthenticationMethodsPolicy(rng, {
    passwordlessGroupId: passwordless.id,
    tapGroupId: passwordless.id,
    smsExcludedGroupId: itAdmins.id,
    campaignGroupId: allEmployees.id,
  });
  t.singletons.authorizationPolicy = buildAuthorizationPolicy();
  c.organization.push(buildOrganization(ctx, rng, SERVICE_PLANS));

  // What real tenants hold and a clean story would not (a stream of its own, so the objects
  // above stay the same): a mail-enabled security group Exchange Online manages, and a policy
  // for Exchange Online (a first-party app id) still naming a group deleted long before any
  // backup (Graph keeps such ids in policies: Microsoft365DSC #4975, DCToolbox #12).
  const messy = Prng.forStream(seed, 'demoRealTenant');
  const financeAlerts = buildGroup(ctx, messy, {
    kind: 'mailEnabledSecurity',
    displayName: 'Finance Alerts',
    description: 'Mail-enabled security group for finance notifications (managed in Exchange).',
    mailNickname: 'financealerts',
  });
  c.groups.push(financeAlerts);
  rel.groupMembers[financeAlerts.id] = ids(alex, diego, people[10]);
  c.conditionalAccessPolicies.push(
    buildConditionalAccessPolicy(messy, {
      displayName: 'Exchange Online: require compliant device',
      state: 'enabled',
      users: {
        includeGroups: [financeAlerts.id, DANGLING_GROUP_ID],
        excludeGroups: excludeBreakGlass,
      },
      applications: {
        includeApplications: [
          FIRST_PARTY_APPS.find((app) => app.displayName === 'Office 365 Exchange Online')!.appId,
        ],
      },
      grant: { operator: 'OR', builtInControls: ['compliantDevice'] },
    }),
  );
  return t;
}
