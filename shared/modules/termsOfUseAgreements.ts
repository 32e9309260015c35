import type { ModuleDefinition } from './types';

/** Terms of use agreements that Conditional Access can require users to accept. */
export const termsOfUseAgreementsModule: ModuleDefinition = {
  id: 'termsOfUseAgreements',
  displayName: 'Terms of use agreements',
  category: 'Identity Governance',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/identityGovernance/termsOfUse/agreements',
  itemPath: '/identityGovernance/termsOfUse/agreements/{id}',
  relationships: [],
  children: [],
  readOnlyProperties: ['id'],
  references: [],
  restore: {
    kind: 'backupOnly',
    reason:
      'Agreements can only be read and written with delegated permissions (Agreement.Read.All / Agreement.ReadWrite.All have no application variant), and the agreement PDFs must be uploaded again.',
  },
  delegatedOnly: {
    reason:
      'Graph has no application permission for terms of use (Agreement.Read.All is delegated-only): an app-only backup skips this module; it is read only through a delegated connection.',
  },
  dependsOn: [],
  permissions: { read: ['Agreement.Read.All'], write: [] },
  caveats: [
    'Conditional Access policies name agreements by id: a re-created agreement gets a new id.',
  ],
  addedInVersion: '0.2.0',
};
