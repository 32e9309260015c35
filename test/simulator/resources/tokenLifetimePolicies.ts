import { POLICY_LINK_STORES as S, stsPolicy } from './stsPolicies';

/** /policies/tokenLifetimePolicies; assigned with `POST /applications/{id}/tokenLifetimePolicies/$ref`. */
export const tokenLifetimePolicies = stsPolicy(
  'tokenLifetimePolicies',
  'microsoft.graph.tokenLifetimePolicy',
  [S.applicationTokenLifetimePolicies, S.servicePrincipalTokenLifetimePolicies],
);
