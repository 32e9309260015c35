import type { ModuleDefinition } from './types';

const TARGET_LITERALS = ['all_users'];

/** The tenant's authentication methods policy: one object, changed by PATCH only. */
export const authenticationMethodsPolicyModule: ModuleDefinition = {
  id: 'authenticationMethodsPolicy',
  displayName: 'Authentication methods policy',
  category: 'Policies',
  graphVersion: 'v1.0',
  kind: 'singleton',
  listPath: '/policies/authenticationMethodsPolicy',
  itemPath: '/policies/authenticationMethodsPolicy',
  relationships: [],
  children: [],
  readOnlyProperties: ['id', 'lastModifiedDateTime', 'policyVersion'],
  references: [
    {
      path: 'authenticationMethodConfigurations[].includeTargets[].id',
      targets: ['groups'],
      literals: TARGET_LITERALS,
    },
    {
      path: 'authenticationMethodConfigurations[].excludeTargets[].id',
      targets: ['groups'],
      literals: TARGET_LITERALS,
    },
    {
      path: 'registrationEnforcement.authenticationMethodsRegistrationCampaign.includeTargets[].id',
      targets: ['users', 'groups'],
      literals: TARGET_LITERALS,
    },
    {
      path: 'registrationEnforcement.authenticationMethodsRegistrationCampaign.excludeTargets[].id',
      targets: ['users', 'groups'],
      literals: TARGET_LITERALS,
    },
  ],
  restore: { kind: 'singleton', method: 'PATCH', path: '/policies/authenticationMethodsPolicy' },
  dependsOn: ['users', 'groups'],
  permissions: {
    read: ['Policy.Read.AuthenticationMethod'],
    write: ['Policy.ReadWrite.AuthenticationMethod'],
  },
  caveats: [
    'Per-method settings (authenticationMethodConfigurations) are written method by method with their target group ids remapped.',
    'Authentication methods registered by users are not part of the policy and are not restored.',
  ],
};
