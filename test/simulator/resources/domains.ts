import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';

const federationConfiguration: ResourceDescriptor = {
  name: 'domainFederationConfigurations',
  path: '',
  odataType: 'microsoft.graph.internalDomainFederation',
  properties: [
    'activeSignInUri',
    'displayName',
    'federatedIdpMfaBehavior',
    'id',
    'isSignedAuthenticationRequestRequired',
    'issuerUri',
    'metadataExchangeUri',
    'nextSigningCertificate',
    'passiveSignInUri',
    'passwordResetUri',
    'preferredAuthenticationProtocol',
    'promptLoginBehavior',
    'signOutUri',
    'signingCertificate',
    'signingCertificateUpdateStatus',
  ],
  readOnly: ['id', 'signingCertificateUpdateStatus'],
  requiredOnCreate: ['issuerUri', 'passiveSignInUri', 'signingCertificate'],
  operations: { create: true, update: true, delete: true },
  maxPerParent: 1,
  validateWrite(op, _body, _existing, ctx) {
    if (op !== 'create') return;
    const domain = ctx.parentId ? ctx.lookup('domains', ctx.parentId) : undefined;
    if (domain?.isInitial) throw badRequest('The initial domain cannot be federated.');
  },
};

/**
 * /domains (+ federationConfiguration). The id is the domain name (caller-chosen); a new domain is
 * unverified; the initial *.onmicrosoft.com domain cannot be deleted (graph-notes B22).
 */
export const domains: ResourceDescriptor = {
  name: 'domains',
  path: 'domains',
  odataType: 'microsoft.graph.domain',
  properties: [
    'authenticationType',
    'availabilityStatus',
    'id',
    'isAdminManaged',
    'isDefault',
    'isInitial',
    'isRoot',
    'isVerified',
    'manufacturer',
    'model',
    'passwordNotificationWindowInDays',
    'passwordValidityPeriodInDays',
    'state',
    'supportedServices',
  ],
  readOnly: [
    'id',
    'authenticationType',
    'availabilityStatus',
    'isAdminManaged',
    'isInitial',
    'isRoot',
    'isVerified',
    'manufacturer',
    'model',
    'state',
  ],
  requiredOnCreate: [],
  operations: { create: true, update: true, delete: true },
  callerChosenId: { property: 'id', pattern: /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i },
  navigation: { federationConfiguration: { kind: 'children', child: federationConfiguration } },
  validateWrite(op, _body, existing) {
    if (op === 'delete' && existing?.isInitial)
      throw badRequest('The initial domain cannot be removed.');
  },
  onCreate(obj) {
    obj.id = obj.id.toLowerCase();
    Object.assign(obj, {
      authenticationType: 'Managed',
      availabilityStatus: null,
      isAdminManaged: true,
      isDefault: obj.isDefault ?? false,
      isInitial: false,
      isRoot: true,
      isVerified: false,
      manufacturer: null,
      model: null,
      state: null,
      supportedServices: obj.supportedServices ?? [],
    });
  },
};
