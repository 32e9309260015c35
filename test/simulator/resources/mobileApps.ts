import { badRequest } from '../errors';
import type { GraphObject } from '../tenantState';
import type { ResourceDescriptor } from './descriptor';
import { timestamps } from './timestamps';

const assignments: ResourceDescriptor = {
  name: 'mobileAppAssignments',
  path: '',
  odataType: 'microsoft.graph.mobileAppAssignment',
  properties: ['id', 'intent', 'settings', 'target'],
  readOnly: ['id'],
  requiredOnCreate: ['intent', 'target'],
  operations: { create: true, update: true, delete: true },
};

/** Properties of the derived app types the generator and restore tests use (beyond mobileApp's). */
const DERIVED_PROPERTIES = [
  'appStoreUrl',
  'applicableDeviceType',
  'bundleId',
  'minimumSupportedOperatingSystem',
  'packageId',
  'appUrl',
  'useManagedBrowser',
  'productIds',
  'excludedApps',
  'localesToInstall',
  'updateChannel',
  'updateVersion',
  'officePlatformArchitecture',
  'shouldUninstallOlderVersionsOfOffice',
  'autoAcceptEula',
];

/**
 * /deviceAppManagement/mobileApps (+ assignments, `assign` action). mobileApp is abstract:
 * `@odata.type` is required on create (#microsoft.graph.iosStoreApp, webApp, …).
 * LOB content (contentVersions/files) is not emulated.
 */
export const mobileApps: ResourceDescriptor = {
  name: 'mobileApps',
  path: 'deviceAppManagement/mobileApps',
  odataType: 'microsoft.graph.mobileApp',
  properties: [
    'createdDateTime',
    'description',
    'developer',
    'displayName',
    'id',
    'informationUrl',
    'isFeatured',
    'largeIcon',
    'lastModifiedDateTime',
    'notes',
    'owner',
    'privacyInformationUrl',
    'publisher',
    'publishingState',
    ...DERIVED_PROPERTIES,
  ],
  readOnly: ['id', 'createdDateTime', 'lastModifiedDateTime', 'publishingState'],
  requiredOnCreate: ['@odata.type', 'displayName'],
  operations: { create: true, update: true, delete: true },
  navigation: { assignments: { kind: 'children', child: assignments } },
  validateWrite(op, body, existing) {
    if (op === 'update' && body['@odata.type'] && body['@odata.type'] !== existing?.['@odata.type'])
      throw badRequest('The @odata.type of a mobile app cannot be changed.');
  },
  ...timestamps('lastModifiedDateTime'),
  onCreate(obj, ctx) {
    obj.createdDateTime = ctx.now;
    obj.lastModifiedDateTime = ctx.now;
    obj.publishingState = 'published';
  },
  actions: {
    /** Replaces the app's assignments with the posted list (graph-notes B38). */
    assign(obj, body, store, newId) {
      const list = body.mobileAppAssignments;
      if (!Array.isArray(list)) throw badRequest("'mobileAppAssignments' must be an array.");
      const items = store.childrenOf('mobileAppAssignments', obj.id);
      items.clear();
      for (const a of list as Record<string, unknown>[]) {
        const item: GraphObject = { ...a, id: newId() };
        items.set(item.id, item);
      }
      return undefined;
    },
  },
};
