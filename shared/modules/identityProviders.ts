import { GENERATED_PASSWORD, type ModuleDefinition } from './types';

/**
 * External identity providers (Google, Facebook, Apple, OpenID Connect…) for B2B and External
 * ID sign-up. identityProviderBase is polymorphic: writes carry the concrete @odata.type.
 */
export const identityProvidersModule: ModuleDefinition = {
  id: 'identityProviders',
  displayName: 'Identity providers',
  category: 'External identities',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/identity/identityProviders',
  itemPath: '/identity/identityProviders/{id}',
  relationships: [],
  children: [],
  readOnlyProperties: ['id'],
  // Graph returns the client secret masked ('****'); sending the mask back would overwrite it.
  writeOnlyProperties: ['clientSecret'],
  keepODataType: true,
  references: [],
  restore: {
    kind: 'createOrUpdate',
    updatePath: '/identity/identityProviders/{id}',
    // Graph requires a secret on create and never returns it: a random one stands in.
    createDefaults: { clientSecret: GENERATED_PASSWORD },
  },
  dependsOn: [],
  permissions: {
    read: ['IdentityProvider.Read.All'],
    write: ['IdentityProvider.ReadWrite.All'],
  },
  caveats: [
    'Client secrets of identity providers cannot be read back: a re-created provider gets a random secret that must be replaced with the real one from your vault.',
    'Built-in providers (Microsoft account, email one-time passcode) cannot be created or deleted.',
  ],
  addedInVersion: '0.2.0',
};
