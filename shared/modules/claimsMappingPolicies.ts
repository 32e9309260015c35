import { stsPolicyModule } from './stsPolicy';

/** Claims mapping policies and the service principals they are assigned to. */
export const claimsMappingPoliciesModule = stsPolicyModule({
  id: 'claimsMappingPolicies',
  displayName: 'Claims mapping policies',
  collection: 'claimsMappingPolicies',
  assignedTo: { module: 'servicePrincipals', navigation: 'claimsMappingPolicies' },
  caveats: [
    'A service principal that accepts mapped claims also needs acceptMappedClaims in its application manifest or a custom signing key; that lives on the application.',
  ],
});
