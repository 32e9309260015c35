import type { ModuleDefinition } from './types';

/**
 * Custom security attribute definitions. Graph sets the id to `{attributeSet}_{name}`, so it is
 * the same in every tenant and a re-created definition gets its old id back.
 */
export const customSecurityAttributeDefinitionsModule: ModuleDefinition = {
  id: 'customSecurityAttributeDefinitions',
  displayName: 'Custom security attribute definitions',
  category: 'Organization',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/directory/customSecurityAttributeDefinitions',
  itemPath: '/directory/customSecurityAttributeDefinitions/{id}',
  relationships: [],
  children: [
    {
      name: 'allowedValues',
      listPath: '/directory/customSecurityAttributeDefinitions/{id}/allowedValues',
      readOnlyProperties: ['id'],
      references: [],
      // Graph cannot delete an allowed value (it is deactivated with isActive false), but a
      // child that is restored is also deleted when a rollback finds it extra: back up only.
      restore: 'backupOnly',
      matchBy: ['id'],
      // The id is the value itself ('Alpine').
      callerChosenId: true,
    },
  ],
  readOnlyProperties: ['id'],
  references: [{ path: 'attributeSet', targets: ['attributeSets'] }],
  restore: {
    kind: 'createOrUpdate',
    updatePath: '/directory/customSecurityAttributeDefinitions/{id}',
    // Only description, status and usePreDefinedValuesOnly can change after creation.
    immutableProperties: ['attributeSet', 'isCollection', 'isSearchable', 'name', 'type'],
  },
  dependsOn: ['attributeSets'],
  permissions: {
    read: ['CustomSecAttributeDefinition.Read.All'],
    write: ['CustomSecAttributeDefinition.ReadWrite.All'],
  },
  caveats: [
    "Definitions cannot be deleted, only deactivated (status 'Deprecated'): a definition created after the backup stays, and restoring status 'Available' reactivates one.",
    'allowedValues are backed up but not restored: add missing values, or set isActive, by hand (Graph cannot delete them, and a restored child would be deleted when a rollback finds it extra).',
    'The attribute values assigned to users and service principals belong to those objects and are not part of this module.',
  ],
  addedInVersion: '0.3.0',
};
