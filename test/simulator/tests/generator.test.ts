import { createHash } from 'crypto';
import type { GraphObject, TenantState } from '../tenantState';
import {
  BUILT_IN_ROLES,
  checkTenantIntegrity,
  FIRST_PARTY_APPS,
  generateGroupSizes,
  generateTenant,
  GLOBAL_ADMINISTRATOR,
  MICROSOFT_GRAPH_APP_ID,
  PRESETS,
  type PresetName,
} from '../generator';
import { ENTRA_BACKUP_APP_OBJECTS } from '../generator/builders/entraBackupApp';
import { BUILT_IN_ROLE_TEMPLATES } from '../generator/builtInRoleTemplates';

const hash = (t: TenantState): string =>
  createHash('sha256').update(JSON.stringify(t)).digest('hex');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const demo = generateTenant({ preset: 'demo' });
const small = generateTenant({ preset: 'S' });

function countsOf(t: TenantState) {
  const c = t.collections;
  const flat = (m: Record<string, unknown[]>): number =>
    Object.values(m).reduce((n, l) => n + l.length, 0);
  return {
    users: c.users.length,
    groups: c.groups.length,
    applications: c.applications.length,
    servicePrincipals: c.servicePrincipals.length,
    appRoleAssignments: c.appRoleAssignments.length,
    oauth2PermissionGrants: c.oauth2PermissionGrants.length,
    conditionalAccessPolicies: c.conditionalAccessPolicies.length,
    namedLocations: c.namedLocations.length,
    administrativeUnits: c.administrativeUnits.length,
    customRoleDefinitions: c.roleDefinitions.filter((d) => d.isBuiltIn === false).length,
    directoryRoleMembers: flat(t.relationships.directoryRoleMembers),
    scopedRoleAssignments: c.roleAssignments.filter((a) => a.directoryScopeId !== '/').length,
    federatedIdentityCredentials: flat(t.children.federatedIdentityCredentials),
    extensionProperties: flat(t.children.extensionProperties),
    deletedUsers: t.deleted.users.length,
    deletedGroups: t.deleted.groups.length,
    deletedApplications: t.deleted.applications.length,
  };
}

function expectedCounts(preset: PresetName) {
  const {
    users,
    groups,
    applications,
    servicePrincipals,
    appRoleAssignments,
    oauth2PermissionGrants,
    conditionalAccessPolicies,
    namedLocations,
    administrativeUnits,
    customRoleDefinitions,
    directoryRoleMembers,
    scopedRoleAssignments,
    federatedIdentityCredentials,
    extensionProperties,
    deletedUsers,
    deletedGroups,
    deletedApplications,
  } = PRESETS[preset];
  // Every tenant also has entra-backup's own service principal and its Graph grants.
  return {
    users,
    groups,
    applications,
    servicePrincipals: servicePrincipals + ENTRA_BACKUP_APP_OBJECTS.servicePrincipals,
    appRoleAssignments: appRoleAssignments + ENTRA_BACKUP_APP_OBJECTS.appRoleAssignments,
    oauth2PermissionGrants,
    conditionalAccessPolicies,
    namedLocations,
    administrativeUnits,
    customRoleDefinitions,
    directoryRoleMembers,
    scopedRoleAssignments,
    federatedIdentityCredentials,
    extensionProperties,
    deletedUsers,
    deletedGroups,
    deletedApplications,
  };
}

describe('generateTenant: determinism', () => {
  it('produces byte-identical JSON for the same preset and seed', () => {
    expect(hash(generateTenant({ preset: 'demo', seed: 7 }))).toBe(
      hash(generateTenant({ preset: 'demo', seed: 7 })),
    );
    expect(hash(generateTenant({ preset: 'S' }))).toBe(hash(small));
  });

  it('produces a different tenant for a different seed', () => {
    expect(hash(generateTenant({ preset: 'demo', seed: 2 }))).not.toBe(hash(demo));
    expect(hash(generateTenant({ preset: 'S', seed: 2 }))).not.toBe(hash(small));
  });

  it('uses the given tenantId, else one derived from the seed', () => {
    const fixed = generateTenant({
      preset: 'demo',
      tenantId: '11111111-2222-4333-8444-555555555555',
    });
    expect(fixed.tenantId).toBe('11111111-2222-4333-8444-555555555555');
    expect(fixed.collections.organization[0].id).toBe(fixed.tenantId);
    expect(demo.tenantId).toMatch(GUID);
    expect(generateTenant({ preset: 'demo', seed: 2 }).tenantId).not.toBe(demo.tenantId);
  });

  it('rejects unknown presets and non-integer seeds', () => {
    expect(() => generateTenant({ preset: 'XL' as PresetName })).toThrow(
      /Unknown tenant preset 'XL'/,
    );
    expect(() => generateTenant({ preset: 'S', seed: 1.5 })).toThrow(/integer/);
  });
});

