/**
 * Generated objects use only properties Graph v1.0 declares: top-level names are checked against
 * graph-examples/schema.json (test/fixtures), and every nested object (complex types, derived types
 * named by @odata.type, contained navigation such as includeTargets) against the v1.0 CSDL.
 */
import type { GraphObject, TenantState } from '../tenantState';
import { generateTenant } from '../generator';
import { readCsdlText, readGraphExample } from '../../support/fixtures';

interface CsdlMember {
  type: string;
  containsTarget: boolean;
}
interface CsdlType {
  base: string | null;
  members: Map<string, CsdlMember>;
}

/** EntityType/ComplexType declarations of the microsoft.graph namespace. */
function readCsdl(xml: string): Map<string, CsdlType> {
  const start = xml.indexOf('<Schema Namespace="microsoft.graph"');
  const end = xml.indexOf('</Schema>', start);
  const schema = xml.slice(start, end);
  const types = new Map<string, CsdlType>();
  const typeRe = /<(EntityType|ComplexType) Name="([^"]+)"([^>]*?)(\/?)>/g;
  let m: RegExpExecArray | null;
  while ((m = typeRe.exec(schema))) {
    const base = /BaseType="graph\.([^"]+)"/.exec(m[3])?.[1] ?? null;
    const members = new Map<string, CsdlMember>();
    if (m[4] !== '/') {
      const close = schema.indexOf(`</${m[1]}>`, typeRe.lastIndex);
      const body = schema.slice(typeRe.lastIndex, close);
      for (const p of body.matchAll(
        /<(Property|NavigationProperty) Name="([^"]+)" Type="([^"]+)"([^>]*)>/g,
      )) {
        members.set(p[2], {
          type: p[3],
          containsTarget: p[1] === 'Property' || /ContainsTarget="true"/.test(p[4]),
        });
      }
    }
    types.set(m[2], { base, members });
  }
  return types;
}

const TOP_LEVEL_TYPES: Record<string, string> = {
  users: 'user',
  groups: 'group',
  administrativeUnits: 'administrativeUnit',
  directoryRoles: 'directoryRole',
  directoryRoleTemplates: 'directoryRoleTemplate',
  roleDefinitions: 'unifiedRoleDefinition',
  roleAssignments: 'unifiedRoleAssignment',
  applications: 'application',
  servicePrincipals: 'servicePrincipal',
  appRoleAssignments: 'appRoleAssignment',
  oauth2PermissionGrants: 'oAuth2PermissionGrant',
  conditionalAccessPolicies: 'conditionalAccessPolicy',
  namedLocations: 'namedLocation',
  organization: 'organization',
  federatedIdentityCredentials: 'federatedIdentityCredential',
  extensionProperties: 'extensionProperty',
  authenticationMethodsPolicy: 'authenticationMethodsPolicy',
  authorizationPolicy: 'authorizationPolicy',
  // Full catalogue (issue 6).
  teamsApps: 'teamsApp',
  teamsAppDefinitions: 'teamsAppDefinition',
  mobileApps: 'mobileApp',
  mobileAppAssignments: 'mobileAppAssignment',
  claimsMappingPolicies: 'claimsMappingPolicy',
  tokenLifetimePolicies: 'tokenLifetimePolicy',
  tokenIssuancePolicies: 'tokenIssuancePolicy',
  homeRealmDiscoveryPolicies: 'homeRealmDiscoveryPolicy',
  appManagementPolicies: 'appManagementPolicy',
  riskDetections: 'riskDetection',
  authenticationStrengthPolicies: 'authenticationStrengthPolicy',
  authenticationContextClassReferences: 'authenticationContextClassReference',
  permissionGrantPolicies: 'permissionGrantPolicy',
  permissionGrantPolicyIncludes: 'permissionGrantConditionSet',
  permissionGrantPolicyExcludes: 'permissionGrantConditionSet',
  roleEligibilitySchedules: 'unifiedRoleEligibilitySchedule',
  roleAssignmentSchedules: 'unifiedRoleAssignmentSchedule',
  roleManagementPolicies: 'unifiedRoleManagementPolicy',
  roleManagementPolicyRules: 'unifiedRoleManagementPolicyRule',
  roleManagementPolicyAssignments: 'unifiedRoleManagementPolicyAssignment',
  accessPackageCatalogs: 'accessPackageCatalog',
  accessPackages: 'accessPackage',
  accessPackageResourceRoleScopes: 'accessPackageResourceRoleScope',
  accessPackageAssignmentPolicies: 'accessPackageAssignmentPolicy',
  connectedOrganizations: 'connectedOrganization',
  accessReviewDefinitions: 'accessReviewScheduleDefinition',
  agreements: 'agreement',
  crossTenantAccessPartners: 'crossTenantAccessPolicyConfigurationPartner',
  identityProviders: 'identityProviderBase',
  apiConnectors: 'identityApiConnector',
  organizationalBrandingLocalizations: 'organizationalBrandingLocalization',
  domains: 'domain',
  domainFederationConfigurations: 'internalDomainFederation',
  groupSettingTemplates: 'groupSettingTemplate',
  groupSettings: 'groupSetting',
  sensitivityLabels: 'sensitivityLabel',
  deviceRegistrationPolicy: 'deviceRegistrationPolicy',
  adminConsentRequestPolicy: 'adminConsentRequestPolicy',
  identitySecurityDefaultsEnforcementPolicy: 'identitySecurityDefaultsEnforcementPolicy',
  defaultAppManagementPolicy: 'tenantAppManagementPolicy',
  // Catalogue 0.3.0.
  activityBasedTimeoutPolicies: 'activityBasedTimeoutPolicy',
  authenticationFlowsPolicy: 'authenticationFlowsPolicy',
  groupLifecyclePolicies: 'groupLifecyclePolicy',
  attributeSets: 'attributeSet',
  customSecurityAttributeDefinitions: 'customSecurityAttributeDefinition',
  customSecurityAttributeAllowedValues: 'allowedValue',
};

