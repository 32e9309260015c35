import type { ResourceDescriptor } from './descriptor';
import { timestamps } from './timestamps';

/** /identityGovernance/accessReviews/definitions: update is PUT (full replace, graph-notes B30). */
export const accessReviewDefinitions: ResourceDescriptor = {
  name: 'accessReviewDefinitions',
  path: 'identityGovernance/accessReviews/definitions',
  odataType: 'microsoft.graph.accessReviewScheduleDefinition',
  properties: [
    'additionalNotificationRecipients',
    'createdBy',
    'createdDateTime',
    'descriptionForAdmins',
    'descriptionForReviewers',
    'displayName',
    'fallbackReviewers',
    'id',
    'instanceEnumerationScope',
    'lastModifiedDateTime',
    'reviewers',
    'scope',
    'settings',
    'stageSettings',
    'status',
  ],
  readOnly: ['id', 'createdBy', 'createdDateTime', 'lastModifiedDateTime', 'status'],
  requiredOnCreate: ['displayName', 'scope', 'reviewers', 'settings'],
  operations: { create: true, update: true, delete: true },
  updateMethod: 'PUT',
  ...timestamps('lastModifiedDateTime'),
  onCreate(obj, ctx) {
    obj.createdDateTime = ctx.now;
    obj.lastModifiedDateTime = ctx.now;
    obj.status = 'NotStarted';
    obj.createdBy = { id: null, displayName: 'entra-backup simulator', userPrincipalName: null };
  },
};
