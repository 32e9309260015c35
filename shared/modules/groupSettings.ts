import type { ModuleDefinition } from './types';

/** Tenant-wide directory settings (Group.Unified, password rule settings…), one per template. */
export const groupSettingsModule: ModuleDefinition = {
  id: 'groupSettings',
  displayName: 'Directory settings (group settings)',
  category: 'Organization',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/groupSettings',
  itemPath: '/groupSettings/{id}',
  relationships: [],
  children: [],
  // templateId cannot change but is required on create, so it is kept.
  readOnlyProperties: ['id', 'displayName'],
  references: [],
  restore: { kind: 'createOrUpdate', updatePath: '/groupSettings/{id}' },
  dependsOn: [],
  permissions: { read: ['GroupSettings.Read.All'], write: ['GroupSettings.ReadWrite.All'] },
  caveats: [
    'Only one setting object per template may exist: restoring into a tenant that already has one for the template under another id fails for that object.',
    'Values are name/value strings; a value naming a group (GroupCreationAllowedGroupId) is not remapped and must be fixed if that group was re-created.',
  ],
  addedInVersion: '0.2.0',
};