describe('generateTenant: counts per preset', () => {
  it.each([
    ['demo', demo],
    ['S', small],
  ] as const)('%s matches PRESETS', (preset, tenant) => {
    expect(countsOf(tenant)).toEqual(expectedCounts(preset));
  });

  it('M generates quickly and matches PRESETS', () => {
    const medium = generateTenant({ preset: 'M' });
    expect(countsOf(medium)).toEqual(expectedCounts('M'));
    expect(checkTenantIntegrity(medium)).toEqual([]);
  });

  it("L and M keep the brief's proportions", () => {
    const L = PRESETS.L;
    expect(L).toMatchObject({
      users: 100_000,
      groups: 20_000,
      applications: 5_000,
      servicePrincipals: 5_000,
      appRoleAssignments: 50_000,
      conditionalAccessPolicies: 300,
      administrativeUnits: 200,
    });
    expect(PRESETS.M.users).toBe(10_000);
    expect(PRESETS.S.users).toBe(500);
    expect(PRESETS.M.groups / PRESETS.M.users).toBeCloseTo(L.groups / L.users);
    expect(PRESETS.M.appRoleAssignments / PRESETS.M.users).toBeCloseTo(
      L.appRoleAssignments / L.users,
    );
  });
});

describe('generateTenant: consistency', () => {
  it.each([
    ['demo', demo],
    ['S', small],
  ] as const)('%s has no dangling reference or duplicate key', (_preset, tenant) => {
    expect(checkTenantIntegrity(tenant)).toEqual([]);
  });

  it('the integrity check does catch broken references', () => {
    const broken = generateTenant({ preset: 'demo' });
    const group = broken.collections.groups[0].id;
    broken.relationships.groupMembers[group].push('00000000-dead-4000-8000-000000000000');
    (
      broken.collections.conditionalAccessPolicies[0].conditions as {
        users: { excludeGroups: string[] };
      }
    ).users.excludeGroups.push('nope');
    broken.collections.users[1].userPrincipalName = broken.collections.users[0].userPrincipalName;
    const problems = checkTenantIntegrity(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('groupMembers'),
        expect.stringContaining('group nope does not resolve'),
        expect.stringContaining('duplicate userPrincipalName'),
      ]),
    );
  });

  it('ids are version-4 GUIDs and objects share no mutable state', () => {
    for (const u of small.collections.users) expect(u.id).toMatch(GUID);
    for (const g of small.collections.groups) expect(g.id).toMatch(GUID);
    const [a, b] = small.collections.users;
    expect(a.onPremisesExtensionAttributes).not.toBe(b.onPremisesExtensionAttributes);
    const app = small.collections.applications.find((x) => (x.appRoles as unknown[]).length > 0)!;
    const sp = small.collections.servicePrincipals.find((x) => x.appId === app.appId)!;
    expect(sp.appRoles).toEqual(app.appRoles);
    expect(sp.appRoles).not.toBe(app.appRoles);
  });

  it('no object or array is reachable twice (nothing mutable is shared)', () => {
    for (const t of [demo, small]) {
      const seen = new WeakSet<object>();
      const shared: string[] = [];
      const walk = (value: unknown, path: string): void => {
        if (value === null || typeof value !== 'object') return;
        if (seen.has(value)) {
          shared.push(path);
          return;
        }
        seen.add(value);
        for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
      };
      walk(t, 'tenant');
      expect(shared.slice(0, 5)).toEqual([]);
    }
  });

  it('timestamps are ordered and never after the generation date', () => {
    const limit = '2025-01-15T12:00:00Z';
    for (const u of [...small.collections.users, ...demo.collections.users]) {
      const created = String(u.createdDateTime);
      expect(created <= limit).toBe(true);
      expect(String(u.lastPasswordChangeDateTime) >= created).toBe(true);
      if (u.externalUserStateChangeDateTime !== null)
        expect(String(u.externalUserStateChangeDateTime) >= created).toBe(true);
    }
    for (const d of small.deleted.users) expect(String(d.deletedDateTime) <= limit).toBe(true);
  });

  it('every relationship map and singleton is present', () => {
    for (const t of [demo, small]) {
      for (const [name, map] of Object.entries(t.relationships))
        expect([name, Object.keys(map).length > 0]).toEqual([name, true]);
      expect(Object.keys(t.singletons).sort()).toEqual([
        'adminConsentRequestPolicy',
        'authenticationFlowsPolicy',
        'authenticationMethodsPolicy',
        'authorizationPolicy',
        'defaultAppManagementPolicy',
        'deviceRegistrationPolicy',
        'identitySecurityDefaultsEnforcementPolicy',
        'labelPolicySettings',
      ]);
      expect(t.collections.organization).toHaveLength(1);
    }
  });
});

