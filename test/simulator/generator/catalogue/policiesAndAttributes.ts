import type { GraphObject, TenantState } from '../../tenantState';
import { type CatalogueSource, add, addChildren, nth } from './source';

/**
 * Catalogue 0.3.0: activity-based timeout policies, the authentication flows policy, the group
 * expiration policy and custom security attributes (sets, definitions, allowed values).
 */
export function addPoliciesAndAttributes(s: CatalogueSource): void {
  addActivityBasedTimeoutPolicies(s);
  addAuthenticationFlowsPolicy(s);
  addGroupLifecyclePolicy(s);
  addCustomSecurityAttributes(s);
}

const timeoutDefinition = (idle: string): string[] => [
  JSON.stringify({
    ActivityBasedTimeoutPolicy: {
      Version: 1,
      ApplicationPolicies: [{ ApplicationId: 'default', WebSessionIdleTimeout: idle }],
    },
  }),
];

/** One organization default; larger presets add policies that are not the default. */
function addActivityBasedTimeoutPolicies(s: CatalogueSource): void {
  for (let i = 0; i < s.scale; i++) {
    add(s.tenant, 'activityBasedTimeoutPolicies', [
      {
        id: s.rng.guid(),
        displayName: i ? `Idle sign-out ${i + 1}` : 'Sign out idle web sessions after 1 hour',
        description: null,
        definition: timeoutDefinition(i ? `0${i}:30:00` : '01:00:00'),
        isOrganizationDefault: i === 0,
        deletedDateTime: null,
      },
    ]);
  }
}

/** Self-service sign-up switched off (the service default is on). */
function addAuthenticationFlowsPolicy(s: CatalogueSource): void {
  s.tenant.singletons.authenticationFlowsPolicy = {
    id: 'authenticationFlowsPolicy',
    displayName: 'Authentication flows policy',
    description:
      'Authentication flows policy allows modification of settings related to authentication flows in AAD tenant, such as self-service sign up configuration.',
    selfServiceSignUp: { isEnabled: false },
  };
}

/** Graph allows one expiration policy per tenant. */
function addGroupLifecyclePolicy(s: CatalogueSource): void {
  const admin = nth(s.members, 0);
  add(s.tenant, 'groupLifecyclePolicies', [
    {
      id: s.rng.guid(),
      groupLifetimeInDays: 180,
      managedGroupTypes: 'All',
      alternateNotificationEmails: String(admin.mail ?? admin.userPrincipalName),
    },
  ]);
}

interface DefinitionSpec {
  set: string;
  name: string;
  description: string;
  type: 'String' | 'Integer' | 'Boolean';
  isCollection: boolean;
  status?: 'Available' | 'Deprecated';
  /** Predefined values; `!` marks a deactivated one. */
  values?: string[];
}

const SETS: Array<[id: string, description: string]> = [
  ['Engineering', 'Attributes for engineering projects'],
  ['Marketing', 'Attributes for marketing campaigns'],
];

const DEFINITIONS: DefinitionSpec[] = [
  {
    set: 'Engineering',
    name: 'Project',
    description: 'Active projects for the user',
    type: 'String',
    isCollection: true,
    values: ['Alpine', 'Baker', 'Cascade', '!Denali'],
  },
  {
    set: 'Engineering',
    name: 'ProjectDate',
    description: 'Target completion date (YYYY-MM-DD)',
    type: 'String',
    isCollection: false,
  },
  {
    set: 'Engineering',
    name: 'LegacyCode',
    description: 'Superseded by Project',
    type: 'String',
    isCollection: false,
    status: 'Deprecated',
  },
  {
    set: 'Marketing',
    name: 'CostCenter',
    description: 'Cost center number',
    type: 'Integer',
    isCollection: false,
  },
  {
    set: 'Marketing',
    name: 'CampaignOwner',
    description: 'Owns at least one campaign',
    type: 'Boolean',
    isCollection: false,
  },
];

/** Sets first, then definitions (id `{set}_{name}`, as Graph sets it) and their allowed values. */
function addCustomSecurityAttributes(s: CatalogueSource): void {
  const sets = [...SETS];
  for (let i = 1; i < s.scale; i++) sets.push([`Program${i + 1}`, `Program ${i + 1} attributes`]);
  add(
    s.tenant,
    'attributeSets',
    sets.map(([id, description]) => ({ id, description, maxAttributesPerSet: 25 })),
  );
  const specs = [...DEFINITIONS];
  for (const [set] of sets.slice(SETS.length)) {
    specs.push({
      set,
      name: 'Tier',
      description: 'Service tier',
      type: 'String',
      isCollection: false,
      values: ['Gold', 'Silver'],
    });
  }
  for (const spec of specs) {
    const id = `${spec.set}_${spec.name}`;
    add(s.tenant, 'customSecurityAttributeDefinitions', [
      {
        id,
        attributeSet: spec.set,
        name: spec.name,
        description: spec.description,
        type: spec.type,
        isCollection: spec.isCollection,
        isSearchable: spec.type !== 'Boolean',
        status: spec.status ?? 'Available',
        usePreDefinedValuesOnly: spec.values !== undefined,
      },
    ]);
    if (spec.values) {
      addChildren(
        s.tenant,
        'customSecurityAttributeAllowedValues',
        id,
        spec.values.map((v) => ({ id: v.replace(/^!/, ''), isActive: !v.startsWith('!') })),
      );
    }
  }
}

/** Broken references among these types, as readable messages. */
export function checkPoliciesAndAttributesIntegrity(t: TenantState): string[] {
  const problems: string[] = [];
  const sets = new Set((t.collections.attributeSets ?? []).map((o) => o.id));
  const definitions = new Map<string, GraphObject>(
    (t.collections.customSecurityAttributeDefinitions ?? []).map((o) => [o.id, o]),
  );
  for (const d of definitions.values()) {
    if (!sets.has(String(d.attributeSet)))
      problems.push(
        `attribute definition ${d.id}: missing attribute set ${String(d.attributeSet)}`,
      );
    if (d.id !== `${String(d.attributeSet)}_${String(d.name)}`)
      problems.push(`attribute definition ${d.id}: id is not {attributeSet}_{name}`);
  }
  for (const id of Object.keys(t.children.customSecurityAttributeAllowedValues ?? {}))
    if (!definitions.has(id)) problems.push(`allowed values of missing attribute definition ${id}`);
  if ((t.collections.groupLifecyclePolicies ?? []).length > 1)
    problems.push('more than one group lifecycle policy');
  return problems;
}
