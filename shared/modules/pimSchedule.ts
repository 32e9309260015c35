import { PRINCIPAL_MODULES } from './common';
import type { ModuleDefinition } from './types';

/**
 * PIM role eligibility and assignment schedules share one shape: read as schedules, restored by
 * an `adminAssign` schedule request (there is no POST, PATCH or DELETE on schedules).
 */
export function pimScheduleModule(options: {
  id: string;
  displayName: string;
  schedules: string;
  requests: string;
  readPermission: string;
  writePermission: string;
  extraReadOnly: string[];
}): ModuleDefinition {
  const base = '/roleManagement/directory';
  return {
    id: options.id,
    displayName: options.displayName,
    category: 'Roles & Permissions',
    graphVersion: 'v1.0',
    kind: 'collection',
    listPath: `${base}/${options.schedules}`,
    itemPath: `${base}/${options.schedules}/{id}`,
    relationships: [],
    children: [],
    readOnlyProperties: [
      'id',
      'createdDateTime',
      'createdUsing',
      'modifiedDateTime',
      'status',
      'memberType',
      ...options.extraReadOnly,
    ],
    references: [
      { path: 'principalId', targets: PRINCIPAL_MODULES },
      { path: 'roleDefinitionId', targets: ['roleDefinitions'] },
      { path: 'directoryScopeId', targets: ['administrativeUnits'], literals: ['/'] },
    ],
    restore: {
      kind: 'createOrUpdate',
      createPath: `${base}/${options.requests}`,
      updatePath: `${base}/${options.schedules}/{id}`,
      createOnly: true,
      createDefaults: { action: 'adminAssign', justification: 'Restored by entra-backup' },
    },
    dependsOn: ['users', 'groups', 'servicePrincipals', 'roleDefinitions', 'administrativeUnits'],
    permissions: { read: [options.readPermission], write: [options.writePermission] },
    caveats: [
      'Schedules are restored as new adminAssign requests: a schedule whose end date has passed is refused by Graph, and a permanent one needs the role settings to allow permanent assignment.',
      'Schedules inherited through group membership (memberType Inherited) come back with the group, not on their own.',
    ],
    addedInVersion: '0.2.0',
  };
}
