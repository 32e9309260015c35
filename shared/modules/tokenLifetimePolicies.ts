import { stsPolicyModule } from './stsPolicy';

/** Token lifetime policies and the applications they are assigned to. */
export const tokenLifetimePoliciesModule = stsPolicyModule({
  id: 'tokenLifetimePolicies',
  displayName: 'Token lifetime policies',
  collection: 'tokenLifetimePolicies',
  assignedTo: { module: 'applications', navigation: 'tokenLifetimePolicies' },
  caveats: [
    'Only one organization-default token lifetime policy (isOrganizationDefault) may exist per tenant.',
  ],
});
