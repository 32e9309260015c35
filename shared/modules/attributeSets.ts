import type { ModuleDefinition } from './types';

/** Custom security attribute sets: the containers custom security attributes are defined in. */
export const attributeSetsModule: ModuleDefinition = {
  id: 'attributeSets',
  displayName: 'Custom security attribute sets',
  category: 'Organization',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/directory/attributeSets',
  itemPath: '/directory/attributeSets/{id}',
  relationships: [],
  children: [],
  readOnlyProperties: ['id'],
  references: [],
  // Graph cannot delete attribute sets; the restore engine deletes objects only to replace
  // immutable ones, so a plain create-or-update never sends a DELETE.
  restore: { kind: 'createOrUpdate', updatePath: '/directory/attributeSets/{id}' },
  // The id is the set's name (e.g. 'Engineering'), the same in every tenant.
  callerChosenId: true,
  dependsOn: [],
  permissions: {
    read: ['CustomSecAttributeDefinition.Read.All'],
    write: ['CustomSecAttributeDefinition.ReadWrite.All'],
  },
  caveats: [
    'Attribute sets cannot be deleted: a set created after the backup stays in the tenant.',
    'maxAttributesPerSet can only be raised: a lower value in the backup than live fails for that set.',
    'Writing custom security attributes needs the Attribute Definition Administrator role for the restoring identity besides the permission.',
  ],
  addedInVersion: '0.3.0',
};
