import type { ModuleDefinition } from './types';

/** Azure AD B2C user flows (sign-up/sign-in, profile edit, password reset). */
export const b2cUserFlowsModule: ModuleDefinition = {
  id: 'b2cUserFlows',
  displayName: 'B2C user flows',
  category: 'External identities',
  graphVersion: 'beta',
  betaReason:
    'B2C user flows (/identity/b2cUserFlows) exist only in beta; v1.0 has only b2xUserFlows for External ID self-service sign-up.',
  kind: 'collection',
  listPath: '/identity/b2cUserFlows',
  itemPath: '/identity/b2cUserFlows/{id}',
  relationships: [],
  children: [],
  readOnlyProperties: ['id'],
  references: [],
  restore: { kind: 'createOrUpdate', updatePath: '/identity/b2cUserFlows/{id}' },
  // The flow name (B2C_1_…) is the id applications use in their authority URLs.
  callerChosenId: true,
  dependsOn: ['identityProviders', 'apiConnectors'],
  permissions: {
    read: ['IdentityUserFlow.Read.All'],
    write: ['IdentityUserFlow.ReadWrite.All'],
  },
  caveats: [
    'Only B2C tenants have user flows; in other tenants the module backs up nothing.',
    'Graph adds the B2C_1_ prefix on create: the id is sent without it.',
    'Identity providers, user attribute assignments, languages and API connector steps of a flow are not backed up by this module; custom policies (Identity Experience Framework) are out of scope.',
  ],
  addedInVersion: '0.2.0',
};
