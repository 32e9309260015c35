import { DIRECTORY_PAGE_SIZE, directorySoftDelete } from './common';
import type { ModuleDefinition } from './types';

/** Administrative units. v1.0 has them under /directory (the root collection is beta-only). */
export const administrativeUnitsModule: ModuleDefinition = {
  id: 'administrativeUnits',
  displayName: 'Administrative units',
  category: 'Roles & Permissions',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/directory/administrativeUnits',
  itemPath: '/directory/administrativeUnits/{id}',
  select: [
    'id',
    'deletedDateTime',
    'description',
    'displayName',
    'isMemberManagementRestricted',
    'membershipRule',
    'membershipRuleProcessingState',
    'membershipType',
    'visibility',
  ],
  pageSize: DIRECTORY_PAGE_SIZE,
  delta: { path: '/directory/administrativeUnits/delta' },
  relationships: [
    {
      name: 'members',
      cardinality: 'many',
      readVia: 'delta',
      targets: ['users', 'groups'],
      addPath: '/directory/administrativeUnits/{id}/members/$ref',
      removePath: '/directory/administrativeUnits/{id}/members/{refId}/$ref',
      // Dynamic administrative units compute their members from the rule.
      skipWriteWhen: { property: 'membershipType', includes: 'Dynamic' },
    },
  ],
  children: [],
  readOnlyProperties: ['id', 'deletedDateTime'],
  references: [],
  restore: {
    kind: 'createOrUpdate',
    updatePath: '/directory/administrativeUnits/{id}',
    softDelete: directorySoftDelete('administrativeUnit'),
  },
  dependsOn: ['users', 'groups'],
  naturalKey: 'displayName',
  permissions: {
    read: ['AdministrativeUnit.Read.All'],
    write: ['AdministrativeUnit.ReadWrite.All'],
  },
  caveats: [
    'isMemberManagementRestricted can only be set at creation; objects in a restricted unit cannot be managed by tenant-level apps.',
    'Members of dynamic administrative units are not written: the membership rule is restored instead.',
    'Scoped role members of administrative units are not part of this module.',
  ],
};
