import type { ModuleDefinition } from './types';

/** Security defaults on or off (the identitySecurityDefaultsEnforcementPolicy). */
export const securityDefaultsModule: ModuleDefinition = {
  id: 'securityDefaults',
  displayName: 'Security defaults',
  category: 'Devices & Security',
  graphVersion: 'v1.0',
  kind: 'singleton',
  listPath: '/policies/identitySecurityDefaultsEnforcementPolicy',
  itemPath: '/policies/identitySecurityDefaultsEnforcementPolicy',
  relationships: [],
  children: [],
  // Graph updates only isEnabled: the name and description are Microsoft's and refused on PATCH.
  readOnlyProperties: ['id', 'deletedDateTime', 'displayName', 'description'],
  references: [],
  restore: {
    kind: 'singleton',
    method: 'PATCH',
    path: '/policies/identitySecurityDefaultsEnforcementPolicy',
  },
  dependsOn: [],
  permissions: {
    read: ['Policy.Read.All'],
    write: ['Policy.ReadWrite.SecurityDefaults'],
  },
  caveats: [
    'Security defaults cannot be enabled while Conditional Access policies are enabled: restore one or the other.',
  ],
  addedInVersion: '0.2.0',
};
