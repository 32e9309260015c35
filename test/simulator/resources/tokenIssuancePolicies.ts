import { POLICY_LINK_STORES as S, stsPolicy } from './stsPolicies';

/** /policies/tokenIssuancePolicies; assigned with `POST /applications/{id}/tokenIssuancePolicies/$ref`. */
export const tokenIssuancePolicies = stsPolicy(
  'tokenIssuancePolicies',
  'microsoft.graph.tokenIssuancePolicy',
  [S.applicationTokenIssuancePolicies, S.servicePrincipalTokenIssuancePolicies],
);
