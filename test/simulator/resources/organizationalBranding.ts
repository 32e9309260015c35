import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';

const PROPERTIES = [
  'backgroundColor',
  'backgroundImageRelativeUrl',
  'bannerLogoRelativeUrl',
  'cdnList',
  'contentCustomization',
  'customAccountResetCredentialsUrl',
  'customCSSRelativeUrl',
  'customCannotAccessYourAccountText',
  'customCannotAccessYourAccountUrl',
  'customForgotMyPasswordText',
  'customPrivacyAndCookiesText',
  'customPrivacyAndCookiesUrl',
  'customResetItNowText',
  'customTermsOfUseText',
  'customTermsOfUseUrl',
  'faviconRelativeUrl',
  'headerBackgroundColor',
  'headerLogoRelativeUrl',
  'id',
  'loginPageLayoutConfiguration',
  'loginPageTextVisibilitySettings',
  'signInPageText',
  'squareLogoDarkRelativeUrl',
  'squareLogoRelativeUrl',
  'usernameHintText',
];

const READ_ONLY = [
  'id',
  'cdnList',
  'backgroundImageRelativeUrl',
  'bannerLogoRelativeUrl',
  'customCSSRelativeUrl',
  'faviconRelativeUrl',
  'headerLogoRelativeUrl',
  'squareLogoDarkRelativeUrl',
  'squareLogoRelativeUrl',
];

/** Stream properties: GET returns the bytes, PUT uploads them with this content type prefix. */
const STREAMS: Record<string, string> = {
  backgroundImage: 'image/',
  bannerLogo: 'image/',
  squareLogo: 'image/',
  squareLogoDark: 'image/',
  headerLogo: 'image/',
  favicon: 'image/',
  customCSS: 'text/css',
};

/** All locales of the tenant's one organization live under this key (locale '0' = default). */
const LOCALIZATION_STORE = 'organizationalBrandingLocalizations';
const TENANT_KEY = 'tenant';

/** /organization/{id}/branding/localizations[/{locale}]: the id is the locale (caller-chosen). */
export const brandingLocalizations: ResourceDescriptor = {
  name: LOCALIZATION_STORE,
  path: '',
  odataType: 'microsoft.graph.organizationalBrandingLocalization',
  properties: PROPERTIES,
  readOnly: READ_ONLY,
  requiredOnCreate: [],
  operations: { create: true, update: true, delete: true },
  callerChosenId: { property: 'id', pattern: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/ },
  streams: STREAMS,
  validateWrite(op, _body, existing) {
    if (op === 'delete' && existing?.id === '0')
      throw badRequest('The default branding cannot be deleted as a localization.');
  },
};

/**
 * /organization/{id}/branding: the default branding, which is the localization '0'. GET 404 when
 * the tenant never configured branding; PATCH creates it. Image and CSS streams are served as bytes.
 */
export const organizationalBranding: ResourceDescriptor = {
  name: LOCALIZATION_STORE,
  path: '',
  odataType: 'microsoft.graph.organizationalBranding',
  properties: PROPERTIES,
  readOnly: READ_ONLY,
  requiredOnCreate: [],
  operations: { create: true, update: true, delete: false },
  streams: STREAMS,
  navigation: {
    localizations: { kind: 'children', child: brandingLocalizations, parentKey: TENANT_KEY },
  },
};

export const BRANDING_NAVIGATION = {
  branding: {
    kind: 'singleChild' as const,
    child: organizationalBranding,
    id: '0',
    parentKey: TENANT_KEY,
  },
};
