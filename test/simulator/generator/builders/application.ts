import type { GraphObject } from '../../tenantState';
import { type GenContext, addDays, pastTimestamp, preciseTimestamp } from '../context';
import type { Prng } from '../prng';

export interface AppRoleInput {
  value: string;
  displayName: string;
  description: string;
  allowedMemberTypes: Array<'User' | 'Application'>;
  /** Fixed id (well-known roles); a random one otherwise. */
  id?: string;
}

export interface ScopeInput {
  value: string;
  displayName: string;
  id?: string;
}

export interface RequiredAccessInput {
  resourceAppId: string;
  scopeIds: string[];
  roleIds: string[];
}

export interface ApplicationInput {
  displayName: string;
  description?: string | null;
  /** Exposes an API: gets identifierUris `api://{appId}`, roles and scopes. */
  api?: { appRoles: AppRoleInput[]; scopes: ScopeInput[] };
  web?: { homePageUrl: string; redirectUris: string[] };
  spaRedirectUris?: string[];
  publicClientRedirectUris?: string[];
  requiredResourceAccess?: RequiredAccessInput[];
  secrets?: number;
  certificates?: number;
  signInAudience?: 'AzureADMyOrg' | 'AzureADMultipleOrgs' | 'AzureADandPersonalMicrosoftAccount';
  notes?: string | null;
  tags?: string[];
}

/** An application registration as `GET /applications/{id}` returns it. */
export function buildApplication(ctx: GenContext, rng: Prng, input: ApplicationInput): GraphObject {
  const id = rng.guid();
  const appId = rng.guid();
  const created = preciseTimestamp(rng, 1500, 5);
  const api = input.api;
  return {
    id,
    deletedDateTime: null,
    appId,
    applicationTemplateId: null,
    disabledByMicrosoftStatus: null,
    createdDateTime: created,
    displayName: input.displayName,
    description: input.description ?? null,
    groupMembershipClaims: api ? 'SecurityGroup' : null,
    identifierUris: api ? [`api://${appId}`] : [],
    isDeviceOnlyAuthSupported: null,
    isFallbackPublicClient: input.publicClientRedirectUris ? true : null,
    notes: input.notes ?? null,
    publisherDomain: ctx.domain,
    serviceManagementReference: null,
    signInAudience: input.signInAudience ?? 'AzureADMyOrg',
    tags: [...(input.tags ?? [])],
    tokenEncryptionKeyId: null,
    samlMetadataUrl: null,
    defaultRedirectUri: null,
    certification: null,
    optionalClaims: null,
    requestSignatureVerification: null,
    addIns: [],
    api: {
      acceptMappedClaims: null,
      knownClientApplications: [],
      requestedAccessTokenVersion: 2,
      oauth2PermissionScopes: (api?.scopes ?? []).map((s) =>
        permissionScope(rng, input.displayName, s),
      ),
      preAuthorizedApplications: [],
    },
    appRoles: (api?.appRoles ?? []).map((r) => appRole(rng, r)),
    info: {
      logoUrl: null,
      marketingUrl: null,
      privacyStatementUrl: null,
      supportUrl: null,
      termsOfServiceUrl: null,
    },
    keyCredentials: Array.from({ length: input.certificates ?? 0 }, (_, i) =>
      keyCredential(rng, input.displayName, i),
    ),
    parentalControlSettings: { countriesBlockedForMinors: [], legalAgeGroupRule: 'Allow' },
    passwordCredentials: Array.from({ length: input.secrets ?? 0 }, (_, i) =>
      passwordCredential(rng, i),
    ),
    publicClient: { redirectUris: [...(input.publicClientRedirectUris ?? [])] },
    requiredResourceAccess: (input.requiredResourceAccess ?? []).map((r) => ({
      resourceAppId: r.resourceAppId,
      resourceAccess: [
        ...r.scopeIds.map((sid) => ({ id: sid, type: 'Scope' })),
        ...r.roleIds.map((rid) => ({ id: rid, type: 'Role' })),
      ],
    })),
    verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null },
    web: {
      homePageUrl: input.web?.homePageUrl ?? null,
      logoutUrl: null,
      redirectUris: [...(input.web?.redirectUris ?? [])],
      implicitGrantSettings: {
        enableAccessTokenIssuance: false,
        enableIdTokenIssuance: input.web !== undefined && rng.chance(0.3),
      },
      redirectUriSettings: (input.web?.redirectUris ?? []).map((uri) => ({ uri, index: null })),
    },
    spa: { redirectUris: [...(input.spaRedirectUris ?? [])] },
  };
}

export function appRole(rng: Prng, r: AppRoleInput): Record<string, unknown> {
  return {
    allowedMemberTypes: [...r.allowedMemberTypes],
    description: r.description,
    displayName: r.displayName,
    id: r.id ?? rng.guid(),
    isEnabled: true,
    origin: 'Application',
    value: r.value,
  };
}

export function permissionScope(
  rng: Prng,
  appName: string,
  s: ScopeInput,
): Record<string, unknown> {
  return {
    adminConsentDescription: `Allows the app to ${s.displayName.toLowerCase()} in ${appName} on behalf of the signed-in user.`,
    adminConsentDisplayName: s.displayName,
    id: s.id ?? rng.guid(),
    isEnabled: true,
    origin: 'Application',
    type: 'User',
    userConsentDescription: `Allows the app to ${s.displayName.toLowerCase()} on your behalf.`,
    userConsentDisplayName: s.displayName,
    value: s.value,
  };
}

function passwordCredential(rng: Prng, index: number): Record<string, unknown> {
  const start = preciseTimestamp(rng, 700);
  return {
    customKeyIdentifier: null,
    displayName: index === 0 ? 'client secret' : `rotation ${index + 1}`,
    endDateTime: addDays(start, 730),
    hint: rng.base64url(3),
    keyId: rng.guid(),
    secretText: null,
    startDateTime: start,
  };
}

function keyCredential(rng: Prng, appName: string, index: number): Record<string, unknown> {
  const start = pastTimestamp(rng, 700);
  return {
    customKeyIdentifier: rng.base64(20),
    displayName: `CN=${appName}${index > 0 ? ` ${index + 1}` : ''}`,
    endDateTime: addDays(start, 365),
    key: null,
    keyId: rng.guid(),
    startDateTime: start,
    type: 'AsymmetricX509Cert',
    usage: 'Verify',
  };
}

/** Deep copies of an application's roles/scopes: a service principal must not share them. */
export function copyPermissions(app: GraphObject): {
  appRoles: unknown[];
  oauth2PermissionScopes: unknown[];
} {
  const api = app.api as { oauth2PermissionScopes: unknown[] };
  return {
    appRoles: structuredClone(app.appRoles as unknown[]),
    oauth2PermissionScopes: structuredClone(api.oauth2PermissionScopes),
  };
}

export function markApplicationDeleted(app: GraphObject, deletedDateTime: string): GraphObject {
  app.deletedDateTime = deletedDateTime;
  return app;
}
