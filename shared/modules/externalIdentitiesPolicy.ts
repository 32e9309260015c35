import type { ModuleDefinition } from './types';

/** Tenant-wide External ID settings (self-service leave, guest user deletion behaviour). */
export const externalIdentitiesPolicyModule: ModuleDefinition = {
  id: 'externalIdentitiesPolicy',
  displayName: 'External identities policy',
  category: 'External identities',
  graphVersion: 'beta',
  betaReason:
    'externalIdentitiesPolicy exists only in the beta endpoint; v1.0 has no equivalent resource.',
  kind: 'singleton',
  listPath: '/policies/externalIdentitiesPolicy',
  itemPath: '/policies/externalIdentitiesPolicy',
  relationships: [],
  children: [],
  readOnlyProperties: ['id', 'deletedDateTime'],
  references: [],
  restore: { kind: 'singleton', method: 'PATCH', path: '/policies/externalIdentitiesPolicy' },
  dependsOn: [],
  permissions: { read: ['Policy.Read.All'], write: ['Policy.ReadWrite.ExternalIdentities'] },
  caveats: [
    'Guest invitation settings (who may invite) live in the authorization policy; cross-tenant rules in the cross-tenant access modules.',
  ],
  addedInVersion: '0.2.0',
};
