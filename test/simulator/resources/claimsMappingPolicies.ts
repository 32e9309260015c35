import { POLICY_LINK_STORES as S, stsPolicy } from './stsPolicies';

/** /policies/claimsMappingPolicies; assigned with `POST /servicePrincipals/{id}/claimsMappingPolicies/$ref`. */
export const claimsMappingPolicies = stsPolicy(
  'claimsMappingPolicies',
  'microsoft.graph.claimsMappingPolicy',
  [S.servicePrincipalClaimsMappingPolicies],
);
