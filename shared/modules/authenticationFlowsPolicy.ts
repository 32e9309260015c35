import type { ModuleDefinition } from './types';

/** Whether external users may sign up through self-service sign-up user flows. */
export const authenticationFlowsPolicyModule: ModuleDefinition = {
  id: 'authenticationFlowsPolicy',
  displayName: 'Authentication flows policy',
  category: 'Policies',
  graphVersion: 'v1.0',
  kind: 'singleton',
  listPath: '/policies/authenticationFlowsPolicy',
  itemPath: '/policies/authenticationFlowsPolicy',
  relationships: [],
  children: [],
  // Graph documents id, displayName and description as read-only: only selfServiceSignUp is written.
  readOnlyProperties: ['id', 'displayName', 'description'],
  references: [],
  restore: { kind: 'singleton', method: 'PATCH', path: '/policies/authenticationFlowsPolicy' },
  dependsOn: [],
  permissions: {
    read: ['Policy.Read.All'],
    write: ['Policy.ReadWrite.AuthenticationFlows'],
  },
  caveats: [
    'Self-service sign-up also needs user flows that allow it; they are not part of this policy.',
  ],
  addedInVersion: '0.3.0',
};
