/**
 * Object counts per preset. L is the reference ("a large enterprise tenant"); S and M keep L's
 * proportions scaled by user count, with small floors so every feature still appears.
 * `demo` lists what the hand-written Contoso story produces (see demoTenant.ts).
 */
export type PresetName = 'demo' | 'S' | 'M' | 'L';

export interface PresetSpec {
  users: number;
  /** Share of `users` that are B2B guests. */
  guestRatio: number;
  /** Share of member users synced from on-premises AD. */
  syncedRatio: number;
  groups: number;
  /** Sizes of the few very large groups (the head of the membership distribution). */
  largeGroupSizes: number[];
  /** Pareto tail for all other groups: minimum size and shape (smaller alpha = longer tail). */
  groupSizeMin: number;
  groupSizeAlpha: number;
  /** Upper bound for tail groups (the large ones are set explicitly). */
  groupSizeCap: number;
  applications: number;
  /** Total, including Microsoft first-party ones and multi-tenant apps from other publishers. */
  servicePrincipals: number;
  /** Service principals of other organisations' multi-tenant apps (appId not among `applications`). */
  externalServicePrincipals: number;
  appRoleAssignments: number;
  oauth2PermissionGrants: number;
  conditionalAccessPolicies: number;
  namedLocations: number;
  administrativeUnits: number;
  customRoleDefinitions: number;
  /** Members across activated directory roles; each also has a tenant-wide unifiedRoleAssignment. */
  directoryRoleMembers: number;
  /** Additional role assignments scoped to administrative units. */
  scopedRoleAssignments: number;
  federatedIdentityCredentials: number;
  extensionProperties: number;
  deletedUsers: number;
  deletedGroups: number;
  deletedApplications: number;
}

const L: PresetSpec = {
  users: 100_000,
  guestRatio: 0.08,
  syncedRatio: 0.3,
  groups: 20_000,
  largeGroupSizes: [60_000, 25_000, 12_000],
  groupSizeMin: 3,
  groupSizeAlpha: 1.1,
  groupSizeCap: 9_000,
  applications: 5_000,
  servicePrincipals: 5_000,
  externalServicePrincipals: 988,
  appRoleAssignments: 50_000,
  oauth2PermissionGrants: 10_000,
  conditionalAccessPolicies: 300,
  namedLocations: 100,
  administrativeUnits: 200,
  customRoleDefinitions: 40,
  directoryRoleMembers: 400,
  scopedRoleAssignments: 400,
  federatedIdentityCredentials: 1_500,
  extensionProperties: 200,
  deletedUsers: 500,
  deletedGroups: 100,
  deletedApplications: 50,
};

/** Scale L's counts to `users` users; floors keep every feature present in small tenants. */
function scaled(users: number, floors: Partial<Record<keyof PresetSpec, number>>): PresetSpec {
  const f = users / L.users;
  const n = (key: keyof PresetSpec): number =>
    Math.max(floors[key] ?? 1, Math.round((L[key] as number) * f));
  const applications = n('applications');
  const externalServicePrincipals = n('externalServicePrincipals');
  return {
    ...L,
    users,
    groups: n('groups'),
    largeGroupSizes: L.largeGroupSizes.map((s) => Math.round(s * f)),
    groupSizeCap: Math.max(10, Math.round(L.groupSizeCap * f)),
    applications,
    // Same mix as L: 80 % of apps have a local service principal, plus first-party and external ones.
    servicePrincipals:
      Math.round(applications * 0.8) + FIRST_PARTY_SERVICE_PRINCIPALS + externalServicePrincipals,
    externalServicePrincipals,
    appRoleAssignments: n('appRoleAssignments'),
    oauth2PermissionGrants: n('oauth2PermissionGrants'),
    conditionalAccessPolicies: n('conditionalAccessPolicies'),
    namedLocations: n('namedLocations'),
    administrativeUnits: n('administrativeUnits'),
    customRoleDefinitions: n('customRoleDefinitions'),
    directoryRoleMembers: n('directoryRoleMembers'),
    scopedRoleAssignments: n('scopedRoleAssignments'),
    federatedIdentityCredentials: n('federatedIdentityCredentials'),
    extensionProperties: n('extensionProperties'),
    deletedUsers: n('deletedUsers'),
    deletedGroups: n('deletedGroups'),
    deletedApplications: n('deletedApplications'),
  };
}

/** Number of Microsoft first-party service principals every generated tenant has (see wellKnown.ts). */
export const FIRST_PARTY_SERVICE_PRINCIPALS = 12;

export const PRESETS: Record<PresetName, PresetSpec> = {
  demo: {
    users: 25,
    guestRatio: 2 / 25,
    syncedRatio: 0,
    groups: 13,
    largeGroupSizes: [],
    groupSizeMin: 0,
    groupSizeAlpha: 0,
    groupSizeCap: 0,
    applications: 5,
    servicePrincipals: 4 + FIRST_PARTY_SERVICE_PRINCIPALS + 1,
    externalServicePrincipals: 1,
    appRoleAssignments: 14,
    oauth2PermissionGrants: 4,
    conditionalAccessPolicies: 7,
    namedLocations: 4,
    administrativeUnits: 2,
    customRoleDefinitions: 1,
    directoryRoleMembers: 8,
    scopedRoleAssignments: 2,
    federatedIdentityCredentials: 3,
    extensionProperties: 2,
    deletedUsers: 1,
    deletedGroups: 1,
    deletedApplications: 1,
  },
  S: scaled(500, {
    groups: 100,
    applications: 25,
    externalServicePrincipals: 5,
    appRoleAssignments: 250,
    oauth2PermissionGrants: 50,
    conditionalAccessPolicies: 20,
    namedLocations: 8,
    administrativeUnits: 5,
    customRoleDefinitions: 3,
    directoryRoleMembers: 25,
    scopedRoleAssignments: 5,
    federatedIdentityCredentials: 10,
    extensionProperties: 5,
    deletedUsers: 5,
    deletedGroups: 2,
  }),
  M: scaled(10_000, {
    conditionalAccessPolicies: 60,
    directoryRoleMembers: 120,
    customRoleDefinitions: 10,
  }),
  L,
};