/** Resources this check cannot cover, and why. */
const NOT_CHECKED: Record<string, string> = {
  b2cUserFlows: 'beta only (not in the v1.0 CSDL)',
  labelPolicySettings: 'beta only (not in the v1.0 CSDL)',
  securityAlerts: 'microsoft.graph.security namespace (this reader covers microsoft.graph only)',
  externalConnections: 'microsoft.graph.externalConnectors namespace',
  externalConnectionSchemas: 'microsoft.graph.externalConnectors namespace',
};

/** Navigation properties the simulator stores inline as `{ id }` (written that way on create). */
const INLINE_REFERENCES = new Set(['catalog', 'accessPackage', 'role', 'scope']);

/** Every object of the tenant with the resource it belongs to. */
function* objectsOf(t: TenantState): Generator<[string, GraphObject]> {
  for (const [name, list] of Object.entries(t.collections)) for (const o of list) yield [name, o];
  for (const [name, list] of Object.entries(t.deleted)) for (const o of list) yield [name, o];
  for (const [name, byParent] of Object.entries(t.children))
    for (const list of Object.values(byParent)) for (const o of list) yield [name, o];
  for (const [name, o] of Object.entries(t.singletons)) yield [name, o];
}

describe('generated objects match the Graph v1.0 schema', () => {
  const csdl = readCsdl(readCsdlText());
  const schema =
    readGraphExample<Record<string, { properties: string[]; navigationProperties?: string[] }>>(
      'schema',
    );
  const tenants: Array<[string, TenantState]> = [
    ['demo', generateTenant({ preset: 'demo' })],
    ['S', generateTenant({ preset: 'S', seed: 3 })],
  ];

  const chain = (name: string): CsdlType[] => {
    const out: CsdlType[] = [];
    for (let t = csdl.get(name); t; t = t.base ? csdl.get(t.base) : undefined) out.push(t);
    return out;
  };
  const memberOf = (typeName: string, prop: string): CsdlMember | undefined => {
    for (const t of chain(typeName)) {
      const member = t.members.get(prop);
      if (member) return member;
    }
    return undefined;
  };
  const isDerivedFrom = (typeName: string, ancestor: string): boolean => {
    for (let t: string | null = typeName; t; t = csdl.get(t)?.base ?? null)
      if (t === ancestor) return true;
    return false;
  };

  /** Property names of `value` not declared on its type (recursively), as paths. */
  const undeclared = (value: unknown, declaredType: string, path: string, out: string[]): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => undeclared(v, declaredType, `${path}[${i}]`, out));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const obj = value as Record<string, unknown>;
    let typeName = declaredType;
    const odataType = obj['@odata.type'];
    if (typeof odataType === 'string') {
      typeName = odataType.replace('#microsoft.graph.', '');
      if (!isDerivedFrom(typeName, declaredType))
        out.push(`${path}: @odata.type ${odataType} is not a ${declaredType}`);
    }
    if (!csdl.has(typeName)) {
      out.push(`${path}: unknown type ${typeName}`);
      return;
    }
    for (const [key, v] of Object.entries(obj)) {
      // '@sim.' keys are the simulator's private storage (binary streams).
      if (key === '@odata.type' || key.startsWith('@sim.')) continue;
      const member = memberOf(typeName, key);
      if (member && INLINE_REFERENCES.has(key)) continue;
      if (!member || !member.containsTarget) {
        out.push(`${path}.${key} (not on ${typeName})`);
        continue;
      }
      const inner = /^(?:Collection\()?graph\.([^)]+)\)?$/.exec(member.type)?.[1];
      if (inner && csdl.has(inner)) undeclared(v, inner, `${path}.${key}`, out);
    }
  };

  it.each(['demo', 'S'])('%s: top-level property names are in schema.json', (preset) => {
    const tenant = tenants.find(([p]) => p === preset)![1];
    const problems = new Set<string>();
    for (const [resource, o] of objectsOf(tenant)) {
      const declared = schema[resource];
      if (!declared) continue;
      // The methods policy returns its contained configurations inline.
      const allowed = new Set([
        ...declared.properties,
        '@odata.type',
        ...(resource === 'authenticationMethodsPolicy'
          ? ['authenticationMethodConfigurations']
          : []),
      ]);
      for (const key of Object.keys(o)) if (!allowed.has(key)) problems.add(`${resource}.${key}`);
    }
    expect([...problems]).toEqual([]);
  });

  it.each(['demo', 'S'])(
    '%s: every object and nested value uses only CSDL-declared properties',
    (preset) => {
      const tenant = tenants.find(([p]) => p === preset)![1];
      const problems = new Set<string>();
      const seenShapes = new Set<string>();
      for (const [resource, o] of objectsOf(tenant)) {
        if (NOT_CHECKED[resource]) continue;
        const type = TOP_LEVEL_TYPES[resource];
        expect([resource, type !== undefined]).toEqual([resource, true]);
        // Objects of one resource mostly share a shape; checking each distinct key set keeps this fast.
        const shape = `${resource}:${JSON.stringify(o, (_k, v: unknown) => (typeof v === 'string' || typeof v === 'number' ? 0 : v))}`;
        if (seenShapes.has(shape)) continue;
        seenShapes.add(shape);
        const out: string[] = [];
        // Partners have no id in Graph: the simulator stores them under their tenantId (hidden on reads).
        const { id: _key, ...withoutKey } = o;
        undeclared(resource === 'crossTenantAccessPartners' ? withoutKey : o, type, resource, out);
        for (const p of out) problems.add(p.replace(/\[\d+\]/g, '[]'));
      }
      expect([...problems]).toEqual([]);
    },
  );

  it('the check itself flags undeclared properties, nested ones and wrong @odata.type', () => {
    const tenant = tenants[0][1];
    const policy = structuredClone(tenant.collections.conditionalAccessPolicies[0]);
    (policy.conditions as { users: Record<string, unknown> }).users.bogusUsers = [];
    const location = {
      ...tenant.collections.namedLocations[0],
      '@odata.type': '#microsoft.graph.user',
    };
    const out: string[] = [];
    undeclared({ ...tenant.collections.users[0], manager: null, bogus: 1 }, 'user', 'users', out);
    undeclared(policy, 'conditionalAccessPolicy', 'conditionalAccessPolicies', out);
    undeclared(location, 'namedLocation', 'namedLocations', out);
    expect(out).toEqual(
      expect.arrayContaining([
        'users.manager (not on user)',
        'users.bogus (not on user)',
        'conditionalAccessPolicies.conditions.users.bogusUsers (not on conditionalAccessUsers)',
        'namedLocations: @odata.type #microsoft.graph.user is not a namedLocation',
      ]),
    );
  });

  it('covers every collection, child collection and singleton with a known type', () => {
    const tenant = tenants[0][1];
    const resources = new Set([...objectsOf(tenant)].map(([r]) => r));
    for (const r of resources)
      if (!NOT_CHECKED[r]) expect([r, csdl.has(TOP_LEVEL_TYPES[r])]).toEqual([r, true]);
    expect(resources.size).toBeGreaterThanOrEqual(18);
  });
});
