import { type Client, GraphError, ResponseType } from '@microsoft/microsoft-graph-client';
import { checkTenantIntegrity, generateTenant } from '../generator';
import { solidPng } from '../generator/catalogue';
import { type RunningSimulator, startSimulator } from '../index';
import type { TenantState } from '../tenantState';
import { rawRequest, simulatorGraphClient } from './graphClient';

/**
 * The full-catalogue types (issue 6) through the real Graph SDK: list / get, writes where Graph
 * allows them (read-only properties refused), PUT-vs-PATCH singletons, caller-chosen ids, policy
 * assignments, child collections and binary branding streams.
 */

const demo: TenantState = generateTenant({ preset: 'demo' });
let sim: RunningSimulator;
let client: Client;
let beta: Client;
let close: () => Promise<void>;
let closeBeta: () => Promise<void>;

beforeAll(async () => {
  sim = await startSimulator({ state: structuredClone(demo) });
  ({ client, close } = simulatorGraphClient(sim));
  const b = simulatorGraphClient(sim);
  beta = b.client;
  closeBeta = b.close;
});
afterAll(async () => {
  await close();
  await closeBeta();
  await sim.stop();
});

const v1 = (path: string) => client.api(path);
const b = (path: string) => beta.api(path).version('beta');

/** Status of a failed SDK call (GraphError.statusCode). */
async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof GraphError) return e.statusCode;
    throw e;
  }
}

async function errorOf(p: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GraphError) return { status: e.statusCode, message: e.message };
    throw e;
  }
  throw new Error('expected the request to fail');
}

const first = (resource: string) => demo.collections[resource][0];

const COLLECTIONS: Array<[path: string, resource: string, key: string]> = [
  ['/appCatalogs/teamsApps', 'teamsApps', 'id'],
  ['/deviceAppManagement/mobileApps', 'mobileApps', 'id'],
  ['/policies/claimsMappingPolicies', 'claimsMappingPolicies', 'id'],
  ['/policies/tokenLifetimePolicies', 'tokenLifetimePolicies', 'id'],
  ['/policies/tokenIssuancePolicies', 'tokenIssuancePolicies', 'id'],
  ['/policies/homeRealmDiscoveryPolicies', 'homeRealmDiscoveryPolicies', 'id'],
  ['/policies/appManagementPolicies', 'appManagementPolicies', 'id'],
  ['/identityProtection/riskDetections', 'riskDetections', 'id'],
  ['/security/alerts_v2', 'securityAlerts', 'id'],
  ['/policies/authenticationStrengthPolicies', 'authenticationStrengthPolicies', 'id'],
  [
    '/identity/conditionalAccess/authenticationContextClassReferences',
    'authenticationContextClassReferences',
    'id',
  ],
  ['/policies/permissionGrantPolicies', 'permissionGrantPolicies', 'id'],
  ['/roleManagement/directory/roleEligibilitySchedules', 'roleEligibilitySchedules', 'id'],
  ['/roleManagement/directory/roleAssignmentSchedules', 'roleAssignmentSchedules', 'id'],
  ['/policies/roleManagementPolicies', 'roleManagementPolicies', 'id'],
  ['/policies/roleManagementPolicyAssignments', 'roleManagementPolicyAssignments', 'id'],
  ['/identityGovernance/entitlementManagement/catalogs', 'accessPackageCatalogs', 'id'],
  ['/identityGovernance/entitlementManagement/accessPackages', 'accessPackages', 'id'],
  [
    '/identityGovernance/entitlementManagement/assignmentPolicies',
    'accessPackageAssignmentPolicies',
    'id',
  ],
  [
    '/identityGovernance/entitlementManagement/connectedOrganizations',
    'connectedOrganizations',
    'id',
  ],
  ['/identityGovernance/accessReviews/definitions', 'accessReviewDefinitions', 'id'],
  ['/identityGovernance/termsOfUse/agreements', 'agreements', 'id'],
  ['/policies/crossTenantAccessPolicy/partners', 'crossTenantAccessPartners', 'tenantId'],
  ['/identity/identityProviders', 'identityProviders', 'id'],
  ['/identity/apiConnectors', 'apiConnectors', 'id'],
  ['/domains', 'domains', 'id'],
  ['/groupSettings', 'groupSettings', 'id'],
  ['/groupSettingTemplates', 'groupSettingTemplates', 'id'],
  ['/security/dataSecurityAndGovernance/sensitivityLabels', 'sensitivityLabels', 'id'],
  ['/external/connections', 'externalConnections', 'id'],
];

