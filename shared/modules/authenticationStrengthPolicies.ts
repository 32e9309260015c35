import type { ModuleDefinition } from './types';

/** Authentication strengths (allowed method combinations) used by Conditional Access grants. */
export const authenticationStrengthPoliciesModule: ModuleDefinition = {
  id: 'authenticationStrengthPolicies',
  displayName: 'Authentication strength policies',
  category: 'Devices & Security',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/policies/authenticationStrengthPolicies',
  itemPath: '/policies/authenticationStrengthPolicies/{id}',
  relationships: [],
  children: [],
  readOnlyProperties: [
    'id',
    'createdDateTime',
    'modifiedDateTime',
    'policyType',
    'requirementsSatisfied',
  ],
  references: [],
  restore: {
    kind: 'createOrUpdate',
    updatePath: '/policies/authenticationStrengthPolicies/{id}',
    // The three Microsoft strengths (MFA, passwordless MFA, phishing-resistant) are fixed.
    builtInWhen: { property: 'policyType', equals: 'builtIn' },
  },
  dependsOn: [],
  permissions: {
    read: ['Policy.Read.AuthenticationMethod'],
    write: ['Policy.ReadWrite.ConditionalAccess'],
  },
  caveats: [
    'allowedCombinations of an existing strength change only through updateAllowedCombinations; a PATCH keeps the live combinations.',
    'Conditional Access policies name strengths by id: a re-created custom strength gets a new id.',
  ],
  addedInVersion: '0.2.0',
};
