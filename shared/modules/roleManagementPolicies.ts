import type { ModuleDefinition } from './types';

/** PIM role settings: one policy per directory role with its rules (approval, MFA, expiry…). */
export const roleManagementPoliciesModule: ModuleDefinition = {
  id: 'roleManagementPolicies',
  displayName: 'PIM role settings (role management policies)',
  category: 'Roles & Permissions',
  graphVersion: 'v1.0',
  kind: 'collection',
  // Graph lists policies only for a scope; directory roles are scoped to the tenant root.
  listPath: "/policies/roleManagementPolicies?$filter=scopeId eq '/' and scopeType eq 'Directory'",
  itemPath: '/policies/roleManagementPolicies/{id}',
  relationships: [],
  children: [
    {
      name: 'rules',
      listPath: '/policies/roleManagementPolicies/{id}/rules',
      readOnlyProperties: ['id'],
      references: [],
      restore: 'backupOnly',
      // Rule ids are fixed names (Expiration_Admin_Eligibility…), the same in every policy.
      matchBy: ['id'],
      callerChosenId: true,
    },
  ],
  readOnlyProperties: ['id', 'lastModifiedBy', 'lastModifiedDateTime', 'scopeId', 'scopeType'],
  references: [],
  restore: {
    kind: 'backupOnly',
    reason:
      'Rules of role management policies are updated only with the delegated permission RoleManagementPolicy.ReadWrite.Directory; Graph offers no application permission to write them.',
  },
  dependsOn: [],
  permissions: { read: ['RoleManagement.Read.Directory'], write: [] },
  caveats: [
    'The rules (approval, activation requirements, expiration and notification rules) are backed up for reference; re-apply them in the PIM portal or with a delegated admin session.',
  ],
  addedInVersion: '0.2.0',
};
