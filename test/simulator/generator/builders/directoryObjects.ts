import type { GraphObject } from '../../tenantState';
import { preciseTimestamp } from '../context';
import { appRoleAssignmentId, oauth2GrantId } from '../ids';
import type { Prng } from '../prng';

export function buildAdministrativeUnit(
  rng: Prng,
  displayName: string,
  description: string | null,
  hidden: boolean,
): GraphObject {
  return {
    id: rng.guid(),
    deletedDateTime: null,
    description,
    displayName,
    isMemberManagementRestricted: false,
    membershipRule: null,
    membershipRuleProcessingState: null,
    membershipType: null,
    visibility: hidden ? 'HiddenMembership' : null,
  };
}

export function buildFederatedIdentityCredential(
  rng: Prng,
  input: { name: string; issuer: string; subject: string; description: string | null },
): GraphObject {
  return {
    id: rng.guid(),
    audiences: ['api://AzureADTokenExchange'],
    description: input.description,
    issuer: input.issuer,
    name: input.name,
    subject: input.subject,
  };
}

/** A directory extension registered by an application: name is `extension_{appIdWithoutDashes}_{name}`. */
export function buildExtensionProperty(
  rng: Prng,
  app: GraphObject,
  input: {
    name: string;
    dataType: 'String' | 'Integer' | 'Boolean' | 'DateTime' | 'Binary' | 'LargeInteger';
    targetObjects: string[];
    isMultiValued?: boolean;
  },
): GraphObject {
  return {
    id: rng.guid(),
    deletedDateTime: null,
    appDisplayName: String(app.displayName),
    dataType: input.dataType,
    isMultiValued: input.isMultiValued ?? false,
    isSyncedFromOnPremises: false,
    name: `extension_${String(app.appId).replace(/-/g, '')}_${input.name}`,
    targetObjects: [...input.targetObjects],
  };
}

export interface AssignmentPrincipal {
  id: string;
  displayName: string;
  type: 'User' | 'Group' | 'ServicePrincipal';
}

export function buildAppRoleAssignment(
  rng: Prng,
  principal: AssignmentPrincipal,
  resource: GraphObject,
  appRoleId: string,
): GraphObject {
  return {
    id: appRoleAssignmentId(rng),
    deletedDateTime: null,
    appRoleId,
    createdDateTime: preciseTimestamp(rng, 900),
    principalDisplayName: principal.displayName,
    principalId: principal.id,
    principalType: principal.type,
    resourceDisplayName: String(resource.displayName),
    resourceId: resource.id,
  };
}

export function buildOAuth2PermissionGrant(
  rng: Prng,
  input: { clientId: string; resourceId: string; principalId: string | null; scope: string },
): GraphObject {
  return {
    id: oauth2GrantId(rng),
    clientId: input.clientId,
    consentType: input.principalId === null ? 'AllPrincipals' : 'Principal',
    principalId: input.principalId,
    resourceId: input.resourceId,
    scope: input.scope,
  };
}
