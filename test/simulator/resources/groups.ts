import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';

/**
 * Mail-enabled security groups and distribution lists live in Exchange Online: Graph refuses to
 * change them or their members and owners with this message (microsoftgraph/microsoft-graph-docs
 * #14827, KelvinTegelaar/CIPP #1607), and to create them with CREATE_MAIL_ENABLED
 * (microsoftgraph/microsoft-graph-docs-contrib #8276; group-post-groups: "You can't create
 * mail-enabled security groups or distribution lists").
 */
export const EXCHANGE_MANAGED_MESSAGE =
  'Cannot Update a mail-enabled security groups and or distribution list.';
const CREATE_MAIL_ENABLED =
  'The service does not currently support writes of mail-enabled groups. Please ensure that the mail-enablement property is unset and the security-enablement property is set.';

/** A mail-enabled group that is not a Microsoft 365 group: managed in Exchange Online. */
export function isExchangeManaged(group: Record<string, unknown>): boolean {
  const types = Array.isArray(group.groupTypes) ? (group.groupTypes as string[]) : [];
  return group.mailEnabled === true && !types.includes('Unified');
}

/** microsoft.graph.group — graph-notes A2/A3/B2, readonly.json, selectonly.json. */
export const groups: ResourceDescriptor = {
  name: 'groups',
  path: 'groups',
  odataType: 'microsoft.graph.group',
  properties: [
    'accessType',
    'allowExternalSenders',
    'assignedLabels',
    'assignedLicenses',
    'autoSubscribeNewMembers',
    'classification',
    'createdDateTime',
    'deletedDateTime',
    'description',
    'displayName',
    'expirationDateTime',
    'groupTypes',
    'hasMembersWithLicenseErrors',
    'hideFromAddressLists',
    'hideFromOutlookClients',
    'id',
    'infoCatalogs',
    'isArchived',
    'isAssignableToRole',
    'isFavorite',
    'isManagementRestricted',
    'isSubscribedByMail',
    'licenseProcessingState',
    'mail',
    'mailEnabled',
    'mailNickname',
    'membershipRule',
    'membershipRuleProcessingState',
    'onPremisesDomainName',
    'onPremisesExtensionAttributes',
    'onPremisesLastSyncDateTime',
    'onPremisesNetBiosName',
    'onPremisesProvisioningErrors',
    'onPremisesSamAccountName',
    'onPremisesSecurityIdentifier',
    'onPremisesSyncEnabled',
    'organizationId',
    'preferredDataLocation',
    'preferredLanguage',
    'proxyAddresses',
    'renewedDateTime',
    'resourceBehaviorOptions',
    'resourceProvisioningOptions',
    'securityEnabled',
    'securityIdentifier',
    'serviceProvisioningErrors',
    'theme',
    'uniqueName',
    'unseenConversationsCount',
    'unseenCount',
    'unseenMessagesCount',
    'visibility',
    'welcomeMessageEnabled',
  ],
  readOnly: [
    'id',
    'createdDateTime',
    'deletedDateTime',
    'mail',
    'proxyAddresses',
    'onPremisesDomainName',
    'onPremisesLastSyncDateTime',
    'onPremisesNetBiosName',
    'onPremisesProvisioningErrors',
    'onPremisesSamAccountName',
    'onPremisesSecurityIdentifier',
    'onPremisesSyncEnabled',
    'renewedDateTime',
    'expirationDateTime',
    'securityIdentifier',
    'assignedLicenses',
    'licenseProcessingState',
    'assignedLabels',
    'isManagementRestricted',
    'hasMembersWithLicenseErrors',
    'serviceProvisioningErrors',
  ],
  createOnly: ['isAssignableToRole'],
  selectOnly: [
    'allowExternalSenders',
    'assignedLabels',
    'assignedLicenses',
    'autoSubscribeNewMembers',
    'hideFromAddressLists',
    'hideFromOutlookClients',
    'isSubscribedByMail',
    'licenseProcessingState',
    'unseenCount',
  ],
  requiredOnCreate: ['displayName', 'mailEnabled', 'mailNickname', 'securityEnabled'],
  unique: ['mailNickname', 'uniqueName'],
  alternateKeys: ['uniqueName'],
  extraProperties: /^extension_[0-9a-f]{32}_\w+$/,
  operations: { create: true, update: true, delete: true },
  softDelete: 'directory',
  delta: true,
  directoryObject: true,
  navigation: {
    members: {
      kind: 'links',
      store: 'groupMembers',
      targets: ['users', 'groups', 'servicePrincipals', 'devices', 'orgContacts'],
      writable: true,
      bindable: true,
      delta: true,
      cost: 3,
    },
    owners: {
      kind: 'links',
      store: 'groupOwners',
      targets: ['users', 'servicePrincipals'],
      writable: true,
      bindable: true,
      delta: true,
    },
    appRoleAssignments: {
      kind: 'derived',
      collection: 'appRoleAssignments',
      foreignKey: 'principalId',
      writable: true,
    },
  },
  validateLinkWrite(owner) {
    if (isExchangeManaged(owner)) throw badRequest(EXCHANGE_MANAGED_MESSAGE);
  },
  onCreate(obj, ctx) {
    obj.createdDateTime = ctx.now;
    obj.groupTypes ??= [];
    obj.mail = obj.mailEnabled ? `${String(obj.mailNickname)}@${ctx.initialDomain}` : null;
    obj.proxyAddresses = obj.mailEnabled ? [`SMTP:${String(obj.mail)}`] : [];
    obj.renewedDateTime = ctx.now;
    obj.securityIdentifier = `S-1-12-1-${parseInt(ctx.newId().slice(0, 8), 16)}`;
    obj.visibility ??= null;
  },
  validateWrite(op, body, existing) {
    if (op === 'create' && isExchangeManaged(body)) throw badRequest(CREATE_MAIL_ENABLED);
    if (op === 'update' && existing && isExchangeManaged(existing))
      throw badRequest(EXCHANGE_MANAGED_MESSAGE);
    const groupTypes = (body.groupTypes ?? existing?.groupTypes ?? []) as string[];
    const dynamic = Array.isArray(groupTypes) && groupTypes.includes('DynamicMembership');
    if (op !== 'delete' && dynamic && !(body.membershipRule ?? existing?.membershipRule)) {
      throw badRequest('A dynamic group requires a membershipRule.');
    }
  },
};