describe('catalogue reads', () => {
  it.each(COLLECTIONS)(
    'GET %s lists the generated objects and each by key',
    async (path, resource, key) => {
      const expected = demo.collections[resource];
      expect(expected.length).toBeGreaterThan(0);
      const page = await v1(path).get();
      expect(page['@odata.context']).toContain('$metadata#');
      expect(page.value).toHaveLength(Math.min(expected.length, 100));
      const item = expected[0];
      const got = await v1(`${path}/${encodeURIComponent(String(item[key]))}`).get();
      if (key !== 'id') {
        expect(got).not.toHaveProperty('id');
        expect(got[key]).toBe(item[key]);
      } else expect(got.id).toBe(item.id);
      expect(got).not.toHaveProperty('@sim.streams');
    },
  );

  it.each([
    ['/admin/sharepoint/settings', 'sharingCapability'],
    ['/policies/defaultAppManagementPolicy', 'applicationRestrictions'],
    ['/policies/deviceRegistrationPolicy', 'userDeviceQuota'],
    ['/policies/identitySecurityDefaultsEnforcementPolicy', 'isEnabled'],
    ['/policies/adminConsentRequestPolicy', 'reviewers'],
    ['/policies/crossTenantAccessPolicy', 'allowedCloudEndpoints'],
    ['/policies/crossTenantAccessPolicy/default', 'b2bCollaborationInbound'],
  ])('GET singleton %s', async (path, property) => {
    const got = await v1(path).get();
    expect(got).toHaveProperty(property);
  });

  it('beta-only types are served under /beta and not under /v1.0', async () => {
    expect((await b('/identity/b2cUserFlows').get()).value.length).toBeGreaterThan(0);
    expect(await b('/policies/externalIdentitiesPolicy').get()).toHaveProperty(
      'allowExternalIdentitiesToLeave',
    );
    expect(
      (await b('/security/informationProtection/labelPolicySettings').get()).defaultLabelId,
    ).toBe(demo.collections.sensitivityLabels[1].id);
    expect(await statusOf(v1('/identity/b2cUserFlows').get())).toBe(400);
    expect(await statusOf(v1('/policies/externalIdentitiesPolicy').get())).toBe(400);
    expect(await statusOf(v1('/security/informationProtection/labelPolicySettings').get())).toBe(
      400,
    );
  });

  it('child collections: rules, includes, assignments, role scopes, definitions, federation, schema', async () => {
    const policy = first('roleManagementPolicies');
    const rules = await v1(`/policies/roleManagementPolicies/${policy.id}/rules`).get();
    expect(rules.value.map((r: { id: string }) => r.id)).toContain('Expiration_Admin_Eligibility');
    const includes = await v1(
      '/policies/permissionGrantPolicies/microsoft-user-default-low/includes',
    ).get();
    expect(includes.value[0].permissionClassification).toBe('low');
    const app = first('mobileApps');
    const assignments = await v1(`/deviceAppManagement/mobileApps/${app.id}/assignments`).get();
    expect(assignments.value[0].target.groupId).toEqual(expect.any(String));
    const pkg = first('accessPackages');
    const scopes = await v1(
      `/identityGovernance/entitlementManagement/accessPackages/${pkg.id}/resourceRoleScopes`,
    ).get();
    expect(scopes.value[0].scope.originSystem).toBe('AadGroup');
    const defs = await v1(`/appCatalogs/teamsApps/${first('teamsApps').id}/appDefinitions`).get();
    expect(defs.value[0].publishingState).toBe('published');
    const fed = await v1('/domains/corp.contoso-fed.com/federationConfiguration').get();
    expect(fed.value[0].issuerUri).toContain('sts.contoso-fed.com');
    const schema = await v1(
      `/external/connections/${first('externalConnections').id}/schema`,
    ).get();
    expect(schema.baseType).toBe('microsoft.graph.externalItem');
  });

  it('access packages: catalog only with $expand; policies and packages reachable from their parents', async () => {
    const pkg = first('accessPackages');
    const base = '/identityGovernance/entitlementManagement';
    const plain = await v1(`${base}/accessPackages/${pkg.id}`).get();
    expect(plain).not.toHaveProperty('catalog');
    const listed = await v1(`${base}/accessPackages`).expand('catalog($select=id)').get();
    const expanded = listed.value.find((p: { id: string }) => p.id === pkg.id);
    expect(expanded.catalog.id).toBe((pkg.catalog as { id: string }).id);
    const inCatalog = await v1(
      `${base}/catalogs/${(pkg.catalog as { id: string }).id}/accessPackages`,
    ).get();
    expect(inCatalog.value.map((p: { id: string }) => p.id)).toContain(pkg.id);
    const policies = await v1(`${base}/accessPackages/${pkg.id}/assignmentPolicies`).get();
    expect(policies.value).toHaveLength(1);
  });

  it('write-only secrets are never returned', async () => {
    const idp = (await v1('/identity/identityProviders').get()).value.find(
      (p: { clientSecret?: string }) => p.clientSecret !== undefined,
    );
    expect(idp.clientSecret).toBe('******');
    const created = await v1('/identity/apiConnectors').post({
      displayName: 'Check age',
      targetUrl: 'https://api.contoso.com/age',
      authenticationConfiguration: {
        '@odata.type': '#microsoft.graph.basicAuthentication',
        username: 'u',
        password: 'S3cret!',
      },
    });
    expect(created.authenticationConfiguration.password).toBe('******');
    expect(JSON.stringify(sim.exportState())).not.toContain('S3cret!');
  });
});

