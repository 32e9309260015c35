import type { ModuleDefinition } from './types';

/** Whether users can request admin consent, and who reviews the requests. */
export const adminConsentRequestPolicyModule: ModuleDefinition = {
  id: 'adminConsentRequestPolicy',
  displayName: 'Admin consent request policy',
  category: 'Roles & Permissions',
  graphVersion: 'v1.0',
  kind: 'singleton',
  listPath: '/policies/adminConsentRequestPolicy',
  itemPath: '/policies/adminConsentRequestPolicy',
  relationships: [],
  children: [],
  readOnlyProperties: ['id', 'version'],
  references: [],
  // Graph replaces the whole policy.
  restore: { kind: 'singleton', method: 'PUT', path: '/policies/adminConsentRequestPolicy' },
  dependsOn: [],
  permissions: {
    read: ['Policy.Read.All'],
    write: ['Policy.ReadWrite.ConsentRequest'],
  },
  caveats: [
    'Reviewers are written as queries (/users/{id}, /groups/{id}/transitiveMembers, role templates); user and group ids in them are not remapped, so reviewers that were re-created must be fixed by hand.',
  ],
  addedInVersion: '0.2.0',
};
