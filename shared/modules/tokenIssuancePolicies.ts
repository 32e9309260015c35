import { stsPolicyModule } from './stsPolicy';

/** Token issuance policies (SAML token signing settings) and the applications they apply to. */
export const tokenIssuancePoliciesModule = stsPolicyModule({
  id: 'tokenIssuancePolicies',
  displayName: 'Token issuance policies',
  collection: 'tokenIssuancePolicies',
  assignedTo: { module: 'applications', navigation: 'tokenIssuancePolicies' },
  caveats: [],
});
