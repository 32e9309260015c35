import type { GraphObject } from '../../tenantState';
import { type GenContext, notBefore, pastTimestamp, preciseTimestamp } from '../context';
import { cloudSecurityIdentifier } from '../ids';
import type { Office } from '../names';
import type { Prng } from '../prng';

export interface UserInput {
  givenName: string;
  surname: string;
  /** Local part of the UPN and the mail nickname; must be unique in the tenant. */
  alias: string;
  jobTitle: string | null;
  department: string | null;
  office: Office | null;
  /** A guest's home e-mail address; makes the user a B2B guest. */
  guestEmail?: string;
  /** Synced from on-premises AD: the domain SID prefix and a relative id. */
  onPremises?: { domainSid: string; rid: number; netbios: string; adDomain: string };
  accountEnabled?: boolean;
  /** UPN domain override (break-glass accounts live on the onmicrosoft.com domain). */
  upnDomain?: string;
  skuIds?: string[];
  employeeId?: string | null;
  displayName?: string;
}

/** A user as `GET /users/{id}?$select=<all>` returns it, with Graph's nulls for unset values. */
export function buildUser(ctx: GenContext, rng: Prng, input: UserInput): GraphObject {
  const id = rng.guid();
  const guest = input.guestEmail !== undefined;
  const displayName =
    input.displayName ??
    (guest ? `${input.givenName} ${input.surname} (Guest)` : `${input.givenName} ${input.surname}`);
  const externalAlias = guest ? `${input.guestEmail!.replace('@', '_')}#EXT#` : null;
  const mailNickname = externalAlias ?? input.alias;
  const upn = guest
    ? `${externalAlias}@${ctx.initialDomain}`
    : `${input.alias}@${input.upnDomain ?? ctx.domain}`;
  const mail = guest ? input.guestEmail! : input.upnDomain === ctx.initialDomain ? null : upn;
  const created = pastTimestamp(rng, 2400, 10);
  const office = input.office;
  const onPrem = input.onPremises;
  const samAccountName = onPrem ? input.alias.replace(/\./g, '').slice(0, 20) : null;
  return {
    id,
    deletedDateTime: null,
    accountEnabled: input.accountEnabled ?? true,
    ageGroup: null,
    assignedLicenses: (input.skuIds ?? []).map((skuId) => ({ disabledPlans: [], skuId })),
    authorizationInfo: { certificateUserIds: [] },
    businessPhones:
      office && !guest ? [`${office.phonePrefix} ${String(rng.int(1000, 9999))}`] : [],
    city: guest ? null : (office?.city ?? null),
    companyName: guest ? null : ctx.organizationName,
    consentProvidedForMinor: null,
    country: guest ? null : (office?.country ?? null),
    createdDateTime: created,
    creationType: guest ? 'Invitation' : null,
    department: input.department,
    displayName,
    employeeHireDate: guest ? null : created,
    employeeId: input.employeeId ?? null,
    employeeLeaveDateTime: null,
    employeeOrgData:
      guest || !input.department
        ? null
        : { costCenter: `CC-${rng.int(1000, 9999)}`, division: input.department },
    employeeType: guest ? null : 'Employee',
    externalUserState: guest ? 'Accepted' : null,
    externalUserStateChangeDateTime: guest ? notBefore(created, pastTimestamp(rng, 300)) : null,
    faxNumber: null,
    givenName: input.givenName,
    identities: [
      guest
        ? { signInType: 'federated', issuer: 'ExternalAzureAD', issuerAssignedId: null }
        : { signInType: 'userPrincipalName', issuer: ctx.initialDomain, issuerAssignedId: upn },
    ],
    imAddresses: mail && !guest ? [`sip:${mail}`] : [],
    isResourceAccount: null,
    jobTitle: input.jobTitle,
    lastPasswordChangeDateTime: guest ? created : notBefore(created, pastTimestamp(rng, 180)),
    legalAgeGroupClassification: null,
    mail,
    mailNickname,
    mobilePhone:
      !guest && office && rng.chance(0.4)
        ? `${office.phonePrefix} ${String(rng.int(1000, 9999))}`
        : null,
    officeLocation: !guest && office ? `${rng.int(1, 40)}/${rng.int(1000, 3999)}` : null,
    onPremisesDistinguishedName: onPrem
      ? `CN=${displayName},OU=Users,OU=${input.department ?? 'Staff'},DC=${onPrem.adDomain.split('.').join(',DC=')}`
      : null,
    onPremisesDomainName: onPrem ? onPrem.adDomain : null,
    onPremisesExtensionAttributes: emptyExtensionAttributes(
      onPrem ? (input.employeeId ?? null) : null,
    ),
    onPremisesImmutableId: onPrem ? rng.base64(16) : null,
    onPremisesLastSyncDateTime: onPrem ? preciseTimestamp(rng, 1) : null,
    onPremisesProvisioningErrors: [],
    onPremisesSamAccountName: samAccountName,
    onPremisesSecurityIdentifier: onPrem ? `${onPrem.domainSid}-${onPrem.rid}` : null,
    onPremisesSyncEnabled: onPrem ? true : null,
    onPremisesUserPrincipalName: onPrem ? `${input.alias}@${onPrem.adDomain}` : null,
    otherMails: [],
    passwordPolicies: input.upnDomain === ctx.initialDomain ? 'DisablePasswordExpiration' : null,
    postalCode: guest ? null : (office?.postalCode ?? null),
    preferredDataLocation: null,
    preferredLanguage: guest ? null : (office?.language ?? null),
    proxyAddresses: mail ? [`SMTP:${mail}`] : [],
    securityIdentifier: cloudSecurityIdentifier(id),
    serviceProvisioningErrors: [],
    showInAddressList: null,
    signInSessionsValidFromDateTime: created,
    state: guest ? null : (office?.state ?? null),
    streetAddress: guest ? null : (office?.street ?? null),
    surname: input.surname,
    usageLocation: office?.countryCode ?? null,
    userPrincipalName: upn,
    userType: guest ? 'Guest' : 'Member',
  };
}

/** Soft-delete a user the way Entra does: deletedDateTime set, UPN prefixed with the id without dashes. */
export function markUserDeleted(user: GraphObject, deletedDateTime: string): GraphObject {
  user.deletedDateTime = deletedDateTime;
  user.userPrincipalName = `${user.id.replace(/-/g, '')}${String(user.userPrincipalName)}`;
  return user;
}

function emptyExtensionAttributes(
  extensionAttribute1: string | null,
): Record<string, string | null> {
  // A literal (not a loop) so every user shares one hidden class: much less heap for large tenants.
  return {
    extensionAttribute1,
    extensionAttribute2: null,
    extensionAttribute3: null,
    extensionAttribute4: null,
    extensionAttribute5: null,
    extensionAttribute6: null,
    extensionAttribute7: null,
    extensionAttribute8: null,
    extensionAttribute9: null,
    extensionAttribute10: null,
    extensionAttribute11: null,
    extensionAttribute12: null,
    extensionAttribute13: null,
    extensionAttribute14: null,
    extensionAttribute15: null,
  };
}
