import {
  fixturePath,
  graphExampleNames,
  readCsdlText,
  readGraphExample,
  readGraphPermissions,
} from '../../support/fixtures';

describe('vendored Graph fixtures', () => {
  it('reads the v1.0 CSDL and the permissions reference, gunzipped', () => {
    expect(readCsdlText()).toMatch(/^<\?xml[\s\S]*<Schema Namespace="microsoft\.graph"/);
    const permissions = readGraphPermissions<{ permissions: Record<string, unknown> }>();
    expect(Object.keys(permissions.permissions)).toContain('User.Read.All');
  });

  it('holds every documentation example payload the simulator presets use', () => {
    expect(graphExampleNames()).toEqual(
      expect.arrayContaining([
        'administrativeUnitMembers',
        'administrativeUnits',
        'appRoleAssignments',
        'applicationOwners',
        'applications',
        'authenticationMethodsPolicy',
        'authorizationPolicy',
        'conditionalAccessPolicies',
        'directoryRoleMembers',
        'directoryRoles',
        'groupMembers',
        'groupOwners',
        'groups',
        'namedLocations',
        'oauth2PermissionGrants',
        'organization',
        'readonly',
        'readonly-conditional',
        'roleAssignments',
        'roleDefinitions',
        'schema',
        'selectonly',
        'servicePrincipalOwners',
        'servicePrincipals',
        'sources',
        'users',
      ]),
    );
    const users = readGraphExample<Array<{ id: string; userPrincipalName: string }>>('users');
    expect(users.length).toBeGreaterThanOrEqual(5);
    expect(users.every((u) => typeof u.id === 'string' && u.userPrincipalName)).toBe(true);
  });

  it('fails, naming the file, when a fixture is missing', () => {
    expect(() => readGraphExample('noSuchResource')).toThrow(
      /test fixture graph-examples\/noSuchResource\.json is missing: expected test\/fixtures\/graph-examples\/noSuchResource\.json\.gz/,
    );
    expect(fixturePath('graph-metadata/v1.0-Prod.csdl')).toMatch(/v1\.0-Prod\.csdl\.gz$/);
  });
});