describe('generateTenant: Graph facts', () => {
  it('role definitions include built-ins with well-known template ids plus custom ones', () => {
    for (const t of [demo, small]) {
      const ga = t.collections.roleDefinitions.find((d) => d.id === GLOBAL_ADMINISTRATOR)!;
      expect(ga).toMatchObject({
        displayName: 'Global Administrator',
        isBuiltIn: true,
        templateId: GLOBAL_ADMINISTRATOR,
      });
      // The roles the story uses first, then every other built-in role Graph lists.
      expect(t.collections.directoryRoleTemplates.map((r) => r.id)).toEqual([
        ...BUILT_IN_ROLES.map((r) => r.templateId),
        ...BUILT_IN_ROLE_TEMPLATES.map(([id]) => id).filter(
          (id) => !BUILT_IN_ROLES.some((r) => r.templateId === id),
        ),
      ]);
      expect(
        t.collections.roleDefinitions.some((d) => d.isBuiltIn === false && d.id === d.templateId),
      ).toBe(true);
    }
  });

  it('has Microsoft first-party service principals; Graph carries its real roles and scopes', () => {
    for (const t of [demo, small]) {
      const appIds = new Set(t.collections.servicePrincipals.map((sp) => sp.appId));
      for (const app of FIRST_PARTY_APPS) expect(appIds.has(app.appId)).toBe(true);
      const graph = t.collections.servicePrincipals.find(
        (sp) => sp.appId === MICROSOFT_GRAPH_APP_ID,
      )!;
      expect(graph.appRoles).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            value: 'User.Read.All',
            id: 'df021288-bdef-4463-88db-98f22de89214',
            allowedMemberTypes: ['Application'],
          }),
        ]),
      );
      expect(graph.oauth2PermissionScopes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            value: 'User.Read',
            id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d',
          }),
        ]),
      );
    }
  });

  it("most service principals belong to the tenant's own applications", () => {
    for (const t of [demo, small]) {
      const appIds = new Set(t.collections.applications.map((a) => a.appId));
      const own = t.collections.servicePrincipals.filter((sp) => appIds.has(sp.appId)).length;
      expect(own).toBeGreaterThan(0);
    }
    const own = small.collections.servicePrincipals.filter(
      (sp) => sp.appOwnerOrganizationId === small.tenantId,
    ).length;
    expect(own / small.collections.servicePrincipals.length).toBeGreaterThan(0.5);
  });

  it('polymorphic objects carry @odata.type', () => {
    for (const t of [demo, small]) {
      const types = new Set(t.collections.namedLocations.map((l) => l['@odata.type']));
      expect([...types].sort()).toEqual([
        '#microsoft.graph.countryNamedLocation',
        '#microsoft.graph.ipNamedLocation',
      ]);
      const configs = t.singletons.authenticationMethodsPolicy
        .authenticationMethodConfigurations as Array<Record<string, unknown>>;
      expect(configs.length).toBeGreaterThan(3);
      for (const m of configs)
        expect(String(m['@odata.type'])).toMatch(
          /^#microsoft\.graph\.\w+AuthenticationMethodConfiguration$/,
        );
    }
  });

  it('carries realistic nulls and server-set properties', () => {
    const user = demo.collections.users[0];
    expect(user).toHaveProperty('mobilePhone');
    expect(user.faxNumber).toBeNull();
    expect(user.createdDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(demo.collections.groups[0]).toHaveProperty('renewedDateTime');
    expect(demo.collections.applications[0].createdDateTime).toMatch(/Z$/);
    const secret = (
      demo.collections.applications[0].passwordCredentials as Array<Record<string, unknown>>
    )[0];
    expect(secret.secretText).toBeNull();
    expect(small.collections.users.some((u) => u.mobilePhone === null)).toBe(true);
    expect(small.collections.users.some((u) => u.onPremisesSyncEnabled === true)).toBe(true);
    expect(
      small.collections.users.some(
        (u) => u.userType === 'Guest' && String(u.userPrincipalName).includes('#EXT#'),
      ),
    ).toBe(true);
  });

  it('the authorization policy has default user role permissions and the methods policy targets groups', () => {
    expect(small.singletons.authorizationPolicy.defaultUserRolePermissions).toMatchObject({
      allowedToCreateApps: false,
      allowedToReadOtherUsers: true,
    });
    const groupIds = new Set(small.collections.groups.map((g) => g.id));
    const configs = small.singletons.authenticationMethodsPolicy
      .authenticationMethodConfigurations as Array<{ includeTargets: Array<{ id: string }> }>;
    expect(configs.flatMap((m) => m.includeTargets).some((target) => groupIds.has(target.id))).toBe(
      true,
    );
  });
});

