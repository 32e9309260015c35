import { POLICY_LINK_STORES as S, stsPolicy } from './stsPolicies';

/** /policies/homeRealmDiscoveryPolicies; assigned with `POST /servicePrincipals/{id}/homeRealmDiscoveryPolicies/$ref`. */
export const homeRealmDiscoveryPolicies = stsPolicy(
  'homeRealmDiscoveryPolicies',
  'microsoft.graph.homeRealmDiscoveryPolicy',
  [S.servicePrincipalHomeRealmDiscoveryPolicies],
);
