import { type CatalogueSource, add } from './source';

/** Cross-tenant partner settings keyed by the partner tenant id (stored id = tenantId). */
export function addCrossTenantPartners(s: CatalogueSource): void {
  for (let i = 0; i < 1 + s.scale; i++) {
    const tenantId = s.rng.guid();
    const inbound = {
      usersAndGroups: {
        accessType: 'allowed',
        targets: [{ target: 'AllUsers', targetType: 'user' }],
      },
      applications: {
        accessType: 'allowed',
        targets: [{ target: 'AllApplications', targetType: 'application' }],
      },
    };
    add(s.tenant, 'crossTenantAccessPartners', [
      {
        id: tenantId,
        tenantId,
        isServiceProvider: false,
        isInMultiTenantOrganization: false,
        inboundTrust: {
          isMfaAccepted: true,
          isCompliantDeviceAccepted: i === 0,
          isHybridAzureADJoinedDeviceAccepted: false,
        },
        automaticUserConsentSettings: { inboundAllowed: i === 0, outboundAllowed: i === 0 },
        b2bCollaborationInbound: structuredClone(inbound),
        b2bCollaborationOutbound: null,
        b2bDirectConnectInbound: i === 0 ? structuredClone(inbound) : null,
        b2bDirectConnectOutbound: null,
        tenantRestrictions: null,
      },
    ]);
  }
}

/** Social identity providers (secrets are write-only: stored masked, as Graph returns them). */
export function addIdentityProviders(s: CatalogueSource): void {
  add(s.tenant, 'identityProviders', [
    {
      '@odata.type': '#microsoft.graph.socialIdentityProvider',
      id: 'Google-OAUTH',
      displayName: 'Google',
      identityProviderType: 'Google',
      clientId: '1234567890-contoso.apps.googleusercontent.com',
      clientSecret: '******',
    },
    {
      '@odata.type': '#microsoft.graph.socialIdentityProvider',
      id: 'Facebook-OAUTH',
      displayName: 'Facebook',
      identityProviderType: 'Facebook',
      clientId: '4242424242',
      clientSecret: '******',
    },
    {
      '@odata.type': '#microsoft.graph.builtInIdentityProvider',
      id: 'MSASignup-OAUTH',
      displayName: 'Microsoft Account',
      identityProviderType: 'MicrosoftAccount',
    },
  ]);
}

/** B2C user flows (beta) and API connectors. */
export function addUserFlowsAndConnectors(s: CatalogueSource): void {
  const connectorId = s.rng.guid();
  add(s.tenant, 'apiConnectors', [
    {
      id: connectorId,
      displayName: 'Validate employee number',
      targetUrl: 'https://api.contoso.com/entra/validate',
      authenticationConfiguration: {
        '@odata.type': '#microsoft.graph.basicAuthentication',
        username: 'entra-connector',
        password: '******',
      },
    },
  ]);
  add(s.tenant, 'b2cUserFlows', [
    {
      id: 'B2C_1_SignUpSignIn',
      userFlowType: 'signUpOrSignIn',
      userFlowTypeVersion: 3,
      isLanguageCustomizationEnabled: true,
      defaultLanguageTag: 'en',
      apiConnectorConfiguration: {},
    },
    {
      id: 'B2C_1_PasswordReset',
      userFlowType: 'passwordReset',
      userFlowTypeVersion: 3,
      isLanguageCustomizationEnabled: false,
      defaultLanguageTag: null,
      apiConnectorConfiguration: {},
    },
  ]);
}
