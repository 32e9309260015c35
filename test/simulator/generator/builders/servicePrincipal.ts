import type { GraphObject } from '../../tenantState';
import type { GenContext } from '../context';
import type { Prng } from '../prng';
import { copyPermissions } from './application';

export interface ServicePrincipalInput {
  appId: string;
  displayName: string;
  appOwnerOrganizationId: string;
  servicePrincipalNames: string[];
  appRoles: unknown[];
  oauth2PermissionScopes: unknown[];
  signInAudience: string;
  appRoleAssignmentRequired?: boolean;
  homepage?: string | null;
  tags?: string[];
  description?: string | null;
  publisherName?: string | null;
}

/** A service principal as `GET /servicePrincipals/{id}` returns it. */
export function buildServicePrincipal(
  _ctx: GenContext,
  rng: Prng,
  input: ServicePrincipalInput,
): GraphObject {
  return {
    id: rng.guid(),
    deletedDateTime: null,
    accountEnabled: true,
    alternativeNames: [],
    appDescription: null,
    appDisplayName: input.displayName,
    appId: input.appId,
    applicationTemplateId: null,
    appOwnerOrganizationId: input.appOwnerOrganizationId,
    appRoleAssignmentRequired: input.appRoleAssignmentRequired ?? false,
    description: input.description ?? null,
    disabledByMicrosoftStatus: null,
    displayName: input.displayName,
    homepage: input.homepage ?? null,
    loginUrl: null,
    logoutUrl: null,
    notes: null,
    notificationEmailAddresses: [],
    preferredSingleSignOnMode: null,
    preferredTokenSigningKeyThumbprint: null,
    replyUrls: [],
    servicePrincipalNames: [...input.servicePrincipalNames],
    servicePrincipalType: 'Application',
    signInAudience: input.signInAudience,
    tags: [...(input.tags ?? ['WindowsAzureActiveDirectoryIntegratedApp'])],
    tokenEncryptionKeyId: null,
    samlSingleSignOnSettings: null,
    addIns: [],
    appRoles: input.appRoles,
    info: {
      logoUrl: null,
      marketingUrl: null,
      privacyStatementUrl: null,
      supportUrl: null,
      termsOfServiceUrl: null,
    },
    keyCredentials: [],
    oauth2PermissionScopes: input.oauth2PermissionScopes,
    passwordCredentials: [],
    resourceSpecificApplicationPermissions: [],
    verifiedPublisher: {
      displayName: input.publisherName ?? null,
      verifiedPublisherId: null,
      addedDateTime: null,
    },
  };
}

/** The local service principal of one of this tenant's own app registrations. */
export function servicePrincipalForApplication(
  ctx: GenContext,
  rng: Prng,
  app: GraphObject,
): GraphObject {
  const { appRoles, oauth2PermissionScopes } = copyPermissions(app);
  return buildServicePrincipal(ctx, rng, {
    appId: String(app.appId),
    displayName: String(app.displayName),
    appOwnerOrganizationId: ctx.tenantId,
    servicePrincipalNames: [String(app.appId), ...(app.identifierUris as string[])],
    appRoles,
    oauth2PermissionScopes,
    signInAudience: String(app.signInAudience),
    appRoleAssignmentRequired: appRoles.length > 0,
    homepage: (app.web as { homePageUrl: string | null }).homePageUrl,
    description: app.description as string | null,
  });
}
