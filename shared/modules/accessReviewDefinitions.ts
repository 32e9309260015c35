import type { ModuleDefinition } from './types';

/** Access review schedule definitions (updated by PUT); instances and decisions are history. */
export const accessReviewDefinitionsModule: ModuleDefinition = {
  id: 'accessReviewDefinitions',
  displayName: 'Access review definitions',
  category: 'Identity Governance',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/identityGovernance/accessReviews/definitions',
  itemPath: '/identityGovernance/accessReviews/definitions/{id}',
  relationships: [],
  children: [],
  readOnlyProperties: ['id', 'createdBy', 'createdDateTime', 'lastModifiedDateTime', 'status'],
  references: [],
  restore: {
    kind: 'createOrUpdate',
    updatePath: '/identityGovernance/accessReviews/definitions/{id}',
    // Graph replaces the whole definition.
    updateMethod: 'PUT',
  },
  dependsOn: [],
  permissions: { read: ['AccessReview.Read.All'], write: ['AccessReview.ReadWrite.All'] },
  caveats: [
    'Scopes and reviewers are written as queries (/groups/{id}/transitiveMembers, /users/{id}); ids inside them are not remapped, so reviews of re-created groups must be fixed by hand.',
    'Review instances and decisions are history and are not restored; a re-created definition starts a new series.',
  ],
  addedInVersion: '0.2.0',
};
