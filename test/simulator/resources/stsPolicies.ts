import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';

/**
 * The stsPolicy family (claims mapping, token lifetime, token issuance, home realm discovery) and
 * appManagementPolicy share one shape: policies are directory objects (so applications and service
 * principals can link to them with `$ref`), `appliesTo` is the inverse of those links.
 */
export function stsPolicy(
  name: string,
  odataType: string,
  linkStores: readonly string[],
): ResourceDescriptor {
  return {
    name,
    path: `policies/${name}`,
    odataType,
    properties: [
      'definition',
      'deletedDateTime',
      'description',
      'displayName',
      'id',
      'isOrganizationDefault',
    ],
    readOnly: ['id', 'deletedDateTime'],
    requiredOnCreate: ['definition', 'displayName'],
    operations: { create: true, update: true, delete: true },
    directoryObject: true,
    navigation: { appliesTo: { kind: 'inverseLinks', stores: linkStores } },
    validateWrite(op, body) {
      if (op === 'delete' || body.definition === undefined) return;
      // Graph: definition is an array holding one JSON string (graph-notes B25-26).
      const d = body.definition;
      if (!Array.isArray(d) || d.length !== 1 || typeof d[0] !== 'string')
        throw badRequest("Property 'definition' must be an array holding one JSON string.");
      try {
        JSON.parse(d[0]);
      } catch {
        throw badRequest("Property 'definition' must hold valid JSON.");
      }
    },
  };
}

/**
 * The link stores an application / service principal keeps towards policies (relationships
 * keyed by the app or SP id), named `${owner}${Nav}` like the other link stores.
 */
export const POLICY_LINK_STORES = {
  applicationTokenLifetimePolicies: 'applicationTokenLifetimePolicies',
  applicationTokenIssuancePolicies: 'applicationTokenIssuancePolicies',
  applicationAppManagementPolicies: 'applicationAppManagementPolicies',
  servicePrincipalClaimsMappingPolicies: 'servicePrincipalClaimsMappingPolicies',
  servicePrincipalHomeRealmDiscoveryPolicies: 'servicePrincipalHomeRealmDiscoveryPolicies',
  servicePrincipalTokenLifetimePolicies: 'servicePrincipalTokenLifetimePolicies',
  servicePrincipalTokenIssuancePolicies: 'servicePrincipalTokenIssuancePolicies',
  servicePrincipalAppManagementPolicies: 'servicePrincipalAppManagementPolicies',
} as const;