describe('catalogue writes', () => {
  it.each([
    [
      '/deviceAppManagement/mobileApps',
      {
        '@odata.type': '#microsoft.graph.webApp',
        displayName: 'Wiki',
        appUrl: 'https://wiki.contoso.com',
      },
      'publishingState',
    ],
    [
      '/policies/claimsMappingPolicies',
      { displayName: 'Claims', definition: ['{"ClaimsMappingPolicy":{"Version":1}}'] },
      'deletedDateTime',
    ],
    [
      '/policies/tokenLifetimePolicies',
      { displayName: 'Lifetime', definition: ['{"TokenLifetimePolicy":{"Version":1}}'] },
      'deletedDateTime',
    ],
    [
      '/policies/tokenIssuancePolicies',
      { displayName: 'Issuance', definition: ['{"TokenIssuancePolicy":{"Version":1}}'] },
      'deletedDateTime',
    ],
    [
      '/policies/homeRealmDiscoveryPolicies',
      { displayName: 'HRD', definition: ['{"HomeRealmDiscoveryPolicy":{}}'] },
      'deletedDateTime',
    ],
    [
      '/policies/appManagementPolicies',
      { displayName: 'Creds', description: 'd', isEnabled: true },
      'deletedDateTime',
    ],
    [
      '/policies/authenticationStrengthPolicies',
      { displayName: 'Keys', allowedCombinations: ['fido2'] },
      'policyType',
    ],
    [
      '/policies/permissionGrantPolicies',
      { id: 'my-policy', displayName: 'Mine' },
      'deletedDateTime',
    ],
    [
      '/identityGovernance/entitlementManagement/catalogs',
      { displayName: 'Sales' },
      'createdDateTime',
    ],
    [
      '/identityGovernance/entitlementManagement/connectedOrganizations',
      { displayName: 'Litware', identitySources: [] },
      'modifiedDateTime',
    ],
    [
      '/identityGovernance/accessReviews/definitions',
      {
        displayName: 'Review',
        scope: { query: '/users', queryType: 'MicrosoftGraph' },
        reviewers: [],
        settings: {},
      },
      'status',
    ],
    [
      '/identityGovernance/termsOfUse/agreements',
      { displayName: 'Terms', isViewingBeforeAcceptanceRequired: true },
      'id',
    ],
    [
      '/identity/identityProviders',
      {
        '@odata.type': '#microsoft.graph.socialIdentityProvider',
        displayName: 'Amazon',
        identityProviderType: 'Amazon',
        clientId: 'a',
        clientSecret: 'b',
      },
      'id',
    ],
    [
      '/identity/apiConnectors',
      { displayName: 'X', targetUrl: 'https://x.contoso.com', authenticationConfiguration: {} },
      'id',
    ],
    ['/domains', { id: 'new.contoso.com' }, 'isVerified'],
    [
      '/groupSettings',
      {
        templateId: '08d542b9-071f-4e16-94b0-74abb372e3d9',
        values: [{ name: 'AllowToAddGuests', value: 'false' }],
      },
      'displayName',
    ],
    ['/external/connections', { id: 'newconn', name: 'New connection' }, 'state'],
  ])(
    'POST %s creates; PATCH with a read-only property is refused',
    async (path, body, readOnly) => {
      const created = await v1(path).post(body);
      expect(created.id).toEqual(expect.any(String));
      const again = await v1(`${path}/${created.id}`).get();
      expect(again.id).toBe(created.id);
      // Access review definitions update by PUT (the others by PATCH).
      const update = path.includes('accessReviews') ? 'put' : 'patch';
      const err = await errorOf(v1(`${path}/${created.id}`)[update]({ [readOnly]: 'x' }));
      expect(err).toEqual({
        status: 400,
        message: `Property '${readOnly}' is read-only and cannot be set.`,
      });
      const bad = await errorOf(v1(path).post({ ...body, [readOnly]: 'x' }));
      expect(bad.status).toBe(400);
    },
  );

  it('read-only types refuse writes; alerts accept only triage fields', async () => {
    expect(await statusOf(v1('/identityProtection/riskDetections').post({}))).toBe(405);
    expect(await statusOf(v1('/appCatalogs/teamsApps').post({ displayName: 'x' }))).toBe(405);
    expect(
      await statusOf(v1('/security/dataSecurityAndGovernance/sensitivityLabels').post({})),
    ).toBe(405);
    expect(await statusOf(v1('/roleManagement/directory/roleEligibilitySchedules').post({}))).toBe(
      405,
    );
    const alert = first('securityAlerts');
    await v1(`/security/alerts_v2/${alert.id}`).patch({
      status: 'inProgress',
      classification: 'truePositive',
    });
    expect((await v1(`/security/alerts_v2/${alert.id}`).get()).status).toBe('inProgress');
    expect(await errorOf(v1(`/security/alerts_v2/${alert.id}`).patch({ title: 'x' }))).toEqual({
      status: 400,
      message: "Property 'title' is read-only and cannot be set.",
    });
  });

  it('singletons: PUT-only ones refuse PATCH and replace the whole object; PATCH-only ones refuse PUT', async () => {
    const path = '/policies/deviceRegistrationPolicy';
    expect(await statusOf(v1(path).patch({ userDeviceQuota: 5 }))).toBe(405);
    await v1(path).put({ userDeviceQuota: 7, multiFactorAuthConfiguration: 'notRequired' });
    const replaced = await v1(path).get();
    expect(replaced.userDeviceQuota).toBe(7);
    expect(replaced).not.toHaveProperty('azureADJoin'); // left out of the PUT → gone
    expect(replaced.displayName).toBe('Device Registration Policy'); // read-only kept
    expect(await statusOf(v1(path).put({ displayName: 'x' }))).toBe(400);

    expect(
      await statusOf(v1('/policies/adminConsentRequestPolicy').patch({ isEnabled: false })),
    ).toBe(405);
    await v1('/policies/adminConsentRequestPolicy').put({
      isEnabled: false,
      reviewers: [],
      notifyReviewers: false,
      remindersEnabled: false,
      requestDurationInDays: 30,
    });
    expect((await v1('/policies/adminConsentRequestPolicy').get()).isEnabled).toBe(false);

    for (const p of [
      '/policies/identitySecurityDefaultsEnforcementPolicy',
      '/admin/sharepoint/settings',
      '/policies/defaultAppManagementPolicy',
      '/policies/crossTenantAccessPolicy/default',
    ])
      expect([p, await statusOf(v1(p).put({}))]).toEqual([p, 405]);
    await v1('/policies/identitySecurityDefaultsEnforcementPolicy').patch({ isEnabled: true });
    expect((await v1('/policies/identitySecurityDefaultsEnforcementPolicy').get()).isEnabled).toBe(
      true,
    );
    await v1('/admin/sharepoint/settings').patch({ isLoopEnabled: false });
    const sp = await v1('/admin/sharepoint/settings').get();
    expect([sp.isLoopEnabled, sp.sharingCapability]).toEqual([
      false,
      'externalUserAndGuestSharing',
    ]);
    expect(
      await statusOf(
        b('/security/informationProtection/labelPolicySettings').patch({ isMandatory: false }),
      ),
    ).toBe(405);
  });

  it('assignment policies and access review definitions update by PUT (full replace), not PATCH', async () => {
    const policy = first('accessPackageAssignmentPolicies');
    const path = `/identityGovernance/entitlementManagement/assignmentPolicies/${policy.id}`;
    expect(await statusOf(v1(path).patch({ displayName: 'x' }))).toBe(405);
    await v1(path).put({
      displayName: 'Replaced',
      description: 'new',
      allowedTargetScope: 'allMemberUsers',
    });
    const got = await v1(path).get();
    expect([got.displayName, got.requestApprovalSettings, got.createdDateTime]).toEqual([
      'Replaced',
      undefined,
      policy.createdDateTime,
    ]);
    expect(
      (sim.store.get('accessPackageAssignmentPolicies', policy.id)!.accessPackage as { id: string })
        .id,
    ).toBe((policy.accessPackage as { id: string }).id);
    const review = first('accessReviewDefinitions');
    const rpath = `/identityGovernance/accessReviews/definitions/${review.id}`;
    expect(await statusOf(v1(rpath).patch({ displayName: 'x' }))).toBe(405);
    expect(await statusOf(v1(rpath).put({ displayName: 'No scope' }))).toBe(400);
  });

  it('access packages need an existing catalog, written inline as { id }', async () => {
    const base = '/identityGovernance/entitlementManagement';
    const catalog = first('accessPackageCatalogs');
    const pkg = await v1(`${base}/accessPackages`).post({
      displayName: 'New',
      catalog: { id: catalog.id },
    });
    expect(pkg).not.toHaveProperty('catalog');
    expect(
      await statusOf(
        v1(`${base}/accessPackages`).post({
          displayName: 'Orphan',
          catalog: { id: '00000000-0000-0000-0000-00000000dead' },
        }),
      ),
    ).toBe(404);
    const policy = await v1(`${base}/assignmentPolicies`).post({
      displayName: 'P',
      accessPackage: { id: pkg.id },
    });
    expect(
      (await v1(`${base}/accessPackages/${pkg.id}/assignmentPolicies`).get()).value[0].id,
    ).toBe(policy.id);
    const scope = await v1(`${base}/accessPackages/${pkg.id}/resourceRoleScopes`).post({
      role: { originId: 'Member_x', originSystem: 'AadGroup' },
      scope: { originId: 'x', originSystem: 'AadGroup' },
    });
    await v1(`${base}/accessPackages/${pkg.id}/resourceRoleScopes/${scope.id}`).delete();
    expect((await v1(`${base}/accessPackages/${pkg.id}/resourceRoleScopes`).get()).value).toEqual(
      [],
    );
  });

  it('authentication contexts: caller-chosen c1..c99, PATCH upserts', async () => {
    const path = '/identity/conditionalAccess/authenticationContextClassReferences';
    const res = await rawRequest(sim, 'PATCH', `/v1.0${path}/c42`, {
      body: { displayName: 'Payroll', isAvailable: true },
    });
    expect(res.status).toBe(201);
    expect(res.body.id).toBe('c42');
    await v1(`${path}/c42`).patch({ description: 'updated' });
    expect((await v1(`${path}/c42`).get()).description).toBe('updated');
    expect(await statusOf(v1(`${path}/x9`).patch({ displayName: 'bad' }))).toBe(400);
    expect(await statusOf(v1(path).post({ id: 'c42', displayName: 'dup' }))).toBe(400);
  });

  it('cross-tenant partners are keyed by tenantId', async () => {
    const path = '/policies/crossTenantAccessPolicy/partners';
    const tenantId = '11111111-2222-4333-8444-555555555555';
    const created = await v1(path).post({ tenantId, inboundTrust: { isMfaAccepted: true } });
    expect(created).not.toHaveProperty('id');
    expect(created.tenantId).toBe(tenantId);
    await v1(`${path}/${tenantId}`).patch({ inboundTrust: { isMfaAccepted: false } });
    expect((await v1(`${path}/${tenantId}`).get()).inboundTrust.isMfaAccepted).toBe(false);
    expect(await statusOf(v1(path).post({ tenantId }))).toBe(400);
    expect(
      await statusOf(
        v1(`${path}/${tenantId}`).patch({ tenantId: '99999999-2222-4333-8444-555555555555' }),
      ),
    ).toBe(400);
    await v1(`${path}/${tenantId}`).delete();
    expect(await statusOf(v1(`${path}/${tenantId}`).get())).toBe(404);
  });

  it('policy assignments: $ref on service principals and applications, appliesTo on the policy', async () => {
    const sp = demo.collections.servicePrincipals.find(
      (s) => s.appOwnerOrganizationId === demo.tenantId,
    )!;
    const linked = demo.relationships.applicationTokenLifetimePolicies as Record<string, string[]>;
    const app = demo.collections.applications.find((a) => !linked[a.id])!;
    const policy = await v1('/policies/claimsMappingPolicies').post({
      displayName: 'New claims',
      definition: ['{}'],
    });
    await v1(`/servicePrincipals/${sp.id}/claimsMappingPolicies/$ref`).post({
      '@odata.id': `https://graph.microsoft.com/v1.0/policies/claimsMappingPolicies/${policy.id}`,
    });
    expect(
      (await v1(`/servicePrincipals/${sp.id}/claimsMappingPolicies`).get()).value.map(
        (p: { id: string }) => p.id,
      ),
    ).toContain(policy.id);
    const appliesTo = await v1(`/policies/claimsMappingPolicies/${policy.id}/appliesTo`).get();
    expect(appliesTo.value.map((o: { id: string }) => o.id)).toEqual([sp.id]);
    await v1(`/servicePrincipals/${sp.id}/claimsMappingPolicies/${policy.id}/$ref`).delete();
    expect(
      (await v1(`/policies/claimsMappingPolicies/${policy.id}/appliesTo`).get()).value,
    ).toEqual([]);

    const lifetime = first('tokenLifetimePolicies');
    await v1(`/applications/${app.id}/tokenLifetimePolicies/$ref`).post({
      '@odata.id': `https://graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/${lifetime.id}`,
    });
    const holders = await v1(`/policies/tokenLifetimePolicies/${lifetime.id}/appliesTo`).get();
    expect(holders.value.map((o: { id: string }) => o.id)).toContain(app.id);
    // A claims mapping policy cannot be linked as a token lifetime policy.
    expect(
      await statusOf(
        v1(`/applications/${app.id}/tokenLifetimePolicies/$ref`).post({
          '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${policy.id}`,
        }),
      ),
    ).toBe(404);
    expect(
      await statusOf(
        v1('/policies/claimsMappingPolicies').post({
          displayName: 'x',
          definition: 'not-an-array',
        }),
      ),
    ).toBe(400);
  });

  it('permission grant policies: includes / excludes are added and removed, built-ins are fixed', async () => {
    const path = '/policies/permissionGrantPolicies/my-consent';
    await v1('/policies/permissionGrantPolicies').post({ id: 'my-consent', displayName: 'Mine' });
    const inc = await v1(`${path}/includes`).post({
      permissionType: 'delegated',
      permissionClassification: 'low',
    });
    expect(
      await statusOf(v1(`${path}/includes/${inc.id}`).patch({ permissionType: 'application' })),
    ).toBe(405);
    await v1(`${path}/excludes`).post({ permissionType: 'delegated', clientApplicationIds: ['x'] });
    await v1(`${path}/includes/${inc.id}`).delete();
    expect((await v1(`${path}/includes`).get()).value).toEqual([]);
    expect((await v1(`${path}/excludes`).get()).value).toHaveLength(1);
    expect(
      await statusOf(
        v1('/policies/permissionGrantPolicies').post({ id: 'microsoft-mine', displayName: 'x' }),
      ),
    ).toBe(400);
    expect(
      await statusOf(
        v1('/policies/permissionGrantPolicies/microsoft-user-default-low').patch({
          displayName: 'x',
        }),
      ),
    ).toBe(400);
    expect(
      await statusOf(
        v1('/policies/permissionGrantPolicies/microsoft-user-default-low/includes').post({
          permissionType: 'delegated',
        }),
      ),
    ).toBe(400);
  });

  it('role management policy rules are PATCHed; policies cannot be created', async () => {
    const policy = first('roleManagementPolicies');
    const rule = `/policies/roleManagementPolicies/${policy.id}/rules/Expiration_EndUser_Assignment`;
    await v1(rule).patch({
      '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyExpirationRule',
      maximumDuration: 'PT2H',
    });
    expect((await v1(rule).get()).maximumDuration).toBe('PT2H');
    expect(await statusOf(v1(rule).delete())).toBe(405);
    expect(await statusOf(v1('/policies/roleManagementPolicies').post({ displayName: 'x' }))).toBe(
      405,
    );
  });

  it('PIM: an adminAssign schedule request creates the schedule, adminRemove removes it', async () => {
    const user = demo.collections.users[3];
    const role = demo.collections.roleDefinitions.find(
      (r) => r.isBuiltIn === true && r.displayName !== 'Global Administrator',
    )!;
    const req = {
      action: 'adminAssign',
      principalId: user.id,
      roleDefinitionId: role.id,
      directoryScopeId: '/',
      justification: 'restore',
      scheduleInfo: { startDateTime: '2025-01-01T00:00:00Z', expiration: { type: 'noExpiration' } },
    };
    const created = await v1('/roleManagement/directory/roleEligibilityScheduleRequests').post(req);
    expect(created.status).toBe('Provisioned');
    const schedules = await v1('/roleManagement/directory/roleEligibilitySchedules')
      .filter(`principalId eq '${user.id}' and roleDefinitionId eq '${role.id}'`)
      .get();
    expect(schedules.value).toHaveLength(1);
    await v1('/roleManagement/directory/roleEligibilityScheduleRequests').post({
      ...req,
      action: 'adminRemove',
    });
    const after = await v1('/roleManagement/directory/roleEligibilitySchedules')
      .filter(`principalId eq '${user.id}' and roleDefinitionId eq '${role.id}'`)
      .get();
    expect(after.value).toEqual([]);
    const past = {
      ...req,
      scheduleInfo: { expiration: { type: 'afterDateTime', endDateTime: '2000-01-01T00:00:00Z' } },
    };
    expect(
      await statusOf(v1('/roleManagement/directory/roleAssignmentScheduleRequests').post(past)),
    ).toBe(400);
  });

  it('mobile apps: assign replaces the assignment list; @odata.type is required', async () => {
    const app = first('mobileApps');
    const group = demo.collections.groups[0];
    await v1(`/deviceAppManagement/mobileApps/${app.id}/assign`).post({
      mobileAppAssignments: [
        {
          intent: 'uninstall',
          target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: group.id },
        },
      ],
    });
    const list = await v1(`/deviceAppManagement/mobileApps/${app.id}/assignments`).get();
    expect(list.value.map((a: { intent: string }) => a.intent)).toEqual(['uninstall']);
    expect(
      await statusOf(v1('/deviceAppManagement/mobileApps').post({ displayName: 'No type' })),
    ).toBe(400);
  });

  it('domains: the name is the id, new domains are unverified, the initial domain stays', async () => {
    const d = await v1('/domains').post({ id: 'Sales.Contoso.com' });
    expect([d.id, d.isVerified, d.isInitial]).toEqual(['sales.contoso.com', false, false]);
    const initial = demo.collections.domains.find((x) => x.isInitial)!;
    expect(await statusOf(v1(`/domains/${initial.id}`).delete())).toBe(400);
    const fed = await v1('/domains/sales.contoso.com/federationConfiguration').post({
      issuerUri: 'http://sts.sales/adfs/services/trust',
      passiveSignInUri: 'https://sts.sales/adfs/ls/',
      signingCertificate: 'MIIC',
    });
    expect(fed.id).toEqual(expect.any(String));
    expect(
      await statusOf(
        v1(`/domains/${initial.id}/federationConfiguration`).post({
          issuerUri: 'a',
          passiveSignInUri: 'b',
          signingCertificate: 'c',
        }),
      ),
    ).toBe(400);
  });

  it('group settings: one per template, values checked against the template', async () => {
    const existing = first('groupSettings');
    expect(
      await statusOf(v1('/groupSettings').post({ templateId: existing.templateId, values: [] })),
    ).toBe(400);
    expect(
      await statusOf(
        v1(`/groupSettings/${existing.id}`).patch({ values: [{ name: 'Nope', value: 'x' }] }),
      ),
    ).toBe(400);
    await v1(`/groupSettings/${existing.id}`).patch({
      values: [{ name: 'EnableGroupCreation', value: 'true' }],
    });
  });

  it('external connection schema registration answers 202 with an operation location', async () => {
    await v1('/external/connections').post({ id: 'docs42', name: 'Docs' });
    const res = await rawRequest(sim, 'PATCH', '/v1.0/external/connections/docs42/schema', {
      body: {
        baseType: 'microsoft.graph.externalItem',
        properties: [{ name: 'title', type: 'String' }],
      },
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toMatch(/\/external\/connections\/docs42\/operations\//);
    expect((await v1('/external/connections/docs42/schema').get()).properties).toHaveLength(1);
    expect(await statusOf(v1('/external/connections').post({ id: 'x', name: 'too short' }))).toBe(
      400,
    );
  });
});

describe('organizational branding (binary streams)', () => {
  const org = () => demo.collections.organization[0].id;

  it('GET branding is the default localization; localizations list includes it', async () => {
    const branding = await v1(`/organization/${org()}/branding`).get();
    expect(branding.id).toBe('0');
    expect(branding.bannerLogoRelativeUrl).toEqual(expect.any(String));
    const locs = await v1(`/organization/${org()}/branding/localizations`).get();
    expect(locs.value.map((l: { id: string }) => l.id)).toEqual(['0', 'fr-FR', 'de-DE']);
  });

  it('image streams round-trip as bytes with their content type', async () => {
    const png = solidPng(240, 240, [200, 30, 30]);
    const path = `/organization/${org()}/branding/localizations/de-DE/squareLogo`;
    await v1(path).header('Content-Type', 'image/png').put(png);
    const back = (await v1(path).responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer;
    expect(Buffer.from(back).equals(png)).toBe(true);
    const raw = await rawRequest(sim, 'GET', `/v1.0${path}`);
    expect(raw.headers.get('content-type')).toBe('image/png');
    const loc = await v1(`/organization/${org()}/branding/localizations/de-DE`).get();
    expect(loc.squareLogoRelativeUrl).toContain('squareLogo');
    expect(loc).not.toHaveProperty('@sim.streams');

    // The default branding's generated banner is served as well.
    const banner = (await v1(`/organization/${org()}/branding/bannerLogo`)
      .responseType(ResponseType.ARRAYBUFFER)
      .get()) as ArrayBuffer;
    expect(Buffer.from(banner).subarray(1, 4).toString('ascii')).toBe('PNG');
  });

  it('streams refuse wrong content types; unset streams are 404; CSS is text/css', async () => {
    const base = `/organization/${org()}/branding`;
    expect(
      await statusOf(
        v1(`${base}/favicon`).header('Content-Type', 'text/css').put(Buffer.from('x')),
      ),
    ).toBe(400);
    expect(
      await statusOf(
        v1(`${base}/localizations/de-DE/backgroundImage`)
          .responseType(ResponseType.ARRAYBUFFER)
          .get(),
      ),
    ).toBe(404);
    await v1(`${base}/customCSS`)
      .header('Content-Type', 'text/css')
      .put(Buffer.from('.x{color:red}'));
    const css = await rawRequest(sim, 'GET', `/v1.0${base}/customCSS`);
    expect([css.headers.get('content-type'), css.body]).toEqual(['text/css', '.x{color:red}']);
  });

  it('localizations: the locale is the id; PATCH branding; the default cannot be deleted', async () => {
    const base = `/organization/${org()}/branding`;
    const created = await v1(`${base}/localizations`).post({ id: 'es-ES', signInPageText: 'Hola' });
    expect(created.id).toBe('es-ES');
    expect(await statusOf(v1(`${base}/localizations`).post({ id: 'es-ES' }))).toBe(400);
    expect(await statusOf(v1(`${base}/localizations`).post({ id: 'not a locale' }))).toBe(400);
    await v1(base).patch({ signInPageText: 'Welcome back' });
    expect((await v1(`${base}/localizations/0`).get()).signInPageText).toBe('Welcome back');
    expect(await statusOf(v1(base).patch({ bannerLogoRelativeUrl: 'x' }))).toBe(400);
    expect(await statusOf(v1(`${base}/localizations/0`).delete())).toBe(400);
    await v1(`${base}/localizations/es-ES`).delete();
    expect(await statusOf(v1(`${base}/localizations/es-ES`).get())).toBe(404);
  });

  it('a tenant without branding answers 404 until the first PATCH creates it', async () => {
    const bare = structuredClone(demo);
    bare.children.organizationalBrandingLocalizations = {};
    const other = await startSimulator({ state: bare });
    const { client: c, close: done } = simulatorGraphClient(other);
    try {
      expect(await statusOf(c.api(`/organization/${org()}/branding`).get())).toBe(404);
      await c.api(`/organization/${org()}/branding`).patch({ signInPageText: 'Hi' });
      expect((await c.api(`/organization/${org()}/branding`).get()).id).toBe('0');
    } finally {
      await done();
      await other.stop();
    }
  });
});

describe('catalogue generator', () => {
  it('references are consistent, and the integrity check flags broken ones', () => {
    expect(checkTenantIntegrity(demo)).toEqual([]);
    const broken = structuredClone(demo);
    broken.collections.accessPackages[0].catalog = { id: 'missing' };
    broken.collections.groupSettings[0].templateId = 'missing';
    expect(checkTenantIntegrity(broken)).toEqual([
      `access package ${broken.collections.accessPackages[0].id}: missing catalog`,
      `group setting ${broken.collections.groupSettings[0].id}: missing template`,
    ]);
  });

  it('M scales the catalogue up from demo', () => {
    const medium = generateTenant({ preset: 'M' });
    for (const r of ['mobileApps', 'riskDetections', 'accessPackages', 'roleEligibilitySchedules'])
      expect([r, medium.collections[r].length > demo.collections[r].length]).toEqual([r, true]);
  });
});
