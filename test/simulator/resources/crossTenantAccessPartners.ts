import type { ResourceDescriptor } from './descriptor';

/**
 * /policies/crossTenantAccessPolicy/partners: keyed by the partner's tenantId (no id property;
 * POST with tenantId, then GET/PATCH/DELETE partners/{tenantId}). The base policy and `default`
 * are singletons (catalogueSingletons.ts).
 */
export const crossTenantAccessPartners: ResourceDescriptor = {
  name: 'crossTenantAccessPartners',
  path: 'policies/crossTenantAccessPolicy/partners',
  odataType: 'microsoft.graph.crossTenantAccessPolicyConfigurationPartner',
  properties: [
    'appServiceConnectInbound',
    'automaticUserConsentSettings',
    'b2bCollaborationInbound',
    'b2bCollaborationOutbound',
    'b2bDirectConnectInbound',
    'b2bDirectConnectOutbound',
    'inboundTrust',
    'isInMultiTenantOrganization',
    'isServiceProvider',
    'm365CollaborationInbound',
    'm365CollaborationOutbound',
    'tenantId',
    'tenantRestrictions',
  ],
  readOnly: ['isInMultiTenantOrganization'],
  createOnly: ['tenantId'],
  requiredOnCreate: ['tenantId'],
  operations: { create: true, update: true, delete: true },
  callerChosenId: {
    property: 'tenantId',
    hideId: true,
    pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  },
  onCreate(obj) {
    obj.isInMultiTenantOrganization ??= false;
  },
};
