import { stsPolicy } from './stsPolicies';

/**
 * /policies/activityBasedTimeoutPolicies. v1.0 has no navigation on applications or service
 * principals to assign one, so nothing links to it and `appliesTo` is always empty.
 */
export const activityBasedTimeoutPolicies = stsPolicy(
  'activityBasedTimeoutPolicies',
  'microsoft.graph.activityBasedTimeoutPolicy',
  [],
);
