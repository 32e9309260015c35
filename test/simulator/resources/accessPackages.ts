import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';
import { timestamps } from './timestamps';

const resourceRoleScopes: ResourceDescriptor = {
  name: 'accessPackageResourceRoleScopes',
  path: '',
  odataType: 'microsoft.graph.accessPackageResourceRoleScope',
  // role / scope are navigation properties written inline on create (originId, originSystem…).
  properties: ['createdDateTime', 'id', 'role', 'scope'],
  readOnly: ['id', 'createdDateTime'],
  requiredOnCreate: ['role', 'scope'],
  operations: { create: true, update: false, delete: true },
  onCreate(obj, ctx) {
    obj.createdDateTime = ctx.now;
  },
};

/**
 * /identityGovernance/entitlementManagement/accessPackages: `catalog` is written inline as
 * `{ "id": … }` on create and returned only with `$expand=catalog`; resourceRoleScopes are children;
 * assignmentPolicies are the policies whose accessPackage.id is this package.
 */
export const accessPackages: ResourceDescriptor = {
  name: 'accessPackages',
  path: 'identityGovernance/entitlementManagement/accessPackages',
  odataType: 'microsoft.graph.accessPackage',
  properties: [
    'createdDateTime',
    'description',
    'displayName',
    'id',
    'isHidden',
    'modifiedDateTime',
  ],
  readOnly: ['id', 'createdDateTime', 'modifiedDateTime'],
  requiredOnCreate: ['displayName', 'catalog'],
  operations: { create: true, update: true, delete: true },
  navigation: {
    catalog: { kind: 'reference', collection: 'accessPackageCatalogs' },
    resourceRoleScopes: { kind: 'children', child: resourceRoleScopes },
    assignmentPolicies: {
      kind: 'derived',
      collection: 'accessPackageAssignmentPolicies',
      foreignKey: 'accessPackage.id',
      writable: false,
    },
  },
  validateWrite(op, body, existing) {
    if (op === 'update' && body.catalog !== undefined) {
      const now = (existing?.catalog as { id?: string } | undefined)?.id;
      if ((body.catalog as { id?: string }).id !== now)
        throw badRequest('An access package cannot be moved to another catalog.');
    }
  },
  ...timestamps('modifiedDateTime'),
};
