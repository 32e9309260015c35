import { deflateSync } from 'node:zlib';
import type { GraphObject } from '../../tenantState';
import { type CatalogueSource, add, addChildren, nth } from './source';

/** A valid solid-colour PNG (so image viewers and size checks see a real picture). */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer): number => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(width).fill(rgb).flat())]);
  const raw = Buffer.concat(Array(height).fill(row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const stream = (contentType: string, bytes: Buffer) => ({
  contentType,
  base64: bytes.toString('base64'),
});

/** Default branding (locale '0') and two localizations, with logo / background bytes. */
export function addBranding(s: CatalogueSource): void {
  const base = (id: string, text: string): GraphObject => ({
    id,
    backgroundColor: '#0F6CBD',
    headerBackgroundColor: null,
    signInPageText: text,
    usernameHintText: 'someone@contoso.com',
    customAccountResetCredentialsUrl: null,
    customCannotAccessYourAccountText: null,
    customCannotAccessYourAccountUrl: null,
    customForgotMyPasswordText: null,
    customPrivacyAndCookiesText: null,
    customPrivacyAndCookiesUrl: 'https://contoso.com/privacy',
    customResetItNowText: null,
    customTermsOfUseText: null,
    customTermsOfUseUrl: 'https://contoso.com/terms',
    loginPageLayoutConfiguration: null,
    loginPageTextVisibilitySettings: null,
    contentCustomization: null,
    cdnList: ['aadcdn.msftauthimages.net', 'aadcdn.msauthimages.net'],
    backgroundImageRelativeUrl: null,
    bannerLogoRelativeUrl: null,
    customCSSRelativeUrl: null,
    faviconRelativeUrl: null,
    headerLogoRelativeUrl: null,
    squareLogoDarkRelativeUrl: null,
    squareLogoRelativeUrl: null,
  });
  const withImages = (o: GraphObject, colour: [number, number, number]): GraphObject => {
    const cdn = `c_${s.tenantId.slice(0, 8)}/${o.id}`;
    return {
      ...o,
      bannerLogoRelativeUrl: `${cdn}/bannerLogo`,
      squareLogoRelativeUrl: `${cdn}/squareLogo`,
      '@sim.streams': {
        bannerLogo: stream('image/png', solidPng(245, 36, colour)),
        squareLogo: stream('image/png', solidPng(240, 240, colour)),
      },
    };
  };
  addChildren(s.tenant, 'organizationalBrandingLocalizations', 'tenant', [
    withImages(base('0', 'Welcome to Contoso. Sign in with your work account.'), [15, 108, 189]),
    withImages(
      base('fr-FR', 'Bienvenue chez Contoso. Connectez-vous avec votre compte professionnel.'),
      [0, 85, 164],
    ),
    base('de-DE', 'Willkommen bei Contoso. Melden Sie sich mit Ihrem Geschäftskonto an.'),
  ]);
}

/** The organization's verified domains as domain objects, plus a federated one. */
export function addDomains(s: CatalogueSource): void {
  const org = s.tenant.collections.organization[0];
  const verified = (org?.verifiedDomains ?? []) as Array<{
    name: string;
    isInitial?: boolean;
    isDefault?: boolean;
  }>;
  const domain = (name: string, extra: Record<string, unknown>): GraphObject => ({
    id: name,
    authenticationType: 'Managed',
    availabilityStatus: null,
    isAdminManaged: true,
    isDefault: false,
    isInitial: false,
    isRoot: true,
    isVerified: true,
    manufacturer: null,
    model: null,
    passwordNotificationWindowInDays: 14,
    passwordValidityPeriodInDays: 2147483647,
    state: null,
    supportedServices: ['Email', 'OfficeCommunicationsOnline'],
    ...extra,
  });
  for (const v of verified)
    add(s.tenant, 'domains', [
      domain(v.name, { isInitial: !!v.isInitial, isDefault: !!v.isDefault }),
    ]);
  const federated = 'corp.contoso-fed.com';
  add(s.tenant, 'domains', [
    domain(federated, { authenticationType: 'Federated', supportedServices: [] }),
  ]);
  addChildren(s.tenant, 'domainFederationConfigurations', federated, [
    {
      id: s.rng.guid(),
      displayName: 'Contoso ADFS',
      issuerUri: 'http://sts.contoso-fed.com/adfs/services/trust',
      metadataExchangeUri: 'https://sts.contoso-fed.com/adfs/services/trust/mex',
      passiveSignInUri: 'https://sts.contoso-fed.com/adfs/ls/',
      activeSignInUri: 'https://sts.contoso-fed.com/adfs/services/trust/2005/usernamemixed',
      signOutUri: 'https://sts.contoso-fed.com/adfs/ls/?wa=wsignout1.0',
      passwordResetUri: null,
      preferredAuthenticationProtocol: 'wsFed',
      promptLoginBehavior: 'nativeSupport',
      federatedIdpMfaBehavior: 'acceptIfMfaDoneByFederatedIdp',
      isSignedAuthenticationRequestRequired: false,
      signingCertificate: s.rng.base64(64),
      nextSigningCertificate: null,
      signingCertificateUpdateStatus: {
        certificateUpdateResult: 'Success',
        lastRunDateTime: s.when(3),
      },
    },
  ]);
}

/** Group.Unified and Group.Unified.Guest templates; a tenant setting restricting group creation. */
export function addGroupSettings(s: CatalogueSource): void {
  const value = (name: string, type: string, defaultValue: string, description: string) => ({
    name,
    type,
    defaultValue,
    description,
  });
  add(s.tenant, 'groupSettingTemplates', [
    {
      id: '62375ab9-6b52-47ed-826b-58e47e0e304b',
      displayName: 'Group.Unified',
      description:
        'Setting templates define the different settings that can be used for the associated ObjectSettings. This template defines settings that can be used for Unified Groups.',
      deletedDateTime: null,
      values: [
        value(
          'EnableGroupCreation',
          'System.Boolean',
          'true',
          'Flag indicating if group creation feature is on.',
        ),
        value(
          'GroupCreationAllowedGroupId',
          'System.Guid',
          '',
          'Guid of the security group that is always allowed to create Unified Groups.',
        ),
        value('UsageGuidelinesUrl', 'System.String', '', 'A link to the Group Usage Guidelines.'),
        value(
          'AllowGuestsToAccessGroups',
          'System.Boolean',
          'true',
          'Flag indicating if guests are allowed to access any Unified Group content.',
        ),
        value(
          'AllowToAddGuests',
          'System.Boolean',
          'true',
          'Flag indicating if guests are allowed in any Unified Group.',
        ),
        value(
          'ClassificationList',
          'System.String',
          '',
          'A comma-delimited list of valid classification values.',
        ),
      ],
    },
    {
      id: '08d542b9-071f-4e16-94b0-74abb372e3d9',
      displayName: 'Group.Unified.Guest',
      description: 'Settings for a specific Unified Group',
      deletedDateTime: null,
      values: [
        value(
          'AllowToAddGuests',
          'System.Boolean',
          'true',
          'Flag indicating if guests are allowed in a specific Unified Group.',
        ),
      ],
    },
  ]);
  add(s.tenant, 'groupSettings', [
    {
      id: s.rng.guid(),
      displayName: 'Group.Unified',
      templateId: '62375ab9-6b52-47ed-826b-58e47e0e304b',
      values: [
        { name: 'EnableGroupCreation', value: 'false' },
        { name: 'GroupCreationAllowedGroupId', value: nth(s.securityGroups, 0).id },
        { name: 'UsageGuidelinesUrl', value: 'https://contoso.com/groups-guidelines' },
        { name: 'AllowGuestsToAccessGroups', value: 'true' },
        { name: 'AllowToAddGuests', value: 'true' },
        { name: 'ClassificationList', value: 'Public,General,Confidential' },
      ],
    },
  ]);
}

const LABELS = ['Public', 'General', 'Confidential', 'Highly Confidential'];

/** Sensitivity labels (read-only in Graph) and the beta label policy settings. */
export function addSensitivityLabels(s: CatalogueSource): void {
  const ids = LABELS.map(() => s.rng.guid());
  add(
    s.tenant,
    'sensitivityLabels',
    LABELS.map((name, i) => ({
      id: ids[i],
      name,
      displayName: name,
      description: `${name} information.`,
      toolTip: `Apply to ${name.toLowerCase()} content.`,
      autoTooltip: null,
      locale: 'en-US',
      priority: i,
      isDefault: i === 1,
      isScopedToUser: false,
      isEndpointProtectionEnabled: i >= 2,
      hasProtection: i === 3,
      actionSource: 'manual',
    })),
  );
  s.tenant.singletons.labelPolicySettings = {
    id: 'labelPolicySettings',
    defaultLabelId: ids[1],
    isDowngradeJustificationRequired: true,
    isMandatory: true,
    moreInfoUrl: 'https://contoso.com/labels',
  };
}

/** Copilot / Search connectors with a registered schema (items cannot be listed). */
export function addExternalConnections(s: CatalogueSource): void {
  const names = ['contosoWiki', 'contosoTickets', 'contosoCrm'];
  for (let i = 0; i < Math.min(names.length, s.scale + 1); i++) {
    const id = names[i];
    add(s.tenant, 'externalConnections', [
      {
        id,
        name: i === 0 ? 'Contoso wiki' : i === 1 ? 'Contoso tickets' : 'Contoso CRM',
        description: 'Indexed for Microsoft Search and Copilot.',
        state: 'ready',
        connectorId: null,
        contentCategory: 'knowledgeBase',
        configuration: { authorizedAppIds: [] },
        activitySettings: null,
        searchSettings: null,
      },
    ]);
    addChildren(s.tenant, 'externalConnectionSchemas', id, [
      {
        id: 'schema',
        baseType: 'microsoft.graph.externalItem',
        properties: [
          {
            name: 'title',
            type: 'String',
            isSearchable: true,
            isRetrievable: true,
            isQueryable: true,
            labels: ['title'],
            aliases: [],
          },
          {
            name: 'url',
            type: 'String',
            isSearchable: false,
            isRetrievable: true,
            isQueryable: false,
            labels: ['url'],
            aliases: [],
          },
          {
            name: 'lastModified',
            type: 'DateTime',
            isSearchable: false,
            isRetrievable: true,
            isQueryable: true,
            labels: ['lastModifiedDateTime'],
            aliases: [],
          },
        ],
      },
    ]);
  }
}
