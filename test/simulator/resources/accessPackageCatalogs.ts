import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';
import { timestamps } from './timestamps';

/** /identityGovernance/entitlementManagement/catalogs (+ accessPackages in the catalog). */
export const accessPackageCatalogs: ResourceDescriptor = {
  name: 'accessPackageCatalogs',
  path: 'identityGovernance/entitlementManagement/catalogs',
  odataType: 'microsoft.graph.accessPackageCatalog',
  properties: [
    'catalogType',
    'createdDateTime',
    'description',
    'displayName',
    'id',
    'isExternallyVisible',
    'modifiedDateTime',
    'state',
  ],
  readOnly: ['id', 'createdDateTime', 'modifiedDateTime'],
  requiredOnCreate: ['displayName'],
  operations: { create: true, update: true, delete: true },
  navigation: {
    accessPackages: {
      kind: 'derived',
      collection: 'accessPackages',
      foreignKey: 'catalog.id',
      writable: false,
    },
  },
  validateWrite(op, _body, existing, ctx) {
    if (op !== 'delete' || !existing) return;
    for (const p of ctx.list('accessPackages'))
      if ((p.catalog as { id?: string } | undefined)?.id === existing.id)
        throw badRequest('The catalog cannot be deleted while it holds access packages.');
  },
  ...timestamps('modifiedDateTime'),
  onCreate(obj, ctx) {
    obj.createdDateTime = ctx.now;
    obj.modifiedDateTime = ctx.now;
    obj.catalogType ??= 'userManaged';
    obj.state ??= 'published';
  },
};
