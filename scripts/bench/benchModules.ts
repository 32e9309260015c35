/**
 * What the benchmark backs up and restores: the modules whose objects the tenant generator
 * populates at scale. Modules the generator leaves empty would add a few fixed requests and make
 * figures drift as the catalogue grows; `--modules all` backs up the tenant's whole scope instead.
 */
export const BENCH_MODULES = [
  'users',
  'groups',
  'applications',
  'servicePrincipals',
  'oauth2PermissionGrants',
  'administrativeUnits',
  'directoryRoles',
  'roleDefinitions',
  'roleAssignments',
  'namedLocations',
  'conditionalAccessPolicies',
  'authenticationMethodsPolicy',
  'authorizationPolicy',
] as const;