describe('demo: the Contoso story', () => {
  const byName = (list: GraphObject[], name: string): GraphObject => {
    const found = list.find((o) => o.displayName === name);
    if (!found) throw new Error(`${name} not found`);
    return found;
  };

  it('has a CEO, managers and an org chart', () => {
    const ceo = demo.collections.users.find((u) => u.jobTitle === 'Chief Executive Officer')!;
    expect(ceo.displayName).toBe('Megan Bowen');
    expect(demo.relationships.userManager[ceo.id]).toBeUndefined();
    const reportsToCeo = Object.entries(demo.relationships.userManager).filter(
      ([, m]) => m === ceo.id,
    );
    expect(reportsToCeo.length).toBeGreaterThanOrEqual(3);
  });

  it('"Require MFA for all users" excludes the Break Glass Admins group, which holds the emergency accounts', () => {
    const bg = byName(demo.collections.groups, 'Break Glass Admins');
    expect(bg.isAssignableToRole).toBe(true);
    const policy = byName(demo.collections.conditionalAccessPolicies, 'Require MFA for all users');
    expect(policy.conditions).toMatchObject({
      users: { includeUsers: ['All'], excludeGroups: [bg.id] },
    });
    const members = demo.relationships.groupMembers[bg.id].map(
      (id) => demo.collections.users.find((u) => u.id === id)!.userPrincipalName,
    );
    expect(members).toEqual([
      'breakglass1@contoso.onmicrosoft.com',
      'breakglass2@contoso.onmicrosoft.com',
    ]);
  });

  it('has security, Microsoft 365 and dynamic groups', () => {
    const groups = demo.collections.groups;
    expect(groups.some((g) => (g.groupTypes as string[]).includes('Unified'))).toBe(true);
    expect(
      groups.some(
        (g) =>
          (g.groupTypes as string[]).includes('DynamicMembership') &&
          typeof g.membershipRule === 'string',
      ),
    ).toBe(true);
    expect(
      groups.some((g) => g.securityEnabled === true && (g.groupTypes as string[]).length === 0),
    ).toBe(true);
  });

  it('apps have owners, federated credentials and extension properties; named locations feed CA', () => {
    const deployer = byName(demo.collections.applications, 'GitHub Actions Deployer');
    expect(demo.relationships.applicationOwners[deployer.id]).toHaveLength(1);
    expect(demo.children.federatedIdentityCredentials[deployer.id].map((f) => f.issuer)).toEqual([
      'https://token.actions.githubusercontent.com',
      'https://token.actions.githubusercontent.com',
    ]);
    const sync = byName(demo.collections.applications, 'Contoso Directory Sync');
    expect(demo.children.extensionProperties[sync.id].map((e) => e.name)).toEqual([
      `extension_${String(sync.appId).replace(/-/g, '')}_badgeNumber`,
      `extension_${String(sync.appId).replace(/-/g, '')}_costCenter`,
    ]);
    const blocked = byName(demo.collections.namedLocations, 'Blocked Countries');
    const policy = byName(
      demo.collections.conditionalAccessPolicies,
      'Block access from blocked countries',
    );
    expect(
      (policy.conditions as { locations: { includeLocations: string[] } }).locations
        .includeLocations,
    ).toEqual([blocked.id]);
  });

  it('has an administrative unit, activated roles with members, and a custom role assignment', () => {
    expect(demo.collections.administrativeUnits.map((a) => a.displayName)).toContain(
      'London Office',
    );
    const ga = demo.collections.directoryRoles.find(
      (r) => r.roleTemplateId === GLOBAL_ADMINISTRATOR,
    )!;
    expect(demo.relationships.directoryRoleMembers[ga.id]).toHaveLength(3);
    const custom = byName(demo.collections.roleDefinitions, 'Contoso Expense App Manager');
    expect(demo.collections.roleAssignments.some((a) => a.roleDefinitionId === custom.id)).toBe(
      true,
    );
  });
});

describe('group size distribution', () => {
  it('L is skewed: most groups small, a long tail, a few groups over 10,000 members', () => {
    const sizes = generateGroupSizes(PRESETS.L, 1);
    expect(sizes).toHaveLength(20_000);
    const sorted = [...sizes].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(10);
    expect(sorted.filter((s) => s > 10_000).length).toBeGreaterThanOrEqual(2);
    expect(sorted.filter((s) => s > 10_000).length).toBeLessThanOrEqual(10);
    expect(sorted.filter((s) => s >= 100 && s <= 10_000).length).toBeGreaterThan(200);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(PRESETS.L.users);
    expect(generateGroupSizes(PRESETS.L, 1)).toEqual(sizes);
  });

  it('the generated S tenant follows its size spec', () => {
    const sizes = Object.values(small.relationships.groupMembers).map((m) => m.length);
    expect(Math.max(...sizes)).toBe(PRESETS.S.largeGroupSizes[0]);
    const sorted = [...sizes].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(10);
  });
});
