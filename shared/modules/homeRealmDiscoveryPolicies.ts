import { stsPolicyModule } from './stsPolicy';

/** Home realm discovery policies and the service principals they are assigned to. */
export const homeRealmDiscoveryPoliciesModule = stsPolicyModule({
  id: 'homeRealmDiscoveryPolicies',
  displayName: 'Home realm discovery policies',
  collection: 'homeRealmDiscoveryPolicies',
  assignedTo: { module: 'servicePrincipals', navigation: 'homeRealmDiscoveryPolicies' },
  caveats: [
    'Home realm discovery policies name federated domains; restore the domains and their federation first.',
  ],
});
